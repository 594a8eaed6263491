"""ISO dates cut to their precision ("2013", "2015-07", "2015-08-13") as day ranges.

A year stands for every day in it: "2013" starts on 2013-01-01 when it
starts something and ends on 2013-12-31 when it ends something.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Iterable

from .errors import FactionmapError
from .model import TimeSpan

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bounds(value: str) -> tuple[date, date]:
    """The first and last day `value` can mean; E403 when it is not an ISO date."""
    match = _ISO.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise FactionmapError("E403", value=value)
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        raise FactionmapError("E403", value=value) from None


def parse_on(value: str | None) -> tuple[date, str]:
    """The day a question is asked about and its text; None means today.

    A month or a year given as `on` is read as its last day: "who led in
    2015" asks about the state at the end of 2015.
    """
    if value is None:
        today = date.today()
        return today, today.isoformat()
    return date_bounds(value)[1], value.strip()


def span_of(times: Iterable[TimeSpan]) -> tuple[str | None, str | None]:
    """The earliest start and the latest end among time spans (ISO strings)."""
    starts, ends = [], []
    for t in times:
        if t.start:
            starts.append((date_bounds(t.start)[0], t.start))
        if t.end:
            ends.append((date_bounds(t.end)[1], t.end))
    return (min(starts)[1] if starts else None, max(ends)[1] if ends else None)
