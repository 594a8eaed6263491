"""Resolve time expressions ("on Thursday", "since 2014", "late last year") to TimeSpans.

Relative expressions resolve against the publication date and are never
guessed: when the publication date is missing or too coarse, the span keeps
its text and null dates. A hand-written parser covers the forms news text
uses; `dateparser` is only a fallback, cut to the precision actually written.

Weeks and weekends ("last week", "over the weekend", month precision), "N units
ago" ("roughly 10 years ago", "more than two years ago"), the recent past ("in
recent months", "over the past three weeks") and deadlines ("in less than two
weeks") are read by `reltime`, whose docstring gives the precision of each. A part
of a day keeps the day: "on the morning of 9 November 2024", "in the early hours
of Sunday", "late on Tuesday", "overnight Monday". Words that count from a day the
text told ("the next day", "the following Monday") stay unresolved here; `storytime`
resolves them from that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..lexicon.words import words
from ..model import TimeSpan
from .reltime import from_published

__all__ = ["parse_published", "resolve_time"]

# (start, end, precision); all None means "a time expression we cannot place".
_Span = tuple[str | None, str | None, str | None]
_UNRESOLVED: _Span = (None, None, None)

_LENGTH = {"year": 4, "month": 7, "day": 10}
_RANK = {"day": 0, "month": 1, "year": 2}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_WEEKDAYS = {w: i for i, w in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))}
_NUMBERS = {w: i for i, w in enumerate(
    ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
     "fifteen sixteen seventeen eighteen nineteen twenty").split())}
_NUMBERS.update({"a": 1, "an": 1})
# Seasons as (first month, last month); winter straddles two years, so it only
# resolves with an explicit year.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day"
_NUMBER = r"\d{1,3}|an?|" + "|".join(w for w in _NUMBERS if len(w) > 2)

_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?$")
_YEAR_ONLY = re.compile(rf"^(?:the\s+year\s+)?{_YEAR}$")
_DECADE = re.compile(r"^(?:the\s+)?(?:(?P<c>1[89]|20)(?P<d>\d)0|'(?P<dd>\d)0)'?s$")
_MONTH_DAY = re.compile(rf"^{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?$")
_DAY_MONTH = re.compile(rf"^(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?$")
_MONTH_YEAR = re.compile(
    rf"^(?:(?P<rel>last|past|this|next)\s+)?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?$")
_WEEKDAY_ONLY = re.compile(
    rf"^(?:(?P<rel>last|past|this|next)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?$")
_WEEKDAY_DATED = re.compile(rf"^{_WEEKDAY},?\s+(?P<rest>.+)$")
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
              "this evening": 0, "tomorrow": 1}
_REL_UNIT = re.compile(r"^(?P<rel>last|this|next)\s+(?P<unit>year|month)$")
# "the morning of 9 November 2024", "in the early hours of Sunday", "late on Tuesday": the day
_PART_OF_DAY = re.compile(
    r"^(?:(?:very\s+)?(?:early|late)\s+)?(?:on\s+)?(?:the\s+)?(?:(?:early|small|late|wee)\s+hours"
    r"|(?:early|late)\s+(?:morning|afternoon|evening)|morning|afternoon|evening|night|dawn|daybreak|dusk)"
    r"\s+of\s+(?P<rest>.+)$"
    r"|^(?:(?:very\s+)?early|(?:very\s+)?late|overnight|midday|noon)\s+(?:on\s+)?(?P<rest2>.+)$")
_SEASON = re.compile(
    r"^(?:(?P<rel>the|this|last|past|next)\s+)?(?P<season>spring|summer|autumn|fall|winter)$")
# "mid-2014", "late last year", "the summer of 2014", "earlier this month".
_MODIFIER = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?P<mod>early|earlier|mid|middle|late|later|end|beginning|start"
    r"|first half|second half|spring|summer|autumn|fall|winter)"
    r"(?:\s*-\s*|\s+)(?:(?:of|in)\s+)?(?P<rest>.+)$")
_BETWEEN = re.compile(r"^between\s+(?P<rest>.+)$")
_FROM = re.compile(r"^from\s+(?P<rest>.+)$")
_BOUND = re.compile(
    r"^(?P<kw>ever since|since|starting(?:\s+(?:in|from))?|beginning(?:\s+in)?|after"
    r"|by|until|till|up until|up to|before|prior to|through)\s+(?P<rest>.+)$")
_START_WORDS = words("extract.timeexpr:_START_WORDS")
_PREPOSITION = re.compile(
    r"^(?:in|on|at|during|throughout|around|circa|about|as of|as early as|as late as"
    r"|some ?time in|some ?time)\s+")
# Hyphens only separate a range after a digit, so "mid-2014" stays one point.
_TO_SEP = re.compile(r"(?<=\d)\s*-\s*|\s+-\s+|\s+(?:to|until|till|through|thru)\s+")
_AND_SEP = re.compile(r"\s+and\s+")
_VAGUE = re.compile(
    r"^(?:recently|lately|earlier|later|previously|formerly|soon|now|currently|nowadays|once"
    r"|at the time|at that time|in the past|so far|to date|of late|in the meantime|meanwhile)$"
    r"|^(?:(?:just|only|about|around|some|nearly|almost|barely|less than|more than|over|within"
    rf"|for|in|during|the|a|an|past|last|next|previous|coming|recent|few|couple|of|several|many"
    rf"|following|preceding|same|that|this|those|these|{_NUMBER})\s+)*"
    r"(?:day|week|weekend|month|year|decade|hour)s?"
    r"(?:\s+(?:ago|later|earlier|before|after|prior|since|on))?$")
_TIME_WORD = re.compile(
    r"\b(?:day|week|weekend|month|year|decade|century|spring|summer|autumn|winter|morning"
    r"|night|evening|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|april|june"
    r"|july|august|september|october|november|december)s?\b")
_YEAR_SEARCH = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_SEARCH = re.compile(rf"\b{_MONTH}(?![a-z])")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b")
_DAY_NUMBER = re.compile(r"(?<![\d/.])\b\d{1,2}(?:st|nd|rd|th)?\b(?![/.]\d)")
_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
# Lowercase "may"/"march" alone are far more often a verb than a month.
_LOWER_VERBS = words("extract.timeexpr:_LOWER_VERBS")


@dataclass(frozen=True)
class _Anchor:
    """The publication date and how much of it the document actually gave."""

    day: date
    precision: str
    future: bool

    def has(self, precision: str) -> bool:
        return _RANK[self.precision] <= _RANK[precision]


def parse_published(value: str | None) -> date | None:
    """The publication date as a `date`, or None unless a full day is given."""
    anchor = _anchor(value, False)
    return anchor.day if anchor is not None and anchor.precision == "day" else None


def resolve_time(expr: str, published: str | None, *, future: bool = False) -> TimeSpan | None:
    """Resolve a time expression as written in a sentence, preposition included.

    Returns None when `expr` is not a time expression. Relative expressions
    resolve against `published` (ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"); with
    `future=True` weekdays and months resolve to the next occurrence.
    """
    return _resolve(expr, published, future)


@lru_cache(maxsize=4096)
def _resolve(expr: str, published: str | None, future: bool) -> TimeSpan | None:
    text = expr.strip()
    if not text or text in _LOWER_VERBS:
        return None
    span = _parse(_normalize(text), _anchor(published, future))
    if span is None:
        return None
    return TimeSpan(start=span[0], end=span[1], precision=span[2], text=text)


def _anchor(published: str | None, future: bool) -> _Anchor | None:
    m = _PUBLISHED.match(published.strip()) if published else None
    if m is None:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        anchor_day = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    precision = "day" if day else "month" if month else "year"
    return _Anchor(anchor_day, precision, future)


def _normalize(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"(?<=[a-z])'s\b", "", s)  # "Thursday's"; keeps "1990's"
    s = re.sub(r"\s+", " ", s)
    return s.strip(" ,;:!?()\"'")


def _parse(s: str, a: _Anchor | None) -> _Span | None:
    m = _BETWEEN.match(s)
    if m and (span := _range(m["rest"], _AND_SEP, a)):
        return span
    m = _FROM.match(s)
    if m:
        span = _range(m["rest"], _TO_SEP, a)
        if span:
            return span
        return _open(_parse(m["rest"], a), start=True)
    m = _BOUND.match(s)
    if m:
        return _open(_parse(m["rest"], a), start=m["kw"].startswith(_START_WORDS))
    if (span := _relative(s, a)) is not None:
        return span  # before the preposition goes: "in less than two weeks" is not "less than two weeks"
    while (m := _PREPOSITION.match(s)):
        s = s[m.end():]
    return _point(s, a) or _range(s, _TO_SEP, a) or _fallback(s, a)


def _relative(s: str, a: _Anchor | None) -> _Span | None:
    """Weeks, weekends, "N units ago", the recent past, deadlines (see `reltime`)."""
    return from_published(s, a.day if a else None, a.precision if a else None, bool(a and a.future))


def _open(span: _Span | None, *, start: bool) -> _Span | None:
    if span is None or span[2] is None:
        return span
    return (span[0], None, span[2]) if start else (None, span[1], span[2])


def _range(s: str, separator: re.Pattern[str], a: _Anchor | None) -> _Span | None:
    """The first split of `s` at a separator whose both sides are points."""
    for m in separator.finditer(s):
        left, right = s[: m.start()].strip(), s[m.end():].strip()
        if re.fullmatch(r"\d\d", right) and _YEAR_ONLY.match(left):
            right = left[:2] + right  # "2012-14"
            if right <= left:
                continue
        year = _YEAR_SEARCH.search(right)
        if year and not _YEAR_SEARCH.search(left) and _MONTH_SEARCH.search(left):
            left = f"{left} {year.group()}"  # "from January to March 2015"
        first, last = _side(left, a), _side(right, a)
        if first is None or last is None:
            continue
        if first[2] is None or last[2] is None:
            return _UNRESOLVED
        precision = max(first[2], last[2], key=_RANK.__getitem__)
        cut = _LENGTH[precision]
        return (first[0][:cut], last[1][:cut], precision)
    return None


def _side(s: str, a: _Anchor | None) -> _Span | None:
    while (m := _PREPOSITION.match(s)):
        s = s[m.end():]
    return _point(s, a)


def _point(s: str, a: _Anchor | None) -> _Span | None:
    """A single time: a day, month, year, season or decade, absolute or relative."""
    if m := _ISO.match(s):
        return _absolute(int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)
    if m := _YEAR_ONLY.match(s):
        return _year(int(m["y"]))
    if m := _MONTH_YEAR.match(s):
        month = _MONTHS[m["mon"][:3]]
        if m["y"]:
            return _month(int(m["y"]), month)
        return _relative_month(month, m["rel"], a)
    if (m := _MONTH_DAY.match(s)) or (m := _DAY_MONTH.match(s)):
        month, day = _MONTHS[m["mon"][:3]], int(m["d"])
        if m["y"]:
            return _absolute(int(m["y"]), month, day)
        return _relative_day(month, day, a)
    if m := _WEEKDAY_ONLY.match(s):
        return _relative_weekday(_WEEKDAYS[m["wd"]], m["rel"], a)
    if s in _DAY_WORDS:
        if a is None or not a.has("day"):
            return _UNRESOLVED
        return _day(a.day + timedelta(days=_DAY_WORDS[s]))
    if m := _REL_UNIT.match(s):
        shift = {"last": -1, "this": 0, "next": 1}[m["rel"]]
        if a is None or not a.has(m["unit"]):
            return _UNRESOLVED
        if m["unit"] == "year":
            return _year(a.day.year + shift)
        return _month(*_add_months(a.day.year, a.day.month, shift))
    if (span := _relative(s, a)) is not None:
        return span
    if m := _DECADE.match(s):
        if m["c"]:
            first = int(m["c"] + m["d"] + "0")
        else:  # "'90s" is the 1990s, "'00s" and "'10s" this century
            first = (1900 if int(m["dd"]) >= 2 else 2000) + int(m["dd"]) * 10
        return (str(first), str(first + 9), "year")
    if m := _SEASON.match(s):
        return _relative_season(m["season"], m["rel"], a)
    if (m := _PART_OF_DAY.match(s)) and (span := _point(m["rest"] or m["rest2"], a)) and span[2] == "day":
        return span
    if m := _MODIFIER.match(s):
        return _modified(m["mod"], m["rest"], a)
    if m := _WEEKDAY_DATED.match(s):
        span = _point(m["rest"], a)  # "Thursday, Aug. 13, 2015": the date wins
        if span is not None and span[2] == "day":
            return span
    if _VAGUE.match(s):
        return _UNRESOLVED
    return None


def _modified(mod: str, rest: str, a: _Anchor | None) -> _Span | None:
    """Early/mid/late and seasons keep the year (or month) they modify; no finer guess."""
    span = _point(rest, a)
    if span is None or span[2] is None:
        return span
    if mod in _SEASONS or mod == "winter":
        return span if span[2] == "year" else None
    return span


# words before a weekday, month or season that point back: "last Tuesday", "past summer"
_PAST_WORDS = words("extract.timeexpr:_PAST_WORDS")


def _relative_weekday(weekday: int, rel: str | None, a: _Anchor | None) -> _Span:
    if a is None or not a.has("day"):
        return _UNRESOLVED
    back = (a.day.weekday() - weekday) % 7
    ahead = (weekday - a.day.weekday()) % 7
    if rel in _PAST_WORDS:
        delta = -(back or 7)
    elif rel == "next":
        delta = ahead or 7
    else:
        delta = ahead if a.future else -back
    return _day(a.day + timedelta(days=delta))


def _relative_month(month: int, rel: str | None, a: _Anchor | None) -> _Span:
    if a is None or not a.has("month"):
        return _UNRESOLVED
    year, current = a.day.year, a.day.month
    if rel in _PAST_WORDS:
        year -= month >= current
    elif rel == "next":
        year += month <= current
    elif rel != "this":
        year += (month < current) if a.future else -(month > current)
    return _month(year, month)


def _relative_day(month: int, day: int, a: _Anchor | None) -> _Span | None:
    if a is None or not a.has("day"):
        return _UNRESOLVED
    year = a.day.year
    try:
        candidate = date(year, month, day)
        if a.future and candidate < a.day:
            candidate = date(year + 1, month, day)
        elif not a.future and candidate > a.day:
            candidate = date(year - 1, month, day)
    except ValueError:
        return None
    return _day(candidate)


def _relative_season(season: str, rel: str | None, a: _Anchor | None) -> _Span:
    if season == "winter" or a is None or not a.has("month"):
        return _UNRESOLVED
    first, last = _SEASONS[season]
    year, month = a.day.year, a.day.month
    if rel in _PAST_WORDS:
        year -= month <= last  # the most recent season already over
    elif rel == "next":
        year += month >= first
    elif rel != "this":
        year += (month > last) if a.future else -(month < first)
    return _year(year)


def _fallback(s: str, a: _Anchor | None) -> _Span | None:
    """Ask dateparser about forms the parser does not know, at the precision written."""
    numeric = _NUMERIC_DATE.search(s)
    has_month = _MONTH_SEARCH.search(s) is not None
    has_year = numeric is not None or _YEAR_SEARCH.search(s) is not None
    if numeric or (has_month and _DAY_NUMBER.search(s)):
        precision, parts = "day", ["day", "month"]
    elif has_month:
        precision, parts = "month", ["month"]
    elif has_year:
        precision, parts = "year", []
    else:
        return _UNRESOLVED if _TIME_WORD.search(s) else None
    if has_year:
        parts.append("year")
    elif a is None or not a.has(precision):
        return _UNRESOLVED
    parsed = _dateparser(s, a, tuple(parts))
    if parsed is None:
        return _UNRESOLVED if _TIME_WORD.search(s) else None
    iso = parsed.isoformat()[: _LENGTH[precision]]
    return (iso, iso, precision)


def _dateparser(s: str, a: _Anchor | None, parts: tuple[str, ...]) -> date | None:
    import dateparser  # slow to import; most expressions never need it

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if a is not None and a.future else "past",
        "REQUIRE_PARTS": list(parts),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if a is not None:
        settings["RELATIVE_BASE"] = datetime(a.day.year, a.day.month, a.day.day)
    parsed = dateparser.parse(s, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


def _absolute(year: int, month: int, day: int | None) -> _Span | None:
    try:
        date(year, month, day or 1)
    except ValueError:
        return None
    return _month(year, month) if day is None else _day(date(year, month, day))


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _day(d: date) -> _Span:
    iso = d.isoformat()
    return (iso, iso, "day")


def _month(year: int, month: int) -> _Span:
    iso = f"{year:04d}-{month:02d}"
    return (iso, iso, "month")


def _year(year: int) -> _Span:
    return (f"{year:04d}", f"{year:04d}", "year")
