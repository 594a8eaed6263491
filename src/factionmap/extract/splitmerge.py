"""Splits and mergers said through the founding of a new group.

A group founded by people who had just left another is a splinter of it: "X and Y
defected from P and formed Z", "after breaking away from P, they founded Z". So is a
group founded out of another's people: "formed Z from former members of P", "Z was
created from the ranks of P". (A split verb with its own "to form Z" is a frame of
rules.json; these are the founding verbs whose subject or source says where the
founders came from.)
"""

from __future__ import annotations

from ..language.slots import FORM_VERBS, slot_tokens
from ..lexicon.registry import load_registry
from ..lexicon.words import words
from .arguments import entities_of, split_into_parts
from .drafts import Draft

# Verbs of leaving a group, and where each names the group left.
LEAVING = {
    "defect": ("prep:from",), "desert": ("obj", "prep:from"), "leave": ("obj",), "quit": ("obj",),
    "abandon": ("obj",), "split": ("prep:from", "prep:with", "prep:off from"),
    "splinter": ("prep:from", "prep:off from"), "secede": ("prep:from",),
    "break": ("prep:away from", "prep:from", "prep:with", "prep:off from"),
    "separate": ("prep:from",), "breakaway": ("prep:from",),
}
# The people a group is made of: "formed from members of P", "out of the ranks of P".
PEOPLE_SOURCES = words("extract.splitmerge:PEOPLE_SOURCES")
SPLIT_WORDS = words("extract.splitmerge:SPLIT_WORDS")
CONFIDENCE = 0.6
# words opening the clause of what the founders did first: "after leaving P", "upon breaking away"
AFTER_WORDS = words("extract.splitmerge:AFTER_WORDS")
# the words that make "break" a breaking away: "broke away from P", "broke off", "broke with P"
BREAK_AWAY_WORDS = words("extract.splitmerge:BREAK_AWAY_WORDS")
# verbs of beginning to do something: "the group began to operate autonomously from X"
BEGINNING_VERBS = words("extract.splitmerge:BEGINNING_VERBS")


def _is_forming(tok) -> bool:
    return tok.lemma_.lower() in FORM_VERBS or tok.lower_ in FORM_VERBS


def _leaving_verbs(tok) -> list:
    """Verbs of leaving said of the founders of `tok` (a founding verb): coordinated with it
    ("left P and formed Z", "defect from P, and eventually form Z") or the 'after' clause
    opening it ("after breaking away from P, they founded Z")."""
    found = []
    if tok.dep_ == "conj" and tok.head != tok:
        head = tok.head
        found.append(head)  # "left P and formed Z"
        found += [c for c in head.children if c.dep_ == "conj" and c.i < tok.i]  # "declare X, defect from P, and form Z"
    for c in tok.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and any(m.lower_ in AFTER_WORDS for m in c.children):
            found.append(c)  # "after leaving P, they formed Z" (the parser's advcl)
        if c.dep_ == "prep" and c.lower_ in AFTER_WORDS:
            found += [p for p in c.children if p.dep_ == "pcomp"]  # "after leaving P"
    return [v for v in found if v.lemma_.lower() in LEAVING]


def _left_groups(verb, actors) -> list:
    slots = LEAVING[verb.lemma_.lower()]
    if verb.lemma_.lower() == "break" and not any(c.lower_ in BREAK_AWAY_WORDS for c in verb.children):
        return []  # "broke the siege": not breaking away
    for slot in slots:
        groups = [e for e in entities_of(slot_tokens(verb, slot), ("org",), actors) if not e.id.startswith("state:")]
        if groups:
            return groups
    return []


def _source_groups(tok, actors) -> list:
    """'formed Z from (the remaining) members of P', 'out of the ranks of P': P."""
    sources = slot_tokens(tok, "prep:from") + slot_tokens(tok, "prep:out of")
    people = [s for s in sources if s.lemma_.lower() in PEOPLE_SOURCES or s.lower_ in PEOPLE_SOURCES]
    return [e for e in entities_of(people, ("org",), actors) if not e.id.startswith("state:")]


def split_by_founding(tok, actors) -> list[Draft]:
    """SPLITs said by a founding verb: its group is a splinter of the group its founders
    left (`_leaving_verbs`) or whose people it was formed from (`_source_groups`)."""
    if not _is_forming(tok) or tok.pos_ not in ("VERB", "NOUN"):
        return []
    made = entities_of(slot_tokens(tok, "obj"), ("org",), actors)
    if not made:
        return []
    drafts = []
    for verb in _leaving_verbs(tok):
        for parent in _left_groups(verb, actors):
            drafts += [Draft("SPLIT", {"splinter": z, "parent": parent}, tok, "split.founded_by_leavers", CONFIDENCE)
                       for z in made[:1] if z.id != parent.id]
    for parent in _source_groups(tok, actors):
        drafts += [Draft("SPLIT", {"splinter": z, "parent": parent}, tok, "split.formed_from_members", CONFIDENCE)
                   for z in made[:1] if z.id != parent.id]
    return drafts


def under_split_or_merger(tok) -> bool:
    """Is a founding verb said of a split or a merger ("split to form X", "merged to form
    X", "defected from P and formed X")? Its founders are then no parent of what they form."""
    t = tok
    for _ in range(2):
        if t.dep_ not in ("xcomp", "conj", "advcl") or t.head == t:
            break
        t = t.head
        if t.lemma_.lower() in SPLIT_WORDS:
            return True
    return bool(_leaving_verbs(tok))


def not_a_split(frame_name: str, tok, resolved: dict) -> bool:
    """SPLIT readings the sentence does not support: states becoming independent of states
    ("South Sudan became independent of Sudan"); and a group that merely operates apart
    from another ("Hamas operates independently of Fatah": it never belonged to it) unless
    it began to ("the group began to operate autonomously from X", "has since operated
    independently of X"), or does so apart from a state or government, which it never was part of."""
    if any(e.id.startswith("state:") for e in resolved.get("splinter", [])):
        return True
    if split_into_parts(tok):
        return True  # "the movement split into two factions": it fell apart (passages.py), left nothing
    if frame_name != "split.operate_independently":
        return False
    registry = load_registry()
    if any(e.id.startswith("state:") or getattr(registry.get(e.id), "category", None) == "government"
           for e in resolved.get("parent", [])):
        return True
    began = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in BEGINNING_VERBS
    since = any(c.lower_ == "since" and c.dep_ in ("advmod", "prep") for c in tok.children)
    return not (began or since)


