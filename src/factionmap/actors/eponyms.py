"""Groups named after their leader: "the Karuna faction", "the Nazir group", "the Gul Bahadur
group". Reports say what such a group did by naming the man ("Colonel Karuna allied himself
with the government", "Maulvi Nazir separated himself from the TTP"): where a sentence needs a
group and names a person the registry has a group named after, the person stands for it.

Only the registry's own names count (an alias "<name> group|faction|network"), matched on
the person's full name, the name without titles, or its last word(s) of four letters or more;
a name two such groups share decides nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..names import normalize_name

_EPONYM = re.compile(r"^(?:the\s+)?(.+?)\s+(?:group|faction|network)$", re.I)


@lru_cache(maxsize=4)
def eponym_index(registry) -> dict[str, tuple]:
    """Normalized leader name -> the registry groups named after it."""
    index: dict[str, dict] = {}
    for actor in registry.actors:
        if actor.kind != "org":
            continue
        for alias in (actor.name, *actor.aliases):
            match = _EPONYM.match(alias.strip())
            if match and not any(w[:1].islower() for w in match.group(1).split() if len(w) > 3):
                index.setdefault(normalize_name(match.group(1)), {})[actor.id] = actor
    return {name: tuple(found.values()) for name, found in index.items()}


def _keys(person, titles: frozenset[str]) -> list[str]:
    keys = []
    for name in (person.name, *person.aliases):
        words = [w for w in name.split() if w.lower().strip(".") not in titles]
        keys += [normalize_name(name), normalize_name(" ".join(words))]
        for k in range(1, min(3, len(words))):  # "Qari Zainuddin Mehsud" -> "Zainuddin Mehsud", "Mehsud"?
            tail = " ".join(words[-k:])
            if len(tail) >= 4:
                keys.append(normalize_name(tail))
        if len(words) >= 2 and len(words[0]) >= 4:
            keys.append(normalize_name(words[0]))  # "Zainuddin group" for Zainuddin Mehsud
    return list(dict.fromkeys(k for k in keys if k))


def eponymous_group(person, registry, titles: frozenset[str]):
    """The one registry group named after `person`, or None."""
    return _eponymous_group(person, registry, titles)


@lru_cache(maxsize=4096)
def _eponymous_group(person, registry, titles: frozenset[str]):
    index = eponym_index(registry)
    for key in _keys(person, titles):
        found = index.get(key, ())
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return None
    return None
