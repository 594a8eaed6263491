"""Questions answered from the store: who led a group when, its relations, timelines.

Every function takes a `Store` and returns frozen dataclasses with `to_dict()`.
These work on claims as stored (one per document); fusion across documents
comes later, so the rules here are deliberately simple and written down in
each docstring.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .daterange import date_bounds, parse_on, span_of
from .errors import FactionmapError
from .export import claim_to_dict
from .model import Actor, Claim, Entity
from .summary import date_label, summarize

if TYPE_CHECKING:
    from .store import Store

# modalities that say the thing did not (or may not) happen
UNUSABLE_MODALITIES = frozenset({"hypothetical", "denied"})

# roles of a LEADERSHIP claim that do not make the person the org's leader
SUB_LEADER_ROLE = re.compile(r"\b(deputy|vice|second[- ]in[- ]command|assistant)\b", re.I)
TOP_LEADER_ROLE = re.compile(r"\b(leader|emir|amir|chief|head|supreme|founder|commander of the faithful)\b", re.I)

# org-org relation types: (left role, right role); the arrow goes left → right
RELATION_ROLES: dict[str, tuple[str, str]] = {
    "ALLIANCE": ("a", "b"),
    "RIVALRY": ("a", "b"),
    "AFFILIATION": ("member", "patron"),
    "BRANCH": ("branch", "parent"),
    "SPLIT": ("splinter", "parent"),
    "MERGER": ("parts", "result"),
    "SPONSORSHIP": ("sponsor", "client"),
    "PLEDGE": ("pledger", "to"),
    "DEFECTION": ("from", "to"),
    "SEIZURE": ("org", "from"),
}
SYMMETRIC = frozenset({"ALLIANCE", "RIVALRY"})
# relations that happen at a moment and hold from then on
EVENT_RELATIONS = frozenset({"SPLIT", "MERGER", "PLEDGE", "DEFECTION", "SEIZURE"})


class QueryResult:
    """Base of query results: frozen dataclasses that turn into plain dicts."""

    def to_dict(self) -> dict:
        return asdict(self)  # type: ignore[call-overload]


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


@dataclass(frozen=True)
class ActorRow(QueryResult):
    id: str
    name: str
    kind: str
    country: str | None
    category: str | None
    claims: int
    aliases: tuple[str, ...]


def _row(actor: Actor, counts: dict[str, int]) -> ActorRow:
    return ActorRow(actor.id, actor.name, actor.kind, actor.country, actor.category,
                    counts.get(actor.id, 0), actor.aliases)


def find_actor(store: "Store", name: str) -> ActorRow:
    """The actor called `name`: an exact (normalized) alias or id first, else a
    substring of an alias; when several match, the one named in most claims.
    Raises E401 when nothing matches."""
    found = store.find_actors(name)
    if not found:
        raise FactionmapError("E401", name=name)
    counts = store.mention_counts([a.id for a in found])
    best = max(found, key=lambda a: (counts.get(a.id, 0), a.kind != "place", -len(a.name)))
    return _row(best, counts)


def list_actors(store: "Store", search: str | None = None) -> list[ActorRow]:
    """Actors (all, or those whose id or alias contains `search`), most-claimed first."""
    actors = store.search_actors(search) if search else store.all_actors()
    counts = store.mention_counts([a.id for a in actors])
    rows = [_row(a, counts) for a in actors]
    return sorted(rows, key=lambda r: (-r.claims, r.name.casefold(), r.id))


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


@dataclass
class _Tenure:
    name: str
    starts: list[tuple[date, str]]
    ends: list[tuple[date, date, str]]  # (earliest, latest, why)
    attested: list[str]
    claim_ids: list[str]
    top_role: bool = False
    contested: list[str] = field(default_factory=list)  # denied reports about the person  # some claim calls them leader/emir/chief/head, not just commander


def leader_on(store: "Store", org: str, on: str | None = None) -> LeaderAnswer:
    """Who led `org` on the date `on` (YYYY[-MM[-DD]]; None = today), and who had pledged to them.

    Rules, on claims as stored (not negated, modality not hypothetical/denied):
    - LEADERSHIP with a start (or end) gives the tenure's start (or end); a
      LEADERSHIP with no time, or a point in time, attests the leader on that
      date (its document's publication date when untimed); a tenure whose
      start is unknown reaches back indefinitely.
    - SUCCESSION starts the new leader at its time (else its publication
      date) and ends the named predecessor, and any other leader who started
      before it, at that time.
    - DEATH (its time, else `announced`, else publication date) ends the
      person's tenure.
    - Dates compare at their precision: a start "2015-07" holds from
      2015-07-01, an end "2013" holds through 2013-12-31; a date inside such
      a window makes the answer uncertain, as do zero or several current
      leaders (the latest to start is then given as the leader).
    - A LEADERSHIP whose role is a deputy's is not leadership; when several
      leaders hold, one called leader/emir/chief/head is preferred to a
      mere "commander".
    - Pledges: PLEDGE claims to the person, not negated nor
      hypothetical/denied, dated (time, else publication date) on or before `on`.
    """
    org_row = find_actor(store, org)
    day, day_text = parse_on(on)
    claims = [c for c in store.claims_for(actor_id=org_row.id, types=["LEADERSHIP", "SUCCESSION"])
              if _usable(c) and any(e.id == org_row.id for e in _entities(c.args.get("org")))]
    published = {k: v.published for k, v in store.claim_documents(c.id for c in claims).items()}
    tenures = _tenures(store, claims, published)
    candidates = [_judge(store, pid, t, day) for pid, t in tenures.items()]
    current = [c for c in candidates if c.status == "current"]
    notes = _uncertainties(tenures, current, day) + [n for c in current for n in tenures[c.person_id].contested]
    top = {pid for pid, t in tenures.items() if t.top_role}
    leader = max(current, key=lambda c: (c.person_id in top, c.start or "", len(c.claim_ids))) if current else None
    order = {"current": 0}
    candidates.sort(key=lambda c: (order.get(c.status, 1), c.start or "", c.name))
    return LeaderAnswer(org_row.id, org_row.name, day_text, leader, tuple(candidates),
                        bool(notes), tuple(notes))


def _when(claim: Claim, published: str | None) -> str | None:
    return claim.time.start or claim.time.end or published


def _tenures(store: "Store", claims: list[Claim], published: dict[str, str | None]) -> dict[str, _Tenure]:
    tenures: dict[str, _Tenure] = {}

    def tenure(person: Entity) -> _Tenure:
        return tenures.setdefault(person.id, _Tenure(person.name, [], [], [], []))

    successions = []
    for claim in claims:
        person = claim.args.get("leader")
        if not isinstance(person, Entity):
            continue
        t, pub = claim.time, published.get(claim.id)
        role = str(claim.args.get("role") or "")
        if claim.type == "LEADERSHIP" and SUB_LEADER_ROLE.search(role):
            continue
        mine = tenure(person)
        mine.claim_ids.append(claim.id)
        mine.top_role |= claim.type == "SUCCESSION" or bool(TOP_LEADER_ROLE.search(role))
        if claim.type == "LEADERSHIP":
            if t.start and t.end != t.start:
                mine.starts.append((date_bounds(t.start)[0], t.start))
            if t.end and t.end != t.start:
                mine.ends.append((*date_bounds(t.end), f"ended {t.end}"))
            if (t.start is None or t.start == t.end) and (t.start or pub):
                mine.attested.append(t.start or pub)
        elif (when := _when(claim, pub)) is not None:
            mine.starts.append((date_bounds(when)[0], when))
            successions.append((person, claim.args.get("predecessor"), when))
    for person, predecessor, when in successions:
        lo, hi = date_bounds(when)
        if isinstance(predecessor, Entity):
            tenure(predecessor)
        for pid, other in tenures.items():
            if pid == person.id:
                continue
            began = _earliest(other)
            named = isinstance(predecessor, Entity) and predecessor.id == pid
            if named or began is None or began < lo:
                other.ends.append((lo, hi, f"succeeded by {person.name} on {when}"))
    for pid, mine in tenures.items():
        deaths = [d for d in store.claims_for(actor_id=pid, types=["DEATH"])
                  if isinstance(d.args.get("person"), Entity) and d.args["person"].id == pid]
        docs = store.claim_documents(d.id for d in deaths)
        # a death only reported, then denied in a later document, ended nothing (see conflicts)
        denials = [docs[d.id].published or "" for d in deaths if (d.negated or d.modality == "denied") and d.id in docs]
        for death in deaths:
            pub = docs.get(death.id)
            if _usable(death) and death.modality != "asserted" and any(
                    when >= ((pub and pub.published) or "") for when in denials):
                mine.contested.append(f"{mine.name}: reported dead on {pub and pub.published}, then denied")
                continue
            if not _usable(death):
                continue
            when = death.time.end or death.time.start or death.args.get("announced") or (pub and pub.published)
            if isinstance(when, str):
                mine.ends.append((*date_bounds(when), f"deceased on {when}"))
                mine.claim_ids.append(death.id)
    return tenures


def _refined(starts: list[tuple[date, str]]) -> list[tuple[date, str]]:
    """Starts without those a finer one falls inside ("took charge in 2016" and "on 25 May
    2016": the day, not 1 January)."""
    out = []
    for day, text in starts:
        lo, hi = date_bounds(text)
        if not any(len(other) > len(text) and lo <= date_bounds(other)[0] <= hi for _, other in starts):
            out.append((day, text))
    return out or starts


def _earliest(t: _Tenure) -> date | None:
    """When a tenure is first known to hold: its start, else None (unknown, open)."""
    return min((d for d, _ in _refined(t.starts)), default=None)


def _span(t: _Tenure) -> tuple[tuple[date, str] | None, tuple[date, date, str] | None]:
    start = min(_refined(t.starts), default=None)
    # an ending before the tenure began belongs to an earlier tenure
    ends = [e for e in t.ends if start is None or e[1] >= start[0]]
    return start, min(ends, key=lambda e: e[1], default=None)


def _judge(store: "Store", person_id: str, t: _Tenure, day: date) -> LeaderCandidate:
    start, end = _span(t)
    if start and day < start[0]:
        status = f"not yet leader (from {start[1]})"
    elif end and day > end[1]:
        status = end[2]
    else:
        status = "current"
    end_text = end[2].rsplit(" ", 1)[-1] if end else None
    return LeaderCandidate(person_id, t.name, status, start[1] if start else None, end_text,
                           tuple(sorted(set(t.attested))), tuple(dict.fromkeys(t.claim_ids)),
                           tuple(_pledges_to(store, person_id, day)))


def _uncertainties(tenures: dict[str, _Tenure], current: list[LeaderCandidate], day: date) -> list[str]:
    notes = []
    if not current:
        notes.append("no known leader on this date")
    elif len(current) > 1:
        notes.append("several leaders hold on this date: " + ", ".join(c.name for c in current))
    for c in current:
        t = tenures[c.person_id]
        start, end = _span(t)
        if start is None and t.attested and all(date_bounds(a)[0] > day for a in t.attested):
            notes.append(f"{c.name} is attested as leader only from {min(t.attested)}")
        if start and date_bounds(start[1])[1] >= day:
            notes.append(f"{c.name} became leader in {start[1]}, the same period as the date")
        if end and end[0] <= day:
            notes.append(f"{c.name}: {end[2]}, the same period as the date")
    return notes


def _pledges_to(store: "Store", person_id: str, day: date) -> list[Pledge]:
    claims = [c for c in store.claims_for(actor_id=person_id, types=["PLEDGE"])
              if _usable(c) and any(e.id == person_id for e in _entities(c.args.get("to")))]
    published = store.claim_documents(c.id for c in claims)
    grouped: dict[str, list[tuple[Claim, str | None]]] = defaultdict(list)
    for claim in claims:
        pub = published.get(claim.id)
        when = _when(claim, pub.published if pub else None)
        if when is not None and date_bounds(when)[0] > day:
            continue
        pledger = claim.args.get("pledger")
        if isinstance(pledger, Entity):
            grouped[pledger.id].append((claim, when))
    pledges = []
    for pledger_id, items in grouped.items():
        first = items[0][0]
        behalf = next((c.args["on_behalf_of"].name for c, _ in items
                       if isinstance(c.args.get("on_behalf_of"), Entity)), None)
        dates = sorted(w for _, w in items if w)
        pledges.append(Pledge(pledger_id, first.args["pledger"].name, behalf, dates[0] if dates else None,
                              tuple(c.id for c, _ in items)))
    return sorted(pledges, key=lambda p: (p.date or "9999", p.pledger))


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
    roles = RELATION_ROLES.get(claim.type)
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
    if claim.type in EVENT_RELATIONS or start == end:
        return date_bounds(start or end)[0] <= day
    return (start is None or date_bounds(start)[0] <= day) and (end is None or day <= date_bounds(end)[1])


def relations(store: "Store", org: str, on: str | None = None) -> list[Relation]:
    """The org's relations to other actors, one row per (type, other, direction,
    modality, negation), merging claims from several documents. With `on`,
    only claims whose time allows that date are kept (untimed ones too, with
    `time_known` False)."""
    org_row = find_actor(store, org)
    day = parse_on(on)[0] if on else None
    claims = [c for c in store.claims_for(actor_id=org_row.id, types=list(RELATION_ROLES))
              if day is None or holds_on(c, day)]
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
    return sorted(_with_fact_spans(store, rows, on), key=lambda r: (r.type, r.other.casefold(), r.direction, r.modality))


def _with_fact_spans(store: "Store", rows: list[Relation], on: str | None) -> list[Relation]:
    """Each row with its facts and the end their interval gives (an alliance ended by a later
    rivalry); with `on`, rows whose facts all ended before it are dropped."""
    from dataclasses import replace

    from .fused import fact_spans
    from .intervals import holds_on as span_holds

    fact_of = store.fact_of_claims(c for r in rows for c in r.claim_ids)
    found = fact_spans(store, sorted(set(fact_of.values())))
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
    roles = RELATION_ROLES[claim.type]
    behalf = _entities(claim.args.get("on_behalf_of"))
    found = []
    if any(e.id == org_id for e in left):
        role = "on_behalf_of" if any(e.id == org_id for e in behalf) else roles[0]
        arrow = "—" if claim.type in SYMMETRIC else "→"
        found += [(e, arrow, role) for e in right if e.id != org_id]
        if claim.type == "MERGER":  # the other parts merged with it
            found += [(e, "—", role) for e in left if e.id != org_id]
    if any(e.id == org_id for e in right):
        arrow = "—" if claim.type in SYMMETRIC else "←"
        found += [(e, arrow, roles[1]) for e in left if e.id != org_id]
    return found


# -- claims --------------------------------------------------------------------


# claims one at a time and an actor's timeline live in claimquery.py; importable from here
from .claimquery import ClaimDetail, Source, TimelineEntry, claim_detail, timeline  # noqa: E402,F401
