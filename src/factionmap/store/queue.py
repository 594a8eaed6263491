"""A queue of documents waiting to be ingested, in the store (migration "0007_ingest_queue").

Any number of worker processes share it: each takes a batch (`claim_batch`), extracts and
stores the documents, then marks them done or failed (`finish`). A worker that dies leaves
its batch claimed; `requeue_stale` gives batches claimed too long ago back to the queue.

On PostgreSQL a batch is taken with `SELECT ... FOR UPDATE SKIP LOCKED` inside one
`UPDATE ... RETURNING`: two workers never take the same row, and neither waits for the
other. On SQLite (one writer at a time) a plain write transaction does the same.

A row's payload is the `model.Document` as JSON (its fields by name).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable, Mapping

from ..model import Document
from .pg import is_pg

QUEUE_TABLES = (
    """CREATE TABLE ingest_queue (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT,
        payload TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'claimed', 'done', 'failed')),
        claimed_by TEXT, claimed_at TEXT,
        error TEXT,
        queued_at TEXT NOT NULL)""",
    "CREATE INDEX ingest_queue_state ON ingest_queue(state, id)",
)


@dataclass(frozen=True)
class QueuedDocument:
    """A document taken from the queue by a worker."""

    id: int
    source: str | None
    document: Document


def _stamp(at: datetime | None = None) -> str:
    return (at or datetime.now(timezone.utc)).isoformat(timespec="microseconds")


class QueueMethods:
    """The store's queue methods (mixed into `store.Store`, which provides `_conn`)."""

    def enqueue(self, documents: Iterable[Document]) -> list[int]:
        """Add documents to the queue; returns their queue ids, in order."""
        ids = []
        stamp = _stamp()
        self._conn.execute("BEGIN")
        try:
            for doc in documents:
                cursor = self._conn.execute(
                    "INSERT INTO ingest_queue (source, payload, state, queued_at) VALUES (?, ?, 'queued', ?)",
                    (doc.source, json.dumps(asdict(doc), ensure_ascii=False), stamp))
                ids.append(cursor.lastrowid)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return ids

    def claim_batch(self, n: int, worker: str) -> list[QueuedDocument]:
        """Take up to `n` queued documents for `worker` (oldest first); none is given to two workers."""
        stamp = _stamp()
        if is_pg(self._conn):  # one statement: rows another worker holds are skipped, not waited for
            rows = self._conn.execute(
                "UPDATE ingest_queue SET state = 'claimed', claimed_by = ?, claimed_at = ?, error = NULL"
                " WHERE id IN (SELECT id FROM ingest_queue WHERE state = 'queued' ORDER BY id LIMIT ?"
                " FOR UPDATE SKIP LOCKED) RETURNING id, source, payload", (worker, stamp, n)).fetchall()
        else:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                rows = self._conn.execute("SELECT id, source, payload FROM ingest_queue WHERE state = 'queued'"
                                          " ORDER BY id LIMIT ?", (n,)).fetchall()
                self._conn.executemany("UPDATE ingest_queue SET state = 'claimed', claimed_by = ?, claimed_at = ?,"
                                       " error = NULL WHERE id = ?", [(worker, stamp, r[0]) for r in rows])
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        return sorted((QueuedDocument(r[0], r[1], Document(**json.loads(r[2]))) for r in rows), key=lambda q: q.id)

    def finish(self, ids: Iterable[int], errors: Mapping[int, str] | None = None) -> None:
        """Mark claimed documents done, or failed with their error (`errors`: queue id -> message)."""
        errors = dict(errors or {})
        ids = list(dict.fromkeys([*ids, *errors]))
        self._conn.executemany(
            "UPDATE ingest_queue SET state = ?, error = ? WHERE id = ?",
            [("failed" if i in errors else "done", errors.get(i), i) for i in ids])

    def requeue_stale(self, seconds: float) -> int:
        """Give back to the queue the documents claimed more than `seconds` ago and not finished
        (their worker died); returns how many."""
        cutoff = _stamp(datetime.now(timezone.utc) - timedelta(seconds=seconds))
        cursor = self._conn.execute(
            "UPDATE ingest_queue SET state = 'queued', claimed_by = NULL, claimed_at = NULL"
            " WHERE state = 'claimed' AND claimed_at < ?", (cutoff,))
        return cursor.rowcount

    def queue_counts(self) -> dict[str, int]:
        """Rows of the queue by state (every state, 0 when none)."""
        counts = dict.fromkeys(("queued", "claimed", "done", "failed"), 0)
        counts.update({r[0]: r[1] for r in self._conn.execute(
            "SELECT state, COUNT(*) FROM ingest_queue GROUP BY state")})
        return counts
