"""The whole map at once: groups with their leaders, then the relations between them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..daterange import parse_on, span_of
from ..model import RELATION_SIDES, Claim
from .answers import QueryResult
from .leaders import leader_on
from .relations import holding_claims
from .summary import summarize

if TYPE_CHECKING:
    from ..store.sqlite import Store


@dataclass(frozen=True)
class GroupLine(QueryResult):
    id: str
    name: str
    country: str | None
    claims: int
    leader: str | None
    leader_status: str | None  # "current" or why the last known leader is not
    uncertain: bool
    pledged_by: tuple[str, ...]  # who had pledged to the leader


@dataclass(frozen=True)
class Edge(QueryResult):
    type: str
    text: str  # "Ayman al-Zawahiri → Akhtar Mansour (for al-Qaeda)"
    start: str | None
    end: str | None
    modality: str
    negated: bool
    sources: int
    claim_ids: tuple[str, ...]


@dataclass(frozen=True)
class FactionMap(QueryResult):
    on: str
    groups: tuple[GroupLine, ...]
    edges: tuple[Edge, ...]


def faction_map(store: "Store", on: str | None = None) -> FactionMap:
    """Every group named in a claim with its leader on `on` (default today),
    then every org-org relation whose time allows that date, claims with the
    same summary merged (their sources counted by document)."""
    _, day_text = parse_on(on)
    counts = store.mention_counts()
    groups = []
    for actor in store.all_actors():
        if actor.kind != "org" or not counts.get(actor.id):
            continue
        answer = leader_on(store, actor.id, on)
        lead = answer.leader or next(iter(answer.candidates), None)
        groups.append(GroupLine(
            actor.id, actor.name, actor.country, counts[actor.id],
            lead.name if lead else None, lead.status if lead else None,
            answer.uncertain and lead is not None,
            tuple(p.pledger for p in lead.pledges) if lead else (),
        ))
    groups.sort(key=lambda g: (-g.claims, g.name.casefold()))
    claims = store.claims_for(types=list(RELATION_SIDES))
    if on is not None:
        claims = holding_claims(store, claims, on)
    return FactionMap(day_text, tuple(groups), tuple(_edges(store, claims)))


def _edges(store: "Store", claims: list[Claim]) -> list[Edge]:
    docs = store.claim_documents(c.id for c in claims)
    grouped: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        text = summarize(claim)
        if claim.type in ("ALLIANCE", "RIVALRY"):  # symmetric: "Kenya — al-Shabaab" is "al-Shabaab — Kenya"
            text = " — ".join(sorted(text.split(" — "), key=str.casefold))
        grouped[(claim.type, text, claim.modality, claim.negated)].append(claim)
    edges = []
    for (kind, text, modality, negated), members in grouped.items():
        start, end = span_of(c.time for c in members)
        edges.append(Edge(kind, text, start, end, modality, negated,
                          len({docs[c.id].id for c in members if c.id in docs}),
                          tuple(c.id for c in members)))
    return sorted(edges, key=lambda e: (e.type, e.text.casefold()))
