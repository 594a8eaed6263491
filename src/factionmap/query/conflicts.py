"""Claims that cannot both hold, kept with their evidence and listed side by side.

- a fact both asserted and denied (a death reported, then denied);
- two people leading one group at once (tenures that overlap after successions and
  deaths are taken into account; deputies are not leaders);
- an alliance and a rivalry between the same two groups asserted for overlapping dates;
- what cannot make sense (`plausibility`): acts after death, a succession before the
  predecessor's own tenure, acts before founding, a venue or a state body cast as an armed group.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..daterange import date_bounds
from ..facts.plausibility import find_implausible
from .answers import QueryResult
from .fused import FactRow, list_facts
from .leaders import leader_on


@dataclass(frozen=True)
class Conflict(QueryResult):
    kind: str  # contested | two leaders | alliance and rivalry | acts after death | succession before
    # tenure | acts before founding | not an armed group
    text: str
    facts: tuple[FactRow, ...]


def _window(row: FactRow) -> tuple | None:
    if row.start is None:
        return None
    return date_bounds(row.start)[0], date_bounds(row.end)[1] if row.end else None


def _overlap(a: FactRow, b: FactRow) -> bool:
    wa, wb = _window(a), _window(b)
    if wa is None or wb is None:
        return False
    (a0, a1), (b0, b1) = wa, wb
    return (a1 is None or b0 <= a1) and (b1 is None or a0 <= b1)


def find_conflicts(store) -> list[Conflict]:
    rows = list_facts(store)
    out = [Conflict("contested", f"{r.type} {r.text}: stated and denied", (r,)) for r in rows
           if r.status == "contested"]
    pairs: dict[tuple, dict[str, FactRow]] = {}
    for r in rows:
        if r.type in ("ALLIANCE", "RIVALRY") and r.status != "denied":
            pairs.setdefault(tuple(sorted(r.text.split(" — "))), {})[r.type] = r
    for pair, found in sorted(pairs.items()):
        if len(found) == 2 and _overlap(found["ALLIANCE"], found["RIVALRY"]):
            out.append(Conflict("alliance and rivalry", f"{' and '.join(pair)}: allies and rivals at the same time",
                                (found["ALLIANCE"], found["RIVALRY"])))
    orgs: dict[str, list[FactRow]] = {}
    for r in rows:
        if r.type == "LEADERSHIP" and r.status != "denied":
            orgs.setdefault(r.actors[-1], []).append(r)
    for org, leaders in sorted(orgs.items()):
        if len(leaders) < 2:
            continue
        # just after each tenure's start (a start "2015-07" is checked on 2015-08-01): on the
        # day of a succession itself both are leader at the precision written
        for day in sorted({(date_bounds(r.start)[1] + timedelta(days=1)).isoformat() for r in leaders if r.start}):
            answer = leader_on(store, org, day)
            current = [c for c in answer.candidates if c.status == "current"]
            if len(current) > 1:
                names = " and ".join(c.name for c in current)
                out.append(Conflict("two leaders", f"{answer.org} on {day}: {names} both lead",
                                    tuple(r for r in leaders if any(c.name in r.text for c in current))))
    out += [Conflict(kind, text, facts) for kind, text, facts in find_implausible(store, rows)]
    return out
