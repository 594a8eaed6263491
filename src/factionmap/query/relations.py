"""Questions answered from the store: relations between groups (who led a group when is
`leaders.leader_on`, read from the fused facts).

Every function takes a `Store` and returns frozen dataclasses with `to_dict()`.
These work on claims as stored (one per document); fusion across documents
comes later, so the rules here are deliberately simple and written down in
each docstring.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..daterange import date_bounds, parse_on, span_of
from ..facts.intervals import holds_on as span_holds
from ..model import RELATION_SIDES, STATE_TYPES, SYMMETRIC_TYPES, Claim, Entity
from .answers import QueryResult, find_actor
from .fused import fact_spans

if TYPE_CHECKING:
    from ..store.sqlite import Store

# modalities that say the thing did not (or may not) happen
UNUSABLE_MODALITIES = frozenset({"hypothetical", "denied"})

# roles of a LEADERSHIP claim that do not make the person the org's leader
SUB_LEADER_ROLE = re.compile(r"\b(deputy|vice|second[- ]in[- ]command|assistant)\b", re.I)
TOP_LEADER_ROLE = re.compile(r"\b(leader|emir|amir|chief|head|supreme|founder|commander of the faithful)\b", re.I)



def _usable(claim: Claim) -> bool:
    return not claim.negated and claim.modality not in UNUSABLE_MODALITIES


def _entities(value: object) -> list[Entity]:
    if isinstance(value, Entity):
        return [value]
    if isinstance(value, tuple):
        return [v for v in value if isinstance(v, Entity)]
    return []


def _names(claim: Claim, actor_id: str) -> bool:
    return any(e.id == actor_id for v in claim.args.values() for e in _entities(v))


# -- actors --------------------------------------------------------------------


# -- leaders -------------------------------------------------------------------


@dataclass(frozen=True)
class Pledge(QueryResult):
    pledger_id: str
    pledger: str
    on_behalf_of: str | None
    date: str | None  # when pledged (its time, else its document's publication)
    claim_ids: tuple[str, ...]


@dataclass(frozen=True)
class LeaderCandidate(QueryResult):
    person_id: str
    name: str
    status: str  # "current", "deceased on 2013", "succeeded by X on 2015-07", "not yet leader (from ...)"
    start: str | None
    end: str | None
    attested: tuple[str, ...]  # publication dates of untimed LEADERSHIP claims
    claim_ids: tuple[str, ...]
    pledges: tuple[Pledge, ...]


@dataclass(frozen=True)
class LeaderAnswer(QueryResult):
    org_id: str
    org: str
    on: str
    leader: LeaderCandidate | None
    candidates: tuple[LeaderCandidate, ...]
    uncertain: bool
    notes: tuple[str, ...]


# -- relations -----------------------------------------------------------------


@dataclass(frozen=True)
class Relation(QueryResult):
    type: str
    other_id: str
    other: str
    direction: str  # "→" the org acts on the other, "←" the reverse, "—" mutual
    role: str  # the org's argument in the claim ("member", "a", "parts"...)
    start: str | None
    end: str | None
    time_known: bool
    modality: str
    negated: bool
    sources: int  # distinct documents
    claim_ids: tuple[str, ...]
    facts: tuple[str, ...] = ()  # the fused facts the claims belong to
    end_inferred: bool = False  # the end comes from a later event (fused.py, intervals.py)
    contested: bool = False  # a fact behind it is both stated and denied (`factionmap conflicts`)


def relation_sides(claim: Claim) -> tuple[list[Entity], list[Entity]] | None:
    """The (left, right) entities of an org-org claim; None for other types.

    A PLEDGE made on behalf of a group counts the group on the left too, so
    "Zawahiri pledged to Mansour for al-Qaeda" is a relation of al-Qaeda.
    """
    roles = RELATION_SIDES.get(claim.type)
    if roles is None:
        return None
    left, right = (_entities(claim.args.get(r)) for r in roles)
    if claim.type == "PLEDGE":
        left += _entities(claim.args.get("on_behalf_of"))
    return left, right


def holds_on(claim: Claim, day: date) -> bool:
    """Whether a relation claim's time allows it on `day` (untimed claims do).

    Events (SPLIT, MERGER, PLEDGE, DEFECTION, SEIZURE) hold from when they
    happened; states hold over [start, end], and a state dated at one point
    ("allied in 2014") holds from that point on.
    """
    start, end = claim.time.start, claim.time.end
    if start is None and end is None:
        return True
    if claim.type not in STATE_TYPES or start == end:
        return date_bounds(start or end)[0] <= day
    return (start is None or date_bounds(start)[0] <= day) and (end is None or day <= date_bounds(end)[1])


def _fact_views(store: "Store", claims: list[Claim]) -> tuple[dict[str, str], dict]:
    """claim id -> its fact, and fact id -> (its interval, its status), read once."""
    fact_of = store.fact_of_claims(c.id for c in claims)
    return fact_of, fact_spans(store, sorted(set(fact_of.values())))


def holding_claims(store: "Store", claims: list[Claim], on: str, views: tuple | None = None) -> list[Claim]:
    """The claims whose fused fact holds on `on`, by the fact's interval (`intervals.spans`: the
    one engine `facts --on`, `leader` and `network` read too). A claim with no fact (a store
    built without the facts tables) falls back to its own time (`holds_on`). `views`: the
    claims' `_fact_views`, when the caller has them."""
    fact_of, found = views or _fact_views(store, claims)
    day = parse_on(on)[0]
    return [c for c in claims if (span_holds(found[fact_of[c.id]][0], on) if fact_of.get(c.id) in found
                                  else holds_on(c, day))]


def relations(store: "Store", org: str, on: str | None = None) -> list[Relation]:
    """The org's relations to other actors, one row per (type, other, direction,
    modality, negation), merging claims from several documents. With `on`, only
    claims whose fused fact holds that day are kept (`holding_claims`); an untimed
    claim shows `time_known` False."""
    org_row = find_actor(store, org)
    claims = store.claims_for(actor_id=org_row.id, types=list(RELATION_SIDES))
    views = _fact_views(store, claims)
    if on:
        claims = holding_claims(store, claims, on, views)
    docs = store.claim_documents(c.id for c in claims)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    meta: dict[tuple, tuple[Entity, str]] = {}
    for claim in claims:
        for other, direction, role in _others(claim, org_row.id):
            key = (claim.type, other.id, direction, claim.modality, claim.negated)
            if claim not in groups[key]:
                groups[key].append(claim)
            meta[key] = (other, role)
    rows = []
    for key, members in groups.items():
        other, role = meta[key]
        span = span_of(c.time for c in members)
        rows.append(Relation(key[0], other.id, other.name, key[2], role, span[0], span[1],
                             any(not c.time.is_empty for c in members), key[3], key[4],
                             len({docs[c.id].id for c in members if c.id in docs}),
                             tuple(c.id for c in members)))
    return sorted(_with_fact_spans(rows, on, views), key=lambda r: (r.type, r.other.casefold(), r.direction, r.modality))


def _with_fact_spans(rows: list[Relation], on: str | None, views: tuple) -> list[Relation]:
    """Each row with its facts and the end their interval gives (an alliance ended by a later
    rivalry); with `on`, rows whose facts all ended before it are dropped."""
    fact_of, found = views
    out = []
    for r in rows:
        facts = tuple(dict.fromkeys(fact_of[c] for c in r.claim_ids if c in fact_of))
        spans = [found[f][0] for f in facts if f in found]
        if on is not None and spans and not any(span_holds(s, on) for s in spans):
            continue
        inferred = [s for s in spans if s.end_inferred]
        if r.end is None and inferred and len(inferred) == len(spans):
            r = replace(r, end=max(s.end for s in inferred), end_inferred=True)
        out.append(replace(r, facts=facts, contested=any(found[f][1] == "contested" for f in facts if f in found)))
    return out


def _others(claim: Claim, org_id: str) -> list[tuple[Entity, str, str]]:
    sides = relation_sides(claim)
    if sides is None:
        return []
    left, right = sides
    roles = RELATION_SIDES[claim.type]
    behalf = _entities(claim.args.get("on_behalf_of"))
    found = []
    if any(e.id == org_id for e in left):
        role = "on_behalf_of" if any(e.id == org_id for e in behalf) else roles[0]
        arrow = "—" if claim.type in SYMMETRIC_TYPES else "→"
        found += [(e, arrow, role) for e in right if e.id != org_id]
        if claim.type == "MERGER":  # the other parts merged with it
            found += [(e, "—", role) for e in left if e.id != org_id]
    if any(e.id == org_id for e in right):
        arrow = "—" if claim.type in SYMMETRIC_TYPES else "←"
        found += [(e, arrow, roles[1]) for e in left if e.id != org_id]
    return found

