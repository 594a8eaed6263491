"""When each fact holds: intervals derived from the events the facts record.

- A LEADERSHIP or MEMBERSHIP ends when the person dies (at the date of death, not of its
  announcement; an undated death by the first report of it); a LEADERSHIP also ends when someone else succeeds to the group.
- An ALLIANCE ends when a RIVALRY between the same two groups begins after it, and a
  RIVALRY when an ALLIANCE does; an AFFILIATION, BRANCH or ALLIANCE ends when one side
  splits from the other.
- CONTROL of a place starts with its SEIZURE and ends when another group seizes it.
- A role (LEADERSHIP, MEMBERSHIP) starts at its stated start or the SUCCESSION that gave
  it (the finer of the two when one falls inside the other: "July 2015" and "30 July 2015"
  give the day); a report that only names the person in the role leaves the start unknown.
- Only stated facts start or end others: a hypothetical succession ("could succeed him")
  ends nobody's tenure, and a death both reported and denied ends nothing.
- Otherwise a relation holds from its first evidence (its stated start, else the earliest
  publication of a document that states it) until a stated end. Ends found this way are
  marked inferred, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..daterange import date_bounds
from ..model import ROLE_TYPES
from .fusion import Fact, earlier_start

REVERSED = {"ALLIANCE": "RIVALRY", "RIVALRY": "ALLIANCE"}
ENDED_BY_SPLIT = frozenset({"ALLIANCE", "AFFILIATION", "BRANCH"})


@dataclass(frozen=True)
class Span:
    start: str | None
    end: str | None
    end_inferred: bool = False
    why: str | None = None


def _first(fact: Fact, published: dict[str, str | None]) -> str | None:
    return fact.time_start or published.get(fact.id)


def _after(day: str | None, start: str | None) -> bool:
    """Is `day` later than `start` (unknown start: any day is)?"""
    if day is None:
        return False
    return start is None or date_bounds(day)[0] > date_bounds(start)[0]


def spans(facts: list[Fact], published: dict[str, str | None]) -> dict[str, Span]:
    """fact id -> Span, for the given facts (the ends come from among them too).
    `published` maps a fact id to the earliest publication date of its documents."""
    by_type: dict[str, list[Fact]] = {}
    for f in facts:  # only what is stated ends or starts another fact: not a hypothesis or a denial
        if f.status in ("asserted", "contested"):
            by_type.setdefault(f.type, []).append(f)
    # a death reported and also denied ends nothing (`conflicts` lists it)
    deaths = {f.actor_ids[0]: f.time_start or f.time_end or published.get(f.id) for f in by_type.get("DEATH", [])
              if f.actor_ids and f.status == "asserted"}
    began = {(s.actor_ids[0], s.actor_ids[1]): _first(s, published)
             for s in by_type.get("SUCCESSION", []) if len(s.actor_ids) >= 2}
    out = {}
    for f in facts:
        start = _first(f, published)
        if f.type in ROLE_TYPES:  # a role holds from its stated start or succession, else unknown
            ids = f.actor_ids
            start = earlier_start(f.time_start, began.get((ids[1], ids[0])) if len(ids) == 2 else None)
        if f.time_end:
            out[f.id] = Span(start, f.time_end)
            continue
        ends: list[tuple[str, str]] = []
        ids = f.actor_ids
        if f.type in ROLE_TYPES and ids and deaths.get(ids[0]):
            ends.append((deaths[ids[0]], "died"))
        if f.type == "LEADERSHIP" and len(ids) == 2:
            for s in by_type.get("SUCCESSION", []):
                org, leader = s.actor_ids[:2]
                when = _first(s, published)
                if org == ids[1] and leader != ids[0] and _after(when, start):
                    ends.append((when, f"succeeded ({s.id})"))
        if f.type in REVERSED and len(ids) == 2:
            for other in by_type.get(REVERSED[f.type], []):
                when = _first(other, published)
                if set(other.actor_ids) == set(ids) and _after(when, start):
                    ends.append((when, f"{other.type.lower()} from {when} ({other.id})"))
        if f.type in ENDED_BY_SPLIT and len(ids) == 2:
            for s in by_type.get("SPLIT", []):
                when = _first(s, published)
                if set(s.actor_ids[:2]) == set(ids) and _after(when, start):
                    ends.append((when, f"split ({s.id})"))
        if f.type in ("CONTROL", "SEIZURE") and len(ids) >= 2:
            for s in by_type.get("SEIZURE", []):
                when = _first(s, published)
                if s.actor_ids[1:2] == ids[1:2] and s.actor_ids[0] != ids[0] and _after(when, start):
                    ends.append((when, f"taken by another ({s.id})"))
        if ends:
            when, why = min(ends, key=lambda e: date_bounds(e[0])[0])
            out[f.id] = Span(start, when, True, why)
        else:
            out[f.id] = Span(start, None)
    return out


def holds_on(span: Span, day: str) -> bool:
    """Does the span include the day (at the precision each bound is written)?"""
    lo, hi = date_bounds(day)
    if span.start is not None and date_bounds(span.start)[0] > hi:
        return False
    return span.end is None or date_bounds(span.end)[1] >= lo
