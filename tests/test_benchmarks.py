"""Each benchmark script skips cleanly (exit 0, one line) when the shared data is absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize(
    "script,extra",
    [("seed.py", []), ("mmp_relations.py", []), ("throughput.py", ["--corpus", "dev"])],
)
def test_benchmarks_skip_without_shared(tmp_path, script, extra):
    missing = tmp_path / "no-shared-here"
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--shared", str(missing), *extra],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "skipped" in lines[0]
