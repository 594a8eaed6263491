"""`--json` on every command: one JSON value on stdout, the answer or `{"error": {...}}`
with the code, the message and the exit status; and a locked store is a one-line error."""

from __future__ import annotations

import json
import sqlite3

import pytest
import typer
from conftest import AQ, TALIBAN, claim, document
from typer.testing import CliRunner

from factionmap.cli.main import app, main
from factionmap.store.sqlite import Store

runner = CliRunner()

# the arguments each command needs to get as far as opening its store
NEEDS = {
    "leader": ["Taliban"], "relations": ["Taliban"], "timeline": ["Taliban"], "explain": ["c-000001"],
    "evidence": ["c-000001"], "eval": ["gold.json"], "actors merge": ["a", "b"],
    "actors split": ["a", "--mention", "b"], "actors undo": ["e-1"], "changes": ["--since", "2026-01-01"],
    "export": ["--output", "out.jsonl"], "import": ["gtd", "file.csv"],
}
CREATES = {"ingest", "demo", "import"}  # the commands that make a store


def _commands(group=None, path=()) -> list[tuple[str, object]]:
    group = group or typer.main.get_command(app)
    found = []
    for name, command in group.commands.items():
        found.append((" ".join((*path, name)), command))
        if hasattr(command, "commands"):
            found.extend(_commands(command, (*path, name)))
    return found


COMMANDS = _commands()


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_takes_json(name, command):
    assert any("--json" in p.opts for p in command.params), f"`factionmap {name}` has no --json"


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS if n not in CREATES and n != "actors"])
def test_every_command_fails_as_one_json_error_object(name, tmp_path):
    missing = tmp_path / "missing.db"
    result = runner.invoke(app, [*name.split(), *NEEDS.get(name, []), "--db", str(missing), "--json"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout) == {"error": {
        "code": "E305", "exit_status": 1,
        "message": f"no store at {missing}; run `factionmap ingest` first (only ingest creates a store)"}}
    assert result.stderr == ""
    assert not missing.exists()


def test_actors_listing_fails_as_json_too(tmp_path):
    result = runner.invoke(app, ["actors", "--db", str(tmp_path / "none.db"), "--json"])
    assert result.exit_code == 1 and json.loads(result.stdout)["error"]["code"] == "E305"


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "j.db")
    with Store.open(path) as store:
        store.add_document(document("d-1", "2015-08-14", outlet="Wire"), [
            claim("ALLIANCE", "d-1", ("2015", None, "year"), a=TALIBAN, b=AQ)])
    return path


@pytest.mark.parametrize("args, code, status", [
    (["leader", "Talibn"], "E401", 1),
    (["facts", "--type", "ALLY"], "E407", 2),
    (["leader", "Taliban", "--on", "2015-13-01"], "E403", 2),
    (["network", "--format", "gexf"], "E411", 2),
    (["export", "--what", "fact", "-o", "x.csv"], "E407", 2),
])
def test_usage_and_query_errors_under_json(db, args, code, status):
    result = runner.invoke(app, [*args, "--db", db, "--json"])
    assert result.exit_code == status
    error = json.loads(result.stdout)["error"]
    assert error["code"] == code and error["exit_status"] == status and "\n" not in error["message"]


def test_answers_are_never_error_objects(db):
    for args in (["facts"], ["network"], ["relations", "Taliban"], ["map"], ["actors"]):
        data = json.loads(runner.invoke(app, [*args, "--db", db, "--json"]).stdout)
        assert not (isinstance(data, dict) and "error" in data)
    graph = json.loads(runner.invoke(app, ["network", "--db", db, "--json"]).stdout)
    assert [e["type"] for e in graph["edges"]] == ["ALLIANCE"]


@pytest.mark.parametrize("argv, message", [
    (["leader", "--json"], "Missing argument 'org'."),
    (["leader", "Taliban", "--json", "--bogus"], "No such option: --bogus"),
])
def test_mistakes_typer_finds_are_json_errors_too(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert json.loads(capsys.readouterr().out) == {"error": {"code": "E400", "message": message, "exit_status": 2}}


def test_ingest_json_lists_each_failure_as_an_object(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("The Taliban and al-Qaeda have long been allies, officials said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "i.db"),
                                 "--published", "2015-08-14", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["documents"] == 1 and data["failed"] == [
        {"source": str(tmp_path / "empty.txt"), "code": "E101", "message": "file is empty; nothing to read"}]


def test_a_locked_store_is_a_one_line_error_not_a_wait_or_a_traceback(db, monkeypatch):
    monkeypatch.setattr("factionmap.store.sqlite.BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = runner.invoke(app, ["facts", "--db", db])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: cannot open the store {db}: database is locked")
        assert result.stderr.rstrip().endswith("[E306]") and len(result.stderr.splitlines()) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert runner.invoke(app, ["facts", "--db", db]).exit_code == 0  # free again


def test_a_store_being_written_can_still_be_read(db):
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of storing a document
    try:
        result = runner.invoke(app, ["facts", "--db", db, "--json"])
        assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    finally:
        writer.execute("ROLLBACK")
        writer.close()
