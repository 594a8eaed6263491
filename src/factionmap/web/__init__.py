"""The HTTP API and the web app (`factionmap serve`): FastAPI over the same library
functions as the command line. Imported only when serving, so the CLI starts without it."""

from .app import create_app

__all__ = ["create_app"]
