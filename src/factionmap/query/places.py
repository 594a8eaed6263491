"""Where groups are: presence, control, seizures and attacks as GeoJSON features, for a map.

A place the gazetteer gives coordinates for is a Point; a country, a province or a place it
has none for is a feature with no geometry and its ISO country code, so a map can shade the
country instead. With `on`, presence and control are those holding on that day and
seizures and attacks those of the `days` before it (a year by default); without, all of them.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..daterange import date_bounds
from ..model import Entity
from .fused import list_facts

PLACE_TYPES = ("PRESENCE", "CONTROL", "SEIZURE", "ATTACK")
EVENT_TYPES_ON_MAP = ("SEIZURE", "ATTACK")


def _place_and_group(store, row, claims) -> tuple[Entity | None, Entity | None]:
    for claim in claims:
        place = claim.args.get("place")
        group = claim.args.get("perpetrator" if row.type == "ATTACK" else "org")
        place = place[0] if isinstance(place, tuple) and place else place
        group = group[0] if isinstance(group, tuple) and group else group
        if isinstance(place, Entity):
            return place, group if isinstance(group, Entity) else None
    return None, None


def _in_window(start: str | None, first: date, last: date) -> bool:
    if not start:
        return False
    low, high = date_bounds(start)
    return low <= last and high >= first


def places(store, on: str | None = None, days: int = 365, types=None) -> dict:
    """A GeoJSON FeatureCollection: one feature a fact, with its type, group, place, dates,
    status, documents and fact id (its evidence is `evidence FACT_ID`)."""
    wanted = [t.upper() for t in types] if types else list(PLACE_TYPES)
    held = [t for t in wanted if t not in EVENT_TYPES_ON_MAP]
    rows = list_facts(store, types=held, on=on) if held else []
    events = [t for t in wanted if t in EVENT_TYPES_ON_MAP]
    if events:
        found = list_facts(store, types=events)
        if on is not None:
            last = date_bounds(on)[1]
            first = last - timedelta(days=days)
            found = [r for r in found if _in_window(r.start, first, last)]
        rows += [r for r in found if r.type in EVENT_TYPES_ON_MAP]
    by_id = {c.id: c for c in store.claims_for()} if rows else {}
    features, extras = [], {}
    for row in rows:
        place, group = _place_and_group(store, row, [by_id[c] for c in row.claim_ids if c in by_id])
        if place is None:
            continue
        if place.id not in extras:
            extras[place.id] = store.actor_extras(place.id)
        lat, lon = extras[place.id].get("lat", place.lat), extras[place.id].get("lon", place.lon)
        features.append({
            "type": "Feature",
            "id": row.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None,
            "properties": {
                "fact_id": row.id, "type": row.type, "text": row.text,
                "group": group.name if group else None, "group_id": group.id if group else None,
                "place": place.name, "place_id": place.id, "country": place.country,
                "start": row.start, "end": row.end, "status": row.status,
                "confidence": row.confidence, "documents": row.documents,
            },
        })
    features.sort(key=lambda f: (f["properties"]["type"], f["properties"]["start"] or "", f["id"]))
    return {"type": "FeatureCollection", "on": on, "features": features}
