"""A careful command line (issue 12): each mistake is one coded line and the right exit
status, never a traceback, and a query never creates an empty store."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from factionmap import __version__
from factionmap.cli.main import app
from factionmap.store.sqlite import Store


def _db(tmp_path, kind: str) -> str:
    path = tmp_path / "fm.db"
    if kind == "text file":
        path.write_text("these are notes, not a database\n", encoding="utf-8")
    elif kind == "folder":
        path.mkdir()
    elif kind == "missing folder":
        path = tmp_path / "no" / "such" / "fm.db"
    elif kind == "newer schema":
        with Store.open(path) as store:
            store.connection.execute("PRAGMA user_version = 999")
    return str(path)


@pytest.mark.parametrize("args, kind, message, code", [
    (["leader", "Taliban"], "missing", r"^error: no store at \S+fm\.db; run `factionmap ingest` first", "E305"),
    (["facts"], "missing", r"^error: no store at \S+fm\.db;", "E305"),
    (["actors", "edits"], "missing", r"^error: no store at \S+fm\.db;", "E305"),
    (["leader", "Taliban"], "missing folder", r"^error: no store at \S+/no/such/fm\.db;", "E305"),
    (["ingest", "README.md"], "missing folder", r"^error: cannot open the store \S+fm\.db: the folder \S+/no/such does not exist", "E306"),
    (["leader", "Taliban"], "text file", r"^error: cannot open the store \S+fm\.db: file is not a database", "E306"),
    (["ingest", "README.md"], "text file", r"^error: cannot open the store \S+fm\.db: file is not a database", "E306"),
    (["leader", "Taliban"], "folder", r"^error: cannot open the store \S+fm\.db: it is a folder", "E306"),
    (["leader", "Taliban"], "newer schema", r"^error: database \S+fm\.db has schema version 999, newer than", "E301"),
])
def test_a_bad_store_is_one_coded_line_and_exit_1(tmp_path, args, kind, message, code):
    db = _db(tmp_path, kind)
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and re.search(message, lines[0]) and lines[0].endswith(f"[{code}]"), lines
    if kind == "missing":
        assert not (tmp_path / "fm.db").exists()  # a query creates nothing


def test_version_prints_the_package_and_rules_versions():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert re.fullmatch(rf"factionmap {re.escape(__version__)} \(rules \S+\)\n", result.stdout)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """A store with one document: the option checks come before any work on it."""
    from factionmap.api import ingest_paths

    folder = tmp_path_factory.mktemp("one")
    (folder / "a.txt").write_text("Al-Shabaab is allied with al-Qaeda, the group said on Sunday.", encoding="utf-8")
    db = folder / "fm.db"
    ingest_paths([folder], db, published="2016-05-01")
    return str(db)


@pytest.mark.parametrize("args, message, code", [
    (["changes", "--since", "yesterday"], "'yesterday' is not a date or time", "E409"),
    (["changes", "--since", "2026-13-01"], "'2026-13-01' is not a date or time", "E409"),
    (["leader", "Taliban", "--on", "2015-02-30"], "'2015-02-30' is not a date", "E403"),
    (["relations", "al-Shabaab", "--known-on", "soon"], "'soon' is not a date", "E403"),
    (["facts", "--on", "last week"], "'last week' is not a date", "E403"),
    (["network", "--types", "ALLY"], "unknown --types value 'ALLY' (did you mean ALLIANCE?); expected one of: ALLIANCE,",
     "E407"),
    (["facts", "--type", "FOO"], "unknown --type value 'FOO'; expected one of: ALLIANCE,", "E407"),
    (["facts", "--type", "attak"], "unknown --type value 'attak' (did you mean ATTACK?)", "E407"),
    (["network", "--region", "XX"], "unknown region 'XX'; give an ISO country code", "E408"),
    (["network", "--region", "Atlantis"], "unknown region 'Atlantis'", "E408"),
    (["export", "--what", "event"], "unknown --what value 'event' (did you mean events?)", "E407"),
    (["export", "--format", "xlsx"], "unsupported export format 'xlsx' (expected: jsonl, csv, parquet)", "E404"),
    (["export", "--format", "parquet"], "--format parquet needs --output FILE", "E411"),
    (["export", "--what", "actors", "--on", "2016"], "--on applies to facts, events and relations", "E410"),
])
def test_a_bad_option_value_is_one_coded_line_and_exit_2(small_store, args, message, code):
    result = CliRunner().invoke(app, [*args, "--db", small_store])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {message}") and lines[0].endswith(f"[{code}]"), lines


@pytest.mark.parametrize("args", [
    ["changes", "--since", "2026-11-26"], ["changes", "--since", "2026-11-26T10:00:00"], ["changes", "--since", "2026"],
    ["network", "--types", "alliance"], ["network", "--region", "so"], ["network", "--region", "Somalia"],
    ["facts", "--type", "ALLIANCE", "--on", "2016-06"], ["network", "--json"],
    ["export", "--what", "events", "--format", "csv"], ["export", "--what", "facts", "--on", "2016-06"],
])
def test_good_option_values_pass_the_checks(small_store, args):
    result = CliRunner().invoke(app, [*args, "--db", small_store])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name, line", [
    ("al-Shabaaab", "error: no actor matches 'al-Shabaaab' (did you mean al-Shabaab?) [E401]"),
    ("Al Qaida", None),  # an alias once normalized: found, no error
    ("Zzyzx", "error: no actor matches 'Zzyzx' [E401]"),
])
def test_an_unknown_actor_gets_the_nearest_names(small_store, name, line):
    result = CliRunner().invoke(app, ["relations", name, "--db", small_store])
    if line is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    assert [x for x in result.stderr.splitlines() if x.strip()] == [line]


def test_a_mistyped_option_names_the_option_meant(small_store):
    result = CliRunner().invoke(app, ["facts", "--typ", "ALLIANCE", "--db", small_store])
    assert result.exit_code == 2
    assert "No such option: --typ" in result.stderr and "--type" in result.stderr.split("--typ", 1)[1]
