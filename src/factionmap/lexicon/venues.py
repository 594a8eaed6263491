"""The venue and state-body words (data/venues.json), validated: read by the actors stage
(a name followed by "hotel" is a building) and by the plausibility checks."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import FactionmapError

VENUES_PATH = Path(__file__).parents[1] / "data" / "venues.json"


def validate_venues(raw: object) -> dict[str, frozenset[str]]:
    """The venue and state-body words, checked: a clear error when the data is malformed."""
    if not isinstance(raw, dict):
        raise FactionmapError("E202", detail="venues.json: not an object")
    out = {}
    for key in ("venue_heads", "state_bodies"):
        words = raw.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise FactionmapError("E202", detail=f"venues.json: {key!r} must be a non-empty list of words")
        out[key] = frozenset(w.lower() for w in words)
    return out


@lru_cache(maxsize=1)
def load_venues() -> dict[str, frozenset[str]]:
    return validate_venues(json.loads(VENUES_PATH.read_text(encoding="utf-8")))
