"""What every stage may read: the actor registry (identities only: names, aliases, kind,
country), the extraction rules and frames, the venue words, states and places. All of it is
data under `factionmap/data/`, validated when it loads. The bottom package above the model:
it imports no stage.

The registry sits here rather than in `actors` because the language stage matches its
names too.
"""

from __future__ import annotations

from .frame_schema import Frame, validate_frames
from .places import place_entity, resolve_place
from .registry import Registry, load_registry, load_spelling_variants, phrase_patterns
from .rules import load_rules, validate_rules
from .states import country_code, demonym_code, state_entity
from .venues import load_venues

__all__ = [
    "Frame", "Registry", "country_code", "demonym_code", "load_registry", "load_rules",
    "load_spelling_variants", "load_venues", "phrase_patterns", "place_entity", "resolve_place",
    "state_entity", "validate_frames", "validate_rules",
]
