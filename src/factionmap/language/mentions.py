"""What a token names, before any rule reads it: the actors of given kinds mentioned at it,
the nouns that stand for ground, and the name a noun is said to be called ("a branch it
calls Khorasan Province"). Shared by the actors stage and every rule family; imports none
of them."""

from __future__ import annotations

from ..lexicon.words import words

# Nouns for ground: "territory in areas of Afghanistan" is a place in Afghanistan.
PLACE_NOUNS = words("language.mentions:PLACE_NOUNS")


def mentions_at(tok, actors, kinds):
    return [m.entity for m in actors.at(tok.i) if m.entity.kind in kinds and m.is_actor]


NAMING_VERBS = words("language.mentions:NAMING_VERBS")
# reflexive pronouns a name follows: "a faction calling itself the High Council"
REFLEXIVE_PRONOUNS = words("language.mentions:REFLEXIVE_PRONOUNS")


def named_as(tok, actors):
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in NAMING_VERBS:
            for t in c.children:  # what it is called, not who calls it
                if t.dep_ in ("oprd", "dobj", "attr", "xcomp", "ccomp", "prep"):
                    for u in [t, *t.children]:
                        found = mentions_at(u, actors, ("org",))
                        if found and t.dep_ != "nsubj":
                            return found
                    if t.lower_ in REFLEXIVE_PRONOUNS and t.i + 1 < len(t.doc):
                        found = mentions_at(t.doc[t.i + 1], actors, ("org",))  # the name, whatever
                        if found:  # the parser made of it
                            return found
    return []
