"""Questions about single claims and an actor's timeline, answered from the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..daterange import date_bounds
from ..errors import FactionmapError
from ..export.claims import claim_to_dict
from ..model import Claim
from .answers import QueryResult, find_actor
from .fused import fact_spans
from .summary import date_label, summarize

if TYPE_CHECKING:
    from ..store.sqlite import Store

@dataclass(frozen=True)
class Source(QueryResult):
    document: str
    sentence: int | None
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True)
class ClaimDetail(QueryResult):
    claim: dict  # the export shape
    sources: tuple[Source, ...]


def claim_detail(store: "Store", claim_id: str) -> ClaimDetail:
    """A claim in the export shape and each evidence sentence with its document's metadata (E402)."""
    claim = store.claim(claim_id)
    if claim is None:
        raise FactionmapError("E402", id=claim_id)
    sources = []
    for ev in claim.evidence:
        info = store.document_info(ev.document)
        sources.append(Source(ev.document, ev.sentence, ev.text, info and info.title,
                              info and info.outlet, info and info.published, info and info.url))
    return ClaimDetail(claim_to_dict(claim), tuple(sources))


@dataclass(frozen=True)
class TimelineEntry(QueryResult):
    claim_id: str
    date: str  # "2015-08-13", "2014..2015", "since 2014", "?" when unknown
    type: str
    summary: str
    modality: str
    negated: bool
    published: str | None
    line: str  # "2015-08-13 PLEDGE Ayman al-Zawahiri → Akhtar Mansour (for al-Qaeda)"
    fact: str | None = None  # the fused fact the claim belongs to


def timeline(store: "Store", actor: str) -> list[TimelineEntry]:
    """Every claim naming the actor, by time start (unknown last), then publication date."""
    row = find_actor(store, actor)
    claims = store.claims_for(actor_id=row.id)
    docs = store.claim_documents(c.id for c in claims)

    def order(c: Claim) -> tuple:
        pub = docs[c.id].published if c.id in docs else None
        when = c.time.start or c.time.end
        return (when is None, date_bounds(when)[0] if when else date.min, pub or "9999", c.id)

    facts = store.fact_of_claims(c.id for c in claims)
    contested = {f for f, (_, status) in fact_spans(store, sorted(set(facts.values()))).items() if status == "contested"}
    entries = []
    for claim in sorted(claims, key=order):
        label, text = date_label(claim.time), summarize(claim)
        flags = "".join(f" [{f}]" for f in (
            "not" if claim.negated else "",
            claim.modality if claim.modality not in ("asserted", "reported") else "",
            "contested" if facts.get(claim.id) in contested else "") if f)
        pub = docs[claim.id].published if claim.id in docs else None
        entries.append(TimelineEntry(claim.id, label, claim.type, text, claim.modality, claim.negated,
                                     pub, f"{label} {claim.type} {text}{flags}", facts.get(claim.id)))
    return entries

