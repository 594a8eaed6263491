"""The store's schema as named migrations, planned then applied.

Each migration runs in its own transaction and is recorded in the
`migrations` table; `PRAGMA user_version` holds the number applied (the
schema version), so an older factionmap refuses a newer database (E301).

The same migrations, by the same names and in the same order, build a PostgreSQL store: a
migration's statements are rewritten for it (`pg.translate_ddl`) unless it gives its own
(`Migration.postgresql`); the schema version is kept in a table, `schema_meta`, and every
migration runs under the store's write lock, so two processes opening a new store at once
apply each migration once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence

from ..errors import FactionmapError
from .factstore import FACT_TABLES
from .pg import begin_write, has_table, is_pg, safe_url, translate_ddl
from .queue import QUEUE_TABLES
from .views import PG_VIEWS, VIEW_NAMES, VIEWS


@dataclass(frozen=True)
class Migration:
    """One named schema change; its statements run in one transaction."""

    name: str
    statements: tuple[str, ...]
    rebuilds_facts: bool = False  # facts are made again from the claims once it has run
    postgresql: tuple[str, ...] | None = None  # its statements for PostgreSQL, when rewriting is not enough

    def statements_for(self, conn) -> tuple[str, ...]:
        if not is_pg(conn):
            return self.statements
        return self.postgresql if self.postgresql is not None else tuple(translate_ddl(s) for s in self.statements)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_initial",
        (
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,
                published TEXT, url TEXT, outlet TEXT, title TEXT, source TEXT,
                text TEXT,
                ingested_at TEXT NOT NULL,
                rules_version TEXT)""",
            # kind is org | person | place; admin1/lat/lon only matter for places
            """CREATE TABLE actors (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                country TEXT, category TEXT,
                admin1 TEXT, lat REAL, lon REAL,
                origin TEXT NOT NULL CHECK (origin IN ('registry', 'text')))""",
            """CREATE TABLE actor_aliases (
                actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
                alias TEXT NOT NULL,
                norm TEXT NOT NULL,
                PRIMARY KEY (actor_id, alias))""",
            "CREATE INDEX actor_aliases_norm ON actor_aliases(norm)",
            """CREATE TABLE claims (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                time_start TEXT, time_end TEXT, time_precision TEXT, time_text TEXT,
                modality TEXT NOT NULL,
                negated INTEGER NOT NULL DEFAULT 0,
                attribution TEXT,
                confidence REAL NOT NULL,
                rule TEXT)""",
            "CREATE INDEX claims_document ON claims(document_id)",
            "CREATE INDEX claims_type ON claims(type)",
            # position is NULL for a single value, 0.. for the items of a list arg
            """CREATE TABLE claim_args (
                claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                position INTEGER,
                entity_id TEXT REFERENCES actors(id),
                value_json TEXT)""",
            "CREATE INDEX claim_args_claim ON claim_args(claim_id)",
            "CREATE INDEX claim_args_entity ON claim_args(entity_id)",
            """CREATE TABLE evidence (
                claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                document_id TEXT NOT NULL,
                sentence INTEGER, start INTEGER, "end" INTEGER, text TEXT NOT NULL)""",
            "CREATE INDEX evidence_claim ON evidence(claim_id)",
        ),
    ),
    Migration(
        "0002_actor_edits",
        (
            # which of the actor's names the claim's evidence wrote (NULL: none
            # found, e.g. "the group", or stored before this migration)
            "ALTER TABLE claim_args ADD COLUMN mention TEXT",
            # an edit that decided the id at write time, and the id it had before,
            # so that undoing the edit gives those rows their id back
            "ALTER TABLE claim_args ADD COLUMN via_edit INTEGER",
            "ALTER TABLE claim_args ADD COLUMN edit_from TEXT",
            # each name with its spelling variants folded (see actor_identity.variant_key),
            # so a new actor spelt another way is found by an index hit
            "ALTER TABLE actor_aliases ADD COLUMN vkey TEXT",
            "CREATE INDEX actor_aliases_vkey ON actor_aliases(vkey)",
            # users' corrections of actor identity; undo_json keeps what the edit
            # changed so that undoing it restores exactly that
            """CREATE TABLE actor_edits (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
                actor_id TEXT NOT NULL,
                target_id TEXT NOT NULL,
                mention TEXT,
                who TEXT NOT NULL,
                at TEXT NOT NULL,
                note TEXT,
                undone_at TEXT,
                undone_by TEXT,
                undo_json TEXT NOT NULL)""",
            "CREATE INDEX actor_edits_active ON actor_edits(actor_id) WHERE undone_at IS NULL",
        ),
    ),
    # claims across documents fused into facts (factstore.py); a store made before this
    # migration has its facts rebuilt from its claims when it is opened
    Migration("0003_facts", FACT_TABLES, rebuilds_facts=True),
    # storing a document costs the same however many are stored: the next claim number (the
    # largest so far) is an index lookup, not a scan of every claim; and a near-copy sketch
    # value shared by many texts (boilerplate) stops being indexed once common (neardup.py)
    Migration("0004_flat_ingest", (
        "CREATE INDEX claims_number ON claims(CAST(substr(id, 3) AS INTEGER))",
        "CREATE TABLE sketch_counts (value INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
    ), postgresql=(
        "CREATE INDEX claims_number ON claims((CAST(substr(id, 3) AS INTEGER)))",
        "CREATE TABLE sketch_counts (value BIGINT PRIMARY KEY, n BIGINT NOT NULL)",
    )),
    # views for readers who know nothing of the tables above: Datasette, sqlite3, R, pandas
    # (views.py, docs/sql.md); a store made before them gets them when it is opened
    Migration("0005_views", VIEWS, postgresql=PG_VIEWS),
    # an attack told to the day is a fact of its own day, not of its year (fusion.fact_key);
    # the facts are made again from the stored claims, and the views read the new keys
    Migration("0006_attack_days", tuple(f"DROP VIEW IF EXISTS {name}" for name in VIEW_NAMES) + VIEWS,
              rebuilds_facts=True,
              postgresql=tuple(f"DROP VIEW IF EXISTS {name} CASCADE" for name in VIEW_NAMES) + PG_VIEWS),
    # documents waiting for an ingest worker (queue.py): any number of processes take batches
    Migration("0007_ingest_queue", QUEUE_TABLES),
)


def plan_migrations(conn, migrations: Sequence[Migration]) -> list[Migration]:
    """The migrations not yet applied, in order; raises E301 for a newer database."""
    found = schema_version(conn)
    if found > len(migrations):
        if is_pg(conn):
            path = safe_url(conn.url)
        else:
            path = conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:"
        raise FactionmapError("E301", path=path, found=found, expected=len(migrations))
    if is_pg(conn):
        if not has_table(conn, "migrations") or not has_table(conn, "schema_meta"):
            begin_write(conn)  # (under the lock: two processes making a store at once)
            try:
                conn.execute("CREATE TABLE IF NOT EXISTS migrations (rowid BIGINT GENERATED BY DEFAULT AS IDENTITY,"
                             ' name TEXT COLLATE "C" PRIMARY KEY, applied_at TEXT NOT NULL)')
                conn.execute('CREATE TABLE IF NOT EXISTS schema_meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT)')
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    else:
        conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    return [m for m in migrations if m.name not in done]


def schema_version(conn) -> int:
    """The number of migrations applied (SQLite: `PRAGMA user_version`; PostgreSQL: `schema_meta`)."""
    if not is_pg(conn):
        return conn.execute("PRAGMA user_version").fetchone()[0]
    if not has_table(conn, "schema_meta"):
        return 0
    row = conn.execute("SELECT value FROM schema_meta WHERE key = 'user_version'").fetchone()
    return int(row[0]) if row else 0


def _set_version(conn, version: int) -> None:
    if is_pg(conn):
        conn.execute("INSERT INTO schema_meta (key, value) VALUES ('user_version', ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(version),))
    else:  # user_version lives in the file header and is rolled back with the rest
        conn.execute(f"PRAGMA user_version = {version:d}")


def apply_migrations(conn, plan: Sequence[Migration], version: int) -> list[Migration]:
    """Apply planned migrations, each in its own transaction (all of it or none); returns those
    this call applied. Each is checked again once the write lock is held: another process
    opening the same new store at the same moment may have applied it meanwhile (it waits
    for the lock, then finds the migration done and skips it)."""
    errors = _db_errors()
    applied_here = []
    for migration in plan:
        try:
            begin_write(conn)
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                conn.execute("COMMIT")
                continue
            for statement in migration.statements_for(conn):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.name, _now())
            )
            applied = conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0]
            _set_version(conn, min(applied, version))
            conn.execute("COMMIT")
        except errors as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise FactionmapError("E302", name=migration.name, detail=str(exc)) from exc
        applied_here.append(migration)
    return applied_here


def _db_errors() -> tuple[type[BaseException], ...]:
    """The errors a database statement raises, on either backend."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
