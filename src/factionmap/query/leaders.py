"""Who led a group on a date, read from the fused facts and their intervals (`intervals.spans`),
so `leader`, `map`, `facts --on` and `network` give one answer.

- Each LEADERSHIP fact of the group is a tenure; its span (start, end and why it ended:
  death, a later succession, a stated end) comes from `intervals.spans`, the same spans
  `facts --on` filters by.
- A fact only hypothesised ("could succeed him") is never a leader: it is listed as
  "expected (hypothetical)". A denied fact is left out.
- A tenure whose every claim names a deputy's role is not leadership (stores written before
  deputies became MEMBERSHIP). When several hold, one called leader/emir/chief/head, or
  that came by a succession, is preferred to a mere "commander", then the latest to start.
- Pledges to the leader: PLEDGE facts to the person holding on the date.
- A tenure the world checks find impossible (led after his death, succeeded before his
  predecessor's tenure began) is answered with a "contested: ..." note.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..daterange import date_bounds, parse_on
from ..facts.fusion import Fact
from ..facts.intervals import Span, holds_on
from ..facts.plausibility import find_implausible
from .answers import find_actor
from .fused import _row, _views, list_facts
from .relations import SUB_LEADER_ROLE, TOP_LEADER_ROLE, LeaderAnswer, LeaderCandidate, Pledge

if TYPE_CHECKING:
    from ..store.sqlite import Store

_PAST_ROLE = ("former", "late", "slain", "ex")


def leader_on(store: "Store", org: str, on: str | None = None) -> LeaderAnswer:
    """Who led `org` on the date `on` (YYYY[-MM[-DD]]; None = today), and who had pledged to them."""
    org_row = find_actor(store, org)
    day, day_text = parse_on(on)
    mine = [f for f in store.facts_of(org_row.id, ["LEADERSHIP"])
            if len(f.actor_ids) == 2 and f.actor_ids[1] == org_row.id and f.status != "denied"]
    stated = [f for f in store.facts_of(org_row.id, ["SUCCESSION"])
              if f.status != "denied" and len(f.actor_ids) >= 2 and f.actor_ids[0] == org_row.id]
    successions = {f.actor_ids[1] for f in stated if f.status in ("asserted", "contested")}
    led = {f.actor_ids[0] for f in mine}
    # a succession with no leadership fact of its own (stores written by hand) is the tenure
    mine += [replace(f, id=f.id + ":led", key=f"LEADERSHIP|{f.actor_ids[1]}|{org_row.id}", type="LEADERSHIP",
                     time_end=None) for f in stated if f.actor_ids[1] not in led]
    facts, members, found = _views(store, mine)
    docs = store.claim_documents(c.id for f in facts for c in members[f.id])
    candidates, top, notes = [], set(), []
    for f in facts:
        claims = [c for c in members[f.id] if not c.negated]
        roles = [str(c.args.get("role") or "") for c in claims]
        if roles and all(SUB_LEADER_ROLE.search(r) for r in roles):
            continue
        person = f.actor_ids[0]
        if person in successions or any(TOP_LEADER_ROLE.search(r) for r in roles):
            top.add(person)
        attested = sorted({(c.time.start or docs[c.id].published) for c in claims
                           if c.id in docs and (c.time.start is None or c.time.start == c.time.end)
                           and (c.time.start or docs[c.id].published)
                           and not any(w in str(c.args.get("role") or "").split() for w in _PAST_ROLE)})
        span = found[f.id]
        name = _name(store, person, claims)
        candidates.append(LeaderCandidate(person, name, _status(store, f, span, day), span.start,
                                          span.end, tuple(attested), f.claim_ids,
                                          tuple(_pledges_to(store, person, day_text))))
        if f.status == "contested":
            notes.append(f"{name}: the leadership is both stated and denied")
    current = [c for c in candidates if c.status == "current"]
    tenures = [_row(f, members[f.id], found[f.id]) for f in facts if not f.id.endswith(":led")]
    notes = _uncertainties(candidates, current, day) + notes + _contested_deaths(store, current) \
        + _implausible_tenures(store, tenures, stated, candidates)
    leader = max(current, key=lambda c: (c.person_id in top, c.start or "", len(c.claim_ids))) if current else None
    candidates.sort(key=lambda c: (c.status != "current", c.start or "", c.name))
    doubts = [n for n in notes if not n.endswith("(hypothetical)")]  # an expectation is no doubt
    return LeaderAnswer(org_row.id, org_row.name, day_text, leader, tuple(candidates), bool(doubts), tuple(notes))


def _name(store: "Store", person_id: str, claims) -> str:
    for c in claims:
        value = c.args.get("leader")
        if getattr(value, "id", None) == person_id:
            return value.name
    row = store.actor(person_id)
    return row.name if row else person_id


def _status(store: "Store", fact: Fact, span: Span, day: date) -> str:
    if fact.status == "hypothetical":
        return "expected (hypothetical)"
    if span.start and day < date_bounds(span.start)[0]:
        return f"not yet leader (from {span.start})"
    if span.end and day > date_bounds(span.end)[1]:
        why = span.why or ""
        if why == "died":
            return f"deceased on {span.end}"
        if why.startswith("succeeded ("):
            succession = store.facts("f.id = ?", [why[len("succeeded ("):-1]])
            other = store.actor(succession[0].actor_ids[1]) if succession else None
            return f"succeeded by {other.name if other else 'another'} on {span.end}"
        return f"ended {span.end}"
    return "current"


def _uncertainties(candidates: list[LeaderCandidate], current: list[LeaderCandidate], day: date) -> list[str]:
    notes = []
    if not current:
        notes.append("no known leader on this date")
    elif len(current) > 1:
        notes.append("several leaders hold on this date: " + ", ".join(c.name for c in current))
    for c in current:
        if c.start is None and c.attested and all(date_bounds(a)[0] > day for a in c.attested):
            notes.append(f"{c.name} is attested as leader only from {min(c.attested)}")
        if c.start and date_bounds(c.start)[1] >= day:
            notes.append(f"{c.name} became leader in {c.start}, the same period as the date")
        if c.end and date_bounds(c.end)[0] <= day:
            notes.append(f"{c.name}: ends {c.end}, the same period as the date")
    for c in candidates:
        if c.status.startswith("expected"):
            notes.append(f"{c.name} is only expected to lead (hypothetical)")
    return notes


def _contested_deaths(store: "Store", candidates: list[LeaderCandidate]) -> list[str]:
    notes = []
    for c in candidates:
        for f in store.facts_of(c.person_id, ["DEATH"]):
            if f.status == "contested" and f.actor_ids[:1] == (c.person_id,):
                notes.append(f"{c.name}: reported dead, and denied")
    return notes


TENURE_CHECKS = ("acts after death", "succession before tenure")


def _implausible_tenures(store: "Store", tenures: list, successions: list[Fact],
                         candidates: list[LeaderCandidate]) -> list[str]:
    """"contested: ..." for each tenure of the group the world checks find impossible (see
    `plausibility`): a leader said to lead after his own death, a succession dated before
    the predecessor's own tenure. The same findings `conflicts` lists. `tenures` are the
    group's leadership rows `leader_on` has already built; its successions and the
    candidates' deaths are read here."""
    facts, members, found = _views(store, successions)
    rows = tenures + [_row(f, members[f.id], found[f.id]) for f in facts]
    for person in dict.fromkeys(c.person_id for c in candidates):
        rows += list_facts(store, person, ["DEATH"])
    found = find_implausible(store, list({r.id: r for r in rows}.values()))
    return [f"contested: {text}" for kind, text, _ in found if kind in TENURE_CHECKS]


def _pledges_to(store: "Store", person_id: str, on: str) -> list[Pledge]:
    """Pledges to the person that hold on `on`: PLEDGE facts, stated, with their spans."""
    facts = [f for f in store.facts_of(person_id, ["PLEDGE"])
             if len(f.actor_ids) >= 2 and f.actor_ids[1] == person_id and f.status in ("asserted", "contested")]
    if not facts:
        return []
    facts, members, found = _views(store, facts)
    out = []
    for f in facts:
        if not holds_on(found[f.id], on):
            continue
        claims = members[f.id]
        pledger = next((c.args["pledger"] for c in claims if getattr(c.args.get("pledger"), "id", None)
                        == f.actor_ids[0]), None)
        behalf = next((c.args["on_behalf_of"].name for c in claims
                       if getattr(c.args.get("on_behalf_of"), "name", None)), None)
        name = pledger.name if pledger else f.actor_ids[0]
        out.append(Pledge(f.actor_ids[0], name, behalf, found[f.id].start, f.claim_ids))
    return sorted(out, key=lambda p: (p.date or "9999", p.pledger))
