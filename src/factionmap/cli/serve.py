"""`factionmap serve`: the HTTP API and the web app (`factionmap.web`), served by uvicorn.
Registered on the main app by `cli.main` with `register(app)`; FastAPI and uvicorn are
imported only when the command runs. No `from __future__ import annotations`: typer reads
the annotations of the command defined inside `register`."""

import os
from typing import Annotated, Optional

import typer

from ..store.sqlite import Store
from .common import DEFAULT_DB, DbOption, JsonOption, _err, _print_json, _reports_errors


def register(app: typer.Typer) -> None:
    """Add the `serve` command to `app`."""

    @app.command("serve")
    @_reports_errors
    def serve(
        db: DbOption = DEFAULT_DB,
        host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this machine only).")]
        = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
        cors: Annotated[Optional[list[str]], typer.Option(
            "--cors", help="Origin allowed to call the API from another site (repeatable; default: none).")] = None,
        max_body_kb: Annotated[int, typer.Option(
            "--max-body-kb", help="Largest POST body accepted, in KiB.")] = 2048,
        check: Annotated[bool, typer.Option(
            "--check", help="Build the app and print what it would serve, then exit (no server).")] = False,
        as_json: JsonOption = False,
    ) -> None:
        """Serve the HTTP API (/api, OpenAPI at /docs) and the web app; read-only unless
        FACTIONMAP_TOKEN is set, which lets a caller with that token add documents."""
        Store.open(db, create=False).close()  # E305 before anything starts
        from ..web import create_app

        token = os.environ.get("FACTIONMAP_TOKEN") or None
        web_app = create_app(db, token=token, cors=tuple(cors or ()), max_body=max_body_kb * 1024)
        info = {"url": f"http://{host}:{port}/", "db": str(db), "ingest": token is not None,
                "cors": list(cors or ()), "routes": sorted(web_app.openapi()["paths"])}
        if check:
            return _print_json(info) if as_json else typer.echo("\n".join(f"{k}: {v}" for k, v in info.items()))
        import uvicorn

        _err().print(f"factionmap serving {db} at {info['url']} (API docs: {info['url']}docs; "
                     f"{'POST /api/documents needs the token' if token else 'read-only'}); Ctrl-C stops")
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
