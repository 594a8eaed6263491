"""Dataset actor and place names as the entities the news extractor gives, so that a dataset
record and a news report of the same thing share a fact key (`facts.fusion.fact_key`).

Datasets write a group as "Name (ACRONYM)", with a country ("Islamic State (Somalia)"), a
period ("Military Forces of Nigeria (2015-2023)") or a second name after a dash ("Boko Haram
- Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"). A name is looked up in the registry whole,
then as the group of that country, then the part before the parenthesis, then what the
parenthesis holds, then each part around a dash or colon. A government force ("Military
Forces of X", "Police Forces of X", "Government of X") is the state of X, as the extractor
writes a state ("state:<code>"). A name that says nobody is known ("Unknown", "Unidentified
Armed Group", "Civilians") or only describes people ("Muslim extremists", "Gunmen") is no
actor. Any other group is the extractor's new group ("new:<slug>", `actors.resolve.new_org`)
named by the part before its parenthesis, with the whole name and the acronym as aliases.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..actors.resolve import new_org, registry_entity
from ..lexicon.places import place_entity
from ..lexicon.registry import load_registry
from ..lexicon.states import country_code, state_entity
from ..model import Entity
from ..names import normalize_name

# names (normalized, their parenthesis left out) that say no actor is known or meant
NO_ACTOR = frozenset({
    "unknown", "unidentified", "unknown group", "unidentified group", "unidentified armed group",
    "unidentified gunmen", "unidentified militants", "unidentified military forces", "unidentified communal militia",
    "civilians", "protesters", "rioters", "other", "others", "individual", "none", "gunmen", "militants",
    "not applicable", "n/a", "na",
})
# a short name ending in one of these that the registry lacks describes people, not a group
DESCRIPTIVE_HEADS = frozenset({
    "extremists", "militants", "separatists", "insurgents", "rebels", "gunmen", "tribesmen", "terrorists",
    "jihadists", "jihadis", "assailants", "attackers", "fighters", "criminals", "radicals", "guerrillas",
    "sympathizers", "supporters", "activists", "youths", "students", "villagers", "protesters",
})
_STATE_FORCE = re.compile(
    r"^(?:(?:military|police|security|armed|naval|air|border|special|government|national|regional|local)\s+)*"
    r"(?:forces?|army|navy|police|government|gendarmerie)\s+of\s+(?P<country>[^()]+?)\s*(?:\(.*)?$", re.I)
_PARENS = re.compile(r"\s*\(([^()]*)\)")
_YEARS = re.compile(r"^\s*\d{4}\s*[-–]\s*(\d{4})?\s*$")
_SPLITTERS = re.compile(r"\s+[-–—]\s+|:\s+|;\s+")


def country_of(name: str | None) -> str | None:
    """The ISO code of a dataset's country name: "Afghanistan", "Myanmar (Burma)", "DR Congo (Zaire)"."""
    if not name or not name.strip():
        return None
    whole = name.strip()
    base = _PARENS.sub("", whole).strip()
    inside = _PARENS.findall(whole)
    for form in (whole, base, *inside, base.replace("DR ", "Democratic Republic of the ")):
        code = country_code(form) if form else None
        if code:
            return code
    return None


def state_of(name: str) -> Entity | None:
    """The state a government force's name stands for ("Military Forces of Nigeria (2015-2023)")."""
    found = _STATE_FORCE.match(" ".join(name.split()))
    if not found:
        return None
    code = country_of(found.group("country"))
    return state_entity(code) if code else None


def names_nobody(name: str | None) -> bool:
    """Whether a dataset's actor name says no actor is known ("Unknown", "Unidentified Armed Group
    (Afghanistan)", "Civilians (Nigeria)")."""
    if not name or not name.strip():
        return True
    base = normalize_name(_PARENS.sub("", name))
    return base in NO_ACTOR or base.startswith(("unidentified ", "unknown "))


def group_entity(name: str | None, country: str | None = None) -> Entity | None:
    """The org a dataset's actor name stands for, as the news extractor names it; None for nobody.

    `country` is the record's country code; it picks a group's branch in that country
    ("Islamic State (Somalia)") and is the new group's country when it has none."""
    if names_nobody(name):
        return None
    text = " ".join(name.split())
    return _group_entity(text, country)


@lru_cache(maxsize=4096)
def _group_entity(text: str, country: str | None) -> Entity | None:
    state = state_of(text)
    if state is not None:
        return state
    registry = load_registry()
    base = _PARENS.sub("", text).strip() or text
    for form in _name_forms(text, base):
        found = [a for a in registry.lookup(form) if a.kind == "org"]
        if found:
            return registry_entity(found[0])
    code = country_code(text)
    if code:  # a bare country as an actor ("Afghanistan"): its state
        return state_entity(code)
    words = base.split()
    if len(words) <= 3 and words[-1].lower() in DESCRIPTIVE_HEADS:
        return None  # "Muslim extremists", "Fulani extremists": people described, no group named
    entity = new_org(base, {}, registry)
    acronyms = [p for p in _PARENS.findall(text) if _is_acronym(p)]
    aliases = tuple(dict.fromkeys((*entity.aliases, text, *acronyms)))
    return replace(entity, aliases=aliases, country=entity.country or country)


def _name_forms(text: str, base: str) -> list[str]:
    """The forms of a name to look up, in order (see the module's docstring)."""
    inside = [p.strip() for p in _PARENS.findall(text) if p.strip() and not _YEARS.match(p)]
    countries = [p for p in inside if country_of(p)]
    forms = [text]
    for c in countries:  # "Islamic State (Somalia)": the group's branch there first
        forms += [f"{base} in {c}", f"{base} {c}", f"{base}-{c}"]
    forms.append(base)
    forms += [p for p in inside if p not in countries]
    forms += [part.strip() for part in _SPLITTERS.split(base) if part.strip()]
    return list(dict.fromkeys(f for f in forms if f))


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "").replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 10 and letters.isalnum() and sum(c.isupper() for c in letters) >= 2


def place_of(names: list[str | None], country: str | None, lat: float | None = None,
             lon: float | None = None) -> Entity | None:
    """The place of a record: the first of its names (most precise first) that is given, as
    the extractor's place entity ("place:<slug>"). The record's country and coordinates fill
    what the gazetteer does not know (coordinates only for the most precise name)."""
    for index, raw in enumerate(names):
        name = " ".join((raw or "").split())
        if not name or normalize_name(name) in ("unknown", "not applicable", "n/a"):
            continue
        entity = place_entity(name, (country,) if country else ())
        if entity.country is None and country:
            entity = replace(entity, country=country)
        if entity.lat is None and index == 0 and lat is not None and lon is not None:
            entity = replace(entity, lat=round(lat, 4), lon=round(lon, 4))
        return entity
    return None
