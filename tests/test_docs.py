"""The README and docs cannot go stale: their examples are cog output (set up by docs/_cog.py), the
README's first commands set everything up, and the README stays a short front page whose links work.

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
COMMANDS_DOC = ROOT / "docs" / "commands.md"  # every command with its output, made by cog
DATASETS_DOC = ROOT / "docs" / "datasets.md"  # dataset imports, on examples/datasets, made by cog
SQL_DOC = ROOT / "docs" / "sql.md"  # the SQL views, pandas and Datasette, made by cog
GRAPHS_DOC = ROOT / "docs" / "graphs.md"  # the graph files in networkx and Gephi, made by cog
WEB_DOC = ROOT / "docs" / "web.md"  # the HTTP API's answers, made by cog
README_MAX_LINES = 250  # a front page; the reference is in docs/


def _first_code_block(markdown: str) -> list[str]:
    match = re.search(r"^```[^\n]*\n(.*?)^```", markdown, re.S | re.M)
    assert match, "README.md has no code block"
    return [line.strip() for line in match.group(1).splitlines() if line.strip()]


def _commands(script: str) -> list[list[str]]:
    """The command lines of a shell script, without comments, blank lines and `set` options."""
    lines = [line.split("#", 1)[0].strip() for line in script.splitlines()]
    return [shlex.split(line) for line in lines if line and not line.startswith("set ")]


def _relative_links(markdown: str) -> list[str]:
    """The targets of the document's links and images that are not URLs or anchors, outside code."""
    prose = re.sub(r"^```.*?^```|<!--.*?-->|`[^`\n]*`", "", markdown, flags=re.S | re.M)
    targets = re.findall(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)", prose)
    return [t for t in targets if not re.match(r"[a-z][a-z0-9+.-]*:|#", t, re.I)]


@pytest.mark.parametrize(
    "doc", [README, FORMAT_DOC, COMMANDS_DOC, DATASETS_DOC, SQL_DOC, GRAPHS_DOC, WEB_DOC],
    ids=["README.md", "docs/format.md", "docs/commands.md", "docs/datasets.md", "docs/sql.md", "docs/graphs.md",
         "docs/web.md"]
)
def test_docs_readme_examples_are_current(doc, monkeypatch):
    # cog runs the document's blocks, which run the real CLI (on examples/corpus
    # for the README and docs/commands.md, set up by docs/_cog.py; on a short
    # article for docs/format.md) and compare the output with what the document shows
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


def test_docs_readme_is_a_short_front_page():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_MAX_LINES, (
        f"README.md has {len(lines)} lines; keep it under {README_MAX_LINES} "
        "and put the reference in docs/ (commands.md, format.md, architecture.md, quality.md)"
    )


def test_docs_readme_relative_links_point_at_files_that_exist():
    links = _relative_links(README.read_text(encoding="utf-8"))
    assert links, "README.md links to nothing in the repository"
    missing = [link for link in links if not (ROOT / link.split("#", 1)[0]).exists()]
    assert not missing, f"README.md links to files that do not exist: {missing}"
