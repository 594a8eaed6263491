"""Claims in the export shape of ONTOLOGY.md (one JSON object per claim)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterator, Mapping, TextIO

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


def claim_to_dict(claim: Claim, place_extras: Mapping[str, Mapping[str, object]] | None = None) -> dict:
    """The export object for one claim; arguments that are None are left out.

    `place_extras` maps a place id to details the store knows but the model's
    Entity does not carry (admin1, lat, lon).
    """
    extras = place_extras or {}
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
        "evidence": [
            {"document": e.document, "sentence": e.sentence, "start": e.start, "end": e.end, "text": e.text}
            for e in claim.evidence
        ],
    }


def _places_in(claim: Claim) -> list[str]:
    ids = []
    for value in claim.args.values():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Entity) and item.kind == "place":
                ids.append(item.id)
    return ids


def export_claims(store: "Store", document_id: str | None = None) -> Iterator[dict]:
    """Every stored claim (or one document's) as an export dict, in id order."""
    extras_cache: dict[str, dict[str, object]] = {}
    for claim in store.claims_for(document_id=document_id):
        for place_id in _places_in(claim):
            if place_id not in extras_cache:
                extras_cache[place_id] = store.actor_extras(place_id)
        yield claim_to_dict(claim, extras_cache)


def write_jsonl(store: "Store", out: TextIO, document_id: str | None = None) -> int:
    """Write the export as JSON Lines to `out`; returns the number of claims written."""
    count = 0
    for record in export_claims(store, document_id):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
