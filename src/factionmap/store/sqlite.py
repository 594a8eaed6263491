"""Storage for documents, actors and claims: SQLite, or PostgreSQL for a `postgresql://` URL.

The store knows nothing of the CLI: it takes and returns the dataclasses of
`factionmap.model`. Its schema is built by the named migrations of
`factionmap.store.schema`. Its SQL is SQLite's; on PostgreSQL `pg.PgConnection` rewrites
each statement (see `pg.py`, and docs/scale.md for what differs).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import FactionmapError
from ..model import Actor, Claim, Document, Entity, Evidence, TimeSpan
from ..names import normalize_name
from .factstore import FactQueries
from .identity import fill_variant_keys, variant_key
from .pg import begin_write, has_table, is_pg, is_url, normal_url, safe_url
from .pg import connect as pg_connect
from .queue import QueueMethods
from .schema import MIGRATIONS, Migration, _db_errors, apply_migrations, plan_migrations, schema_version
from .writes import _next_document_id, plan_document, write_document


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document's metadata (without its text)."""

    id: str
    content_hash: str
    published: str | None
    url: str | None
    outlet: str | None
    title: str | None
    source: str | None
    ingested_at: str
    rules_version: str | None


_DOC_COLUMNS = "id, content_hash, published, url, outlet, title, source, ingested_at, rules_version"
_ENTITY_FIELDS = {f.name for f in fields(Entity)}
_CHUNK = 500  # stays far below SQLite's bound-parameter limit
BUSY_SECONDS = 60.0  # how long a writer waits for another process's transaction


class Store(FactQueries, QueueMethods):
    """Documents, actors and claims in one SQLite file (or in memory), or in a PostgreSQL
    database (`path` a URL "postgresql://user@host:port/dbname")."""

    def __init__(self, path: str | Path = ":memory:", migrations: Sequence[Migration] = MIGRATIONS,
                 create: bool = True):
        self.known_on: str | None = None  # when set, only documents published by then are read
        if is_url(path):
            self._open_pg(normal_url(path), migrations, create)
            return
        self.path = str(path)
        # autocommit mode: every transaction is opened explicitly, so a
        # document and its claims commit together or not at all
        # a writer waits for another's transaction (BUSY_SECONDS) instead of failing at once
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_SECONDS)
        except sqlite3.DatabaseError as error:  # a missing folder, a file that cannot be opened
            raise FactionmapError("E306", path=self.path, detail=str(error)) from None
        self._conn.row_factory = sqlite3.Row
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                try:  # readers go on while a document is written (write-ahead log)
                    self._conn.execute("PRAGMA journal_mode = WAL")
                except sqlite3.OperationalError:
                    pass  # a read-only file keeps its journal
            plan = apply_migrations(self._conn, plan_migrations(self._conn, migrations), len(migrations))
            has_vkey = any(r[1] == "vkey" for r in self._conn.execute("PRAGMA table_info(actor_aliases)"))
            if has_vkey and self._conn.execute("SELECT 1 FROM actor_aliases WHERE vkey IS NULL LIMIT 1").fetchone():
                with self._transaction() as conn:  # names stored before the variant key existed
                    fill_variant_keys(conn)
            self._facts = bool(self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facts'").fetchone())
            if self._facts and any(m.rebuilds_facts for m in plan):
                self.rebuild_facts()  # claims stored before facts existed, or before a key changed
        except sqlite3.DatabaseError as error:  # not a database, locked past the wait, read-only
            self._conn.close()
            raise FactionmapError("E306", path=self.path, detail=str(error)) from None
        except Exception:
            self._conn.close()
            raise

    def _open_pg(self, url: str, migrations: Sequence[Migration], create: bool) -> None:
        """The PostgreSQL store at `url`: E306 when the server cannot be reached (the reason on one
        line), E305 when `create` is false and the database holds no store."""
        import psycopg

        self.path = safe_url(url)
        try:
            self._conn = pg_connect(url, create)
        except psycopg.Error as error:
            detail = " ".join(str(error).split()) or type(error).__name__
            if not create and "does not exist" in detail:
                raise FactionmapError("E305", path=self.path) from None
            raise FactionmapError("E306", path=self.path, detail=detail) from None
        try:
            if not create and not has_table(self._conn, "migrations"):
                raise FactionmapError("E305", path=self.path)
            self._migrate(migrations)
        except psycopg.Error as error:
            self._conn.close()
            raise FactionmapError("E306", path=self.path, detail=" ".join(str(error).split())) from None
        except BaseException:
            self._conn.close()
            raise

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        plan = apply_migrations(self._conn, plan_migrations(self._conn, migrations), len(migrations))
        self._facts = has_table(self._conn, "facts")
        if self._facts and any(m.rebuilds_facts for m in plan):
            self.rebuild_facts()

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return "postgresql" if is_pg(self._conn) else "sqlite"

    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> "Store":
        """The store at `path`; with `create=False` a missing file is E305 (queries never
        create an empty store that then answers "no actor matches")."""
        if is_url(path):
            return cls(path, create=create)
        if not create and str(path) != ":memory:":
            if Path(path).is_dir():
                raise FactionmapError("E306", path=str(path), detail="it is a folder")
            if not Path(path).is_file():
                raise FactionmapError("E305", path=str(path))
        elif str(path) != ":memory:" and not Path(path).absolute().parent.is_dir():
            raise FactionmapError("E306", path=str(path), detail=f"the folder {Path(path).parent} does not exist")
        return cls(path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        begin_write(self._conn)  # PostgreSQL: one writer at a time, by an advisory lock (pg.py)
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the store's connection, for library modules that
        rewrite the store (actor edits): all of it commits or none."""
        with self._transaction() as conn:
            yield conn

    @property
    def connection(self) -> sqlite3.Connection:
        """The connection, for reading the store's tables."""
        return self._conn

    # -- schema ---------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT name FROM migrations ORDER BY rowid")]

    def table_names(self) -> list[str]:
        rows = self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return [r[0] for r in rows]

    # -- documents --------------------------------------------------------------

    def document_by_hash(self, content_hash: str) -> str | None:
        """The id of the stored document with this content hash, if any."""
        row = self._conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def add_document(self, doc: Document, claims: Sequence[Claim], rules_version: str = "") -> list[str]:
        """`store_document`, with [] for a document already stored."""
        return self.store_document(doc, claims, rules_version) or []

    def store_document(self, doc: Document, claims: Sequence[Claim], rules_version: str = "") -> list[str] | None:
        """Write a document, the actors its claims name, and the claims, in one transaction.

        Returns the new claim ids ("c-000001", ...). A document whose content
        hash is already stored (by this process or another) is not written again
        and gives None. An empty `doc.id` gets the
        next "d-N". Everything is decided first (`writes.plan_document`: identity,
        near copies, facts), then written (`writes.write_document`); if anything
        fails nothing of the document remains (E303).
        """
        content_hash = doc.content_hash or hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        try:
            with self._transaction() as conn:
                if self.document_by_hash(content_hash) is not None:
                    return None
                plan = plan_document(conn, doc, claims, content_hash, rules_version, _now(), self._facts)
                write_document(conn, plan, add_aliases)
                return plan.claim_ids
        except (*_db_errors(), TypeError, ValueError) as exc:
            raise FactionmapError("E303", id=doc.id or content_hash[:12], detail=str(exc)) from exc

    def next_document_id(self) -> str:
        return _next_document_id(self._conn)

    def document_info(self, doc_id: str) -> DocumentInfo | None:
        row = self._conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return DocumentInfo(*row) if row else None

    def document(self, doc_id: str) -> Document | None:
        """The stored document with its text."""
        row = self._conn.execute(
            "SELECT id, text, published, url, outlet, title, source, content_hash FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        values = dict(row)
        values["text"] = values["text"] or ""
        return Document(**values)

    def claim_documents(self, claim_ids: Iterable[str]) -> dict[str, DocumentInfo]:
        """For each claim id, the document it was extracted from."""
        result: dict[str, DocumentInfo] = {}
        cols = ", ".join(f"d.{c}" for c in _DOC_COLUMNS.split(", "))
        for chunk in _chunks(list(dict.fromkeys(claim_ids))):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT c.id, {cols} FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN ({marks})"
            for row in self._conn.execute(sql, chunk):
                result[row[0]] = DocumentInfo(*tuple(row)[1:])
        return result

    # -- actors -----------------------------------------------------------------

    def upsert_actors(self, actors: Iterable[Actor]) -> int:
        """Write registry actors (their names win over names found in text); aliases merge."""
        count = 0
        with self._transaction() as conn:
            for actor in actors:
                conn.execute(
                    "INSERT INTO actors (id, name, kind, country, category, origin)"
                    " VALUES (?, ?, ?, ?, ?, 'registry')"
                    " ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
                    " country = COALESCE(excluded.country, actors.country),"
                    " category = COALESCE(excluded.category, actors.category), origin = 'registry'",
                    (actor.id, actor.name, actor.kind, actor.country, actor.category),
                )
                add_aliases(conn, actor.id, (actor.name, *actor.aliases))
                count += 1
        return count

    def actor(self, actor_id: str) -> Actor | None:
        found = self._actors_by_id([actor_id])
        return found.get(actor_id)

    def all_actors(self) -> list[Actor]:
        ids = [r[0] for r in self._conn.execute("SELECT id FROM actors ORDER BY name, id")]
        found = self._actors_by_id(ids)
        return [found[i] for i in ids]

    def find_actors(self, name: str) -> list[Actor]:
        """The actor with id `name`; else those with an alias equal to it once normalized; else containing it."""
        if self._conn.execute("SELECT 1 FROM actors WHERE id = ?", (name,)).fetchone():
            return [self.actor(name)]  # an id names exactly one actor
        norm = normalize_name(name)
        if not norm:
            return []
        ids = [r[0] for r in self._conn.execute(
            "SELECT DISTINCT actor_id FROM actor_aliases WHERE norm = ? ORDER BY actor_id", (norm,))]
        if not ids:
            ids = [r[0] for r in self._conn.execute(
                "SELECT DISTINCT actor_id FROM actor_aliases WHERE instr(norm, ?) > 0 ORDER BY actor_id", (norm,))]
        found = self._actors_by_id(ids)
        return [found[i] for i in ids]

    def search_actors(self, text: str) -> list[Actor]:
        """Actors whose id or any normalized alias contains `text` (normalized)."""
        norm = normalize_name(text)
        ids = [r[0] for r in self._conn.execute(
            "SELECT DISTINCT actor_id FROM actor_aliases WHERE instr(norm, ?) > 0 OR instr(actor_id, ?) > 0"
            " ORDER BY actor_id", (norm, text))]
        found = self._actors_by_id(ids)
        return [found[i] for i in ids]

    def mention_counts(self, actor_ids: Iterable[str] | None = None) -> dict[str, int]:
        """Number of claims naming each actor."""
        sql = "SELECT entity_id, COUNT(DISTINCT claim_id) FROM claim_args WHERE entity_id IS NOT NULL"
        if actor_ids is None:
            return dict(self._conn.execute(sql + " GROUP BY entity_id").fetchall())
        counts: dict[str, int] = {}
        for chunk in _chunks(list(actor_ids)):
            marks = ", ".join("?" * len(chunk))
            counts.update(self._conn.execute(f"{sql} AND entity_id IN ({marks}) GROUP BY entity_id", chunk))
        return counts

    def _actor_rows(self, ids: Sequence[str]) -> tuple[dict[str, sqlite3.Row], dict[str, list[str]]]:
        rows: dict[str, sqlite3.Row] = {}
        aliases: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ", ".join("?" * len(chunk))
            for row in self._conn.execute(f"SELECT * FROM actors WHERE id IN ({marks})", chunk):
                rows[row["id"]] = row
            for row in self._conn.execute(
                f"SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN ({marks}) ORDER BY rowid", chunk
            ):
                aliases[row[0]].append(row[1])
        return rows, aliases

    def _actors_by_id(self, ids: Sequence[str]) -> dict[str, Actor]:
        rows, aliases = self._actor_rows(ids)
        return {
            i: Actor(id=i, name=r["name"], kind=r["kind"], aliases=tuple(aliases[i]),
                     country=r["country"], category=r["category"])
            for i, r in rows.items()
        }

    def _entities_by_id(self, ids: Sequence[str]) -> dict[str, Entity]:
        rows, aliases = self._actor_rows(ids)
        entities = {}
        for i, r in rows.items():
            # place details are passed only once the model's Entity carries them
            extra = {k: r[k] for k in ("admin1", "lat", "lon") if k in _ENTITY_FIELDS}
            entities[i] = Entity(id=i, name=r["name"], kind=r["kind"], aliases=tuple(aliases[i]),
                                 country=r["country"], **extra)
        return entities

    def actor_extras(self, actor_id: str) -> dict[str, object]:
        """Place details (admin1, lat, lon) stored for an actor, only those known."""
        row = self._conn.execute("SELECT admin1, lat, lon FROM actors WHERE id = ?", (actor_id,)).fetchone()
        return {k: row[k] for k in ("admin1", "lat", "lon") if row and row[k] is not None}

    # -- claims -----------------------------------------------------------------

    def claims_for(
        self,
        actor_id: str | None = None,
        document_id: str | None = None,
        types: Iterable[str] | None = None,
        claim_ids: Iterable[str] | None = None,
    ) -> list[Claim]:
        """Stored claims, filtered by any of: an actor they name, a document, types, ids; and,
        while `known_on` is set, by their document having been published by that date."""
        where, params = ["TRUE"], []
        if self.known_on is not None:
            where.append("document_id IN (SELECT id FROM documents WHERE published IS NOT NULL AND published <= ?)")
            params.append(self.known_on)
        if actor_id is not None:
            where.append("id IN (SELECT claim_id FROM claim_args WHERE entity_id = ?)")
            params.append(actor_id)
        if document_id is not None:
            where.append("document_id = ?")
            params.append(document_id)
        if types is not None:
            types = list(types)
            where.append(f"type IN ({', '.join('?' * len(types))})")
            params.extend(types)
        if claim_ids is None:
            return self._load_claims(" AND ".join(where), params)
        found: list[Claim] = []
        for chunk in _chunks(list(claim_ids)):
            clause = " AND ".join(where + [f"id IN ({', '.join('?' * len(chunk))})"])
            found.extend(self._load_claims(clause, params + chunk))
        return sorted(found, key=lambda c: _claim_number(c.id))

    def claim(self, claim_id: str) -> Claim | None:
        found = self.claims_for(claim_ids=[claim_id])
        return found[0] if found else None

    def _load_claims(self, where: str, params: list) -> list[Claim]:
        # args and evidence are fetched with the same filter as a subquery, so
        # any number of claims costs three queries and no parameter lists
        sub = f"SELECT id FROM claims WHERE {where}"
        arg_rows: dict[str, list[sqlite3.Row]] = defaultdict(list)
        for row in self._conn.execute(
            f"SELECT * FROM claim_args WHERE claim_id IN ({sub}) ORDER BY rowid", params
        ):
            arg_rows[row["claim_id"]].append(row)
        evidence: dict[str, list[Evidence]] = defaultdict(list)
        for row in self._conn.execute(
            f"SELECT * FROM evidence WHERE claim_id IN ({sub}) ORDER BY claim_id, position", params
        ):
            evidence[row["claim_id"]].append(
                Evidence(row["document_id"], row["sentence"], row["start"], row["end"], row["text"])
            )
        entity_ids = [r["entity_id"] for rows in arg_rows.values() for r in rows if r["entity_id"]]
        entities = self._entities_by_id(entity_ids)
        claims = []
        for row in self._conn.execute(f"SELECT * FROM claims WHERE {where}", params):
            claims.append(Claim(
                type=row["type"],
                args=_rebuild_args(arg_rows[row["id"]], entities),
                time=TimeSpan(row["time_start"], row["time_end"], row["time_precision"], row["time_text"]),
                modality=row["modality"],
                negated=bool(row["negated"]),
                attribution=row["attribution"],
                confidence=row["confidence"],
                evidence=tuple(evidence[row["id"]]),
                rule=row["rule"] or "",
                id=row["id"],
            ))
        return sorted(claims, key=lambda c: _claim_number(c.id))

    # -- counts -----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows in the main tables: documents, actors, claims, evidence."""
        return {
            table: self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("documents", "actors", "claims", "evidence", "facts")
        }


def add_aliases(conn: sqlite3.Connection, actor_id: str, aliases: Iterable[str]) -> list[str]:
    """Add names to an actor (with their normalized form and variant key); returns those it lacked."""
    added = []
    for alias in dict.fromkeys(aliases):
        if alias and alias.strip():
            cursor = conn.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm, vkey)"
                                  " VALUES (?, ?, ?, ?)", (actor_id, alias, normalize_name(alias), variant_key(alias)))
            if cursor.rowcount:
                added.append(alias)
    return added


def _rebuild_args(rows: list[sqlite3.Row], entities: dict[str, Entity]) -> dict:
    args: dict[str, object] = {}
    listed: dict[str, list[tuple[int, Entity]]] = defaultdict(list)
    for row in rows:
        if row["entity_id"] is not None:
            entity = entities[row["entity_id"]]
            if row["position"] is None:
                args[row["name"]] = entity
            else:
                listed[row["name"]].append((row["position"], entity))
        else:
            args[row["name"]] = json.loads(row["value_json"])
    for name, items in listed.items():
        args[name] = tuple(e for _, e in sorted(items, key=lambda item: item[0]))
    return args


def _claim_number(claim_id: str | None) -> int:
    try:
        return int((claim_id or "")[2:])
    except ValueError:
        return 0


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
