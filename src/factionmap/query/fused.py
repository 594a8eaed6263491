"""Questions answered from the fused facts: the facts (as of a date, as known on a date), one
fact's evidence, contradictions, what changed since a date, and the network at a date.

`store.as_known_on(day)` limits every answer to documents published by that day: a fact is
then made again from those of its claims alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import FactionmapError
from ..facts.fusion import Fact, confidence, earlier_start, log_doubt_change, polarity, starts_it, status
from ..facts.intervals import Span, holds_on, spans
from ..model import SYMMETRIC_TYPES, Claim
from .answers import QueryResult, find_actor
from .summary import summarize

RELATION_TYPES = ("ALLIANCE", "RIVALRY", "AFFILIATION", "BRANCH", "SPLIT", "MERGER", "SPONSORSHIP", "PLEDGE")


@dataclass(frozen=True)
class FactRow(QueryResult):
    id: str
    type: str
    text: str
    start: str | None
    end: str | None
    end_inferred: bool
    end_why: str | None
    status: str
    confidence: float
    documents: int
    independent: int
    outlets: tuple[str, ...]
    claim_ids: tuple[str, ...]
    first_seen: str | None = None
    updated_at: str | None = None
    actors: tuple[str, ...] = ()  # core actor ids, in the order of the type's roles


def _text(fact: Fact, claims: list[Claim]) -> str:
    best = max(claims, key=lambda c: (polarity(c) == "pos", c.confidence), default=None)
    if best is None:
        return fact.key
    text = summarize(best)
    if fact.type in SYMMETRIC_TYPES:  # one order for both sides
        text = " — ".join(sorted(text.split(" — "), key=str.casefold))
    return text


def _refold(store, fact: Fact, claims: list[Claim]) -> Fact:
    """The fact made again from some of its claims (those known on a date)."""
    sources = store.document_sources({c.id for c in claims})
    best: dict[str, float] = {}
    doubt, pos, neg = 0.0, 0, 0
    for c in claims:
        kind = polarity(c)
        pos, neg = pos + (kind == "pos"), neg + (kind == "neg")
        src = sources.get(c.id, c.id)
        if kind == "pos" and c.confidence > best.get(src, -1.0):
            doubt += log_doubt_change(best.get(src), c.confidence)
            best[src] = c.confidence
    docs = store.claim_documents(c.id for c in claims)
    starts = [c.time.start for c in claims if starts_it(c)]
    start = None
    for value in sorted(starts):
        start = earlier_start(start, value)
    ends = [c.time.end for c in claims if c.time.end and c.time.end != c.time.start]
    return Fact(fact.id, fact.key, fact.type, status(pos, neg), start, max(ends, default=None),
                confidence(doubt, pos, max((c.confidence for c in claims), default=0.0)),
                len({d.id for d in docs.values()}), len({sources.get(c.id, c.id) for c in claims}),
                tuple(sorted({d.outlet for d in docs.values() if d.outlet})), tuple(c.id for c in claims),
                fact.first_seen, fact.updated_at)


CONTEXT_TYPES = ("SUCCESSION", "DEATH", "ALLIANCE", "RIVALRY", "SPLIT", "SEIZURE")  # what starts and ends facts


def _with_context(store, facts: list[Fact]) -> list[Fact]:
    """The facts and those that may start or end them (successions, deaths, reversals, splits)."""
    actors = {a for f in facts for a in f.actor_ids}
    if len(actors) > 40:
        extra = store.facts(f"f.type IN ({','.join('?' * len(CONTEXT_TYPES))})", CONTEXT_TYPES)
    else:
        extra = [x for a in sorted(actors) for x in store.facts_of(a, CONTEXT_TYPES)]
    return list({f.id: f for f in [*facts, *extra]}.values())


def _views(store, facts: list[Fact]) -> tuple[list[Fact], dict[str, list[Claim]], dict[str, Span]]:
    """The facts as the store's reader sees them (known on a date or not), their claims and spans."""
    wanted = {f.id for f in facts}
    facts = _with_context(store, facts)
    claims = store.claims_for(claim_ids=[c for f in facts for c in f.claim_ids])
    by_id = {c.id: c for c in claims}
    members = {f.id: [by_id[c] for c in f.claim_ids if c in by_id] for f in facts}
    if store.known_on is not None:
        facts = [_refold(store, f, members[f.id]) for f in facts if members[f.id]]
    docs = store.claim_documents(c.id for f in facts for c in members[f.id])
    published = {f.id: min((docs[c.id].published for c in members[f.id] if c.id in docs and docs[c.id].published),
                           default=None) for f in facts}
    return [f for f in facts if f.id in wanted], members, spans(facts, published)


def fact_spans(store, fact_ids: list[str]) -> dict[str, tuple[Span, str]]:
    """fact id -> its interval and status (as the store's reader sees them)."""
    if not fact_ids:
        return {}
    facts = store.facts(f"f.id IN ({','.join('?' * len(fact_ids))})", fact_ids)
    facts, _, found = _views(store, facts)
    return {f.id: (found[f.id], f.status) for f in facts}


def _row(fact: Fact, claims: list[Claim], span: Span) -> FactRow:
    return FactRow(fact.id, fact.type, _text(fact, claims), span.start, span.end, span.end_inferred, span.why,
                   fact.status, fact.confidence, fact.documents, fact.independent, fact.outlets, fact.claim_ids,
                   fact.first_seen, fact.updated_at, fact.actor_ids)


def list_facts(store, actor: str | None = None, types=None, on: str | None = None) -> list[FactRow]:
    """Facts, optionally about one actor, of some types, holding on a date. Asked for CONTROL,
    the seizures count too: a SEIZURE starts the seizer's control, until someone else takes
    the place (listed as CONTROL, "held since the seizure")."""
    types = [t.upper() for t in types] if types else None
    if types and "CONTROL" in types and "SEIZURE" not in types:
        rows = [_as_control(r) if r.type == "SEIZURE" else r for r in list_facts(store, actor, [*types, "SEIZURE"], on)]
        return sorted(rows, key=lambda r: (r.type, r.text.casefold()))
    if actor is not None:
        facts = store.facts_of(find_actor(store, actor).id, types)
    elif types:
        facts = store.facts(f"f.type IN ({','.join('?' * len(types))})", types)
    else:
        facts = store.facts()
    facts, members, found = _views(store, facts)
    rows = [_row(f, members[f.id], found[f.id]) for f in facts]
    if on is not None:
        rows = [r for r in rows if holds_on(found[r.id], on)]
    return sorted(rows, key=lambda r: (r.type, r.text.casefold()))


def _as_control(row: FactRow) -> FactRow:
    return replace(row, type="CONTROL", text=row.text.replace(" seizes ", " holds ", 1) + " (since its seizure)")


@dataclass(frozen=True)
class FactSource(QueryResult):
    claim_id: str
    document: str
    outlet: str | None
    published: str | None
    url: str | None
    modality: str
    negated: bool
    sentence: int | None
    text: str


@dataclass(frozen=True)
class FactDetail(QueryResult):
    fact: FactRow
    sources: tuple[FactSource, ...]


def fact_detail(store, fact_id: str) -> FactDetail:
    found = store.facts("f.id = ?", [fact_id])
    if not found:
        raise FactionmapError("E402", id=fact_id)
    facts, members, found_spans = _views(store, found)
    if not facts:
        raise FactionmapError("E402", id=fact_id)
    fact = facts[0]
    docs = store.claim_documents(c.id for c in members[fact.id])
    sources = []
    for c in members[fact.id]:
        d = docs.get(c.id)
        for ev in c.evidence:
            sources.append(FactSource(c.id, d.id if d else ev.document, d.outlet if d else None,
                                      d.published if d else None, d.url if d else None, c.modality, c.negated,
                                      ev.sentence, ev.text))
    return FactDetail(_row(fact, members[fact.id], found_spans[fact.id]), tuple(sources))


def changes(store, since: str) -> list[tuple[str, FactRow]]:
    """Facts that appeared ("new") or changed ("changed") at or after `since` (ingest time, UTC)."""
    facts = store.facts("f.updated_at >= ?", [since])
    facts, members, found = _views(store, facts)
    rows = [("new" if (f.first_seen or "") >= since else "changed", _row(f, members[f.id], found[f.id]))
            for f in facts]
    return sorted(rows, key=lambda r: (r[1].type, r[1].text, r[1].id))
