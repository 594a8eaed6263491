"""The README cannot go stale: its examples are cog output and its first commands set everything up.

(That every command and option has help text is tested in test_cli.py.)
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from pathlib import Path

import pytest
from cogapp import Cog

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FORMAT_DOC = ROOT / "docs" / "format.md"  # the data format, with a worked example made by cog


def _first_code_block(markdown: str) -> list[str]:
    match = re.search(r"^```[^\n]*\n(.*?)^```", markdown, re.S | re.M)
    assert match, "README.md has no code block"
    return [line.strip() for line in match.group(1).splitlines() if line.strip()]


def _commands(script: str) -> list[list[str]]:
    """The command lines of a shell script, without comments, blank lines and `set` options."""
    lines = [line.split("#", 1)[0].strip() for line in script.splitlines()]
    return [shlex.split(line) for line in lines if line and not line.startswith("set ")]


@pytest.mark.parametrize("doc", [README, FORMAT_DOC], ids=["README.md", "docs/format.md"])
def test_docs_readme_examples_are_current(doc, monkeypatch):
    # cog runs the document's blocks, which run the real CLI (on examples/corpus
    # for the README, on a short article for docs/format.md) and compare the
    # output with what the document shows
    monkeypatch.chdir(ROOT)
    name = doc.relative_to(ROOT).as_posix()
    regenerate = f".venv/bin/cog -r {name}"
    out, err = io.StringIO(), io.StringIO()
    cog = Cog()
    cog.set_output(stdout=out, stderr=err)
    with contextlib.redirect_stdout(out):
        status = cog.main(["cog", "--check", "--diff", f"--check-fail-msg=run: {regenerate}", name])
    assert status == 0, (
        f"{name} is out of date with what factionmap prints; regenerate it with `{regenerate}` "
        f"from the repository root and review the diff.\n{out.getvalue()}{err.getvalue()}"
    )


@pytest.mark.parametrize("expected", [["./scripts/demo", "./scripts/test"]])
def test_docs_readme_starts_with_the_two_commands(expected):
    text = README.read_text(encoding="utf-8")
    assert _first_code_block(text) == expected
    for command in expected:
        script = ROOT / command
        assert script.is_file() and os.access(script, os.X_OK), f"{command} is missing or not executable"


@pytest.mark.parametrize("ci, script", [(".ci/run", "scripts/test")])
def test_docs_ci_runs_the_readme_test_command(ci, script):
    commands = _commands((ROOT / ci).read_text(encoding="utf-8"))
    runs = [c for c in commands if script in c or f"./{script}" in c]
    assert runs, f"{ci} does not run {script}"
    assert commands[-1] in runs, f"{ci} must end by running {script} (its exit status is the run's)"
