"""What a frame is, as data: a claim type, trigger lemmas and parts of speech, and for each
argument the ordered slots to look in. `validate_frames` checks the "frames" of
`data/rules.json` at load; `frames` reads the slots in a parse."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import FactionmapError
from ..model import CLAIM_TYPES

SLOT_NAMES = {
    "subj", "obj", "patient", "nsubj", "poss", "of", "compound", "appos", "pair", "head",
    "clause_subj", "foe_with", "resumed_place", "attr_subj", "acl_head", "obj.poss", "obj.owner", "where", "held_by", "formed", "subj_of", "acl_agent", "clause_place", "sentence_place", "ground", "formed_by", "deep_by",
}


@dataclass(frozen=True)
class Frame:
    name: str
    type: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    args: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]
    requires: frozenset[str]  # a child (object) lemma the trigger must have, if any
    confidence: float
    literals: dict[str, object]


def _requires(f: dict, where: str, word_lists: dict[str, list[str]]) -> frozenset[str]:
    """A frame's required child words: a list, or "@name" of a shared list ("@means")."""
    words = f.get("requires", [])
    if isinstance(words, str) and words.startswith("@"):
        if words[1:] not in word_lists:
            raise FactionmapError("E202", detail=f"{where}: no word list {words!r}")
        words = word_lists[words[1:]]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise FactionmapError("E202", detail=f"{where}: 'requires' must be a list of words or '@list'")
    return frozenset(words)


def validate_frames(raw: list, word_lists: dict[str, list[str]] | None = None) -> tuple[Frame, ...]:
    word_lists = word_lists or {}
    frames = []
    for i, f in enumerate(raw):
        where = f"frame {i} ({f.get('name', '?') if isinstance(f, dict) else '?'})"
        if not isinstance(f, dict):
            raise FactionmapError("E202", detail=f"{where}: not an object")
        ctype = f.get("type")
        if ctype not in CLAIM_TYPES:
            raise FactionmapError("E202", detail=f"{where}: unknown claim type {ctype!r}")
        args = f.get("args")
        if not isinstance(args, dict) or not args:
            raise FactionmapError("E202", detail=f"{where}: 'args' must be a non-empty object")
        known = set(CLAIM_TYPES[ctype]["core"]) | set(CLAIM_TYPES[ctype]["other"])
        for name, slots in args.items():
            if name not in known:
                raise FactionmapError("E202", detail=f"{where}: {ctype} has no argument {name!r}")
            for slot in slots:
                if slot not in SLOT_NAMES and not slot.startswith(("prep:", "obj.prep:", "verb.prep:", "comp.prep:")):
                    raise FactionmapError("E202", detail=f"{where}: unknown slot {slot!r}")
        lemmas = f.get("lemmas")
        if not isinstance(lemmas, list) or not lemmas:
            raise FactionmapError("E202", detail=f"{where}: 'lemmas' must be a non-empty list")
        conf = f.get("confidence", 0.6)
        if not isinstance(conf, (int, float)) or not 0 < conf <= 1:
            raise FactionmapError("E202", detail=f"{where}: confidence must be in (0, 1]")
        kinds = {k: tuple(v) for k, v in f.get("kinds", {}).items()}
        frames.append(Frame(
            name=f.get("name", f"{ctype.lower()}-{i}"), type=ctype,
            lemmas=frozenset(l.lower() for l in lemmas),
            pos=frozenset(f.get("pos", ["VERB", "NOUN", "ADJ"])),
            args={k: tuple(v) for k, v in args.items()}, kinds=kinds,
            requires=_requires(f, where, word_lists), confidence=float(conf),
            literals=dict(f.get("literals", {})),
        ))
    return tuple(frames)
