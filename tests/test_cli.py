import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer.main
from conftest import add_taliban_story
from typer.testing import CliRunner

from factionmap import api
from factionmap.cli.main import app
from factionmap.export.claims import export_claims
from factionmap.model import IngestError
from factionmap.store.sqlite import Store

runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # tables on one line each, whatever the terminal


@pytest.fixture
def db(story_db) -> str:
    return story_db


def run(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env={**WIDE, **(env or {})})


def test_cli_every_command_and_option_has_help():
    group = typer.main.get_command(app)
    assert group.help
    for name, command in group.commands.items():
        assert command.help, f"command {name} has no help"
        for param in command.params:  # typer gives arguments a help text too
            assert getattr(param, "help", None), f"{name} {param.name} has no help"


@pytest.mark.parametrize("on", ["2015-09-01"])
def test_cli_leader_answers_with_pledges(db, on):
    result = run("leader", "Taliban", "--on", on, "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Taliban on 2015-09-01: Akhtar Mansour"
    assert lines[1] == "  pledged to Akhtar Mansour: Ayman al-Zawahiri (for al-Qaeda) 2015-08-13 [c-000004]"
    assert "deceased on 2013" in result.stdout


def test_cli_leader_json(db):
    result = run("leader", "Taliban", "--on", "2012-06-01", "--db", db, "--json")
    data = json.loads(result.stdout)
    assert data["leader"]["name"] == "Mullah Omar" and data["uncertain"] is True


def test_cli_db_from_environment(db):
    result = run("leader", "Taliban", "--on", "2015-09-01", env={"FACTIONMAP_DB": db})
    assert result.stdout.startswith("Taliban on 2015-09-01: Akhtar Mansour")


@pytest.mark.parametrize("args, code, status", [
    (["leader", "Hezbollah"], "E401", 1),
    (["leader", "Taliban", "--on", "Sept 2015"], "E403", 2),  # a usage mistake
    (["evidence", "c-999999"], "E402", 1),
    (["export", "--format", "xlsx"], "E404", 2),
])
def test_cli_library_error_is_one_line_and_exit_1_or_2_for_usage(db, args, code, status):
    result = run(*args, "--db", db)
    assert result.exit_code == status
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ") and f"[{code}]" in result.stderr


@pytest.mark.parametrize("on, present, absent", [
    (None, ["AFFILIATION", "ALLIANCE", "RIVALRY", "al-Qaeda", "(time unknown)"], []),
    # an undated alliance holds from its first evidence (published 2015-08-14): not yet in 2014
    ("2014-06-01", ["AFFILIATION"], ["RIVALRY", "ALLIANCE"]),
    ("2015-09-01", ["AFFILIATION", "ALLIANCE", "RIVALRY"], []),
])
def test_cli_relations_on(db, on, present, absent):
    result = run("relations", "Taliban", "--db", db, *(["--on", on] if on else []))
    assert result.exit_code == 0
    assert all(t in result.stdout for t in present) and not any(t in result.stdout for t in absent)


def test_cli_timeline_lines(db):
    result = run("timeline", "Omar", "--db", db)
    assert result.stdout.splitlines() == [
        "2013 DEATH Mullah Omar died (announced 2015-07-29)  [c-000002]",
        "2015-07 SUCCESSION Akhtar Mansour leads Taliban after Mullah Omar  [c-000003]",
        "? LEADERSHIP Mullah Omar leads Taliban (leader)  [c-000001]",
    ]


def test_cli_evidence_shows_sentence_and_source(db):
    result = run("evidence", "c-000004", "--db", db)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("c-000004 PLEDGE pledger=Ayman al-Zawahiri, to=Akhtar Mansour")
    assert "d-2 (Reuters, 2015-08-14)" in result.stdout
    assert "  sentence 0: Zawahiri pledged allegiance to Mansour." in result.stdout


def test_cli_actors_search(db):
    result = run("actors", "--search", "taliban", "--db", db, "--json")
    assert [row["id"] for row in json.loads(result.stdout)] == ["taliban", "ttp"]
    table = run("actors", "--search", "taliban", "--db", db).stdout
    assert "Pakistani Taliban" in table and "Zawahiri" not in table


def test_cli_map_groups_then_relations(db):
    result = run("map", "--on", "2015-09-01", "--db", db)
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("Groups (leaders on 2015-09-01)") < out.index("Relations")
    assert "Akhtar Mansour" in out and "Ayman al-Zawahiri → Akhtar Mansour (for al-Qaeda)" in out
    assert "since 2015-06" in out


def test_cli_export_jsonl_stdout_and_file(db, tmp_path):
    result = run("export", "--format", "jsonl", "--db", db)
    with Store.open(db) as store:
        expected = list(export_claims(store))
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected
    out = tmp_path / "claims.jsonl"
    result = run("export", "--output", str(out), "--db", db)
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == len(expected)


def _fake_ingest(calls: list, report: api.IngestReport):
    def ingest_paths(paths, db_path, published=None, on_progress=None, on_error=None):
        calls.append((list(paths), str(db_path), published))
        if on_progress:
            on_progress(1, 1, str(paths[0]))
        for failure in report.failed if on_error else ():  # told as they happen
            on_error(failure)
        return report
    return ingest_paths


def test_cli_ingest_reports_skips_failures_and_exit_status(db, monkeypatch, tmp_path):
    report = api.IngestReport(documents=2, claims=7, skipped=(("a.txt", "d-1"),),
                              failed=(IngestError("b.bin", "file looks binary", "E102"),))
    calls: list = []
    monkeypatch.setattr(api, "ingest_paths", _fake_ingest(calls, report))
    result = run("ingest", str(tmp_path), "--published", "2015-08-14", "--db", db)
    assert result.exit_code == 1
    assert calls == [([str(tmp_path)], db, "2015-08-14")]
    assert result.stdout.splitlines() == ["skipped a.txt: already stored as d-1",
                                          "2 documents, 7 claims, 1 skipped, 1 failed"]
    assert "b.bin: file looks binary [E102]" in result.stderr


def test_cli_ingest_success_exit_0(db, monkeypatch, tmp_path):
    monkeypatch.setattr(api, "ingest_paths", _fake_ingest([], api.IngestReport(documents=1, claims=3)))
    result = run("ingest", str(tmp_path), "--db", db)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["1 documents, 3 claims, 0 skipped, 0 failed"]


def test_cli_demo_ingests_example_corpus_then_prints_map(monkeypatch, tmp_path):
    calls: list = []

    def ingest_paths(paths, db_path, published=None, on_progress=None, on_error=None):
        calls.append(list(paths))
        with Store.open(db_path) as store:
            add_taliban_story(store)
        return api.IngestReport(documents=3, claims=9)

    monkeypatch.setattr(api, "ingest_paths", ingest_paths)
    result = run("demo", "--db", str(tmp_path / "demo.db"))
    assert result.exit_code == 0, result.output
    assert Path(calls[0][0]).parts[-2:] == ("examples", "corpus")
    assert result.stdout.splitlines()[0] == "3 documents, 9 claims, 0 skipped, 0 failed"
    assert "Akhtar Mansour" in result.stdout and "Relations" in result.stdout


def test_cli_eval_prints_scores(db, monkeypatch, tmp_path):
    score = SimpleNamespace(tp=3, fp=1, fn=1, precision=0.75, recall=0.75, f1=0.75)
    report = SimpleNamespace(overall=score, per_type={"PLEDGE": score}, time_agreement=SimpleNamespace(share=0.5),
                             modality_agreement=SimpleNamespace(share=None), misses=["ALLIANCE aq taliban"],
                             extras=[], to_dict=lambda: {"overall": {"f1": 0.75}})
    seen = []
    monkeypatch.setattr("factionmap.evaluate.evaluate_store", lambda store, paths: seen.append(paths) or report)
    gold = tmp_path / "gold.json"
    result = run("eval", str(gold), "--db", db)
    assert result.exit_code == 0, result.output
    assert seen == [[str(gold)]]
    assert "PLEDGE" in result.stdout and "overall" in result.stdout and "0.75" in result.stdout
    assert "time agreement: 0.50" in result.stdout and "modality agreement: n/a" in result.stdout
    assert "miss: ALLIANCE aq taliban" in result.stdout
    assert json.loads(run("eval", str(gold), "--db", db, "--json").stdout) == {"overall": {"f1": 0.75}}
