"""What every `factionmap` command shares: the common options, the consoles, the one-line
error report and the table and JSON printers. Below `cli` and `cli_actors`, which both use it."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import FactionmapError, one_line

# Options shared by the commands: one definition each, reused everywhere.
DbOption = Annotated[Path, typer.Option(
    "--db", envvar="FACTIONMAP_DB", help="SQLite database to read and write (env FACTIONMAP_DB).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
OnOption = Annotated[Optional[str], typer.Option(
    "--on", help="Date to answer for: YYYY-MM-DD, YYYY-MM or YYYY (default: today).")]
KnownOnOption = Annotated[Optional[str], typer.Option(
    "--known-on", help="Use only documents published by this date (what could be known then).")]
DEFAULT_DB = Path("factionmap.db")
PIPED_WIDTH = 120


def _out() -> Console:
    # built per call so output follows the current sys.stdout (tests swap it);
    # piped output gets a fixed width wide enough for the tables, so files and
    # docs made from it do not depend on the terminal
    piped = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return Console(markup=False, highlight=False, width=PIPED_WIDTH if piped else None)


def _err() -> Console:
    # soft wrap: an error is one line whatever the terminal's width (a pipe's too)
    return Console(stderr=True, markup=False, highlight=False, soft_wrap=True)


def _reports_errors(command: Callable) -> Callable:
    """Turn a library FactionmapError into one red line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactionmapError as exc:
            _err().print(f"error: {one_line(exc, 2000)}", style="bold red")
            raise typer.Exit(1) from None

    return wrapper


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _table(*columns: str, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column)
    return table


def _time(start: str | None, end: str | None) -> str:
    if start and end:
        return start if start == end else f"{start}..{end}"
    return f"since {start}" if start else f"until {end}" if end else "?"
