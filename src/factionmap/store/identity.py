"""Which stored actor an argument of a new document names: the store's write-time identity rules.

The store's planning step (`writes.plan_document`) calls `IdentityResolver.resolve` for every
entity argument of a new document, before anything of it is written, in this order:

1. an actor the registry does not know ("new:<slug>") that is not stored yet is
   the stored actor of the same kind with a name equal once spelling variants
   are folded ("Abu Umar al-Shishani" is "Abu Omar al-Shishani"), when exactly
   one such actor exists: an index hit on `actor_aliases.vkey`;
   Failing that, one stored unregistered actor whose name is one letter away and which a
   stored claim relates to an actor the new document names too (name and context);
2. users' active (not undone) edits: a merged-away id is written as its target,
   and an actor written as a form split off from it is written as the split actor.

Nothing here writes: the store writes what this module decides. What the document itself
will add (actors, their names, claims relating them) is kept beside what is stored, so an
argument is resolved as if the document's earlier arguments were already written.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from ..lexicon.registry import load_spelling_variants
from ..model import Entity
from ..names import normalize_name, one_edit

_WORD = re.compile(r"\w+")
NEW_PREFIX = "new:"


def name_words(text: str) -> str:
    """The words of a name or sentence once normalized, joined by single spaces
    ("Mansour, the leader." -> "mansour the leader")."""
    return " ".join(_WORD.findall(normalize_name(text or "")))


@lru_cache(maxsize=1)
def _first_spelling() -> dict[str, str]:
    folded: dict[str, str] = {}
    for group in load_spelling_variants():
        first = name_words(group[0])
        for word in group:
            folded[name_words(word)] = first
    return folded


def variant_key(name: str) -> str:
    """The name's words with each replaced by the first spelling of its variant
    group ("Abu Umar al-Shishani" -> "abu omar al shishani", "Mansoor" -> "mansour")."""
    fold = _first_spelling()
    return " ".join(fold.get(word, word) for word in name_words(name).split())


def contains_words(text_words: str, words: str) -> bool:
    """Whether `words` occurs in `text_words` as whole words (both from `name_words`)."""
    return bool(words) and f" {words} " in f" {text_words} "


def mention_of(names: Iterable[str], texts: Sequence[str]) -> str | None:
    """The longest of `names` that the evidence `texts` write (normalized, whole words), if any."""
    written = [name_words(t) for t in texts]
    best, best_len = None, 0
    for name in dict.fromkeys(names):
        words = name_words(name)
        if len(words) > best_len and any(contains_words(w, words) for w in written):
            best, best_len = name, len(words)
    return best


@dataclass(frozen=True)
class EditRules:
    """The active edits as lookups: merged-away id -> target, (id, mention words) -> split actor."""

    merged: dict[str, tuple[str, int]] = field(default_factory=dict)
    split: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    split_mentions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> split-off forms

    def resolve(self, actor_id: str, mention: str | None) -> tuple[str, int | None, bool]:
        """The id the edits give `actor_id` written as `mention`: (id, last edit applied, by a split?)."""
        words = name_words(mention) if mention else ""
        edit_id, by_split, seen = None, False, set()
        while actor_id not in seen:
            seen.add(actor_id)
            if words and (actor_id, words) in self.split:
                actor_id, edit_id = self.split[(actor_id, words)]
                by_split = True
            elif actor_id in self.merged:
                actor_id, edit_id = self.merged[actor_id]
                by_split = False
            else:
                break
        return actor_id, edit_id, by_split


def load_edit_rules(conn: sqlite3.Connection, without: int | None = None) -> EditRules:
    """The active edits of the store, in the order they were made (`without`: leave one out)."""
    rules = EditRules()
    mentions: dict[str, list[str]] = {}
    rows = conn.execute("SELECT id, action, actor_id, target_id, mention FROM actor_edits"
                        " WHERE undone_at IS NULL ORDER BY id")
    for edit_id, action, actor_id, target_id, mention in rows:
        if edit_id == without:
            continue
        if action == "merge":
            rules.merged[actor_id] = (target_id, edit_id)
        else:
            rules.split[(actor_id, name_words(mention))] = (target_id, edit_id)
            mentions.setdefault(actor_id, []).append(mention)
    rules.split_mentions.update({k: tuple(v) for k, v in mentions.items()})
    return rules


@dataclass(frozen=True)
class Resolved:
    """What the store writes for one entity argument."""

    entity: Entity  # with the id to write
    aliases: tuple[str, ...]  # names to add to that actor
    mention: str | None  # which of its names the evidence writes
    edit_id: int | None  # the edit that decided the id, if one did
    edit_from: str | None  # the id it would have had without edits


class IdentityResolver:
    """The identity rules for one document's write, read once from the store's tables."""

    def __init__(self, conn: sqlite3.Connection, context: Iterable[str] = ()) -> None:
        self._conn = conn
        self.context = sorted(set(context))  # the actors the document names
        self.rules = load_edit_rules(conn)
        self._same_spelling: dict[tuple[str, str], str | None] = {}
        # what the document adds before it is written: actor id -> (kind, variant keys of its
        # new names), and the actors of each of its claims so far
        self._pending: dict[str, tuple[str, set[str]]] = {}
        self._pending_claims: list[set[str]] = []

    def start_claim(self) -> None:
        """The next arguments belong to a new claim of the document."""
        self._pending_claims.append(set())

    def will_write(self, entity: Entity, aliases: Iterable[str]) -> None:
        """Note an actor (and names) the document will write, as resolved."""
        if entity.id not in self._pending:
            row = self._conn.execute("SELECT kind FROM actors WHERE id = ?", (entity.id,)).fetchone()
            self._pending[entity.id] = (row[0] if row else entity.kind, set())
        self._pending[entity.id][1].update(variant_key(a) for a in aliases if a and a.strip())
        if self._pending_claims:
            self._pending_claims[-1].add(entity.id)

    def resolve(self, entity: Entity, texts: Sequence[str]) -> Resolved:
        names = (entity.name, *entity.aliases, *self.rules.split_mentions.get(entity.id, ()))
        mention = mention_of(names, texts)
        base = entity.id
        if base.startswith(NEW_PREFIX) and base not in self.rules.merged and not self._stored(base):
            base = self._same_spelling_actor(entity) or self._similar_in_context(entity) or base
        final, edit_id, by_split = self.rules.resolve(base, mention)
        if edit_id is not None:
            # mapped by an edit: the target keeps its own names, plus the form written
            name = mention if by_split and mention else entity.name
            return Resolved(Entity(final, name, entity.kind, (), entity.country),
                            (mention,) if mention else (), mention, edit_id, base)
        split_off = {name_words(m) for m in self.rules.split_mentions.get(final, ())}
        aliases = tuple(a for a in (entity.name, *entity.aliases) if name_words(a) not in split_off)
        written = entity if final == entity.id else Entity(final, entity.name, entity.kind, (), entity.country,
                                                           entity.admin1, entity.lat, entity.lon)
        return Resolved(written, aliases, mention, None, None)

    def _stored(self, actor_id: str) -> bool:
        return actor_id in self._pending or self._conn.execute(
            "SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone() is not None

    def _same_spelling_actor(self, entity: Entity) -> str | None:
        """The one stored actor of the entity's kind with a name of the same variant key, if exactly one."""
        keys = sorted({k for k in (variant_key(n) for n in (entity.name, *entity.aliases)) if k})
        cache_key = (entity.kind, "|".join(keys))
        if cache_key not in self._same_spelling:
            marks = ", ".join("?" * len(keys))
            ids = {r[0] for r in self._conn.execute(
                f"SELECT DISTINCT al.actor_id FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
                f" WHERE al.vkey IN ({marks}) AND a.kind = ? AND al.actor_id != ?",
                (*keys, entity.kind, entity.id))} if keys else set()
            ids |= {i for i, (kind, vkeys) in self._pending.items()
                    if kind == entity.kind and i != entity.id and vkeys & set(keys)}
            self._same_spelling[cache_key] = next(iter(ids)) if len(ids) == 1 else None
        return self._same_spelling[cache_key]


    def _similar_in_context(self, entity: Entity) -> str | None:
        """An unregistered stored actor of the same kind whose name is one letter away from this
        one's ("Hafiz Saeed Khan" / "Hafiz Sayeed Khan", beyond the variant table), and which a
        stored claim relates to an actor this document names too: when exactly one is."""
        others = [i for i in self.context if i != entity.id and not i.startswith(NEW_PREFIX)]
        if not others:
            return None
        found = set()
        for key in {variant_key(n) for n in (entity.name, *entity.aliases)}:
            if len(key) < 8:
                continue  # short names are too easily one letter from another
            rows = self._conn.execute(
                "SELECT al.actor_id, al.vkey FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
                " WHERE al.vkey >= ? AND al.vkey < ? AND a.kind = ? AND al.actor_id != ? LIMIT 200",
                (key[:3], key[:3] + "\uffff", entity.kind, entity.id)).fetchall()
            rows += [(i, v) for i, (kind, vkeys) in self._pending.items() if kind == entity.kind and i != entity.id
                     for v in vkeys if v and v[:3] == key[:3]]
            found |= {a for a, vkey in rows if a.startswith(NEW_PREFIX) and vkey and one_edit(key, vkey)}
        marks = ", ".join("?" * len(others))
        found = {a for a in found if any(a in ids and ids & set(others) for ids in self._pending_claims)
                 or self._conn.execute(
            "SELECT 1 FROM claim_args x JOIN claim_args y ON x.claim_id = y.claim_id"
            f" WHERE x.entity_id = ? AND y.entity_id IN ({marks}) LIMIT 1", (a, *others)).fetchone()}
        return next(iter(found)) if len(found) == 1 else None


def fill_variant_keys(conn: sqlite3.Connection) -> None:
    """Give aliases stored before the variant key existed their key (an index hit when there are none)."""
    rows = conn.execute("SELECT rowid, alias FROM actor_aliases WHERE vkey IS NULL").fetchall()
    conn.executemany("UPDATE actor_aliases SET vkey = ? WHERE rowid = ?",
                     [(variant_key(alias), rowid) for rowid, alias in rows])


def claim_entity_ids(claims) -> set[str]:
    """The ids of the actors a document's claims name: the context its new actors are read in."""
    ids = set()
    for claim in claims:
        for value in claim.args.values():
            for v in value if isinstance(value, (tuple, list)) else (value,):
                if isinstance(v, Entity):
                    ids.add(v.id)
    return ids
