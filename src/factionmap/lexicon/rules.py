"""Extraction rules as data: loaded from `data/rules.json` and validated at load."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..errors import FactionmapError
from .frame_schema import validate_frames

RULES_FILE = "rules.json"
_LEXICON_KEYS = {
    "actors": ("titles", "group_name_words", "non_group_words", "group_adjectives", "group_nouns", "leader_nouns",
               "facility_words", "name_particles", "generic_modifiers", "leading_descriptors", "weak_heads",
               "weak_head_companions", "coalition_modifiers", "coalition_political", "coalition_activities"),
}


def validate_rules(raw: dict) -> dict:
    """Check the shape of the rules data and turn word lists into frozensets."""
    if not isinstance(raw, dict) or not isinstance(raw.get("version"), str):
        raise FactionmapError("E202", detail="top level must be an object with a 'version' string")
    out: dict = {"version": raw["version"]}
    for section, keys in _LEXICON_KEYS.items():
        table = raw.get(section)
        if not isinstance(table, dict):
            raise FactionmapError("E202", detail=f"section '{section}' is missing or not an object")
        out[section] = {}
        for key in keys:
            words = table.get(key)
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
                raise FactionmapError("E202", detail=f"'{section}.{key}' must be a non-empty list of words")
            out[section][key] = frozenset(w.lower() for w in words)
    out["actors"]["non_actor_orgs"] = frozenset(
        " ".join(w.lower().split()) for w in raw["actors"].get("non_actor_orgs", []))
    frames = raw.get("frames", [])
    if not isinstance(frames, list):
        raise FactionmapError("E202", detail="'frames' must be a list")
    word_lists = raw.get("word_lists", {})
    if not isinstance(word_lists, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in word_lists.values()):
        raise FactionmapError("E202", detail="'word_lists' must map names to lists of words")
    out["frames"] = validate_frames(frames, word_lists)
    blocked = raw.get("frames_blocked_by", [])
    if not isinstance(blocked, list) or not all(isinstance(w, str) for w in blocked):
        raise FactionmapError("E202", detail="'frames_blocked_by' must be a list of words")
    out["frames_blocked_by"] = frozenset(blocked)
    calibration = {k: v for k, v in raw.get("calibration", {}).items() if not k.startswith("_")}
    if not all(isinstance(v, (int, float)) and 0 < v <= 1 for v in calibration.values()):
        raise FactionmapError("E202", detail="'calibration' values must be confidences in (0, 1]")
    out["calibration"] = calibration
    nominal = raw.get("nominal", {})
    for key in ("locative_preps", "sub_leader_modifiers"):  # word lists the located, units and role rules read
        words = nominal.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise FactionmapError("E202", detail=f"'nominal.{key}' must be a non-empty list of words")
    ranks = nominal.get("unit_echelons")
    if not isinstance(ranks, dict) or not ranks or not all(
            isinstance(k, str) and k == k.lower() and type(v) is int and v > 0 for k, v in ranks.items()):
        raise FactionmapError("E202", detail="'nominal.unit_echelons' must map lower-case unit words to ranks")
    out["nominal"] = nominal
    surface = raw.get("surface")
    if not isinstance(surface, dict):
        raise FactionmapError("E202", detail="section 'surface' is missing or not an object")
    out["surface"] = {}
    for key, words in surface.items():
        if key.startswith("_"):
            continue
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise FactionmapError("E202", detail=f"'surface.{key}' must be a non-empty list of words")
        out["surface"][key] = frozenset(w.lower() for w in words)
    states = raw.get("states", {})
    if not isinstance(states, dict):
        raise FactionmapError("E202", detail="'states' must be an object")
    out["states"] = {
        "country_aliases": dict(states.get("country_aliases", {})),
        "demonyms": {k: v for k, v in states.get("demonyms", {}).items() if v},
        "state_nouns": frozenset(states.get("state_nouns", [])),
    }
    return out


@lru_cache(maxsize=1)
def load_rules() -> dict:
    """The shipped rules, validated."""
    text = resources.files("factionmap").joinpath("data", RULES_FILE).read_text(encoding="utf-8")
    return validate_rules(json.loads(text))
