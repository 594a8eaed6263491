"""Users' corrections of actor identity: merge two actors, split a written form off one, undo.

Each edit is planned first (`plan_merge`, `plan_split`, `plan_undo` return
what would change, as data) and then applied in one transaction
(`apply_edit`, `apply_undo`), recorded in `actor_edits` with who, when, a
one-line note and what undoing it needs. Documents stored later follow the
active edits through `actor_identity`, which the store calls.
"""

from __future__ import annotations

import getpass
import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from .errors import FactionmapError
from .model import Actor
from .names import slugify
from .query.answers import find_actor
from .store.identity import contains_words, load_edit_rules, name_words
from .store.sqlite import add_aliases

if TYPE_CHECKING:
    from .store.sqlite import Store

_ACTOR_COLUMNS = ("id", "name", "kind", "country", "category", "admin1", "lat", "lon", "origin")


@dataclass(frozen=True)
class ArgRef:
    """One claim argument row: a claim, an argument name, a position in a list argument."""

    claim_id: str
    name: str
    position: int | None


@dataclass(frozen=True)
class EditPlan:
    """What a merge or a split will change."""

    action: str  # "merge" | "split"
    actor_id: str
    actor_name: str
    target_id: str
    target_name: str
    mention: str | None  # split: the written form split off
    args: tuple[ArgRef, ...]  # arguments that will name target_id instead of actor_id
    aliases_moved: tuple[str, ...]  # names the actor loses (merge: all of them)
    target_aliases: tuple[str, ...]  # names the target gets (those it lacked go again on undo)
    actor_row: dict | None = None  # merge: the merged-away actor, deleted and restored on undo
    create: dict | None = None  # split: the new actor, when no actor has its id yet


@dataclass(frozen=True)
class ActorEdit:
    """A recorded edit."""

    id: int
    action: str
    actor_id: str
    target_id: str
    mention: str | None
    who: str
    at: str
    note: str | None
    undone_at: str | None
    undone_by: str | None
    args: int  # claim arguments it moved when made

    @property
    def label(self) -> str:
        return f"e-{self.id}"

    def to_dict(self) -> dict:
        return {"label": self.label, **asdict(self)}


@dataclass(frozen=True)
class UndoPlan:
    """What undoing an edit restores."""

    edit: ActorEdit
    undo: dict  # the edit's undo record
    reassigned: tuple[tuple[int, str, int | None, str | None], ...]  # later ingests: (rowid, id, edit, from)


# -- planning -------------------------------------------------------------------


def _actor(store: "Store", name: str) -> Actor:
    found = store.actor(find_actor(store, name).id)
    assert found is not None
    return found


def _arg_refs(conn: sqlite3.Connection, actor_id: str) -> list[sqlite3.Row]:
    return conn.execute("SELECT claim_id, name, position, mention FROM claim_args WHERE entity_id = ?"
                        " ORDER BY rowid", (actor_id,)).fetchall()


def plan_merge(store: "Store", actor: str, into: str) -> EditPlan:
    """Plan: `actor` is the same as `into`; its claim arguments and names become `into`'s."""
    a, b = _actor(store, actor), _actor(store, into)
    if a.id == b.id:
        raise FactionmapError("E601", name=a.name, id=a.id)
    if a.kind != b.kind:
        raise FactionmapError("E602", kind=a.kind, name=a.name, other_kind=b.kind, other=b.name)
    conn = store.connection
    row = conn.execute(f"SELECT {', '.join(_ACTOR_COLUMNS)} FROM actors WHERE id = ?", (a.id,)).fetchone()
    refs = tuple(ArgRef(r["claim_id"], r["name"], r["position"]) for r in _arg_refs(conn, a.id))
    return EditPlan("merge", a.id, a.name, b.id, b.name, None, refs, a.aliases, a.aliases, actor_row=dict(row))


def plan_split(store: "Store", actor: str, mention: str, into: str | None = None) -> EditPlan:
    """Plan: the arguments naming `actor` written as `mention` become a separate actor
    "new:<slug of into or mention>". An argument stored without its written form
    counts when its evidence writes `mention` and none of the actor's other names."""
    a = _actor(store, actor)
    words = name_words(mention)
    if not words:
        raise FactionmapError("E609")
    name = (into or mention).strip()
    target_id = "new:" + slugify(name)
    if target_id == a.id:
        raise FactionmapError("E604", mention=mention, name=a.name, id=target_id)
    existing = store.actor(target_id)
    if existing is not None and existing.kind != a.kind:
        raise FactionmapError("E605", id=target_id, kind=existing.kind, expected=a.kind)
    others = [w for w in {name_words(n) for n in (a.name, *a.aliases)} if w and w != words]
    conn = store.connection
    refs = []
    for row in _arg_refs(conn, a.id):
        if row["mention"] is not None:
            written_as_m = name_words(row["mention"]) == words
        else:
            texts = [r[0] for r in conn.execute("SELECT text FROM evidence WHERE claim_id = ?", (row["claim_id"],))]
            written_as_m = _writes_only(texts, words, others)
        if written_as_m:
            refs.append(ArgRef(row["claim_id"], row["name"], row["position"]))
    if not refs:
        raise FactionmapError("E603", name=a.name, id=a.id, mention=mention)
    moved = tuple(n for n in a.aliases if name_words(n) == words)
    create = None if existing else {"id": target_id, "name": name, "kind": a.kind, "country": a.country,
                                    "origin": "text"}
    return EditPlan("split", a.id, a.name, target_id, existing.name if existing else name, mention,
                    tuple(refs), moved, tuple(dict.fromkeys((name, mention, *moved))), create=create)


def _writes_only(texts: list[str], words: str, others: list[str]) -> bool:
    """Whether the texts write `words` and, apart from inside it, none of `others`."""
    written = [name_words(t) for t in texts]
    if not any(contains_words(w, words) for w in written):
        return False
    inside = re.compile(r"(?<!\S)" + re.escape(words) + r"(?!\S)")
    rest = [inside.sub("|", w) for w in written]
    return not any(contains_words(r, other) for r in rest for other in others)


# -- applying ---------------------------------------------------------------------


def apply_edit(store: "Store", plan: EditPlan, who: str | None = None, note: str | None = None) -> ActorEdit:
    """Make a planned merge or split in one transaction and record it."""
    with store.transaction() as conn:
        if plan.create:
            cols = ", ".join(plan.create)
            conn.execute(f"INSERT INTO actors ({cols}) VALUES ({', '.join('?' * len(plan.create))})",
                         tuple(plan.create.values()))
        added = add_aliases(conn, plan.target_id, plan.target_aliases)
        for ref in plan.args:
            conn.execute("UPDATE claim_args SET entity_id = ? WHERE claim_id = ? AND name = ?"
                         " AND position IS ? AND entity_id = ?",
                         (plan.target_id, ref.claim_id, ref.name, ref.position, plan.actor_id))
        if plan.action == "merge":
            conn.execute("DELETE FROM actors WHERE id = ?", (plan.actor_id,))  # its names go with it
        else:
            conn.executemany("DELETE FROM actor_aliases WHERE actor_id = ? AND alias = ?",
                             [(plan.actor_id, n) for n in plan.aliases_moved])
        undo = {"args": [[r.claim_id, r.name, r.position] for r in plan.args],
                "aliases_removed": list(plan.aliases_moved), "aliases_added": added,
                "actor_row": plan.actor_row, "created": plan.create is not None}
        cursor = conn.execute(
            "INSERT INTO actor_edits (action, actor_id, target_id, mention, who, at, note, undo_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (plan.action, plan.actor_id, plan.target_id, plan.mention, who or current_user(), _now(),
             _one_line(note), json.dumps(undo, ensure_ascii=False)))
        edit_id = cursor.lastrowid
        store.refold_facts(conn)  # facts are keyed by actor ids: made again with the new ones
    return get_edit(store, str(edit_id))


def merge_actors(store: "Store", actor: str, into: str, who: str | None = None, note: str | None = None) -> ActorEdit:
    """Merge `actor` into `into` (plan, then apply)."""
    return apply_edit(store, plan_merge(store, actor, into), who, note)


def split_actor(store: "Store", actor: str, mention: str, into: str | None = None,
                who: str | None = None, note: str | None = None) -> ActorEdit:
    """Split the arguments naming `actor` written as `mention` off into their own actor (plan, then apply)."""
    return apply_edit(store, plan_split(store, actor, mention, into), who, note)


# -- undoing ------------------------------------------------------------------------


def plan_undo(store: "Store", edit_id: str) -> UndoPlan:
    """Plan the undoing of an edit: E606 unknown, E607 undone already, E608 a later edit on its actors stands."""
    edit = get_edit(store, edit_id)
    if edit.undone_at is not None:
        raise FactionmapError("E607", id=edit.label, at=edit.undone_at)
    conn = store.connection
    later = conn.execute(
        "SELECT id FROM actor_edits WHERE id > ? AND undone_at IS NULL"
        " AND (actor_id IN (?, ?) OR target_id IN (?, ?)) ORDER BY id DESC LIMIT 1",
        (edit.id, edit.actor_id, edit.target_id, edit.actor_id, edit.target_id)).fetchone()
    if later:
        raise FactionmapError("E608", id=edit.label, later=f"e-{later[0]}")
    undo = json.loads(conn.execute("SELECT undo_json FROM actor_edits WHERE id = ?", (edit.id,)).fetchone()[0])
    # arguments stored after the edit and mapped by it get the id the other edits give them
    rules = load_edit_rules(conn, without=edit.id)
    reassigned = []
    for rowid, edit_from, mention in conn.execute(
            "SELECT rowid, edit_from, mention FROM claim_args WHERE via_edit = ?", (edit.id,)):
        new_id, via, _ = rules.resolve(edit_from, mention)
        reassigned.append((rowid, new_id, via, edit_from if via is not None else None))
    return UndoPlan(edit, undo, tuple(reassigned))


def apply_undo(store: "Store", plan: UndoPlan, who: str | None = None) -> ActorEdit:
    """Restore what a planned undo restores, in one transaction, and mark the edit undone."""
    edit, undo = plan.edit, plan.undo
    with store.transaction() as conn:
        if undo["actor_row"]:
            row = undo["actor_row"]
            conn.execute(f"INSERT INTO actors ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         tuple(row.values()))
        add_aliases(conn, edit.actor_id, undo["aliases_removed"])
        for claim_id, name, position in undo["args"]:
            conn.execute("UPDATE claim_args SET entity_id = ? WHERE claim_id = ? AND name = ?"
                         " AND position IS ? AND entity_id = ?",
                         (edit.actor_id, claim_id, name, position, edit.target_id))
        conn.executemany("UPDATE claim_args SET entity_id = ?, via_edit = ?, edit_from = ? WHERE rowid = ?",
                         [(new_id, via, base, rowid) for rowid, new_id, via, base in plan.reassigned])
        conn.executemany("DELETE FROM actor_aliases WHERE actor_id = ? AND alias = ?",
                         [(edit.target_id, n) for n in undo["aliases_added"]])
        still_named = conn.execute("SELECT 1 FROM claim_args WHERE entity_id = ? LIMIT 1",
                                   (edit.target_id,)).fetchone()
        if undo["created"] and not still_named:
            conn.execute("DELETE FROM actors WHERE id = ?", (edit.target_id,))
        conn.execute("UPDATE actor_edits SET undone_at = ?, undone_by = ? WHERE id = ?",
                     (_now(), who or current_user(), edit.id))
        store.refold_facts(conn)
    return get_edit(store, str(edit.id))


def undo_edit(store: "Store", edit_id: str, who: str | None = None) -> ActorEdit:
    """Undo an edit (plan, then apply)."""
    return apply_undo(store, plan_undo(store, edit_id), who)


# -- reading --------------------------------------------------------------------------


_EDIT_QUERY = ("SELECT id, action, actor_id, target_id, mention, who, at, note, undone_at, undone_by,"
               " json_array_length(undo_json, '$.args') FROM actor_edits")


def list_edits(store: "Store") -> list[ActorEdit]:
    """Every recorded edit, oldest first."""
    return [ActorEdit(*row) for row in store.connection.execute(_EDIT_QUERY + " ORDER BY id")]


def get_edit(store: "Store", edit_id: str) -> ActorEdit:
    """The edit with id "e-N" (or "N"); E606 when there is none."""
    match = re.fullmatch(r"(?:e-)?(\d+)", edit_id.strip())
    row = match and store.connection.execute(_EDIT_QUERY + " WHERE id = ?", (int(match.group(1)),)).fetchone()
    if not row:
        raise FactionmapError("E606", id=edit_id)
    return ActorEdit(*row)


def current_user() -> str:
    """Who is making an edit when no one is named: the OS user."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "unknown"


def _one_line(note: str | None) -> str | None:
    return " ".join(note.split()) if note and note.strip() else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
