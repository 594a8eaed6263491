"""A last resort for relations the parse misses: two groups and a relation word between them.

Short summaries ("ASWJ and the TFG signed an alliance agreement", "The SSU
split from the IMK in 1998") often defeat the small parser. When a sentence
names exactly two groups, the parse-based rules found no relation between them,
and a word that can only mean one relation stands between them (or right after
both), the relation is taken, with a low confidence and its own rule name.
"""

from __future__ import annotations

from ..language.slots import co_agents
from ..lexicon.words import words
from ..model import RELATION_SIDES
from .drafts import Draft

# word (lower case, or lemma) -> claim type; the first group named takes the first role
PROXIMITY_WORDS: dict[str, str] = {}
for _type, _words in {
    "ALLIANCE": ("allied", "ally", "allies", "alliance", "alliances", "aligned", "alligned", "cooperated",
                 "cooperate", "cooperation", "coordinated", "coordinate", "partnership", "coalition", "jointly",
                 "together", "alongside", "collaborated", "partnered"),
    "RIVALRY": ("rival", "rivals", "rivalry", "clashed", "clash", "clashes", "fought", "fighting", "battled",
                "enemy", "enemies", "hostility", "feud", "attacked", "targeted", "opposed", "infighting"),
    "SPLIT": ("split", "splinter", "splintered", "breakaway", "offshoot", "seceded", "separated", "defected"),
    "MERGER": ("merged", "merger", "merge", "absorbed", "incorporated", "amalgamated", "unified"),
    "AFFILIATION": ("affiliate", "affiliated", "affiliation", "associated", "loyal", "allegiance"),
    "BRANCH": ("branch", "wing", "province", "chapter"),
}.items():
    for _w in _words:
        PROXIMITY_WORDS[_w] = _type

CONFIDENCE = 0.35
# prepositions before what a hostile act is aimed at: "fought against the army", "an attack on the base"
TARGET_PREPS = words("extract.proximity:TARGET_PREPS")
# the first words of "each other" and "one another": "X and Y fought each other"
RECIPROCAL_WORDS = words("extract.proximity:RECIPROCAL_WORDS")


def _describes_one(word, t1, t2) -> bool:
    """'certain al Qaeda branches': a part-of word whose own modifier is one of the groups
    speaks of that group's parts, not of a relation between the two; so does one that shares
    its noun with the group ('an al-Shabaab splinter group': a splinter of al-Shabaab)."""
    kind = PROXIMITY_WORDS.get(word.lower_) or PROXIMITY_WORDS.get(word.lemma_.lower())
    if kind not in ("BRANCH", "AFFILIATION", "SPLIT"):
        return False
    shared = word.dep_ in ("compound", "amod", "nmod") and word.head.i > word.i
    return any((t.head.i == word.i and t.dep_ in ("compound", "poss", "nmod", "amod"))
               or (shared and t.head.i == word.head.i and t.i < word.i and t.dep_ in ("compound", "nmod"))
               or (word.i == t.i + 1 and word.lower_ != word.lemma_.lower()) for t in (t1, t2))


def _act_together(t1, t2, trigger) -> bool:
    """'X and Y attacked a prison': two groups joined as one subject of a hostile verb
    that has another object act together against it, not against each other; so do a
    subject and its partners ('together with X, Y fought ...')."""
    if {t1.i, t2.i} & {c.i for c in co_agents(trigger)}:
        return True  # "together with X, Y attacked ...": partners
    coordinated = t2.dep_ == "conj" and t2.head.i == t1.i
    if not coordinated or trigger.i < t2.i:
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "attr")]
    objects += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ not in RECIPROCAL_WORDS for o in objects)


def proximity_drafts(sent, actors, linked: set[frozenset]) -> list[Draft]:
    """Relations between the two groups of a sentence that the rules left unlinked."""
    orgs = []
    for tok in sent:
        for m in actors.at(tok.i):
            # only groups named here (not "the group", not a pronoun) and known to the registry
            # or defined in the text: the fallback must not guess who is meant
            if m.entity.kind == "org" and m.is_actor and m.category not in ("state", "government", "media") \
                    and m.via in ("registry", "acronym") and all(m.entity.id != o[1].id for o in orgs):
                orgs.append((tok, m.entity))
    if len(orgs) != 2:
        return []
    (t1, x), (t2, y) = orgs
    if frozenset((x.id, y.id)) in linked:
        return []
    # the words between the two names, and the few after the second ("X and Y allies")
    window = [t for t in sent if t1.i < t.i <= t2.i + 3 and t.i != t2.i and not _describes_one(t, t1, t2)]
    found = {PROXIMITY_WORDS.get(t.lower_) or PROXIMITY_WORDS.get(t.lemma_.lower()) for t in window} - {None}
    if len(found) != 1:  # no relation word, or words of several relations: say nothing
        return []
    ctype = found.pop()
    trigger = next(t for t in window if PROXIMITY_WORDS.get(t.lower_) == ctype
                   or PROXIMITY_WORDS.get(t.lemma_.lower()) == ctype)
    if ctype == "RIVALRY" and _act_together(t1, t2, trigger):
        return []
    if ctype == "MERGER":
        return [Draft("MERGER", {"parts": (x, y), "result": None}, trigger, "proximity", CONFIDENCE)]
    first, second = RELATION_SIDES[ctype]
    return [Draft(ctype, {first: x, second: y}, trigger, "proximity", CONFIDENCE)]
