"""Claims read across neighbouring sentences of one passage: a merger's parts listed in the
next sentence, the groups formed when a group fell apart, and the evidence sentence itself.
"""

from __future__ import annotations

from dataclasses import replace

from ..language.nlp import evidence_of
from ..lexicon.words import words
from ..model import Claim, Document, Entity
from .arguments import entities_of, mentions_at, split_into_parts

# verbs of a group falling apart by itself ("the IUMK fragmented", "the movement split up")
FALLING_APART = words("extract.passages:FALLING_APART")
APART_PARTICLES = words("extract.passages:APART_PARTICLES")  # "split up", "broke apart", "broke up"
# nouns of the parts of a merger listed in the next sentence: "The four original groups were A, B, C and D"
PART_NOUNS = words("extract.passages:PART_NOUNS")
# verbs that say a group fell apart with a particle or "into": "split up", "broke into rival camps"
SPLITTING_VERBS = words("extract.passages:SPLITTING_VERBS")
# words after a verb of splitting that point to a group left: "split from X", "broke away", "split with X"
LEFT_GROUP_WORDS = words("extract.passages:LEFT_GROUP_WORDS")


def parts_listed_next(doc, actors, claims: list[Claim], document: Document) -> list[Claim]:
    """'Four groups merged to form Hizbul Islam. The four original groups were A, B, C and D.':
    a merger known only by its result takes its parts from a list of groups that follows."""
    sents = list(doc.sents)
    out = []
    for c in claims:
        result = c.args.get("result")
        if c.type != "MERGER" or c.args.get("parts") or not isinstance(result, Entity):
            out.append(c)
            continue
        index = c.evidence[-1].sentence
        parts: list[Entity] = []
        if index + 1 < len(sents):
            for tok in sents[index + 1]:
                if tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(
                        s.lemma_.lower() in PART_NOUNS
                        for s in tok.head.children if s.dep_ == "nsubj"):
                    parts = [e for e in entities_of([tok], ("org",), actors) if e.id != result.id]
                    break
        if len(parts) >= 2:
            c = replace(c, args={**c.args, "parts": tuple(parts)},
                        evidence=c.evidence + (evidence_of(document.id, index + 1, sents[index + 1]),),
                        rule=c.rule + "+listed")
        out.append(c)
    return out


def _fell_apart(sent, actors) -> list[Entity]:
    """Groups the sentence says fell apart: the subject of "fragmented", "split up", "broke
    apart" with no group it left ("split from X" is a splinter leaving, not this)."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
        if not (lemma in FALLING_APART or (lemma in SPLITTING_VERBS and (
                particles & APART_PARTICLES or split_into_parts(tok)))):
            continue
        if any(c.dep_ in ("prep", "dobj") and c.lower_ in LEFT_GROUP_WORDS for c in tok.children):
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ == "acl" and tok.head.dep_ == "ROOT":
            subjects.append(tok.head)  # "The IUMK fragmented in 2001": parsed as a noun phrase
        for s in subjects:
            out += [e for e in mentions_at(s, actors, ("org",)) if not e.id.startswith("state:")]
    return out


def splinters_of_fragmented(doc, actors, claims: list[Claim]) -> list[Claim]:
    """"The IUMK fragmented in 2001 ... Omar Barziani re-formed Kurdish Hamas with his
    followers": a group founded, with no parent said, in the sentence where a group fell
    apart or the next one, is a splinter of it."""
    if not any(c.type == "FOUNDING" and c.args.get("parent") is None for c in claims):
        return claims  # nothing founded without a parent: no sentence needs reading again
    sents = list(doc.sents)
    fallen = {i: _fell_apart(s, actors) for i, s in enumerate(sents)}
    if not any(fallen.values()):
        return claims
    split_pairs = {(c.args["splinter"].id, c.args["parent"].id) for c in claims if c.type == "SPLIT"
                   and isinstance(c.args.get("splinter"), Entity) and isinstance(c.args.get("parent"), Entity)}
    added = []
    for c in claims:
        org = c.args.get("org")
        if c.type != "FOUNDING" or c.args.get("parent") is not None or not isinstance(org, Entity):
            continue
        index = c.evidence[0].sentence
        for parent in fallen.get(index, []) + fallen.get(index - 1, []):
            if parent.id != org.id and (org.id, parent.id) not in split_pairs:
                split_pairs.add((org.id, parent.id))
                added.append(replace(c, type="SPLIT", args={"splinter": org, "parent": parent},
                                     rule=c.rule + "+fell_apart", confidence=min(c.confidence, 0.6)))
    return claims + added
