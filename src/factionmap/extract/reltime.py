"""Relative time words that count from a day: the publication date, or a day the story told.

Two kinds, both never guessed beyond what the words say:

- counted from the publication date (`from_published`, used by `timeexpr`):
  weeks and weekends ("last week", "this weekend"), "N units ago" with its
  approximators ("roughly 10 years ago", "more than two years ago"), the recent
  past ("in recent months", "over the past three weeks") and short future bounds
  ("in less than two weeks", "within the next three days");
- counted from a day the text gave before (`from_reference`, used by `storytime`):
  "the next day", "earlier in the day", "later that day", "two days later", "hours
  later" (the same day), "the following Monday" (the first Monday after that day),
  "that year", "the following month".

Precision follows what a unit can name:

- days name a day ("three days ago" is a day; "the next day" too);
- a week names no day: a week is written as the month it falls in, or a two-month
  range when it straddles two ("last week" in a paper of Tuesday 2024-08-06 is
  2024-07..2024-08, month precision); "N weeks ago" is the week that holds the day
  7N days back;
- a weekend is fuzzy like a week: the month of its Saturday to the month of its Sunday
  ("over the weekend" in a paper of Tuesday 2022-08-02 is 2022-07). Its days are
  known (Saturday to Sunday), but a day-precision range is read as two different days
  by the fusion of tellings (`incidents._compatible`, `fusion_doc._times_compatible`
  compare day starts), so "killed over the weekend" would stay apart from "early on
  Sunday" told next; at month precision the day told elsewhere refines it;
- months name a month, years and decades a year;
- the recent past is a range from its beginning to the publication: "the past three
  weeks" counts exactly, "recent" and "few" (how far back is unsaid) are read at a
  coarser precision (recent days and weeks at month, recent months at year, over six
  months); "recent years" and "the past few decades" reach back no one says how far
  and stay unresolved;
- "more than N units ago" ends at the day N units back (start null); "less than N
  units ago" runs from there to the publication;
- "in less than N units" / "within N units" is a deadline only for what is still to
  come (`future`): end = publication + N units, start null; said of the past it is a
  duration ("took the city in less than two weeks") and names no date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon.words import words

Span = tuple[str | None, str | None, str | None]
UNRESOLVED: Span = (None, None, None)
_RANK = {"day": 0, "month": 1, "year": 2}
_NUMBERS = {w: i for i, w in enumerate(
    ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
     "fifteen sixteen seventeen eighteen nineteen twenty").split())}
_NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "thirty": 30, "forty": 40, "fifty": 50})
_WEEKDAYS = {w: i for i, w in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))}
_N = r"\d{1,3}|an?|(?:a\s+)?couple\s+of|" + "|".join(w for w in _NUMBERS if len(w) > 2 and " " not in w)
_UNIT = r"(?P<unit>day|week|month|year|decade|century|centurie)s?"
_ABOUT = (r"(?:(?:roughly|about|around|some|nearly|almost|approximately|circa|close\s+to|just|only|barely"
          r"|precisely|exactly|at\s+least|at\s+most)\s+)?")

_WEEK = re.compile(r"^(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>last|this|next|the\s+past|this\s+past)\s+week$")
_WEEKEND = re.compile(r"^(?:over\s+|at\s+|during\s+)?(?P<rel>last|this|the|this\s+past|the\s+past)\s+weekend$")
_AGO = re.compile(rf"^(?P<bound>more\s+than\s+|over\s+|upwards\s+of\s+|less\s+than\s+|under\s+|not\s+even\s+)?"
                  rf"{_ABOUT}(?P<n>{_N})\s+{_UNIT}\s+ago$")
_RECENT = re.compile(rf"^(?:in|over|during|throughout|within)?\s*(?:the\s+)?"
                     rf"(?:(?P<vague>recent|past\s+few|last\s+few|past\s+several|last\s+several|past\s+couple\s+of"
                     rf"|last\s+couple\s+of)|(?:past|last|previous)\s+(?P<n>{_N}))\s+{_UNIT}$")
_DEADLINE = re.compile(rf"^(?:(?P<soft>in\s+less\s+than|in\s+under|within|in\s+no\s+more\s+than)"
                       rf"|(?P<sure>within\s+the\s+next|in\s+the\s+next|in\s+the\s+coming|over\s+the\s+next))"
                       rf"\s+{_ABOUT}(?P<n>{_N})\s+{_UNIT}$")

# counted from a day the text told before
_SAME_DAY = re.compile(r"^(?:(?:earlier|later|early|late)\s+)?(?:on\s+|in\s+|during\s+)?(?:that|the\s+same)\s+"
                       r"(?:day|morning|afternoon|evening|night)$"
                       r"|^(?:earlier|later)\s+(?:in|during)\s+the\s+(?:day|morning|afternoon|evening)$"
                       rf"|^(?:(?:a\s+few|several|some|{_N})\s+)?(?:hours?|minutes?)\s+"
                       r"(?:later|after|afterwards|earlier|before)$")
_NEXT_DAY = re.compile(r"^(?:on\s+)?the\s+(?P<rel>next|following|previous|preceding)\s+"
                       r"(?:day|morning|afternoon|evening|night)$"
                       r"|^(?:on\s+)?the\s+day\s+(?P<rel2>after|before)$")
_LATER = re.compile(rf"^{_ABOUT}(?P<n>{_N})\s+{_UNIT}\s+(?P<dir>later|earlier|after|before|afterwards|previously)$")
_NEXT_WEEKDAY = re.compile(r"^(?:on\s+)?the\s+(?P<rel>following|next|previous|preceding)\s+"
                           r"(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day$")
_NEXT_UNIT = re.compile(r"^(?:in\s+|during\s+)?(?:the\s+(?P<rel>following|next|previous|preceding|same)|that)"
                        r"\s+(?P<unit>week|month|year)$")

# units longer than a day, counted from a month or a year told: "two years later"
COARSE_UNITS = words("extract.reltime:COARSE_UNITS")
# words that count the day after the one told: "the next day", "the following morning", "the day after"
FORWARD_WORDS = words("extract.reltime:FORWARD_WORDS")
# words for the first weekday after the day told: "the following Monday", "the next Friday"
NEXT_WORDS = words("extract.reltime:NEXT_WORDS")
# words that count a gap forward from the day told: "two days later", "a week after", "months afterwards"
LATER_WORDS = words("extract.reltime:LATER_WORDS")
# words for the seven days up to publication: "the past week", "this past week"
PAST_WEEK_WORDS = words("extract.reltime:PAST_WEEK_WORDS")
# words for the first days of the week: "earlier this week", "early this week"
EARLY_WORDS = words("extract.reltime:EARLY_WORDS")
# words for the last days of the week: "later this week", "late this week"
LATE_WORDS = words("extract.reltime:LATE_WORDS")
# words for the weekend to come, said of the future: "this weekend", "the weekend"
COMING_WEEKEND_WORDS = words("extract.reltime:COMING_WEEKEND_WORDS")
# bounds that put an event before the day counted back: "more than two years ago", "over a year ago"
MORE_THAN_WORDS = words("extract.reltime:MORE_THAN_WORDS")
# bounds that run from the day counted back to publication: "less than two years ago", "not even a week ago"
LESS_THAN_WORDS = words("extract.reltime:LESS_THAN_WORDS")
# units of a deadline counted in days: "within three days", "in less than two weeks"
DAY_UNITS = words("extract.reltime:DAY_UNITS")


def number(word: str) -> int:
    word = " ".join(word.split())
    return int(word) if word.isdigit() else _NUMBERS[word]


def from_published(s: str, day: date | None, precision: str | None, future: bool) -> Span | None:
    """The span of a normalized expression counted from the publication `day`, or None when
    `s` is none of this module's forms. `precision` is how much of the day the document gave;
    with no publication date (or too coarse a one) the form stays unresolved."""
    for pattern, read in ((_WEEK, _week), (_WEEKEND, _weekend), (_AGO, _ago), (_RECENT, _recent),
                          (_DEADLINE, _deadline)):
        m = pattern.match(s)
        if m:
            needed = "day" if read in (_week, _weekend) else _ago_precision(_unit(m))
            if day is None or precision is None or _RANK[precision] > _RANK[needed]:
                return UNRESOLVED
            return read(m, day, future)
    return None


def from_reference(s: str, start: str, precision: str) -> Span | None:
    """The span of an expression counted from a told day ("the next day"), or None when `s`
    is none of these forms; unresolved when the told time is too coarse for it."""
    s = " ".join(s.lower().split())
    ref = parse_iso(start)
    m_same, m_next, m_later = _SAME_DAY.match(s), _NEXT_DAY.match(s), _LATER.match(s)
    m_wd, m_unit = _NEXT_WEEKDAY.match(s), _NEXT_UNIT.match(s)
    if not (m_same or m_next or m_later or m_wd or m_unit):
        return None
    if m_unit:
        unit = m_unit["unit"]
        need = "month" if unit == "week" else unit
        if _RANK[precision] > _RANK[need]:
            return UNRESOLVED
        shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(m_unit["rel"] or "", 0)
        if unit == "week":
            if precision != "day":
                return _month_span(ref) if shift == 0 else UNRESOLVED
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
            return _months(monday, monday + timedelta(days=6))
        if unit == "year":
            return _year_span(ref.year + shift)
        return _month_span(_add_months(ref, shift))
    if precision != "day" and not (m_later and _unit(m_later) in COARSE_UNITS):
        return UNRESOLVED
    if m_same:
        return _day_span(ref)
    if m_next:
        forward = (m_next["rel"] or m_next["rel2"]) in FORWARD_WORDS
        return _day_span(ref + timedelta(days=1 if forward else -1))
    if m_wd:
        weekday = _WEEKDAYS[m_wd["wd"]]
        if m_wd["rel"] in NEXT_WORDS:
            return _day_span(ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7))
        return _day_span(ref - timedelta(days=(ref.weekday() - weekday) % 7 or 7))
    sign = 1 if m_later["dir"] in LATER_WORDS else -1
    unit = _unit(m_later)
    if _RANK[precision] > _RANK[_ago_precision(unit)]:
        return UNRESOLVED
    return shifted(ref, sign * number(m_later["n"]), unit)


def shifted(ref: date, n: int, unit: str) -> Span:
    """The day `n` units after `ref` (before, when negative), at the precision the unit names."""
    if unit == "day":
        return _day_span(ref + timedelta(days=n))
    if unit == "week":
        target = ref + timedelta(weeks=n)
        monday = target - timedelta(days=target.weekday())
        return _months(monday, monday + timedelta(days=6))
    if unit == "month":
        return _month_span(_add_months(ref, n))
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    return _year_span(ref.year + years)


def _unit(m: re.Match) -> str:
    unit = m["unit"]
    return "century" if unit.startswith("centur") else unit


def _ago_precision(unit: str) -> str:
    return {"day": "day", "week": "day", "month": "month"}.get(unit, "year")


def _week(m: re.Match, day: date, future: bool) -> Span:
    monday = day - timedelta(days=day.weekday())
    rel, mod = " ".join(m["rel"].split()), m["mod"]
    if rel in PAST_WEEK_WORDS:
        return _months(day - timedelta(days=7), day)  # the seven days up to publication
    if rel == "last":
        monday -= timedelta(weeks=1)
    elif rel == "next":
        monday += timedelta(weeks=1)
    first, last = monday, monday + timedelta(days=6)
    if rel == "this":
        if mod in EARLY_WORDS or (mod is None and not future):
            last = day  # "earlier this week", or a past event "this week": up to publication
        elif mod in LATE_WORDS:
            first = day
    return _months(first, last)


def _weekend(m: re.Match, day: date, future: bool) -> Span:
    rel = " ".join(m["rel"].split())
    weekday = day.weekday()
    if weekday >= 5:  # published on a Saturday or a Sunday: the weekend under way
        saturday = day - timedelta(days=weekday - 5)
        if rel == "last":
            saturday -= timedelta(weeks=1)
    elif future and rel in COMING_WEEKEND_WORDS:
        saturday = day + timedelta(days=5 - weekday)
    else:
        saturday = day - timedelta(days=weekday + 2)
    return _months(saturday, saturday + timedelta(days=1))


def _ago(m: re.Match, day: date, future: bool) -> Span:
    unit = _unit(m)
    point = shifted(day, -number(m["n"]), unit)
    bound = " ".join((m["bound"] or "").split())
    if bound in MORE_THAN_WORDS:
        return (None, point[1], point[2])  # before then
    if bound in LESS_THAN_WORDS:
        cut = {"day": 10, "month": 7, "year": 4}[point[2]]
        return (point[0], day.isoformat()[:cut], point[2])  # since then
    return point


def _recent(m: re.Match, day: date, future: bool) -> Span:
    unit = _unit(m)
    if m["vague"]:
        back = {"day": ("day", 7, "month"), "week": ("week", 4, "month"), "month": ("month", 6, "year")}
        if unit not in back:
            return UNRESOLVED  # "recent years", "the past few decades": how far back is anyone's guess
        step, n, precision = back[unit]
    else:
        n, precision = number(m["n"]), {"day": "day", "week": "month", "month": "month"}.get(unit, "year")
        step = unit
    start = _back(day, n, step)
    cut = {"day": 10, "month": 7, "year": 4}[precision]
    return (start.isoformat()[:cut], day.isoformat()[:cut], precision)


def _deadline(m: re.Match, day: date, future: bool) -> Span:
    if m["soft"] and not future:
        return UNRESOLVED  # said of the past, "in less than two weeks" is how long it took
    unit = _unit(m)
    n = number(m["n"])
    if unit in DAY_UNITS:
        return (None, (day + timedelta(days=n * (7 if unit == "week" else 1))).isoformat(), "day")
    end = shifted(day, n, unit)
    return (None, end[1], end[2])


def _back(day: date, n: int, unit: str) -> date:
    if unit == "day":
        return day - timedelta(days=n)
    if unit == "week":
        return day - timedelta(weeks=n)
    if unit == "month":
        return _add_months(day, -n)
    years = n * {"year": 1, "decade": 10, "century": 100}.get(unit, 1)
    return _add_months(day, -12 * years)


def _add_months(d: date, shift: int) -> date:
    index = d.year * 12 + d.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def parse_iso(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _months(first: date, last: date) -> Span:
    return (f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}", "month")


def _day_span(d: date) -> Span:
    return (d.isoformat(), d.isoformat(), "day")


def _month_span(d: date) -> Span:
    iso = f"{d.year:04d}-{d.month:02d}"
    return (iso, iso, "month")


def _year_span(year: int) -> Span:
    return (f"{year:04d}", f"{year:04d}", "year")


_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())} | {
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100}


def anniversary_of(trigger, start: str | None, precision: str | None) -> Span | None:
    """"on 3 January 2024, the fourth anniversary of his killing": the killing was four years
    before the day given, which is the anniversary's, not the event's. Returns the event's
    span (None start when the years are unsaid), or None when the trigger names no anniversary."""
    prep = trigger.head
    if not (trigger.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() == "anniversary"):
        return None
    words = [c.lower_ for c in prep.head.children if c.dep_ in ("amod", "nummod", "compound")]
    years = next((_ORDINALS.get(w) or int(re.sub(r"\D", "", w)) for w in words
                  if w in _ORDINALS or re.fullmatch(r"\d+(st|nd|rd|th)", w)), None)
    if years is None or not start or precision not in ("day", "month", "year"):
        return UNRESOLVED
    year = int(start[:4]) - years
    if year < 1:
        return UNRESOLVED
    moved = f"{year:04d}{start[4:]}"
    if precision == "day":
        try:
            date.fromisoformat(moved)
        except ValueError:  # 29 February of a year with none: the month is still known
            return (moved[:7], moved[:7], "month")
    return (moved, moved, precision)
