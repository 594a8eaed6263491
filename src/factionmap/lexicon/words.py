"""The lexicon: the English and domain words the rules compare tokens to, as data.

`data/lexicon.json` holds them in sections, one per module that reads them (the modality,
negation and attribution words of `extract.context` are the section "modality"); each
entry has a kind (`set`, `frozenset`, `tuple` or `list`: how the code holds it; a tuple or
list keeps its order), an optional note on what the words are for, and the words. The
file is validated when it is first read: a bad entry stops every command with E203 naming
the entry, before any text is read.

A module names what it reads as `KILL_VERBS = words("extract.attack_kinds:KILL_VERBS")`;
`keys_of(module)` lists the keys a module reads, for the rule components' records.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..errors import FactionmapError

LEXICON_FILE = "lexicon.json"
KINDS = {"set": set, "frozenset": frozenset, "tuple": tuple, "list": list}
_ENTRY_KEYS = {"kind", "note", "words"}


def validate_lexicon(raw: object) -> dict[str, dict]:
    """The lexicon's entries by key ("section:NAME"), or E203 naming what is wrong."""

    def bad(where: str, detail: str) -> FactionmapError:
        return FactionmapError("E203", detail=f"{where}: {detail}")

    if not isinstance(raw, dict) or set(raw) != {"version", "sections"}:
        raise bad("top level", "expected exactly the keys 'version' and 'sections'")
    if not isinstance(raw["version"], str) or not raw["version"]:
        raise bad("version", "must be a non-empty string")
    if not isinstance(raw["sections"], dict):
        raise bad("sections", "must map section names to entries")
    out = {}
    for section, entries in raw["sections"].items():
        if not isinstance(entries, dict) or not entries:
            raise bad(section, "a section maps entry names to entries")
        for name, entry in entries.items():
            where = f"{section}:{name}"
            if not isinstance(entry, dict) or not {"kind", "words"} <= set(entry) <= _ENTRY_KEYS:
                raise bad(where, "an entry has 'kind', 'words' and optionally 'note'")
            if entry["kind"] not in KINDS:
                raise bad(where, f"kind must be one of {', '.join(KINDS)}, not {entry['kind']!r}")
            if "note" in entry and not isinstance(entry["note"], str):
                raise bad(where, "the note must be a string")
            words_ = entry["words"]
            if not isinstance(words_, list) or len(words_) < 2:
                raise bad(where, "'words' must be a list of at least two words")
            for w in words_:
                if not isinstance(w, str) or not w or w != w.strip() or "  " in w:
                    raise bad(where, f"{w!r} is not a word (empty, or with stray spaces)")
            twice = sorted({w for w in words_ if words_.count(w) > 1})
            if twice:
                raise bad(where, f"listed twice: {', '.join(twice)}")
            out[where] = entry
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, dict]:
    text = resources.files("factionmap").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FactionmapError("E203", detail=f"not JSON ({exc})") from exc
    return validate_lexicon(raw)


def lexicon_version() -> str:
    text = resources.files("factionmap").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")
    return json.loads(text)["version"]


def words(key: str):
    """The words of one lexicon entry ("section:NAME"), held as its kind says."""
    entry = load_lexicon().get(key)
    if entry is None:
        raise FactionmapError("E203", detail=f"{key}: no such entry")
    return KINDS[entry["kind"]](entry["words"])


def keys_of(section: str) -> tuple[str, ...]:
    """The keys of a section: the lexicon entries one module reads."""
    return tuple(k for k in load_lexicon() if k.partition(":")[0] == section)
