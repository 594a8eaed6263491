"""The re3d, events and calibration benchmarks without the shared data: the first two skip
with one line; calibration still scores the bundled examples and notes what it skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _run(script: str, shared: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--shared", str(shared)],
        capture_output=True, text=True, timeout=300,
    )


@pytest.mark.parametrize("script", ["re3d.py", "events.py"])
def test_benchmarks_more_skip_without_shared(tmp_path, script):
    result = _run(script, tmp_path / "no-shared-here")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "skipped" in lines[0]


@pytest.mark.parametrize("script", ["calibration.py"])
def test_benchmarks_more_calibration_scores_examples_without_shared(tmp_path, script):
    result = _run(script, tmp_path / "no-shared-here")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert any("skipped" in line and "seed" in line and "mmp" in line for line in lines)
    header = next(line for line in lines if line.startswith("band"))
    assert "examples n" in header and "seed n" not in header
    bands = [line.split()[0] for line in lines[lines.index(header) + 1:lines.index(header) + 6]]
    assert bands[:5] == ["<0.5", "0.5-0.65", "0.65-0.8", ">=0.8", "total"]
    total = lines[lines.index(header) + 5].split()
    assert int(total[1]) > 0  # claims of the bundled examples were judged


def test_benchmarks_discovery_skips_without_shared(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "discovery.py"
    done = subprocess.run([sys.executable, str(script), "--shared", str(tmp_path / "missing")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip().startswith("discovery benchmark skipped")


def test_doc_size_benchmark_prints_a_row_a_kind_and_the_seconds():
    result = subprocess.run([sys.executable, str(BENCHMARKS / "doc_size.py"), "--sizes", "1,2"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    rows = [line.split() for line in lines if line.split()[0] in ("news", "run-on", "names")]
    assert [r[0] for r in rows] == ["news", "run-on", "names"] * 2
    assert all(len(r) == 4 for r in rows[:3]) and all(len(r) == 3 for r in rows[3:])  # per KB + ratio; seconds
    assert "seconds a document" in lines
