"""The parse helpers every rule family uses, over spaCy tokens and nothing else: the
conjuncts of a word, its children by relation, whether a verb is passive, the word a
hyphen joins. The bottom of the extraction stage: it imports no rule module."""

from __future__ import annotations


def hyphen_suffix(tok) -> str | None:
    """The word a hyphen joins to this token: "bound" in "a Peshawar-bound train"."""
    doc = tok.doc
    return doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" else None


def is_passive(tok) -> bool:
    # a name read as a verb form ("IS claimed ...": 'IS' as auxpass) makes nothing passive
    return any(c.dep_ in ("nsubjpass", "auxpass") and not c.ent_type_ for c in tok.children)


def conjuncts(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def _children(tok, *deps):
    found = [c for c in tok.children if c.dep_ in deps]
    if not found and any(d.startswith("nsubj") for d in deps):
        # the parser sometimes hangs the subject on the auxiliary ("fighters are(<-) concentrated")
        found = [g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children if g.dep_ in deps]
    return found


SPLIT_MODIFIERS = {"splinter", "breakaway", "dissident", "renegade"}  # (as rules.json "split_modifiers")


def split_off_from_name(tok) -> bool:
    """'an EPRLF splinter group', 'another Taliban breakaway faction': a group noun with a split
    word and an indefinite article is some group split from the one named before it, not that
    group ('the Jamaat-ul-Ahrar splinter group' may be the group itself)."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children) and any(
        c.lower_ in SPLIT_MODIFIERS for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
