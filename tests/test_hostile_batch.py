"""Issue 11's hostile batch, small: every bad input one coded line, every good article stored
with the claims of a clean run, no traceback, exit status 1 (benchmarks/hostile.py runs it
at about 2,000 bad inputs)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_small_hostile_batch_loses_nothing_good_and_reports_everything_bad():
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "benchmarks" / "hostile.py")
    hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hostile)
    r = hostile.run(per_kind=2)
    assert r["clean"][0] == 0 and r["mixed"][0] == 1
    assert r["tracebacks"] == 0
    assert r["good"] == r["expected"] == r["same"] == 50
    assert r["bad"] == r["errors"] == r["coded"] > 60
