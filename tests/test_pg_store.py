"""The PostgreSQL store beyond the suites run on both backends: the same schema and
migrations as SQLite, E305/E306, a newer schema refused, concurrent writer processes, and
the same facts as SQLite for the same documents."""

from __future__ import annotations

import multiprocessing
import random

import psycopg
import pytest
from conftest import AQ, ISKP, MANSOUR, OMAR, TALIBAN, TTP, claim, document, org

from factionmap.errors import FactionmapError
from factionmap.store.pg import translate
from factionmap.store.schema import MIGRATIONS
from factionmap.store.sqlite import Store

ORGS = [TALIBAN, AQ, ISKP, TTP, org("hqn", "Haqqani Network"), org("lej", "Lashkar-e-Jhangvi")]


def _stories(n: int = 30) -> list:
    """Documents of hand-made claims (no spaCy): alliances, rivalries, leadership, deaths."""
    rng = random.Random(14)
    out = []
    for i in range(n):
        a, b = rng.sample(ORGS, 2)
        year = str(2010 + rng.randrange(6))
        claims = [claim(rng.choice(["ALLIANCE", "RIVALRY"]), f"d-{i}", (year, year, "year"), a=a, b=b,
                        modality=rng.choice(["asserted", "reported", "denied"]))]
        if i % 5 == 0:
            claims.append(claim("LEADERSHIP", f"d-{i}", leader=rng.choice([OMAR, MANSOUR]), org=TALIBAN))
        out.append((document(f"d-{i}", f"{year}-0{1 + i % 9}-1{i % 10}", text=f"story {i} of {a.name} and {b.name}",
                             outlet=rng.choice(["BBC", "AP", "Reuters"])), claims))
    return out


def _facts(store: Store) -> list:
    return sorted((f.key, f.type, f.status, f.time_start, f.time_end, round(f.confidence, 9), f.documents,
                   f.independent, f.outlets, len(f.claim_ids)) for f in store.facts())


def _write(url: str, part: list) -> None:
    with Store(url) as store:
        for doc, claims in part:
            store.add_document(doc, claims, "rules.v1")


def test_pg_translation_keeps_literals():
    assert translate("SELECT x FROM t WHERE k LIKE '%|?' AND v = ?") == "SELECT x FROM t WHERE k LIKE '%%|?' AND v = %s"
    assert translate("INSERT OR IGNORE INTO fact_docs (fact_id, document_id) VALUES (?, ?)").endswith(
        "ON CONFLICT DO NOTHING")
    assert translate("INSERT OR REPLACE INTO fact_sources (fact_id, source, best) VALUES (?, ?, ?)").endswith(
        "ON CONFLICT (fact_id, source) DO UPDATE SET best = EXCLUDED.best")


def test_pg_same_schema_and_migrations_as_sqlite(fresh_store, new_store, store_backend):
    if store_backend == "sqlite":
        pytest.skip("compares PostgreSQL with SQLite")
    sqlite = Store(":memory:")
    assert fresh_store.applied_migrations() == sqlite.applied_migrations() == [m.name for m in MIGRATIONS]
    assert fresh_store.schema_version == sqlite.schema_version == len(MIGRATIONS)
    assert set(fresh_store.table_names()) == set(sqlite.table_names()) - {"sqlite_sequence"} | {"schema_meta"}
    views = "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"
    assert [r[0] for r in fresh_store.connection.execute(views)] == [r[0] for r in sqlite.connection.execute(views)]
    for table in set(sqlite.table_names()) - {"sqlite_sequence"}:
        columns = {r[1] for r in sqlite.connection.execute(f"PRAGMA table_info({table})")}
        assert columns <= {r[1] for r in fresh_store.connection.execute(f"PRAGMA table_info({table})")}, table


def test_pg_same_facts_and_views_as_sqlite(fresh_store, store_backend):
    if store_backend == "sqlite":
        pytest.skip("compares PostgreSQL with SQLite")
    sqlite = Store(":memory:")
    for doc, claims in _stories():
        for store in (sqlite, fresh_store):
            store.add_document(doc, claims, "rules.v1")
    assert _facts(fresh_store) == _facts(sqlite)
    assert [f.claim_ids for f in fresh_store.facts()] == [f.claim_ids for f in sqlite.facts()]
    for view, skip in (("v_facts", {"first_seen", "updated_at"}), ("v_evidence", set()), ("v_events", set())):
        rows = [{k: v for k, v in dict(r).items() if k not in skip}
                for s in (sqlite, fresh_store) for r in s.connection.execute(f"SELECT * FROM {view} ORDER BY 1, 2")]
        half = len(rows) // 2
        assert rows[:half] == rows[half:], view


def test_pg_missing_store_and_unreachable_server(pg_databases):
    with psycopg.connect(pg_databases.db, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA empty_one")
    with pytest.raises(FactionmapError) as raised:  # a database without a store
        Store.open(f"{pg_databases.db}?options=-csearch_path%3Dempty_one", create=False)
    assert raised.value.code == "E305"
    with pytest.raises(FactionmapError) as raised:  # no such database
        Store.open(pg_databases.db + "_missing", create=False)
    assert raised.value.code == "E305"
    with pytest.raises(FactionmapError) as raised:
        Store.open("postgresql://postgres@127.0.0.1:1/x", create=False)
    assert raised.value.code == "E306" and "\n" not in str(raised.value)


def test_pg_newer_schema_refused(pg_databases):
    url = pg_databases.take()
    Store(url).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE schema_meta SET value = '99' WHERE key = 'user_version'")
    with pytest.raises(FactionmapError) as raised:
        Store.open(url)
    assert raised.value.code == "E301"


def test_pg_open_creates_the_database(pg_databases):
    url = pg_databases.database()  # made and dropped by the fixture
    dropped = url.rsplit("/", 1)[1]
    pg_databases.admin.execute(f'DROP DATABASE "{dropped}"')
    with Store.open(url) as store:
        assert store.backend == "postgresql" and store.counts()["documents"] == 0


def test_pg_writer_processes_at_once_give_the_facts_of_one_by_one(pg_databases):
    """Four processes write 60 documents into one new store at the same moment (each opening it,
    so the migrations race too): the same documents, facts and independent counts as one
    writer, and claim ids without gaps or repeats."""
    stories = _stories(60)
    one = pg_databases.take()
    _write(one, stories)
    url = pg_databases.database()
    parts = [stories[i::4] for i in range(4)]
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write, args=(url, part)) for part in parts]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    with Store.open(url, create=False) as many, Store.open(one, create=False) as single:
        assert _facts(many) == _facts(single)
        assert many.counts() == single.counts()
        assert many.applied_migrations() == [m.name for m in MIGRATIONS]
        ids = [c.id for c in many.claims_for()]
        assert ids == [f"c-{i:06d}" for i in range(1, len(ids) + 1)]
        docs = [r[0] for r in many.connection.execute("SELECT id FROM documents ORDER BY id")]
        assert docs == sorted(d.id for d, _ in stories)
