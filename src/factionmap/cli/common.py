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

from ..errors import USAGE_CODES, FactionmapError, one_line
from ..query.checks import check_options, did_you_mean as _did_you_mean  # noqa: F401 (commands import them here)

# Options shared by the commands: one definition each, reused everywhere.
DbOption = Annotated[str, typer.Option(
    "--db", envvar="FACTIONMAP_DB",
    help="SQLite file, or postgresql://user@host:port/dbname, to read and write (env FACTIONMAP_DB).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
OnOption = Annotated[Optional[str], typer.Option(
    "--on", help="Date to answer for: YYYY-MM-DD, YYYY-MM or YYYY (default: today).")]
KnownOnOption = Annotated[Optional[str], typer.Option(
    "--known-on", help="Use only documents published by this date (what could be known then).")]
DEFAULT_DB = "factionmap.db"
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
    """Check the options every command shares (`check_options`), then run the command; a
    FactionmapError is one red line on stderr (under --json: the error object on stdout,
    `print_json_error`) and exit status 2 for a usage mistake, 1 else."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            check_options(command.__name__, kwargs)
            return command(*args, **kwargs)
        except FactionmapError as exc:
            status = 2 if exc.code in USAGE_CODES else 1
            if kwargs.get("as_json"):
                print_json_error(exc.code, exc.message, status)
            else:
                _err().print(f"error: {one_line(exc, 2000)}", style="bold red")
            raise typer.Exit(status) from None

    return wrapper


def print_json_error(code: str, message: str, status: int) -> None:
    """What every command prints on stdout under --json when it fails: one object with the
    single key "error" (an answer is never such an object)."""
    _print_json({"error": {"code": code, "message": one_line(message, 2000), "exit_status": status}})


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
