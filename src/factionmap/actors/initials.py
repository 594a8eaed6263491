"""Acronyms a text uses without defining them: "ART and LeT affiliates", "HN has fought
against IS in Iraq". Profiles and follow-up reports define an acronym once and use it
alone after; a snippet keeps only the use. The registry group whose name the letters
abbreviate stands for it when exactly one fits the document: one group of those letters
(three or more) with no country the document contradicts, or one of several whose
country is among the document's countries (two letters are always decided so).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.registry import NAME_PARTICLES, Registry
from ..lexicon.words import words

# Words an acronym usually skips ("Movement of Kurdistan" -> MK... "IUMK").
FUNCTION_WORDS = words("actors.initials:FUNCTION_WORDS")
# the Arabic article, whose initial one form of an acronym keeps: "Al Rashid Trust" is ART
ARABIC_ARTICLES = words("actors.initials:ARABIC_ARTICLES")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_WORD_SPLIT = re.compile(r"[\s\-–—/]+")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def abbreviations(name: str) -> set[str]:
    """The acronyms a name is written as: initials of its content words, of all its words,
    and of its words but the Arabic article ("Al Rashid Trust": RT, ART)."""
    words = [w for w in _WORD_SPLIT.split(name.replace("'", "").replace("’", "")) if w[:1].isalpha()]
    if len(words) < 2:
        return set()
    skip = FUNCTION_WORDS | NAME_PARTICLES
    forms = {
        "".join(w[0] for w in words if w.lower() not in skip),
        "".join(w[0] for w in words),
        "".join(w[0] for w in words if w.lower() not in skip - ARABIC_ARTICLES),
    }
    return {f.upper() for f in forms if len(f) >= 2}


@lru_cache(maxsize=4)
def initials_index(registry: Registry) -> dict[str, tuple]:
    """Acronym -> the registry organizations (not outlets) whose names it abbreviates,
    leaving out acronyms that are already some actor's name."""
    names = registry.names()
    index: dict[str, dict[str, object]] = {}
    for actor in registry.actors:
        if actor.kind != "org" or actor.category == "media":
            continue
        for alias in actor.aliases:
            for acronym in abbreviations(alias):
                index.setdefault(acronym, {})[actor.id] = actor
    return {a: tuple(found.values()) for a, found in index.items() if a.lower() not in names}


def expand(acronym: str, context: set[str], registry: Registry):
    """The registry actor an undefined acronym stands for in a document whose countries
    are `context` (ISO codes), or None when the letters do not decide it."""
    if not _ACRONYM.fullmatch(acronym):
        return None
    candidates = initials_index(registry).get(acronym, ())
    placed = [a for a in candidates if a.country and _COUNTRY_CODE.fullmatch(a.country)]
    in_context = [a for a in placed if a.country in context]
    if len(in_context) == 1 and (len(candidates) == 1 or len(in_context) < len(placed)):
        return in_context[0]
    if len(acronym) >= 3 and len(candidates) == 1:
        actor = candidates[0]
        if not context or actor not in placed or actor.country in context:
            return actor
    return None
