"""The `factionmap` command, one module per command group, a thin layer over the library.
"""

from __future__ import annotations

from .main import app, main

__all__ = ["app", "main"]
