"""The commands over fused facts, on the small Taliban story of conftest."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factionmap.cli.main import app

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


@pytest.fixture
def db(story_db) -> str:
    return story_db


def run(*args):
    return runner.invoke(app, list(args), env=WIDE)


def test_facts_lists_each_fact_with_its_interval_and_sources(db):
    result = run("facts", "Taliban", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Mullah Omar leads Taliban" in result.output and "until 2013" in result.output
    rows = json.loads(run("facts", "--db", db, "--json").output)
    assert {r["type"] for r in rows} >= {"LEADERSHIP", "SUCCESSION", "PLEDGE", "ALLIANCE", "RIVALRY"}
    assert all(r["id"].startswith("f-") and r["documents"] >= 1 for r in rows)


def test_facts_known_on_and_on(db):
    known = json.loads(run("facts", "--known-on", "2015-07-31", "--db", db, "--json").output)
    assert {r["type"] for r in known} == {"LEADERSHIP", "DEATH", "SUCCESSION"}
    on = json.loads(run("facts", "Taliban", "--type", "LEADERSHIP", "--on", "2016-01-01", "--db", db, "--json").output)
    assert on == []  # Omar had died; Mansour's leadership is known only as a succession here


def test_evidence_of_a_fact(db):
    fact = next(r for r in json.loads(run("facts", "--db", db, "--json").output) if r["type"] == "PLEDGE")
    result = run("evidence", fact["id"], "--db", db)
    assert result.exit_code == 0, result.output
    assert "Zawahiri pledged allegiance to Mansour." in result.output and "Reuters" in result.output


def test_evidence_of_an_unknown_fact_is_one_line_error(db):
    result = run("evidence", "f-0000000000", "--db", db)
    assert result.exit_code == 1 and "f-0000000000" in result.output


def test_leader_known_on_gives_what_could_be_known(db):
    plain = run("leader", "Taliban", "--on", "2014-06-01", "--db", db)
    assert "Taliban on 2014-06-01: unknown" in plain.output
    early = run("leader", "Taliban", "--on", "2014-06-01", "--known-on", "2015-01-01", "--db", db)
    assert early.exit_code == 0 and "unknown" in early.output  # nothing published yet in this store


def test_conflicts_and_changes(db):
    assert run("conflicts", "--db", db).output.strip() == "no conflicts"
    changed = json.loads(run("changes", "--since", "2000-01-01", "--db", db, "--json").output)
    assert changed and {c["change"] for c in changed} == {"new"}
    assert json.loads(run("changes", "--since", "2999-01-01", "--db", db, "--json").output) == []


def test_network_table(db):
    result = run("network", "--on", "2016-01-01", "--db", db)
    assert result.exit_code == 0, result.output
    assert "RIVALRY" in result.output and "Islamic State Khorasan" in result.output


def test_network_unknown_format_is_an_error(db):
    result = run("network", "--format", "png", "--db", db)
    assert result.exit_code == 2 and "png" in result.output


def test_network_svg_size_and_a_bad_size(db, tmp_path):
    out = tmp_path / "n.svg"
    result = run("network", "--format", "svg", "--size", "1600x1100", "--output", str(out), "--db", db)
    assert result.exit_code == 0 and 'width="1600"' in out.read_text()
    bad = run("network", "--format", "svg", "--size", "big", "--db", db)
    assert bad.exit_code == 2 and "E406" in bad.output
