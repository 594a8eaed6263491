"""The store's facts: written with each document's claims, read by the queries.

Tables (migration "0003_facts"): `facts` (one row a fact with its running aggregates),
`fact_claims` (claim -> fact), `fact_sources` (the best confidence each independent
source gives a fact), `fact_docs`, `fact_outlets`; `doc_sketch` and `doc_sources` hold
the near-copy sketches of `neardup.py`. Every write touches only the rows of the facts a
document's claims belong to.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from ..daterange import date_bounds
from ..facts.fusion import (Fact, FactState, attack_window, confidence, fact_id, fact_key, fold_claim, key_actors,
                            nearest_attack, now, status)
from ..model import Claim
from .neardup import find_source, record_source

if TYPE_CHECKING:
    from .sqlite import Store

FACT_TABLES = (
    """CREATE TABLE facts (
        id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
        pos INTEGER NOT NULL DEFAULT 0, neg INTEGER NOT NULL DEFAULT 0, weak INTEGER NOT NULL DEFAULT 0,
        time_start TEXT, time_end TEXT, log_doubt REAL NOT NULL DEFAULT 0, best REAL NOT NULL DEFAULT 0,
        documents INTEGER NOT NULL DEFAULT 0, independent INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT, updated_at TEXT)""",
    "CREATE INDEX facts_type ON facts(type)",
    "CREATE INDEX facts_updated ON facts(updated_at)",
    "CREATE TABLE fact_claims (claim_id TEXT PRIMARY KEY, fact_id TEXT NOT NULL)",
    "CREATE INDEX fact_claims_fact ON fact_claims(fact_id)",
    "CREATE TABLE fact_sources (fact_id TEXT NOT NULL, source TEXT NOT NULL, best REAL, PRIMARY KEY (fact_id, source))",
    "CREATE TABLE fact_docs (fact_id TEXT NOT NULL, document_id TEXT NOT NULL, PRIMARY KEY (fact_id, document_id))",
    "CREATE TABLE fact_outlets (fact_id TEXT NOT NULL, outlet TEXT NOT NULL, PRIMARY KEY (fact_id, outlet))",
    "CREATE TABLE fact_actors (fact_id TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (actor_id, fact_id))",
    "CREATE TABLE doc_sketch (value INTEGER NOT NULL, document_id TEXT NOT NULL)",
    "CREATE INDEX doc_sketch_value ON doc_sketch(value)",
    "CREATE TABLE doc_sources (document_id TEXT PRIMARY KEY, source TEXT NOT NULL)",
)


@dataclass(frozen=True)
class FactWrites:
    """A document's claims folded into their facts, ready to write: found by `plan_facts`
    (which only reads), written by `write_facts` (which only writes)."""

    doc_id: str
    outlet: str | None
    new_facts: tuple[tuple[str, str, str, str], ...]  # (id, key, type, first seen), first met first
    states: tuple[tuple[str, FactState], ...]  # each touched fact's row after the document
    sources: tuple[tuple[str, str, float | None], ...]  # (fact, source, best) touched
    claims: tuple[tuple[str, str], ...]  # (claim id, fact id)
    stamp: str


def plan_facts(conn, doc_id: str, outlet: str | None, source: str, claims: Iterable[tuple[str, Claim]],
               ingested_at: str, published: str | None = None) -> FactWrites:
    """Fold a document's claims (id, claim) into their facts, reading the facts' rows as
    they stand; nothing is written."""
    stamp = now()
    states: dict[str, FactState] = {}
    new: dict[str, tuple[str, str, str, str]] = {}
    sources: dict[tuple[str, str], tuple[bool, float | None]] = {}
    in_doc: set[str] = set()
    written: list[tuple[str, str]] = []
    for claim_id, claim in claims:
        key = fact_key(claim, published)
        if key is None:
            continue
        window = attack_window(key)
        if window is not None:  # an attack told to the day joins one stored a few days from it
            near = [r[0] for r in conn.execute("SELECT key FROM facts WHERE key BETWEEN ? AND ?", window)]
            key = nearest_attack(key, near + [k for _, k, _, _ in new.values() if window[0] <= k <= window[1]])
        fid = fact_id(key)
        if fid not in states:
            row = conn.execute("SELECT pos, neg, weak, time_start, time_end, log_doubt, best, documents, independent"
                               " FROM facts WHERE id = ?", (fid,)).fetchone()
            if row is None:
                new[fid] = (fid, key, claim.type, ingested_at)
            states[fid] = FactState(*row) if row is not None else FactState()
        if (fid, source) not in sources:
            had = conn.execute("SELECT best FROM fact_sources WHERE fact_id = ? AND source = ?",
                               (fid, source)).fetchone()
            sources[(fid, source)] = (had is not None, had[0] if had else None)
        seen, best = sources[(fid, source)]
        new_document = fid not in in_doc  # the document is new to the store (or to the rebuilt facts)
        in_doc.add(fid)
        states[fid], better = fold_claim(states[fid], claim, best, seen, new_document)
        sources[(fid, source)] = (True, better if better is not None else best)
        written.append((claim_id, fid))
    return FactWrites(doc_id, outlet, tuple(new.values()), tuple(states.items()),
                      tuple((f, src, best) for (f, src), (_, best) in sources.items()), tuple(written), stamp)


def write_facts(conn, writes: FactWrites) -> None:
    """Write what `plan_facts` found. Only writes."""
    for fid, key, ctype, first_seen in writes.new_facts:
        conn.execute("INSERT INTO facts (id, key, type, first_seen) VALUES (?, ?, ?, ?)", (fid, key, ctype, first_seen))
        conn.executemany("INSERT OR IGNORE INTO fact_actors (fact_id, actor_id) VALUES (?, ?)",
                         [(fid, a) for a in key_actors(key)])
    conn.executemany("INSERT OR REPLACE INTO fact_sources (fact_id, source, best) VALUES (?, ?, ?)", writes.sources)
    for fid, _ in writes.states:
        conn.execute("INSERT OR IGNORE INTO fact_docs (fact_id, document_id) VALUES (?, ?)", (fid, writes.doc_id))
        if writes.outlet:
            conn.execute("INSERT OR IGNORE INTO fact_outlets (fact_id, outlet) VALUES (?, ?)", (fid, writes.outlet))
    conn.executemany("INSERT OR REPLACE INTO fact_claims (claim_id, fact_id) VALUES (?, ?)", writes.claims)
    conn.executemany(
        "UPDATE facts SET pos = ?, neg = ?, weak = ?, time_start = ?, time_end = ?, log_doubt = ?, best = ?,"
        " documents = ?, independent = ?, updated_at = ? WHERE id = ?",
        [(st.pos, st.neg, st.weak, st.time_start, st.time_end, st.log_doubt, st.best, st.documents,
          st.independent, writes.stamp, fid) for fid, st in writes.states])


def add_to_facts(conn, doc_id: str, outlet: str | None, source: str, claims: Iterable[tuple[str, Claim]],
                 ingested_at: str, published: str | None = None) -> None:
    """Fold a document's claims (id, claim) into their facts and write them (the rebuild's path)."""
    write_facts(conn, plan_facts(conn, doc_id, outlet, source, claims, ingested_at, published))


def load_facts(conn, where: str = "TRUE", params: Iterable = ()) -> list[Fact]:
    """Facts matching an SQL condition on `facts` (aliased f), with their claims and outlets."""
    rows = conn.execute(f"SELECT * FROM facts f WHERE {where} ORDER BY f.type, f.key", list(params)).fetchall()
    if not rows:
        return []
    sub = f"SELECT id FROM facts f WHERE {where}"
    claims: dict[str, list[str]] = {}
    for fid, cid in conn.execute(f"SELECT fact_id, claim_id FROM fact_claims WHERE fact_id IN ({sub})", list(params)):
        claims.setdefault(fid, []).append(cid)
    outlets: dict[str, list[str]] = {}
    for fid, outlet in conn.execute(f"SELECT fact_id, outlet FROM fact_outlets WHERE fact_id IN ({sub})", list(params)):
        outlets.setdefault(fid, []).append(outlet)
    return [Fact(r["id"], r["key"], r["type"], status(r["pos"], r["neg"]), r["time_start"], r["time_end"],
                 confidence(r["log_doubt"], r["pos"], r["best"]), r["documents"], r["independent"],
                 tuple(sorted(outlets.get(r["id"], ()))), tuple(sorted(claims.get(r["id"], ()))),
                 r["first_seen"], r["updated_at"]) for r in rows]


def facts_of_actor(conn, actor_id: str, types: Iterable[str] | None = None) -> list[Fact]:
    where, params = "f.id IN (SELECT fact_id FROM fact_actors WHERE actor_id = ?)", [actor_id]
    if types:
        types = list(types)
        where += f" AND f.type IN ({','.join('?' * len(types))})"
        params += types
    return load_facts(conn, where, params)


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class FactQueries:
    """The store's fact methods (mixed into `store.Store`, which provides `_conn`,
    `_transaction`, `claims_for` and `_facts`)."""

    @contextmanager
    def as_known_on(self, day: str | None) -> Iterator["Store"]:
        """Read as an analyst could have on `day` (YYYY[-MM[-DD]]): only documents published by then."""
        before, self.known_on = self.known_on, (day if day is None or len(day) == 10 else _last_day(day))
        try:
            yield self
        finally:
            self.known_on = before

    def facts(self, where: str = "TRUE", params: Iterable = ()) -> list:
        """Fused facts (`factstore.load_facts`) matching an SQL condition on `facts f`."""
        return load_facts(self._conn, where, params)

    def facts_of(self, actor_id: str, types: Iterable[str] | None = None) -> list:
        return facts_of_actor(self._conn, actor_id, types)

    def fact_of_claims(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """claim id -> the id of the fact it belongs to."""
        found = {}
        for chunk in _chunks(list(claim_ids)):
            found.update(self._conn.execute(
                f"SELECT claim_id, fact_id FROM fact_claims WHERE claim_id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        return found

    def document_sources(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """claim id -> its document's source (near copies share one: `neardup.py`)."""
        found = {}
        for chunk in _chunks(list(claim_ids)):
            found.update(self._conn.execute(
                "SELECT c.id, COALESCE(s.source, c.document_id) FROM claims c LEFT JOIN doc_sources s"
                f" ON s.document_id = c.document_id WHERE c.id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return found

    def rebuild_facts(self) -> None:
        """Facts made again from every stored claim, document by document in id order."""
        with self._transaction() as conn:
            self.refold_facts(conn)

    def refold_facts(self, conn) -> None:
        """`rebuild_facts` inside a transaction the caller holds (actor edits change the ids
        facts are keyed by)."""
        if not self._facts:
            return
        for table in ("facts", "fact_claims", "fact_sources", "fact_docs", "fact_outlets", "fact_actors",
                      "doc_sketch", "doc_sources", "sketch_counts"):
            conn.execute(f"DELETE FROM {table}")
        docs = conn.execute("SELECT id, outlet, text, ingested_at, published FROM documents"
                            " ORDER BY ingested_at, id").fetchall()
        for row in docs:
            claims = self.claims_for(document_id=row["id"])
            found = find_source(conn, row["id"], row["text"] or "")
            record_source(conn, row["id"], found)
            add_to_facts(conn, row["id"], row["outlet"], found.source, [(c.id, c) for c in claims],
                         row["ingested_at"], row["published"])


def _last_day(day: str) -> str:
    """'2015' -> '2015-12-31', '2015-02' -> '2015-02-28': a partial date known on its last day."""
    return date_bounds(day)[1].isoformat()
