"""Claims said by a place hung on a group's name: "the campaign against al-Shabaab in
Somalia", "the defeat of Boko Haram in Nigeria" and "talks with the Taliban in Doha" put
the group in the place (PRESENCE), whatever the sentence says it does there.

Only a place the parser attaches to the name itself counts; "X attacked a town in Y"
hangs the place on the town, and "X fought in Y" on the verb, which the frames read.
"""

from __future__ import annotations

from ..language.slots import conjuncts, patient
from ..lexicon.words import words
from .arguments import mentions_at
from .drafts import Draft


def located_drafts(tok, actors, nominal: dict) -> list[Draft]:
    """PRESENCE for a group named at `tok` whose name carries a locative phrase."""
    orgs = mentions_at(tok, actors, ("org",))
    if not orgs or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return []  # "no Taliban presence in the north" says it is not there
    preps = nominal.get("locative_preps", ())
    drafts = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        if prep.i != tok.i + 1:
            continue  # "al-Shabaab, which was formed in 2006 in Mogadishu": not the name's own phrase
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for t in conjuncts(obj):
                for place in mentions_at(t, actors, ("place",)):
                    drafts += [Draft("PRESENCE", {"org": org, "place": place}, prep, "located.name_in", 0.6)
                               for org in orgs if not _own_country(org, place)]
    return drafts


# ground a group holds when the text calls a place its own: "Raqqa, the group's de facto capital"
HELD_PLACE_NOUNS = words("extract.located:HELD_PLACE_NOUNS")

# verbs that say what a place is: "Marawi became the militants' stronghold", "Raqqa remained its capital"
COPULA_VERBS = words("extract.located:COPULA_VERBS")


def held_place_drafts(tok, actors) -> list[Draft]:
    """CONTROL said by a noun: "Raqqa, ISIL's self-proclaimed capital", "Jamaame, an
    al-Shabaab stronghold", "Marawi became the militants' stronghold" (the owner
    named, never a state's own capital: "Kabul, Afghanistan's capital")."""
    if tok.lower_ not in HELD_PLACE_NOUNS or tok.pos_ != "NOUN":
        return []
    owners = [e for c in tok.children if c.dep_ in ("poss", "compound")
              for e in mentions_at(c, actors, ("org",)) if not e.id.startswith("state:")]
    if not owners:
        return []
    places = []
    if tok.dep_ == "appos":  # "Raqqa, the group's capital"
        places = mentions_at(tok.head, actors, ("place",))
    places += [p for c in tok.children if c.dep_ == "appos" for p in mentions_at(c, actors, ("place",))]
    if tok.dep_ in ("attr", "oprd") and tok.head.lemma_.lower() in COPULA_VERBS:
        places += [p for c in tok.head.children if c.dep_ == "nsubj" for p in mentions_at(c, actors, ("place",))]
    return [Draft("CONTROL", {"org": org, "place": place}, tok, "located.held_place", 0.6)
            for org in owners[:1] for place in places[:2]]


def _own_country(org, place) -> bool:
    """'Iraq in Iraq' is no claim: a state in its own land."""
    return org.id.startswith("state:") and org.name == place.name


# buildings stormed for the people inside: an attack, not ground taken
CIVIL_BUILDINGS = words("extract.located:CIVIL_BUILDINGS")


def building_in_place(tok, place_tokens) -> bool:
    """"Gunmen stormed a hotel in Mogadishu": the town is where the hotel stands; the hotel
    was attacked, the town not taken (a SEIZURE of the town would be false)."""
    objects = patient(tok)
    return any(o.lemma_.lower() in CIVIL_BUILDINGS for o in objects) and not any(
        t.i == o.i for t in place_tokens for o in objects)
