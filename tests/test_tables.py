"""The flat tables (claims, facts, events, relations, actors, evidence): the rows each one
holds, and the same rows through CSV, JSON Lines, Parquet and pandas, from the library
(`api.facts`, `api.events`, `api.table`) and from `factionmap export --what`."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from conftest import AQ, MANSOUR, TALIBAN, ZAWAHIRI, claim, document, org, place
from typer.testing import CliRunner

from factionmap import api
from factionmap.cli.main import app
from factionmap.errors import FactionmapError
from factionmap.export.tabular import Column, Table, write_csv, write_jsonl, write_parquet
from factionmap.model import Entity
from factionmap.query.fused import list_facts
from factionmap.query.tables import COLUMNS, TABLES
from factionmap.store.sqlite import Store

KABUL = Entity("place:kabul", "Kabul", "place", ("Kabul",), "AF", None, 34.53, 69.17)
ISIS = org("islamic-state", "Islamic State", "ISIS")
JFS = org("jfs", "Jabhat Fateh al-Sham")
NUSRA = org("nusra", "Nusra Front")
HTS = org("hts", "Hayat Tahrir al-Sham")


def _fill(store: Store) -> None:
    """Two reports of one Kabul bombing (the later with a higher toll), an alliance, a pledge,
    a leadership and a merger, each from documents with an outlet, a URL and a date."""
    bombing = dict(place=KABUL, perpetrator=ISIS, attack_type="suicide bombing", claimed=True)
    store.add_document(document("d-1", "2021-08-27", url="https://example.org/wire/1", outlet="Wire"), [
        claim("ATTACK", "d-1", ("2021-08-26", "2021-08-26", "day"), killed=60, sentence="A bomb killed 60.",
              **bombing),
        claim("ALLIANCE", "d-1", ("2015", None, "year"), a=TALIBAN, b=AQ),
    ])
    store.add_document(document("d-2", "2021-08-29", url="https://example.org/post/2", outlet="Post"), [
        claim("ATTACK", "d-2", ("2021-08-26", "2021-08-26", "day"), killed=170, wounded=200,
              sentence="The toll rose to 170.", **bombing),
        claim("PLEDGE", "d-2", ("2015-08-13", "2015-08-13", "day"), pledger=ZAWAHIRI, to=MANSOUR, on_behalf_of=AQ),
        claim("LEADERSHIP", "d-2", ("2015-07", None, "month"), leader=MANSOUR, org=TALIBAN, role="emir"),
        claim("MERGER", "d-2", ("2017-01-28", "2017-01-28", "day"), parts=(JFS, NUSRA), result=HTS),
    ])


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "tables.db")
    with Store.open(path) as store:
        _fill(store)
    return path


def test_events_one_row_an_incident_with_the_latest_toll_and_the_first_source(db):
    events = api.events(db).to_dicts()
    assert len(events) == 1
    e = events[0]
    assert (e["event_date"], e["date_precision"], e["event_type"], e["attack_type"]) == (
        "2021-08-26", "day", "ATTACK", "suicide bombing")
    assert (e["actor1"], e["actor1_id"], e["location"], e["country_iso"]) == ("Islamic State", "islamic-state",
                                                                              "Kabul", "AF")
    assert (e["latitude"], e["longitude"]) == (34.53, 69.17)
    assert (e["fatalities"], e["wounded"], e["claimed"]) == (170, 200, True)  # the later report's toll
    assert (e["documents"], e["evidence"], sorted(e["outlets"])) == (2, 2, ["Post", "Wire"])
    assert (e["first_url"], e["first_outlet"], e["first_published"]) == ("https://example.org/wire/1", "Wire",
                                                                         "2021-08-27")
    assert e["quote"] == "A bomb killed 60."


def test_relations_directed_or_not_with_roles_and_a_row_per_merged_part(db):
    rows = api.table("relations", db).to_dicts()
    by_type: dict[str, list[dict]] = {}
    for r in rows:
        by_type.setdefault(r["type"], []).append(r)
    (alliance,) = by_type["ALLIANCE"]
    assert alliance["directed"] is False and {alliance["source"], alliance["target"]} == {"taliban", "aq"}
    (leads,) = by_type["LEADERSHIP"]
    assert (leads["source"], leads["target"], leads["role"], leads["start"]) == ("mansour", "taliban", "emir",
                                                                                "2015-07")
    assert sorted((r["source"], r["target"]) for r in by_type["MERGER"]) == [("jfs", "hts"), ("nusra", "hts")]
    (pledge,) = by_type["PLEDGE"]  # a pledge's sides may be people
    assert (pledge["source"], pledge["target"], pledge["directed"]) == ("zawahiri", "mansour", True)
    assert all(r["evidence"] >= 1 and r["documents"] >= 1 for r in rows)


def test_facts_table_is_what_list_facts_answers(db):
    table = api.facts(db)
    with Store.open(db, create=False) as store:
        ids = [f.id for f in list_facts(store)]
    assert [r["fact_id"] for r in table] == ids
    assert api.facts(db, "Taliban", on="2016-01-01").column_names == [c.name for c in COLUMNS["facts"]]
    assert {r["type"] for r in api.facts(db, types=["ATTACK"])} == {"ATTACK"}


def test_known_on_keeps_only_what_was_published_by_then(db):
    (event,) = api.events(db, known_on="2021-08-28").to_dicts()
    assert (event["fatalities"], event["documents"]) == (60, 1)
    assert api.events(db, known_on="2021-01-01").to_dicts() == []


def test_every_evidence_row_names_its_document_url_outlet_and_date(db):
    rows = api.table("evidence", db).to_dicts()
    assert len(rows) == 6
    assert all(r["url"].startswith("https://example.org/") and r["outlet"] in ("Wire", "Post") and r["published"]
               for r in rows)
    assert all(r["fact_id"] for r in rows if r["type"] != "PLEDGE")


def test_pandas_dtypes_keep_missing_counts_as_missing(db):
    frame = api.events(db).to_pandas()
    assert str(frame["fatalities"].dtype) == "Int64" and str(frame["claimed"].dtype) == "boolean"
    claims = api.table("claims", db).to_pandas()
    assert len(claims) == 6 and claims["published"].notna().all()
    assert json.loads(claims.loc[claims["type"] == "MERGER", "args_json"].iloc[0])["result"]["id"] == "hts"


def test_csv_jsonl_and_parquet_hold_the_same_rows(db, tmp_path):
    table = api.facts(db)
    text = io.StringIO()
    write_csv(table, text)
    reader = csv.DictReader(io.StringIO(text.getvalue()))
    rows = list(reader)
    assert reader.fieldnames == table.column_names and len(rows) == len(table)
    lines = io.StringIO()
    write_jsonl(table, lines)
    objects = [json.loads(line) for line in lines.getvalue().splitlines()]
    assert objects == table.to_dicts()
    write_parquet(table, tmp_path / "f.parquet")
    read = pq.read_table(tmp_path / "f.parquet")
    assert read.column_names == table.column_names and read.num_rows == len(table)
    assert read.to_pylist() == table.to_dicts()
    for row, obj in zip(rows, objects):  # CSV: lists joined with "; ", a missing value empty
        assert row["outlets"] == "; ".join(obj["outlets"])
        assert row["end"] == (obj["end"] or "")


def test_a_table_refuses_undeclared_columns_and_unknown_kinds():
    with pytest.raises(ValueError, match="not declared"):
        Table("t", (Column("a"),), [{"a": 1, "b": 2}])
    with pytest.raises(ValueError, match="kind"):
        Column("a", "date")


def test_tables_without_dates_refuse_on(db):
    with pytest.raises(FactionmapError) as info:
        api.table("actors", db, on="2015")
    assert info.value.code == "E410"
    with pytest.raises(FactionmapError) as info:
        api.table("faction", db)
    assert info.value.code == "E407"


runner = CliRunner()


@pytest.mark.parametrize("what", sorted(TABLES))
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_exports_every_table_in_every_format(db, tmp_path, what, fmt):
    out = tmp_path / f"{what}.{fmt}"
    result = runner.invoke(app, ["export", "--what", what, "--format", fmt, "-o", str(out), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    expected = len(api.table(what, db))
    assert summary == {"what": what, "format": fmt, "rows": expected, "output": str(out)}
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == expected
    elif fmt == "csv":
        header = out.read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [c.name for c in COLUMNS[what]]
    else:
        assert len(out.read_text(encoding="utf-8").splitlines()) == expected


def test_cli_claims_jsonl_stays_the_ontology_shape_with_sources(db):
    result = runner.invoke(app, ["export", "--db", db])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 6 and set(records[0]) == {"id", "type", "args", "time", "modality", "negated",
                                                     "attribution", "confidence", "evidence"}
    assert {e["outlet"] for r in records for e in r["evidence"]} == {"Wire", "Post"}


@pytest.mark.parametrize("args, code, message", [
    (["--what", "fact"], "E407", "unknown --what value 'fact' (did you mean facts?); expected one of: "),
    (["--format", "parquet"], "E411", "--format parquet needs --output FILE"),
    (["--what", "actors", "--on", "2015"], "E410", "--on applies to facts, events and relations; the actors"),
    (["--format", "xlsx"], "E404", "unsupported export format 'xlsx' (expected: jsonl, csv, parquet)"),
])
def test_cli_export_mistakes(db, args, code, message):
    result = runner.invoke(app, ["export", *args, "--db", db])
    assert result.exit_code == 2
    assert message in result.stderr and f"[{code}]" in result.stderr and len(result.stderr.splitlines()) == 1


def test_cli_export_csv_to_stdout_filters_by_actor_and_type(db):
    result = runner.invoke(app, ["export", "--what", "facts", "--format", "csv", "--actor", "Taliban",
                                 "--type", "ALLIANCE", "--db", db])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["type"] for r in rows] == ["ALLIANCE"] and rows[0]["first_outlet"] == "Wire"


def test_an_event_without_a_date_or_coordinates_leaves_them_empty(tmp_path):
    path = str(tmp_path / "p.db")
    somewhere = place("place:ghazni", "Ghazni", "AF")
    with Store.open(path) as store:
        store.add_document(document("d-9", "2019"), [claim("ATTACK", "d-9", place=somewhere)])
    (event,) = api.events(path).to_dicts()
    assert (event["location"], event["country_iso"], event["latitude"], event["event_date"]) == (
        "Ghazni", "AF", None, None)
    assert event["actor1"] is None and event["fatalities"] is None


@pytest.mark.parametrize("what", sorted(COLUMNS))
def test_every_column_is_documented_and_named_once(what):
    names = [c.name for c in COLUMNS[what]]
    assert len(names) == len(set(names))
    assert all(c.doc for c in COLUMNS[what]), [c.name for c in COLUMNS[what] if not c.doc]


def test_an_open_store_keeps_the_known_on_date_its_caller_set(db):
    with Store.open(db, create=False) as store, store.as_known_on("2021-08-28"):
        (event,) = api.events(store).to_dicts()
        assert event["documents"] == 1 and store.known_on == "2021-08-28"
