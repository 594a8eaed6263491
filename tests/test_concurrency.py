"""Several processes on one store (issue 11): migrations applied once, whoever comes first;
concurrent ingests of one corpus store each document once and say so truthfully."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from factionmap.store.schema import MIGRATIONS, apply_migrations, plan_migrations
from factionmap.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]


def test_a_migration_another_process_applied_meanwhile_is_skipped_not_failed(tmp_path):
    path = tmp_path / "new.db"
    late = sqlite3.connect(path, isolation_level=None)
    plan = plan_migrations(late, MIGRATIONS)  # planned before the other process ...
    assert len(plan) == len(MIGRATIONS)
    Store(path).close()  # ... which then opens the store and applies every migration
    assert apply_migrations(late, plan, len(MIGRATIONS)) == []  # nothing left to do, no E302
    late.close()
    with Store.open(path) as store:
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]


def test_the_store_file_keeps_a_write_ahead_log(tmp_path):
    with Store.open(tmp_path / "fm.db") as store:
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


_INGEST = """
import json, sys
from factionmap.api import ingest_paths
report = ingest_paths([sys.argv[1]], sys.argv[2])
print(json.dumps({"documents": report.documents, "skipped": len(report.skipped),
                  "failed": [str(f) for f in report.failed]}))
"""


def test_two_first_time_ingests_of_one_corpus_at_once_both_succeed(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": f"d{i}", "published": "2015-08-14",
             "text": f"The Front number {i} pledged allegiance to the Islamic State in March, its leader said "
                     f"in a statement. The group has fought government forces in the north for {i + 2} years."}
            for i in range(12)]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen([sys.executable, "-c", _INGEST, str(corpus), str(db)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert all(r["failed"] == [] for r in results)
    # each document stored once, by one of the two; the other says it skipped it
    assert sum(r["documents"] for r in results) == len(rows)
    assert all(r["documents"] + r["skipped"] == len(rows) for r in results)
    with Store.open(db) as store:
        assert store.counts()["documents"] == len(rows)
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_READER = """
import json, sys, time
from factionmap.query import build_network, leader_on, list_facts, relations
from factionmap.store.sqlite import Store
db, stop = sys.argv[1], sys.argv[2]
reads, errors = 0, []
while True:
    last = __import__("os").path.exists(stop)  # one more round after the writers are done
    try:
        with Store.open(db) as store:
            list_facts(store)
            build_network(store)
            for name in ("Islamic State", "al-Shabaab"):
                try:
                    leader_on(store, name)
                    relations(store, name)
                except Exception as exc:
                    if "no actor" not in str(exc).lower():  # not ingested yet: a fair answer
                        raise
            store.counts()
        reads += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    if last:
        break
print(json.dumps({"reads": reads, "errors": errors[:5]}))
"""


def test_two_writers_and_readers_in_a_loop_never_fail(tmp_path):
    """Two ingests of different corpora into one store while two readers query it in a loop:
    no 'database is locked', every document stored once, the file intact."""
    corpora = []
    for w, group in enumerate(("Islamic State", "al-Shabaab")):
        corpus = tmp_path / f"w{w}.jsonl"
        rows = [{"id": f"w{w}-{i}", "published": "2016-05-14",
                 "text": f"Fighters of {group} attacked a base in district {i} on Sunday, killing {i + 3} soldiers. "
                         f"The Front number {w}{i} pledged allegiance to {group}, its leader said."}
                for i in range(10)]
        corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        corpora.append(corpus)
    db, stop = tmp_path / "shared.db", tmp_path / "writers-done"
    with Store.open(db):
        pass  # the store exists before the readers start (queries do not create one)
    readers = [subprocess.Popen([sys.executable, "-c", _READER, str(db), str(stop)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    writers = [subprocess.Popen([sys.executable, "-c", _INGEST, str(c), str(db)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in corpora]
    written = []
    for p in writers:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-2000:]
        written.append(json.loads(out.strip().splitlines()[-1]))
    stop.touch()
    read = []
    for p in readers:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-2000:]
        read.append(json.loads(out.strip().splitlines()[-1]))
    assert [w["documents"] for w in written] == [10, 10] and all(w["failed"] == [] for w in written)
    assert all(r["errors"] == [] for r in read), read
    assert all(r["reads"] >= 2 for r in read), read
    with Store.open(db) as store:
        assert store.counts()["documents"] == 20
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
