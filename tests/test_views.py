"""The SQL views of migration 0005 (store/views.py) against the Python API, on a store built
from six short texts written here; the migration on a store made before it; the Datasette
metadata (export/datasette.py), its command, and Datasette itself serving the views."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from factionmap.daterange import date_bounds
from factionmap.errors import FactionmapError
from factionmap.export.datasette import HIDDEN, TABLES, datasette_metadata
from factionmap.query.fused import RELATION_TYPES, list_facts
from factionmap.query.network import build_network
from factionmap.store.schema import MIGRATIONS
from factionmap.store.sqlite import Store
from factionmap.store.views import VIEW_NAMES

from conftest import add_taliban_story

# (id, published, outlet, title, text): public events told in a few plain sentences. They give
# an attack and a seizure, relations open and ended, a contested and a denied alliance.
DOCS = (
    ("dusit", "2019-01-16", "Lakeside Courier", "Gunmen attack Nairobi hotel complex",
     "On 15 January 2019, al-Shabaab gunmen attacked the DusitD2 hotel in Nairobi, killing 21 people and "
     "wounding 28. Al-Shabaab claimed responsibility for the attack."),
    ("palmyra", "2015-05-21", "Riverside Wire", "Islamic State takes Palmyra",
     "Islamic State fighters captured the Syrian city of Palmyra on 20 May 2015. "
     "The Islamic State has been a rival of al-Qaeda since 2014. "
     "Al-Qaeda was allied with the Islamic State until February 2014."),
    ("sahel", "2017-03-03", "Sahel Ledger", "Sahel groups join under one banner",
     "Iyad Ag Ghaly, the leader of Jama'at Nusrat al-Islam wal-Muslimin, pledged allegiance to al-Qaeda. "
     "Boko Haram pledged allegiance to the Islamic State in March 2015."),
    ("nusra", "2016-07-29", "Levant Review", "Nusra Front leaves al-Qaeda",
     "Al-Nusra Front, al-Qaeda's affiliate in Syria, has long fought the Assad government. "
     "Al-Nusra Front cut its ties with al-Qaeda in July 2016."),
    ("allies", "2001-10-01", "Mountain Post", "Old allies",
     "The Taliban and al-Qaeda have been allies since 1996."),
    ("denial", "2001-10-05", "Plains Herald", "Taliban deny ties",
     "The Taliban denied that they were allied with al-Qaeda. "
     "The Taliban denied any alliance with the Islamic State."),
)


@pytest.fixture(scope="module")
def news_db(tmp_path_factory) -> Path:
    from factionmap.api import ingest_paths

    folder = tmp_path_factory.mktemp("views")
    corpus = folder / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "published": p, "outlet": o, "url": f"https://example.org/{i}",
                                          "title": t, "text": x}) + "\n" for i, p, o, t, x in DOCS), encoding="utf-8")
    db = folder / "news.db"
    report = ingest_paths([corpus], db)
    assert report.documents == len(DOCS) and not report.failed
    return db


@pytest.fixture
def news(news_db):
    with Store.open(news_db, create=False) as store:
        yield store


def _rows(store: Store, sql: str, params=()) -> list[dict]:
    return [dict(r) for r in store.connection.execute(sql, params)]


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()  # date('now') is UTC


# ---- v_facts ------------------------------------------------------------------------

def test_views_facts_match_the_python_facts(news):
    rows = {r.id: r for r in list_facts(news)}
    view = {r["id"]: r for r in _rows(news, "SELECT * FROM v_facts")}
    assert view.keys() == rows.keys() and len(rows) >= 10
    for fid, row in rows.items():
        v = view[fid]
        assert (v["type"], v["status"], v["confidence"]) == (row.type, row.status, row.confidence), fid
        assert (v["documents"], v["independent_sources"]) == (row.documents, row.independent)
        assert json.loads(v["outlets"]) == list(row.outlets)
        assert sorted(json.loads(v["actors"])) == sorted(row.actors)
        assert (v["actor_1"], v["actor_2"]) == (tuple(row.actors[:2]) + (None, None))[:2], fid
        for side in ("actor_1", "actor_2"):
            actor = news.actor(v[side]) if v[side] else None
            assert v[f"{side}_name"] == (actor.name if actor else None)
        assert (v["first_seen"], v["updated_at"]) == (row.first_seen, row.updated_at)


@pytest.mark.parametrize("key, status", [
    ("ALLIANCE|al-qaeda|taliban", "contested"),
    ("ALLIANCE|islamic-state|taliban", "denied"),
    ("RIVALRY|al-qaeda|islamic-state", "asserted"),
])
def test_views_facts_status_of_stated_and_denied(news, key, status):
    assert _rows(news, "SELECT status FROM v_facts WHERE key = ?", (key,)) == [{"status": status}]


@pytest.mark.parametrize("key, expected", [
    ("MERGER|a+b+c|d", ("a", "b")),  # a merger's parts, then its result
    ("MERGER|a+b|", ("a", "b")),
    ("ATTACK|place:kabul||2021", ("place:kabul", None)),  # nobody named; the year is no actor
    ("DEATH|omar|?", ("omar", None)),  # an undated report's year
    ("PLEDGE|aq|taliban|2015", ("aq", "taliban")),
    ("RIVALRY|isk|taliban", ("isk", "taliban")),
])
def test_views_facts_key_actors_of_every_shape(fresh_store, key, expected):
    fresh_store.connection.execute("INSERT INTO facts (id, key, type) VALUES ('f-1', ?, ?)", (key, key.split("|")[0]))
    assert _rows(fresh_store, "SELECT actor_1, actor_2 FROM v_facts") == [
        {"actor_1": expected[0], "actor_2": expected[1]}]


# ---- v_relations_today ----------------------------------------------------------------

def _holds_today(start: str | None, end: str | None, today: str) -> bool:
    return (start is None or date_bounds(start)[0].isoformat() <= today) and (
        end is None or date_bounds(end)[1].isoformat() >= today)


def test_views_relations_today_are_the_stored_spans_holding_today(news):
    today = _today()
    expected = {f.id for f in news.facts() if f.type in RELATION_TYPES and f.status in ("asserted", "contested")
                and _holds_today(f.time_start, f.time_end, today)}
    rows = _rows(news, "SELECT id, as_of FROM v_relations_today")
    assert {r["id"] for r in rows} == expected and {r["as_of"] for r in rows} == {today}
    keys = {r["key"] for r in _rows(news, "SELECT key FROM v_relations_today")}
    assert "ALLIANCE|al-qaeda|islamic-state" not in keys  # ended February 2014
    assert "ALLIANCE|islamic-state|taliban" not in keys  # only denied
    assert "ALLIANCE|al-qaeda|taliban" in keys  # contested still counts


def test_views_relations_today_hold_whatever_the_network_today_holds(news):
    # the view ignores inferred ends, so it holds at least what the network holds (an approximation)
    network = {e.fact_id for e in build_network(news, on=_today()).edges}
    view = {r["id"] for r in _rows(news, "SELECT id FROM v_relations_today")}
    assert network and network <= view


# ---- v_events -----------------------------------------------------------------------

def _value(claim, name):
    value = claim.args.get(name)
    value = value[0] if isinstance(value, (tuple, list)) and value else value
    return getattr(value, "id", value)


def test_views_events_match_the_stored_claims(news):
    claims = news.claims_for(types=["ATTACK", "SEIZURE"])
    rows = {r["claim_id"]: r for r in _rows(news, "SELECT * FROM v_events")}
    assert rows.keys() == {c.id for c in claims} and {r["type"] for r in rows.values()} == {"ATTACK", "SEIZURE"}
    facts = news.fact_of_claims(rows)
    docs = news.claim_documents(rows)
    for c in claims:
        r = rows[c.id]
        attack = c.type == "ATTACK"
        assert (r["date"], r["date_end"], r["precision"]) == (c.time.start, c.time.end, c.time.precision)
        assert r["perpetrator"] == _value(c, "perpetrator" if attack else "org")
        assert r["place"] == _value(c, "place") and r["fact_id"] == facts.get(c.id)
        place = c.args["place"]
        assert (r["place_name"], r["country"], r["admin1"], r["lat"], r["lon"]) == (
            place.name, place.country, place.admin1, place.lat, place.lon)
        for name in ("killed", "wounded", "attack_type"):
            assert r[name] == (c.args.get(name) if attack else None)
        assert r["claimed"] == (int(c.args["claimed"]) if attack and c.args.get("claimed") is not None else None)
        doc = docs[c.id]
        assert (r["document_id"], r["outlet"], r["url"], r["published"]) == (doc.id, doc.outlet, doc.url, doc.published)
        assert r["evidence"] == " … ".join(e.text for e in c.evidence)


def test_views_events_the_nairobi_attack(news):
    rows = _rows(news, "SELECT * FROM v_events WHERE type = 'ATTACK'")
    assert len(rows) == 1
    row = rows[0]
    assert (row["date"], row["perpetrator"], row["perpetrator_name"], row["place"], row["country"]) == (
        "2019-01-15", "al-shabaab", "al-Shabaab", "place:nairobi", "KE")
    assert (row["killed"], row["wounded"], row["claimed"], row["outlet"]) == (21, 28, 1, "Lakeside Courier")
    assert "DusitD2" in row["target"] and "DusitD2" in row["evidence"]


# ---- v_evidence ---------------------------------------------------------------------

def test_views_evidence_one_row_a_sentence(news):
    claims = news.claims_for()
    rows = _rows(news, "SELECT * FROM v_evidence ORDER BY claim_id, position")
    assert len(rows) == sum(len(c.evidence) for c in claims)
    facts = news.fact_of_claims(c.id for c in claims)
    by_claim = {c.id: c for c in claims}
    for r in rows:
        c = by_claim[r["claim_id"]]
        ev = c.evidence[r["position"]]
        assert (r["text"], r["sentence"], r["start"], r["end"]) == (ev.text, ev.sentence, ev.start, ev.end)
        assert (r["claim_type"], r["modality"], r["fact_id"]) == (c.type, c.modality, facts.get(c.id))
        assert r["url"] == f"https://example.org/{r['document_id']}"


# ---- the migration on an older store ------------------------------------------------------

def _views_in(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}


@pytest.mark.parametrize("before", [4])
def test_views_migration_applies_to_a_store_made_before_it(tmp_path, before):
    path = tmp_path / "old.db"
    with Store(path, migrations=MIGRATIONS[:before]) as store:
        add_taliban_story(store)
        assert store.schema_version == before
    assert _views_in(path) == set()
    with Store.open(path, create=False) as store:
        assert "0005_views" in store.applied_migrations() and store.schema_version == len(MIGRATIONS)
        view = {r["id"]: r["status"] for r in _rows(store, "SELECT id, status FROM v_facts")}
        assert view == {f.id: f.status for f in store.facts()} and view
        assert _rows(store, "SELECT count(*) AS n FROM v_evidence")[0]["n"] == sum(
            len(c.evidence) for c in store.claims_for())
    assert _views_in(path) == set(VIEW_NAMES)


@pytest.mark.parametrize("before", [5])
def test_attack_day_migration_makes_the_facts_again(tmp_path, before):
    path = tmp_path / "old.db"
    with Store(path, migrations=MIGRATIONS[:before]) as store:
        add_taliban_story(store)
        made = {f.id: f.key for f in store.facts()}
        store.connection.execute("DELETE FROM facts")  # as if keyed another way: gone until rebuilt
    with Store.open(path, create=False) as store:
        assert "0006_attack_days" in store.applied_migrations()  # (and those after it)
        assert {f.id: f.key for f in store.facts()} == made and made


@pytest.mark.parametrize("key, actors", [("ATTACK|place:nairobi|al-shabaab|2019-01-15", ("place:nairobi", "al-shabaab")),
                                         ("ATTACK|place:kabul3||2015", ("place:kabul3", None)),
                                         ("DEATH|mullah-omar|?", ("mullah-omar", None)),
                                         ("RIVALRY|al-qaeda|islamic-state", ("al-qaeda", "islamic-state"))])
def test_views_read_actors_from_every_kind_of_key(fresh_store, key, actors):
    fresh_store.connection.execute(
        "INSERT INTO facts (id, key, type, pos, documents, independent) VALUES ('f-x', ?, ?, 1, 1, 1)",
        (key, key.split("|")[0]))
    [row] = _rows(fresh_store, "SELECT actor_1, actor_2 FROM v_facts")
    assert (row["actor_1"], row["actor_2"]) == actors


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_views_every_view_reads_on_an_empty_store(fresh_store, name):
    assert _rows(fresh_store, f"SELECT * FROM {name}") == []


# ---- the Datasette metadata -------------------------------------------------------------------

def _columns(conn, name: str) -> set[str]:
    return {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}


def test_views_metadata_names_only_what_the_store_has(news_db):
    metadata = datasette_metadata(news_db)
    tables = metadata["databases"][news_db.stem]["tables"]
    with sqlite3.connect(news_db) as conn:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        for name, entry in tables.items():
            assert name in present, name
            columns = _columns(conn, name)
            named = set(entry.get("columns", {})) | set(entry.get("sortable_columns", ()))
            named |= {entry[k] for k in ("sort", "sort_desc", "label_column") if k in entry}
            named |= {f if isinstance(f, str) else next(iter(f.values())) for f in entry.get("facets", ())}
            assert named <= columns, (name, named - columns)
    # nothing described was dropped for missing: the descriptions fit the schema as it is
    assert all(tables[name].get("columns", {}) == entry.get("columns", {}) for name, entry in TABLES.items())
    assert {n for n, e in tables.items() if e.get("hidden")} == set(HIDDEN)
    assert set(VIEW_NAMES) <= set(tables) and all(tables[v]["description"] for v in VIEW_NAMES)
    assert metadata["title"] and metadata["license"] and metadata["source"]


def test_views_metadata_of_a_missing_store_is_e305(tmp_path):
    with pytest.raises(FactionmapError) as err:
        datasette_metadata(tmp_path / "none.db")
    assert err.value.code == "E305"


def _cli() -> typer.Typer:
    from factionmap.cli.datasette import register

    app = typer.Typer()
    app.callback()(lambda: None)  # a group, as the main app is
    register(app)
    return app


def test_views_metadata_command_prints_and_writes(news_db, tmp_path):
    runner = CliRunner()
    printed = runner.invoke(_cli(), ["datasette-metadata", "--db", str(news_db)])
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.stdout) == datasette_metadata(news_db)
    out = tmp_path / "metadata.json"
    written = runner.invoke(_cli(), ["datasette-metadata", "--db", str(news_db), "--output", str(out),
                                     "--license", "CC BY 4.0", "--license-url", "https://example.org/cc"])
    assert written.exit_code == 0, written.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["license"], data["license_url"]) == ("CC BY 4.0", "https://example.org/cc")
    missing = runner.invoke(_cli(), ["datasette-metadata", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "E305" in missing.output


def test_views_datasette_serves_the_views(news_db, news):
    from datasette.app import Datasette

    name = news_db.stem

    async def fetch() -> dict:
        ds = Datasette([str(news_db)], metadata=datasette_metadata(news_db))
        await ds.invoke_startup()
        got = {}
        for view in VIEW_NAMES:
            response = await ds.client.get(f"/{name}/{view}.json?_shape=objects&_size=max")
            assert response.status_code == 200, response.text
            got[view] = response.json()
        response = await ds.client.get(f"/{name}.json")
        got["database"] = response.json()
        return got

    got = asyncio.run(fetch())
    for view in VIEW_NAMES:  # the same rows as sqlite3 reads (in the metadata's order)
        as_text = lambda rows: sorted(json.dumps(r, sort_keys=True) for r in rows)  # noqa: E731
        assert as_text(got[view]["rows"]) == as_text(_rows(news, f"SELECT * FROM {view}")) != []
    facts = got["v_facts"]
    assert {r["id"] for r in facts["rows"]} == {r.id for r in list_facts(news)}
    confidences = [r["confidence"] for r in facts["rows"]]
    assert confidences == sorted(confidences, reverse=True)  # the metadata's sort_desc
    assert {"type", "status", "outlets"} <= set(facts["facet_results"])
    hidden = {t["name"] for t in got["database"]["tables"] if t["hidden"]}
    assert set(HIDDEN) <= hidden


# ---- the docs -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
