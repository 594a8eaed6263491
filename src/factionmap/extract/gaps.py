"""A claim told in an "after"/"before" phrase, dated from the main date by the gap the text
states: "On 31 January, a day after a bomber struck the market, ..." puts the bombing on
30 January; "hours after the attack" is the same day; "days after" leaves it undated.
"""

from __future__ import annotations

import re

from ..lexicon.words import words
from ..model import TimeSpan
from .context import _date_tokens, resolve_date_token
from .reltime import number, parse_iso, shifted

# the edges of a clause: a phrase above one belongs to another clause
_CLAUSE_EDGES = frozenset({"ccomp", "advcl", "xcomp", "acl", "relcl", "parataxis"})
_GAP = re.compile(r"^(?:(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)\s+)?"
                  r"(?P<unit>day|week|month|year|hour|minute)s?$")


# the words that tell one event after or before another: "a day after a bomber struck"
AFTER_BEFORE = words("extract.gaps:AFTER_BEFORE")


# units of a gap shorter than a day: "hours after the attack" is the same day
SHORT_UNITS = words("extract.gaps:SHORT_UNITS")


# units of a gap counted from a day: "a day after", "two weeks before"
DAY_UNITS = words("extract.gaps:DAY_UNITS")


def _after_phrase(trigger):
    """(the phrase, its "after"/"before") when the trigger is told in an "after"/"before"
    clause or phrase ("a day after a bomber struck", "hours after the attack")."""
    for c in (trigger, *trigger.ancestors):
        if c.dep_ == "advcl":
            marker = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in AFTER_BEFORE), None)
            if marker is not None:
                return c, marker
        elif c.dep_ in ("pobj", "pcomp") and c.head.lower_ in AFTER_BEFORE and c.head.pos_ in ("ADP", "SCONJ"):
            return c, c.head
        if c.dep_ in _CLAUSE_EDGES:
            return None
    return None


def _across(d, trigger, time: TimeSpan, published: str | None) -> TimeSpan | None:
    """An event told in an "after"/"before" phrase that the date is outside of, dated from
    it by the gap the text states ("on Jan. 31, a day after" -> Jan. 30; "hours after" ->
    the same day). With no gap stated the date is left as it is."""
    found = _after_phrase(trigger)
    if found is None or not (time.start or time.end or _is_gap(d)):
        return None
    phrase, marker = found
    inside = {t.i for t in phrase.subtree} | {t.i for t in marker.subtree}
    if d.i in inside and not _is_gap(d):
        return None  # "after the attack on Monday": the phrase's own date
    gap = _gap(phrase, marker)
    if gap is None:
        return None
    if _is_gap(d):  # "two days after the bombing": the gap was taken for the date
        main = [(t, resolve_date_token(t, published)) for t in _date_tokens(trigger.sent)
                if t.i not in inside and not _is_gap(t)]
        main = [(t, span) for t, span in main if span.start and span.start == span.end]
        if not main:
            return TimeSpan()
        d, time = min(main, key=lambda ts: abs(ts[0].i - marker.i))
    if time.precision is None or not time.start or time.start != time.end:
        return TimeSpan()
    n, unit, words = gap
    if unit in SHORT_UNITS:
        n, unit = 0, "day"
    if time.precision != "day" and unit in DAY_UNITS:
        return TimeSpan()
    sign = -1 if marker.lower_ == "after" else 1
    start, end, precision = shifted(parse_iso(time.start), sign * n, unit)
    return TimeSpan(start, end, precision, text=f"{time.text}, {words} {marker.lower_}")


def _is_gap(tok) -> bool:
    """'two days' in 'two days after the bombing', 'hours' in 'hours after the attack'."""
    return tok.dep_ == "npadvmod" and (tok.head.lower_ in AFTER_BEFORE or any(
        c.dep_ in ("mark", "prep") and c.lower_ in AFTER_BEFORE and c.i > tok.i
        for c in (*tok.head.children, *tok.children)))


def _gap(phrase, marker):
    """(n, unit, words) of "a day", "two weeks", "hours" said before "after"/"before"."""
    cands = [t for t in (*phrase.children, *marker.children) if t.dep_ == "npadvmod" and t.i < marker.i]
    if marker.head.i < marker.i and marker.dep_ == "prep" and marker.head.dep_ == "npadvmod":
        cands.append(marker.head)  # "Hours after the attack": the gap heads the preposition
    for t in cands:
        words = " ".join(w.lower_ for w in t.subtree if w.i <= t.i)
        m = _GAP.match(" ".join(words.split()))
        if m is None:
            continue
        if m["n"] is None and m["unit"] not in SHORT_UNITS:
            return None  # "days after": how many is unsaid
        return (number(m["n"]) if m["n"] else 0), m["unit"], words
    return None
