"""Whose deed a word names, when the parser hangs the doer elsewhere.

- An agent belongs to the event it follows. In "X was created in retaliation for the
  kidnapping of Y by Z" the parser hangs "by Z" on "created", but a deed named inside a
  phrase of cause ("in retaliation for", "after", "following", "over") is another event
  with its own doer: Z kidnapped, Z did not create X (`owning_event`, `borrowed_agents`).
- The owner of an aim does what the aim says: "X's goal was to eliminate Y's cadres"
  (`aim_owners`).

These are parse helpers below every rule family: `frames.subject` and the hostility rules
both read them.
"""

from __future__ import annotations

from ..lexicon.words import words
from .syntax import _children

# deeds that have a doer of their own: "the kidnapping of his daughter by Z"
EVENT_NOUNS = words("language.agency:EVENT_NOUNS")
# a phrase of cause: the deed in it happened before and apart from the verb's own event
CAUSE_PREPS = words("language.agency:CAUSE_PREPS")
CAUSE_NOUNS = words("language.agency:CAUSE_NOUNS")
# nouns for what someone means to do: "X's goal was to ..."
AIM_NOUNS = words("language.agency:AIM_NOUNS")
# words for a share of what the "of" phrase names: "one of X's goals", "part of its aims"
SHARE_WORDS = words("language.agency:SHARE_WORDS")


def _by_objects(by_tok) -> list:
    return [c for c in by_tok.children if c.dep_ == "pobj"]


def _own_by(tok):
    return next((c for c in tok.children if c.lower_ == "by" and c.dep_ in ("prep", "agent")), None)


def owning_event(by_tok):
    """The deed a "by" phrase hung on a verb really belongs to, or None when it is the verb's:
    the nearest deed noun between the verb and "by" that sits in a phrase of cause and has no
    "by" of its own ("created in retaliation for the kidnapping ... by Z": the kidnapping).
    A deed in a phrase of means shares the verb's doer ("killed in an attack by Z": Z did both)."""
    if by_tok.lower_ != "by" or by_tok.dep_ not in ("agent", "prep"):
        return None
    verb = by_tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for t in reversed(verb.doc[verb.i + 1: by_tok.i]):
        if t.pos_ != "NOUN" or t.lemma_.lower() not in EVENT_NOUNS or _own_by(t) is not None:
            continue
        path, up = [], t
        while up.i != verb.i and up.head.i != up.i:
            up = up.head
            path.append(up)
        if up.i != verb.i:
            continue
        if any((p.dep_ == "prep" and p.lower_ in CAUSE_PREPS) or p.lemma_.lower() in CAUSE_NOUNS for p in path):
            return t
    return None


def borrowed_agents(noun) -> list:
    """The doers a deed noun gets from a "by" phrase the parser hung on the verb before it."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EVENT_NOUNS:
        return []
    sent = noun.sent
    return [o for t in sent if t.i > noun.i and t.lower_ == "by" and t.dep_ in ("agent", "prep")
            and owning_event(t) is not None and owning_event(t).i == noun.i for o in _by_objects(t)]


def aim_owners(tok) -> list:
    """The doer of an infinitive that says what an aim is: "X's goal was to eliminate Y",
    "one of X's main aims is to drive out Y" (X), or [] when it is not such a verb."""

    if tok.dep_ != "xcomp" or tok.head.lemma_ != "be" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return []
    for s in _children(tok.head, "nsubj"):
        if s.lower_ in SHARE_WORDS :  # "one of X's goals"
            s = next((o for p in s.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), s)
        if s.lemma_.lower() in AIM_NOUNS or s.lower_ in AIM_NOUNS:
            return _children(s, "poss") or [c for c in _children(s, "compound", "nmod")
                                            if c.ent_type_ or c.text[:1].isupper()]
    return []

