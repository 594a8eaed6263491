"""benchmarks/ingest_scaling.py: its documents are deterministic and sized as promised, and a
tiny run prints a line per batch and the ratio lines (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "ingest_scaling.py"


@pytest.fixture(scope="module")
def scaling():
    spec = importlib.util.spec_from_file_location("ingest_scaling", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while defined
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_ingest_scaling_documents_are_deterministic_and_repeat_facts(scaling):
    first = scaling.Corpus(7)
    rows = [first.document(i + 1) for i in range(300)]
    again = scaling.Corpus(7)
    assert [again.document(i + 1) for i in range(300)] == rows
    assert all(30 <= len(r["text"].split()) <= 80 for r in rows)
    assert len({r["text"] for r in rows}) == len(rows)
    assert all("2010-01-01" <= r["published"] <= "2022-12-31" for r in rows)
    # facts repeat across documents, and new ones keep coming
    assert len(first.facts) < first.fact_slots / 2
    assert first.new_slots > first.fact_slots / 10
    assert [first.document(i + 301) for i in range(5)] != [scaling.Corpus(8).document(i + 1) for i in range(5)]


def test_ingest_scaling_tiny_run_prints_batches_and_ratios(scaling, tmp_path, capsys):
    db = tmp_path / "scaling.db"
    assert scaling.main(["--docs", "60", "--batch", "20", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("$ python benchmarks/ingest_scaling.py --docs 60 --batch 20")
    batch_lines = [line for line in out.splitlines() if re.match(r"\s+\d+\s+\d+\s", line)]
    assert [line.split()[0] for line in batch_lines] == ["20", "40", "60"]
    for name in ("total", "parse", "store"):
        assert re.search(rf"^ratio {name} s/doc \(late/early\): \d+\.\d\d", out, re.M), out
    assert re.search(r"^ratio store median call \(late/early\): \d+\.\d\d", out, re.M), out
    assert "ratio windows: docs 41-60 over docs 21-40" in out
    assert db.is_file()
