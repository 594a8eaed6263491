"""The import contracts in pyproject.toml hold (import-linter): the store does not reach the
extraction stage, and the data model imports no other module of the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> str | None:
    beside = Path(sys.executable).with_name("lint-imports")  # the test environment's own
    return str(beside) if beside.exists() else shutil.which("lint-imports")


def test_import_contracts_are_kept():
    exe = _lint_imports()
    if exe is None:
        pytest.fail("lint-imports is not installed: ./scripts/test installs the test extras")
    run = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout
