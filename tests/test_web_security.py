"""The server's hardening: the Content-Security-Policy and the other headers on every kind of
response, no cross-origin access unless an origin is named, this machine only by default,
no file outside the listed ones under /vendor/ and /static/, and article text (which may
hold markup) only ever as JSON data."""

from __future__ import annotations

import asyncio
import json

import pytest
from conftest import TALIBAN, add_taliban_story, claim, document
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factionmap.cli.main import app as cli
from factionmap.store.sqlite import Store
from factionmap.web import create_app
from factionmap.web.app import STATIC
from factionmap.web.vendor import FILES, vendor_file

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> The Taliban said so.'
SENTENCE = '<script>alert("x")</script> The Taliban allied with <b>al-Qaeda</b>.'
HARDENING = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("sec") / "fm.db"
    with Store.open(path) as store:
        add_taliban_story(store)
        store.add_document(document("d-x", "2016-02-01", text=HOSTILE, title="<script>t()</script>"), [
            claim("MEMBERSHIP", "d-x", sentence=SENTENCE, person=TALIBAN, org=TALIBAN)], "rules.v1")
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, token="tok"))


def _static_file() -> str:
    return "/static/" + sorted(p.name for p in STATIC.iterdir() if p.is_file())[0]


# every kind of response: JSON answers, the page, a static file, errors of each origin
# (a route, the router, validation, the body-size middleware), the schema and its page
REQUESTS = [
    ("GET", "/api/meta"), ("GET", "/api/leader?org=Taliban"), ("GET", "/"), ("GET", "static-file"),
    ("GET", "/api/nope"), ("GET", "/api/leader?org=Talibn"), ("GET", "/api/leader"),
    ("GET", "/api/facts?on=2015-13"), ("GET", "/openapi.json"), ("GET", "/docs"),
    ("GET", "/vendor/nothing.js"), ("GET", "/api/export/facts?format=csv"), ("POST", "/api/documents"),
    ("POST", "/api/meta"), ("HEAD", "/api/meta"),
]


@pytest.mark.parametrize("method, path", REQUESTS, ids=[f"{m} {p}" for m, p in REQUESTS])
def test_every_response_carries_the_policy_and_the_hardening_headers(client, method, path):
    path = _static_file() if path == "static-file" else path
    response = client.request(method, path)
    headers = response.headers
    for name, value in HARDENING.items():
        assert headers.get(name) == value, (name, path, response.status_code)
    policy = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["script-src"].startswith("'self'") and "*" not in headers["content-security-policy"]
    assert "http" not in headers["content-security-policy"]  # no other site, no CDN
    if path == "/docs":  # Swagger UI starts with one inline script: only its page allows that
        assert "'unsafe-inline'" in policy["script-src"]
    else:
        assert policy["script-src"] == "'self'" and "unsafe-inline" not in headers["content-security-policy"]
        assert "unsafe-eval" not in headers["content-security-policy"]
    assert "access-control-allow-origin" not in headers


def test_the_docs_page_loads_only_files_from_this_server(client):
    page = client.get("/docs").text
    assert "cdn." not in page and "unpkg" not in page and "https://" not in page
    if vendor_file("swagger-ui/swagger-ui-bundle.js") is not None:
        assert "/vendor/swagger-ui/swagger-ui-bundle.js" in page
        bundle = client.get("/vendor/swagger-ui/swagger-ui-bundle.js")
        assert bundle.status_code == 200 and "javascript" in bundle.headers["content-type"]


ORIGIN, OTHER = "https://maps.example.org", "https://evil.example.com"


def _preflight(client, origin: str):
    return client.options("/api/meta", headers={"Origin": origin, "Access-Control-Request-Method": "GET"})


def test_no_cross_origin_access_unless_an_origin_is_named(db):
    client = TestClient(create_app(db))
    for response in (_preflight(client, OTHER), client.get("/api/meta", headers={"Origin": OTHER})):
        assert not any(name.startswith("access-control-") for name in response.headers)
    assert _preflight(client, OTHER).status_code in (404, 405)


def test_a_named_origin_and_only_it_may_call_the_api(db):
    client = TestClient(create_app(db, cors=(ORIGIN,)))
    allowed = _preflight(client, ORIGIN)
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "GET" in allowed.headers["access-control-allow-methods"]
    assert client.get("/api/meta", headers={"Origin": ORIGIN}).headers["access-control-allow-origin"] == ORIGIN
    refused = _preflight(client, OTHER)
    assert refused.status_code == 400 and refused.headers.get("access-control-allow-origin") != OTHER
    simple = client.get("/api/meta", headers={"Origin": OTHER})
    assert "access-control-allow-origin" not in simple.headers
    assert refused.headers["x-frame-options"] == "DENY"  # the preflight's answer is hardened too


def test_the_server_listens_on_this_machine_only_by_default(db, monkeypatch):
    monkeypatch.delenv("FACTIONMAP_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--check", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["url"] == "http://127.0.0.1:8000/" and info["ingest"] is False and info["cors"] == []
    assert "/api/leader" in info["routes"] and "/api/documents" in info["routes"]
    monkeypatch.setenv("FACTIONMAP_TOKEN", "t")
    assert json.loads(CliRunner().invoke(cli, ["serve", "--check", "--json", "--db", str(db)]).stdout)["ingest"]


def test_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--check", "--json", "--db", str(tmp_path / "no.db")])
    assert result.exit_code == 1 and json.loads(result.stdout)["error"]["code"] == "E305"


def _raw_get(app, path: str) -> tuple[int, dict, bytes]:
    """A GET of `path` exactly as written (no client cleans its dot segments first)."""
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    raw = path.encode("latin-1")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path.split("?")[0], "raw_path": raw, "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return start["status"], {k.decode().lower(): v.decode() for k, v in start["headers"]}, body


TRAVERSALS = [
    "/vendor/../../etc/passwd", "/vendor/world/../../pyproject.toml", "/vendor/world/../../../../etc/passwd",
    "/vendor/%2e%2e/%2e%2e/etc/passwd", "/vendor/world%2f..%2f..%2fpyproject.toml", "/vendor//etc/passwd",
    "/vendor/world-atlas/package.json", "/vendor/swagger-ui/index.html", "/vendor/", "/vendor/world/",
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/../../../../pyproject.toml", "/static//etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_leaves_the_listed_and_static_files(client, path):
    status, headers, body = _raw_get(client.app, path)
    assert status == 404 and headers["content-type"] == "application/json", (path, status)
    assert json.loads(body)["error"]["code"] == "E425"
    assert b"root:" not in body and b"[project]" not in body and b"import" not in body
    response = client.get(path)  # and as a client sends it (dot segments removed)
    assert response.status_code == 404 and b"[project]" not in response.content


def test_the_listed_vendor_files_are_served(client):
    installed = [name for name in FILES if vendor_file(name) is not None]
    for name in installed:
        response = client.get(f"/vendor/{name}")
        assert response.status_code == 200 and response.content == vendor_file(name).read_bytes()


def test_article_text_comes_back_as_json_data_never_as_a_page(client):
    response = client.get("/api/documents/d-x")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.json()["text"] == HOSTILE and response.json()["title"] == "<script>t()</script>"
    assert response.headers["x-content-type-options"] == "nosniff"
    claim_id = client.get("/api/timeline?actor=Taliban").json()
    hostile = [e["claim_id"] for e in claim_id if e["published"] == "2016-02-01"]
    evidence = client.get(f"/api/evidence/{hostile[0]}")
    assert evidence.headers["content-type"] == "application/json"
    assert [s["text"] for s in evidence.json()["sources"]] == [SENTENCE]


@pytest.mark.parametrize("path", ["/api/leader?org=<script>alert(1)</script>", "/api/documents/<script>x",
                                  "/<script>alert(1)</script>", "/api/facts?on=<b>x</b>"])
def test_markup_in_a_request_is_echoed_only_inside_json(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404) and response.headers["content-type"] == "application/json"
    assert "<" in response.json()["error"]["message"] or "%3C" in response.json()["error"]["message"]


def test_every_api_answer_is_json_or_a_download(client):
    for route in client.app.routes:
        path = getattr(route, "path", "")
        if not path.startswith("/api/") or "GET" not in getattr(route, "methods", ()) or "{" in path:
            continue
        response = client.get(path, params={"org": "Taliban", "actor": "Taliban", "since": "2000"})
        assert response.headers["content-type"] == "application/json", (path, response.headers["content-type"])
    download = client.get("/api/export/evidence?format=csv")
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "<b>al-Qaeda</b>" in download.text  # the sentence is data in a file to save, not a page


def test_the_token_never_appears_in_an_answer(db):
    client = TestClient(create_app(db, token="very-secret-value"))
    for path in ("/api/meta", "/openapi.json", "/api/nope"):
        assert "very-secret-value" not in client.get(path).text
    refused = client.post("/api/documents", content=b"{}", headers={"Authorization": "Bearer nope"})
    assert "very-secret-value" not in refused.text and refused.status_code == 401
