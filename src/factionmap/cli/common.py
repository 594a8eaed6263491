"""What every `factionmap` command shares: the common options, the consoles, the one-line
error report and the table and JSON printers. Below `cli` and `cli_actors`, which both use it."""

from __future__ import annotations

import difflib
import functools
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..daterange import date_bounds
from ..errors import FactionmapError, one_line
from ..lexicon.states import is_country
from ..model import TYPES
from ..query.fused import RELATION_TYPES
from ..query.tables import TABLES

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


# errors in what was typed rather than in the input read: exit status 2, as for a bad option
USAGE_CODES = frozenset({"E400", "E403", "E404", "E406", "E407", "E408", "E409", "E410", "E411"})


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


def check_options(command: str, options: dict) -> None:
    """Refuse, before any work, a date option that is not an ISO date (E403), a `--since`
    that is not a date or time (E409), a type not of the ontology (E407, with the nearest
    one) and a region that is no country (E408): each used to answer nothing, status 0."""
    for name in ("on", "known_on"):
        if options.get(name) is not None:
            date_bounds(options[name])
    if options.get("since") is not None:
        _since(options["since"])
    if options.get("types"):
        choices, option = (RELATION_TYPES, "--types") if command.startswith("network") else (tuple(TYPES), "--type")
        for value in options["types"]:
            if value.upper() not in choices:
                raise FactionmapError("E407", option=f"{option} value", value=value,
                                      hint=_did_you_mean(value.upper(), choices), expected=", ".join(choices))
    what = options.get("what")
    if what is not None and what not in TABLES:
        raise FactionmapError("E407", option="--what value", value=what, hint=_did_you_mean(what, tuple(TABLES)),
                              expected=", ".join(TABLES))
    region = options.get("region")
    if region is not None and not is_country(region):
        raise FactionmapError("E408", value=region)


def _did_you_mean(value: str, choices: tuple[str, ...]) -> str:
    """" (did you mean X?)" for the choice sharing the value's first three letters, else the
    one spelled most like it; "" when none is close."""
    near = [c for c in choices if c.startswith(value[:3])] or difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return f" (did you mean {near[0]}?)" if near else ""


def _since(value: str) -> None:
    try:
        date_bounds(value)
    except FactionmapError:
        try:
            datetime.fromisoformat(value.strip())
        except ValueError:
            raise FactionmapError("E409", value=value) from None


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
