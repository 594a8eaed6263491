"""Registry names misspelt by one letter: "Asai'ib Ahl al-Haqq" for Asa'ib Ahl al-Haqq,
"Jaish-e-Mohammad" typed "Jaish-e-Mohamad". Transliterations and typos of long names
are common in reporting; a name one edit (a letter added, dropped, changed, or two
swapped) from exactly one registry name, and long enough that one letter cannot make
another name, is that actor.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon.registry import Registry
from ..names import normalize_name

MIN_LENGTH = 10  # shorter names are one letter from too many others ("Hamas", "Hamaz")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=4)
def _index(registry: Registry) -> dict[str, set[str]]:
    """A name and each of its one-letter deletions -> the actor ids with that name."""
    index: dict[str, set[str]] = {}
    for name, actors in registry.names().items():  # already normalized
        if len(name) < MIN_LENGTH:
            continue
        ids = {a.id for a in actors}
        for key in _deletes(name) | {name}:
            index.setdefault(key, set()).update(ids)
    return index


def near_registry_actor(name: str, registry: Registry, kinds: tuple[str, ...] = ("org", "person")):
    """The one registry actor whose name is one edit from `name`, or None."""
    query = normalize_name(name)
    if len(query) < MIN_LENGTH or registry.lookup(name):
        return None
    index = _index(registry)
    found: set[str] = set()
    for key in _deletes(query) | {query}:
        found |= index.get(key, set())
    actors = [registry.get(i) for i in found]
    actors = [a for a in actors if a is not None and a.kind in kinds]
    return actors[0] if len(actors) == 1 else None
