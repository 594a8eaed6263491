"""Checks of what a caller asked before any work, shared by the command line and the HTTP
API: dates, types, tables and regions, each refused with its one-line coded error."""

from __future__ import annotations

import difflib
from datetime import datetime

from ..daterange import date_bounds
from ..errors import FactionmapError
from ..lexicon.states import is_country
from ..model import TYPES
from .fused import RELATION_TYPES
from .tables import TABLES


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
                                      hint=did_you_mean(value.upper(), choices), expected=", ".join(choices))
    what = options.get("what")
    if what is not None and what not in TABLES:
        raise FactionmapError("E407", option="--what value", value=what, hint=did_you_mean(what, tuple(TABLES)),
                              expected=", ".join(TABLES))
    region = options.get("region")
    if region is not None and not is_country(region):
        raise FactionmapError("E408", value=region)


def did_you_mean(value: str, choices: tuple[str, ...]) -> str:
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
