"""The HTTP API answers what the command line answers under --json, for the same options on
the same store (each GET route beside its command), fails with the same codes, and adds
documents only for a caller with the server's token (POST /api/documents)."""

from __future__ import annotations

import hmac
import io
import json
import sys
from pathlib import Path

import pytest
from conftest import ISKP, NANGARHAR, add_taliban_story, claim, document
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factionmap.cli.main import app as cli
from factionmap.errors import FactionmapError
from factionmap.query.tables import TABLES
from factionmap.store.sqlite import Store
from factionmap.web import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import synthetic  # noqa: E402

runner = CliRunner()


def _story(path: Path) -> dict:
    with Store.open(path) as store:
        add_taliban_story(store)
        store.add_document(document("d-4", "2016-03-07", outlet="AP"), [
            claim("ATTACK", "d-4", ("2016-03-05", "2016-03-05", "day", "on Saturday"), perpetrator=ISKP,
                  place=NANGARHAR, killed="12"),
        ], "rules.v1")
        fact = store.connection.execute("SELECT id FROM facts WHERE type = 'RIVALRY'").fetchone()[0]
    return {"org": "Taliban", "person": "Mansour", "claim": "c-000004", "fact": fact, "search": "Tali",
            "on": "2016-06", "known_on": "2015-08-31", "region": "AF", "rel": "RIVALRY", "since": "2000-01-01"}


def _synthetic(path: Path) -> dict:
    synthetic.build_store(path, facts=300, seed=3)
    with Store.open(path, create=False) as store:
        org = synthetic.groups_with_leaders(store, 1)[0]
        person, fact = store.connection.execute(
            "SELECT a.name, f.id FROM facts f JOIN claims c ON c.type = 'LEADERSHIP' JOIN claim_args x"
            " ON x.claim_id = c.id AND x.name = 'leader' JOIN actors a ON a.id = x.entity_id"
            " WHERE f.type = 'ALLIANCE' ORDER BY f.id LIMIT 1").fetchone()
    return {"org": org, "person": person, "claim": "c-000002", "fact": fact, "search": org.split()[0][:4],
            "on": "2012-06-15", "known_on": "2024-12-10", "region": "AF", "rel": "ALLIANCE", "since": "2000-01-01"}


@pytest.fixture(scope="module", params=["story", "synthetic"])
def served(request, tmp_path_factory):
    """(db path, test client, the names and ids to ask about) over a small store."""
    path = tmp_path_factory.mktemp("web") / "fm.db"
    names = (_story if request.param == "story" else _synthetic)(path)
    with TestClient(create_app(path)) as client:
        yield str(path), client, names


def run_cli(args: list[str], db: str) -> tuple[int, object]:
    result = runner.invoke(cli, [*args, "--db", db, "--json"])
    return result.exit_code, json.loads(result.stdout)


# (command line, request): {name} is filled from the store's names; "nonempty": the answer has rows
SAME = [
    ("leader {org} --on {on}", "/api/leader?org={org}&on={on}", True),
    ("leader {org} --on {on} --known-on {known_on}", "/api/leader?org={org}&on={on}&known_on={known_on}", True),
    ("leader {org}", "/api/leader?org={org}", True),
    ("relations {org} --on {on}", "/api/relations?org={org}&on={on}", False),
    ("relations {org} --known-on {known_on}", "/api/relations?org={org}&known_on={known_on}", False),
    ("timeline {person}", "/api/timeline?actor={person}", True),
    ("timeline {org} --known-on {known_on}", "/api/timeline?actor={org}&known_on={known_on}", True),
    ("facts", "/api/facts", True),
    ("facts {org} --type LEADERSHIP --type {rel}", "/api/facts?actor={org}&type=LEADERSHIP&type={rel}", True),
    ("facts --type attack --on {on}", "/api/facts?type=attack&on={on}", False),
    ("facts --known-on {known_on}", "/api/facts?known_on={known_on}", True),
    ("evidence {claim}", "/api/evidence/{claim}", True),
    ("evidence {fact}", "/api/evidence/{fact}", True),
    ("explain {claim}", "/api/explain/{claim}", True),
    ("network", "/api/network", True),
    ("network --on {on}", "/api/network?on={on}", True),
    ("network --on {on} --region {region} --types {rel} --types ALLIANCE",
     "/api/network?on={on}&region={region}&type={rel}&type=ALLIANCE", False),
    ("network --known-on {known_on}", "/api/network?known_on={known_on}", True),
    ("conflicts", "/api/conflicts", False),
    ("changes --since {since}", "/api/changes?since={since}", True),
    ("changes --since 2999-01-01", "/api/changes?since=2999-01-01", False),
    ("actors", "/api/actors", True),
    ("actors --search {search}", "/api/actors?search={search}", True),
]


@pytest.mark.parametrize("command, url, nonempty", SAME, ids=[c for c, _, _ in SAME])
def test_each_route_answers_what_its_command_prints(served, command, url, nonempty):
    db, client, names = served
    status, expected = run_cli([word.format(**names) for word in command.split()], db)
    response = client.get(url.format(**names))
    assert status == 0, expected
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.json() == expected
    if nonempty:
        assert expected and (not isinstance(expected, dict) or any(expected.values()))
    if command.startswith("network"):
        assert set(expected) >= {"nodes", "edges"}


def test_an_earlier_known_on_changes_the_answer(served):
    """known_on reaches the query: the same question as known earlier differs (else the
    comparison above could pass with the option ignored on both sides)."""
    _, client, names = served
    later, earlier = (client.get(f"/api/facts?known_on={day}").json() for day in ("2999-01-01", "1990-01-01"))
    assert later and earlier == [] and later != earlier


# (command line, request, code, HTTP status): the same mistake, the same code and message
MISTAKES = [
    ("leader {org} --on 2015-13-01", "/api/leader?org={org}&on=2015-13-01", "E403", 400),
    ("facts --known-on yesterday", "/api/facts?known_on=yesterday", "E403", 400),
    ("facts --type ALLY", "/api/facts?type=ALLY", "E407", 400),
    ("network --types LEADERSHIP", "/api/network?type=LEADERSHIP", "E407", 400),
    ("network --region Atlantis", "/api/network?region=Atlantis", "E408", 400),
    ("changes --since soon", "/api/changes?since=soon", "E409", 400),
    ("leader Talibn", "/api/leader?org=Talibn", "E401", 404),
    ("timeline Nobody-at-all", "/api/timeline?actor=Nobody-at-all", "E401", 404),
    ("relations Talibn", "/api/relations?org=Talibn", "E401", 404),
    ("evidence c-999999", "/api/evidence/c-999999", "E402", 404),
    ("evidence f-0000000000", "/api/evidence/f-0000000000", "E402", 404),
    ("explain c-999999", "/api/explain/c-999999", "E402", 404),
    ("export --what fact -o {out}", "/api/export/fact", "E407", 400),
    ("export --what facts --format xml -o {out}", "/api/export/facts?format=xml", "E404", 400),
    ("export --what claims --on 2016 -o {out}", "/api/export/claims?on=2016", "E410", 400),
]


@pytest.mark.parametrize("command, url, code, status", MISTAKES, ids=[c for c, _, _, _ in MISTAKES])
def test_the_same_mistake_is_the_same_coded_error(served, tmp_path, command, url, code, status):
    db, client, names = served
    exit_status, printed = run_cli([w.format(out=tmp_path / "x.out", **names) for w in command.split()], db)
    response = client.get(url.format(**names))
    assert exit_status == (2 if status == 400 else 1)
    assert response.status_code == status and response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"] == {"code": code, "message": printed["error"]["message"], "status": status}


def test_an_unknown_actor_names_the_nearest_one(served):
    _, client, _ = served
    message = client.get("/api/leader?org=Talibn").json()["error"]["message"]
    if "Taliban" in client.get("/api/actors?search=Taliban").text:
        assert message.endswith("(did you mean Taliban?)")


def test_a_missing_parameter_and_an_unknown_path_are_json_errors(served):
    _, client, _ = served
    missing = client.get("/api/leader")
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "E400"
    assert "org" in missing.json()["error"]["message"]
    for path in ("/api/nothing-here", "/nothing", "/api/actors/x/y", "/static/no-such-file.js"):
        response = client.get(path)
        assert response.status_code == 404 and response.headers["content-type"] == "application/json", path
        assert response.json()["error"]["code"] in ("E425", "E401"), path


def test_a_missing_store_is_refused_when_the_app_is_made(tmp_path):
    with pytest.raises(FactionmapError) as error:
        create_app(tmp_path / "none.db")
    assert error.value.code == "E305" and not (tmp_path / "none.db").exists()


def test_meta_and_documents_read_the_store(served):
    db, client, _ = served
    meta = client.get("/api/meta").json()
    with Store.open(db, create=False) as store:
        assert meta["counts"] == store.counts()
        doc_id = store.connection.execute("SELECT id FROM documents ORDER BY id LIMIT 1").fetchone()[0]
        stored = store.document(doc_id)
    assert meta["ingest"] is False and set(meta["tables"]) == set(TABLES)
    assert meta["first"] <= meta["last"]
    answer = client.get(f"/api/documents/{doc_id}").json()
    assert answer["text"] == stored.text and answer["published"] == stored.published
    assert client.get("/api/documents/no-such").json()["error"]["code"] == "E424"


def test_one_actor_by_name_is_the_listing_row(served):
    _, client, names = served
    rows = client.get(f"/api/actors?search={names['org']}").json()
    one = client.get(f"/api/actors/{names['org']}").json()
    assert one["id"] in {r["id"] for r in rows}


EXPORTS = [(what, format) for what in TABLES for format in ("jsonl", "csv")]


@pytest.mark.parametrize("what, format", EXPORTS, ids=[f"{w}-{f}" for w, f in EXPORTS])
def test_an_export_is_the_file_the_command_writes(served, tmp_path, what, format):
    db, client, names = served
    out = tmp_path / f"x.{format}"
    assert runner.invoke(cli, ["export", "--what", what, "--format", format, "-o", str(out), "--db", db]).exit_code == 0
    response = client.get(f"/api/export/{what}?format={format}")
    assert response.status_code == 200 and response.content == out.read_bytes() and response.content
    assert response.headers["content-disposition"] == f'attachment; filename="factionmap-{what}.{format}"'
    assert response.headers["content-type"].split(";")[0] in ("application/x-ndjson", "text/csv")


@pytest.mark.parametrize("options, query", [
    (["--actor", "{org}"], "actor={org}"),
    (["--type", "{rel}", "--type", "leadership"], "type={rel}&type=leadership"),
    (["--on", "{on}"], "on={on}"),
    (["--known-on", "{known_on}"], "known_on={known_on}"),
])
@pytest.mark.parametrize("what", ["facts", "relations", "claims"])
def test_export_options_filter_as_on_the_command_line(served, tmp_path, options, query, what):
    db, client, names = served
    if what == "claims" and query.startswith("on="):
        return  # E410: compared in the mistakes above
    out = tmp_path / "x.jsonl"
    args = [o.format(**names) for o in options]
    assert runner.invoke(cli, ["export", "--what", what, *args, "-o", str(out), "--db", db]).exit_code == 0
    assert client.get(f"/api/export/{what}?{query.format(**names)}").content == out.read_bytes()


@pytest.mark.parametrize("what", ["facts", "evidence"])
def test_a_parquet_export_holds_the_table_the_command_writes(served, tmp_path, what):
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    db, client, _ = served
    out = tmp_path / "x.parquet"
    assert runner.invoke(cli, ["export", "--what", what, "--format", "parquet", "-o", str(out),
                               "--db", db]).exit_code == 0
    response = client.get(f"/api/export/{what}?format=parquet")
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    served_table = pyarrow_parquet.read_table(io.BytesIO(response.content))
    assert served_table.num_rows > 0 and served_table.equals(pyarrow_parquet.read_table(out))


def test_synthetic_store_builds(tmp_path):
    counts = synthetic.build_store(tmp_path / "s.db", facts=300, seed=5)
    assert 280 <= counts["facts"] <= 300 and counts["claims"] >= counts["facts"]
    with Store.open(tmp_path / "s.db", create=False) as store:
        types = {r[0] for r in store.connection.execute("SELECT DISTINCT type FROM facts")}
        groups = synthetic.groups_with_leaders(store)
    assert {"LEADERSHIP", "SUCCESSION", "ALLIANCE", "RIVALRY", "PLEDGE", "ATTACK"} <= types
    assert len(groups) >= 5
    again = synthetic.build_store(tmp_path / "t.db", facts=300, seed=5)
    assert again == counts  # deterministic given the seed
    path, cached = synthetic.cached_store(300, seed=5, folder=tmp_path)
    assert cached["facts"] == counts["facts"] and synthetic.cached_store(300, seed=5, folder=tmp_path)[0] == path


# -- POST /api/documents ------------------------------------------------------------------

TOKEN = "s3cret-token-0123456789"
GOOD = {"id": "web-1", "title": "Alliance", "published": "2016-05-02",
        "text": "The Taliban and al-Qaeda announced an alliance on Monday, officials said."}


@pytest.fixture
def writable(tmp_path):
    path = tmp_path / "w.db"
    with Store.open(path) as store:
        add_taliban_story(store)
    return path


def _post(client, body, token: str | None = TOKEN, **extra):
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    if isinstance(body, (dict, list)):
        return client.post("/api/documents", json=body, headers=headers, **extra)
    return client.post("/api/documents", content=body, headers={**headers, "Content-Type": "application/json"},
                       **extra)


def _error(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def test_adding_documents_is_off_without_a_token(writable):
    client = TestClient(create_app(writable))
    assert _error(_post(client, GOOD)) == (403, "E420")
    assert _error(_post(client, GOOD, token=None)) == (403, "E420")
    assert client.get("/api/meta").json()["ingest"] is False


@pytest.mark.parametrize("header", [None, "", f"Bearer {TOKEN[:-1]}x", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}",
                                    f"Basic {TOKEN}", f"Bearer  {TOKEN}", TOKEN, "Bearer é"])
def test_a_wrong_or_missing_token_is_refused(writable, header):
    client = TestClient(create_app(writable, token=TOKEN))
    headers = {} if header is None else {"Authorization": header.encode("utf-8")}
    response = client.post("/api/documents", content=b"{}", headers=headers)
    assert _error(response) == (401, "E421")


def test_the_token_is_compared_in_constant_time(writable, monkeypatch):
    calls, real = [], hmac.compare_digest

    def compare(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr("factionmap.web.routes.hmac.compare_digest", compare)
    client = TestClient(create_app(writable, token=TOKEN))
    assert _error(_post(client, b"not json", token=TOKEN[:-1] + "!")) == (401, "E421")
    assert _error(_post(client, b"not json")) == (400, "E423")  # past the token: the body is read
    assert calls == [((TOKEN[:-1] + "!").encode(), TOKEN.encode()), (TOKEN.encode(), TOKEN.encode())]
    assert client.get("/api/meta").json()["ingest"] is True


@pytest.mark.parametrize("body, detail", [
    (b"not json", "Expecting value"), (b"[]", "each document"), (b"[1, 2]", "each document"),
    (b'"text"', "each document"), (b"\xff\xfe", "utf-8"), (b"", "Expecting value"),
])
def test_a_body_that_is_no_document_is_refused(writable, body, detail):
    client = TestClient(create_app(writable, token=TOKEN))
    response = _post(client, body)
    assert _error(response) == (400, "E423") and detail in response.json()["error"]["message"]


def test_a_body_over_the_limit_is_refused_with_or_without_its_length(writable):
    client = TestClient(create_app(writable, token=TOKEN, max_body=1000))
    big = json.dumps({"text": "x" * 2000}).encode()
    declared = _post(client, big)
    assert _error(declared) == (413, "E422") and "1,000 bytes" in declared.json()["error"]["message"]

    def chunks():
        for start in range(0, len(big), 100):
            yield big[start:start + 100]

    streamed = client.post("/api/documents", content=chunks(),
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert _error(streamed) == (413, "E422")
    with Store.open(writable, create=False) as store:
        assert store.counts()["documents"] == 3
    bogus = client.post("/api/documents", content=b"{}", headers={"Authorization": f"Bearer {TOKEN}",
                                                                   "Content-Length": "-1"})
    assert bogus.status_code in (400, 413)


def test_a_good_document_is_stored_and_a_bad_one_beside_it_is_reported(writable):
    client = TestClient(create_app(writable, token=TOKEN))
    before = client.get("/api/meta").json()["counts"]
    report = _post(client, [{"title": "no text here"}, GOOD]).json()
    assert report["documents"] == 1 and report["claims"] >= 1, report
    assert [(f["source"], f["code"]) for f in report["failed"]] == [("document:1", "E107")]
    after = client.get("/api/meta").json()["counts"]
    assert after["documents"] == before["documents"] + 1
    assert after["claims"] == before["claims"] + report["claims"]
    stored = client.get("/api/documents/web-1").json()
    assert stored["text"] == GOOD["text"] and stored["published"] == GOOD["published"]
    timeline = client.get("/api/timeline?actor=Taliban").json()
    new = [e["claim_id"] for e in timeline if e["published"] == GOOD["published"]]
    assert new, timeline
    sources = client.get(f"/api/evidence/{new[0]}").json()["sources"]
    assert [s["document"] for s in sources] == ["web-1"] and sources[0]["text"] in GOOD["text"]
    again = _post(client, GOOD).json()  # the same text again: skipped, not stored twice
    assert again["documents"] == 0 and [s["source"] for s in again["skipped"]] == ["document:1"]

