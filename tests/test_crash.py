"""Killed mid-ingest (issue 11): `kill -9` at random moments, then a resumed ingest, leaves
every document stored once, no orphan rows, a sound file, and the export of a clean run."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
KILLS = int(os.environ.get("FACTIONMAP_CRASH_KILLS", "3"))  # nightly: FACTIONMAP_CRASH_KILLS=50


def _factionmap(*args: str, **kwargs) -> subprocess.Popen:
    cli = "from factionmap.cli.main import main; main()"
    return subprocess.Popen([sys.executable, "-c", cli, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, **kwargs)


def _export(db: Path, out: Path) -> bytes:
    assert _factionmap("export", "--format", "jsonl", "--db", str(db), "--output", str(out)).wait(120) == 0
    return out.read_bytes()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the example corpus is not here")
def test_kill_9_during_ingest_then_resume_loses_and_duplicates_nothing(tmp_path):
    clean = tmp_path / "clean.db"
    assert _factionmap("ingest", str(CORPUS), "--db", str(clean)).wait(600) == 0
    expected = _export(clean, tmp_path / "clean.jsonl")

    crashed = tmp_path / "crashed.db"
    rng = random.Random(7)
    for _ in range(KILLS):
        run = _factionmap("ingest", str(CORPUS), "--db", str(crashed))
        time.sleep(rng.uniform(1.0, 8.0))  # model loading, reading, parsing or writing
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
        run.wait(60)
    assert _factionmap("ingest", str(CORPUS), "--db", str(crashed)).wait(600) == 0

    conn = sqlite3.connect(crashed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    documents = conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM documents").fetchone()
    stored_clean = sqlite3.connect(clean).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert documents[0] == documents[1] == stored_clean > 20
    orphans = {
        "claims": "SELECT COUNT(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)",
        "claim_args": "SELECT COUNT(*) FROM claim_args WHERE claim_id NOT IN (SELECT id FROM claims)",
        "evidence": "SELECT COUNT(*) FROM evidence WHERE claim_id NOT IN (SELECT id FROM claims)",
        "fact_claims": "SELECT COUNT(*) FROM fact_claims WHERE claim_id NOT IN (SELECT id FROM claims)",
        "doc_sources": "SELECT COUNT(*) FROM doc_sources WHERE document_id NOT IN (SELECT id FROM documents)",
    }
    assert {table: conn.execute(sql).fetchone()[0] for table, sql in orphans.items()} == dict.fromkeys(orphans, 0)
    conn.close()
    assert _export(crashed, tmp_path / "crashed.jsonl") == expected
