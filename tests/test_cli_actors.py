"""`factionmap actors`: the listing as before, and merge / split / undo / edits."""

import json

import pytest
import typer.main
from typer.testing import CliRunner

from factionmap.cli.main import app

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


@pytest.fixture
def db(story_db) -> str:
    return story_db


def run(*args: str):
    return runner.invoke(app, list(args), env=WIDE)


def test_cli_actors_group_and_subcommands_have_help():
    group = typer.main.get_command(app).commands["actors"]
    assert group.help
    for name, command in group.commands.items():
        assert command.help, f"actors {name} has no help"
        for param in command.params:
            assert getattr(param, "help", None), f"actors {name} {param.name} has no help"


@pytest.mark.parametrize("args, ids", [
    (["actors", "--search", "taliban"], ["taliban", "ttp"]),
    (["actors"], ["taliban", "aq", "iskp", "omar", "mansour", "zawahiri", "place:nangarhar", "ttp"]),
])
def test_cli_actors_listing_unchanged(db, args, ids):
    result = run(*args, "--db", db, "--json")
    assert result.exit_code == 0
    assert [row["id"] for row in json.loads(result.stdout)] == ids
    table = run(*args, "--db", db).stdout
    assert table.splitlines()[1].split() == ["┃", "id", "┃", "name", "┃", "kind", "┃", "country", "┃",
                                             "claims", "┃", "aliases", "┃"]


def test_cli_actors_merge_edits_undo(db):
    merged = run("actors", "merge", "Mullah Omar", "Akhtar Mansour", "--by", "analyst",
                 "--note", "one man", "--db", db)
    assert (merged.exit_code, merged.stdout) == (0, "e-1: merge omar into mansour; 3 claim arguments moved\n")
    listed = run("actors", "--search", "omar", "--db", db, "--json")
    assert [row["id"] for row in json.loads(listed.stdout)] == ["mansour"]
    edits = json.loads(run("actors", "edits", "--db", db, "--json").stdout)
    assert [(e["label"], e["action"], e["who"], e["note"], e["undone_at"]) for e in edits] == [
        ("e-1", "merge", "analyst", "one man", None)]
    table = run("actors", "edits", "--db", db).stdout
    assert "e-1" in table and "analyst" in table and "one man" in table
    undone = run("actors", "undo", "e-1", "--db", db)
    assert (undone.exit_code, undone.stdout) == (
        0, "undone e-1 (merge omar into mansour); 3 claim arguments restored\n")
    assert run("actors", "edits", "--db", db, "--json").stdout.count('"undone_at": null') == 0


def test_cli_actors_split(db):
    result = run("actors", "split", "mansour", "--mention", "Mansour", "--into", "Mansour Dadullah",
                 "--db", db)
    assert (result.exit_code, result.stdout) == (
        0, "e-1: split 'Mansour' off mansour as new:mansour-dadullah; 1 claim argument moved\n")
    timeline = run("timeline", "new:mansour-dadullah", "--db", db).stdout
    assert "[c-000004]" in timeline


@pytest.mark.parametrize("args, code", [
    (["actors", "merge", "Nonexistent Brigade", "Taliban"], "E401"),
    (["actors", "merge", "Taliban", "the Taliban"], "E601"),
    (["actors", "merge", "Taliban", "Mullah Omar"], "E602"),
    (["actors", "split", "mansour", "--mention", "Abu Bakr"], "E603"),
    (["actors", "undo", "e-7"], "E606"),
])
def test_cli_actors_bad_input_is_one_line_and_exit_1(db, args, code):
    result = run(*args, "--db", db)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ") and f"[{code}]" in result.stderr


def test_cli_actors_undo_twice_exit_1(db):
    run("actors", "merge", "omar", "mansour", "--db", db)
    assert run("actors", "undo", "e-1", "--db", db).exit_code == 0
    again = run("actors", "undo", "e-1", "--db", db)
    assert again.exit_code == 1 and "[E607]" in again.stderr
