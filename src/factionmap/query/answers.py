"""The base of every answer: results that turn into plain dicts, and finding an actor by
name. Below `fused`, `query` and the other answering modules, which all build on it."""

from __future__ import annotations

import difflib

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from ..errors import FactionmapError
from ..model import Actor

if TYPE_CHECKING:
    from ..store.sqlite import Store


class QueryResult:
    """Base of query results: frozen dataclasses that turn into plain dicts."""

    def to_dict(self) -> dict:
        return asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True)
class ActorRow(QueryResult):
    id: str
    name: str
    kind: str
    country: str | None
    category: str | None
    claims: int
    aliases: tuple[str, ...]


def _row(actor: Actor, counts: dict[str, int]) -> ActorRow:
    return ActorRow(actor.id, actor.name, actor.kind, actor.country, actor.category,
                    counts.get(actor.id, 0), actor.aliases)


def find_actor(store: "Store", name: str) -> ActorRow:
    """The actor called `name`: an exact (normalized) alias or id first, else a
    substring of an alias; when several match, the one named in most claims.
    Raises E401 when nothing matches."""
    found = store.find_actors(name)
    if not found:
        near = nearest_actors(store, name)
        raise FactionmapError("E401", name=name, hint=f" (did you mean {' or '.join(near)}?)" if near else "")
    counts = store.mention_counts([a.id for a in found])
    best = max(found, key=lambda a: (counts.get(a.id, 0), a.kind != "place", -len(a.name)))
    return _row(best, counts)


def nearest_actors(store: "Store", name: str, n: int = 3) -> list[str]:
    """Up to `n` actor names whose name or alias is spelled most like `name` ("Talibn":
    Taliban), for a "did you mean" when nothing matches."""
    spelled: dict[str, str] = {}  # a name or alias, case-folded -> the actor's name
    for actor in store.all_actors():
        for alias in (actor.name, *actor.aliases):
            spelled.setdefault(alias.casefold(), actor.name)
    close = difflib.get_close_matches(name.casefold(), list(spelled), n=n * 3, cutoff=0.75)
    return list(dict.fromkeys(spelled[c] for c in close))[:n]


def list_actors(store: "Store", search: str | None = None) -> list[ActorRow]:
    """Actors (all, or those whose id or alias contains `search`), most-claimed first."""
    actors = store.search_actors(search) if search else store.all_actors()
    counts = store.mention_counts([a.id for a in actors])
    rows = [_row(a, counts) for a in actors]
    return sorted(rows, key=lambda r: (-r.claims, r.name.casefold(), r.id))
