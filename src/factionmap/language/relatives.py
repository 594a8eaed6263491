"""What a relative clause or a bare verb is said of, when the parser hangs it elsewhere:
"X, one of the factions that broke away" is said of X; "..., AQI and IAI worked" of the
names listed just before the verb."""

from __future__ import annotations

from ..lexicon.words import words
from .syntax import _children

SOME_OF = words("language.relatives:SOME_OF")
# singular verb forms, which do not agree with a plural noun: "X, according to sources, which was ..."
SINGULAR_VERB_FORMS = words("language.relatives:SINGULAR_VERB_FORMS")


def _names_just_before(tok):
    """The first name of a list of names that ends just before a verb and that the parser
    attached to something earlier ("..., AQI and IAI worked"), or None."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is None or before.ent_type_ not in ("ORG", "NORP") or before.dep_ != "conj":
        return None
    first = before
    while first.dep_ == "conj" and first.head.ent_type_ in ("ORG", "NORP") and first.head.i < first.i:
        first = first.head
    return first


def antecedent(noun, verb=None) -> list:
    """What a relative clause is said of: its noun, or the one named as one of those the
    noun stands for ("X is one of the factions that broke away", "X was among the groups
    that ...", "X, one of the groups that ...": X), or the name a description is in
    apposition to ("X, the doctor who succeeded Y": X). A singular verb does not agree with a
    plural noun: "X, according to official sources, which was ...": the clause's subject X."""
    if verb is not None and noun.tag_ in ("NNS", "NNPS") and any(
            t.lower_ in SINGULAR_VERB_FORMS or t.tag_ == "VBZ" for t in [verb, *verb.children]
            if t.i == verb.i or t.dep_ in ("aux", "auxpass")):
        clause = noun.head  # the verb of the clause the noun sits in ("according to" is none)
        while not (clause.pos_ in ("VERB", "AUX") and _children(clause, "nsubj", "nsubjpass")) \
                and clause.head != clause:
            clause = clause.head
        subjects = [s for s in _children(clause, "nsubj", "nsubjpass") if s.i < noun.i and s.tag_ in ("NN", "NNP")]
        if subjects:
            return subjects
    prep = noun.head
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and prep.pos_ == "PROPN" and prep.i < noun.i:
        return [prep]  # "X, the Egyptian doctor who succeeded Y": the description is X's
    if noun.dep_ != "pobj" or prep == noun:
        return [noun]
    if prep.lower_ == "of" and prep.head.lower_ in SOME_OF and prep.head.head != prep.head:
        some = prep.head
        if some.dep_ == "attr" and some.head.lemma_ == "be":
            return _children(some.head, "nsubj") or [noun]
        if some.dep_ == "appos":
            return [some.head]
    if prep.lower_ == "among" and prep.head.lemma_ == "be":
        return _children(prep.head, "nsubj") or [noun]
    return [noun]
