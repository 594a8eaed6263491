"""State forces named without their state: "government forces", "the army", "security forces".
A report about one country's war names that country's forces so; which country is read
from the document: the one country its places lie in, or, when it names no place, the one
country of the armed groups it names. A document about several countries decides nothing.
"""

from __future__ import annotations

from ..lexicon.states import state_entity
from ..lexicon.words import words

# a word for the state's own people or rulers, and the plain modifiers it takes ("the regime" is
# left out: reports often name a foreign one so, "Hezbollah's support for the regime")
STATE_HEADS = words("actors.home_state:STATE_HEADS")
PLAIN_MODIFIERS = words("actors.home_state:PLAIN_MODIFIERS")
NEEDS_MODIFIER = words("actors.home_state:NEEDS_MODIFIER")  # "forces" alone could be anyone's
# prepositions that say whose forces they are: "the army of Chad", "troops from Chad"
OWNER_PREPS = words("actors.home_state:OWNER_PREPS")


def _plain_state_noun(tok) -> bool:
    words = tok.lower_.split()
    if not words or words[-1] not in STATE_HEADS:
        return False
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    inner = words[:-1]  # "government forces" merged into one token
    if any(c.lower_ not in PLAIN_MODIFIERS for c in mods) or any(w not in PLAIN_MODIFIERS for w in inner):
        return False  # "Taliban forces", "Kenyan troops", "the group's army": someone named
    if any(c.dep_ == "prep" and c.lower_ in OWNER_PREPS for c in tok.children):
        return False  # "the army of Chad", "troops from Chad": the text says whose
    if words[-1] in NEEDS_MODIFIER and not (mods or inner):
        return False
    return bool(mods or inner) or any(c.lower_ == "the" for c in tok.children if c.dep_ == "det")


def home_country(out, registry) -> str | None:
    """The one country the document's places lie in, else the one country of its armed groups."""
    places = {m.entity.country for m in out.mentions if m.entity.kind == "place" and m.entity.country}
    if len(places) == 1:
        return next(iter(places))
    if places:
        return None
    groups = set()
    for m in out.mentions:
        actor = registry.get(m.entity.id) if m.entity.kind == "org" else None
        if actor is not None and actor.category == "armed_group" and actor.country and len(actor.country) == 2:
            groups.add(actor.country)
    return next(iter(groups)) if len(groups) == 1 else None


def home_state_mentions(doc, out, registry, make_mention) -> None:
    """A state mention on each plain state noun the document's one country decides."""
    nouns = [t for t in doc if t.lower_.rsplit(" ", 1)[-1] in STATE_HEADS and not out.at(t.i)
             and t.pos_ in ("NOUN", "PROPN") and _plain_state_noun(t)]
    if not nouns:
        return
    code = home_country(out, registry)
    if code is None:
        return
    for tok in nouns:
        out.add(make_mention(tok, state_entity(code)))
