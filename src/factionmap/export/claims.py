"""Claims in the export shape of ONTOLOGY.md (one JSON object per claim)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, TextIO

from ..model import CLAIM_TYPES, Claim, Entity

if TYPE_CHECKING:
    from ..store.sqlite import Store

_PLACE_DETAILS = ("admin1", "lat", "lon")


def entity_to_dict(entity: Entity, extras: Mapping[str, object] | None = None) -> dict:
    """`{"id", "name", "kind", "aliases"}`; places add country_code, admin1, lat, lon when known."""
    out: dict[str, object] = {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(dict.fromkeys((entity.name, *entity.aliases))),  # the name first, as in the ontology
    }
    if entity.kind == "place":
        details = {"country_code": entity.country}
        for key in _PLACE_DETAILS:
            details[key] = getattr(entity, key, None)
        details.update(extras or {})
        out.update({k: v for k, v in details.items() if v is not None})
    return out


def _arg_to_json(value: object, extras: Mapping[str, Mapping[str, object]]) -> object:
    if isinstance(value, Entity):
        return entity_to_dict(value, extras.get(value.id))
    if isinstance(value, (tuple, list)):
        return [_arg_to_json(v, extras) for v in value]
    return value  # literals (role, killed, claimed, announced...) stay plain JSON


def _ordered_arg_names(claim: Claim) -> list[str]:
    spec = CLAIM_TYPES.get(claim.type, {"core": (), "other": ()})
    known = [n for n in (*spec["core"], *spec["other"]) if n in claim.args]
    return known + sorted(n for n in claim.args if n not in known)


def claim_to_dict(claim: Claim, place_extras: Mapping[str, Mapping[str, object]] | None = None,
                  documents: Mapping[str, object] | None = None) -> dict:
    """The export object for one claim; arguments that are None are left out.

    `place_extras` maps a place id to details the store knows but the model's
    Entity does not carry (admin1, lat, lon). `documents` maps a document id to its
    stored metadata (`DocumentInfo`): each evidence record then adds the document's
    url, outlet and published date (null when the document has none).
    """
    extras = place_extras or {}
    docs = documents or {}
    args = {
        name: _arg_to_json(claim.args[name], extras)
        for name in _ordered_arg_names(claim)
        if claim.args[name] is not None
    }
    return {
        "id": claim.id,
        "type": claim.type,
        "args": args,
        "time": {
            "start": claim.time.start,
            "end": claim.time.end,
            "precision": claim.time.precision,
            "text": claim.time.text,
        },
        "modality": claim.modality,
        "negated": bool(claim.negated),
        "attribution": claim.attribution,
        "confidence": round(float(claim.confidence), 2),
        "evidence": [_evidence(e, docs.get(e.document), documents is not None) for e in claim.evidence],
    }


def _evidence(e, doc, with_source: bool) -> dict:
    out = {"document": e.document, "sentence": e.sentence, "start": e.start, "end": e.end, "text": e.text}
    if with_source:
        out.update(url=getattr(doc, "url", None), outlet=getattr(doc, "outlet", None),
                   published=getattr(doc, "published", None))
    return out


def _places_in(claim: Claim) -> list[str]:
    ids = []
    for value in claim.args.values():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Entity) and item.kind == "place":
                ids.append(item.id)
    return ids


def export_claims(store: "Store", document_id: str | None = None, actor_id: str | None = None,
                  types: Iterable[str] | None = None) -> Iterator[dict]:
    """Every stored claim (or one document's) as an export dict, in id order; each evidence
    record names its document's url, outlet and published date."""
    extras_cache: dict[str, dict[str, object]] = {}
    docs: dict[str, object] = {}
    for claim in store.claims_for(actor_id=actor_id, document_id=document_id, types=types):
        for place_id in _places_in(claim):
            if place_id not in extras_cache:
                extras_cache[place_id] = store.actor_extras(place_id)
        for e in claim.evidence:
            if e.document not in docs:
                docs[e.document] = store.document_info(e.document)
        yield claim_to_dict(claim, extras_cache, docs)


def write_jsonl(store: "Store", out: TextIO, document_id: str | None = None, actor_id: str | None = None,
                types: Iterable[str] | None = None) -> int:
    """Write the export as JSON Lines to `out`; returns the number of claims written."""
    count = 0
    for record in export_claims(store, document_id, actor_id, types):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
