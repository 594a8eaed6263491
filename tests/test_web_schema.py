"""The API's OpenAPI schema, checked with schemathesis: every GET operation, fed generated
parameters over a small store, never answers with a server error, answers only the statuses
and content types it declares, and its JSON bodies fit the declared schemas (errors too:
`{"error": {"code", "message", "status"}}`). POST /api/documents is fuzzed on a server
without a token, where it must refuse every request alike (403, E420)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from conftest import ISKP, NANGARHAR, add_taliban_story, claim, document
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_headers_conformance, response_schema_conformance, status_code_conformance,
)

from factionmap.store.sqlite import Store
from factionmap.web import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]
FUZZ = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.filter_too_much])


def _app():
    """The app over a small store, made when the module is collected (schemathesis builds its
    tests from the schema then; its lazy loader does not run under pytest 9)."""
    path = Path(FOLDER.name) / "fm.db"
    with Store.open(path) as store:
        add_taliban_story(store)
        store.add_document(document("d-4", "2016-03-07"), [
            claim("ATTACK", "d-4", ("2016-03-05", "2016-03-05", "day"), perpetrator=ISKP, place=NANGARHAR)])
    return create_app(path)


FOLDER = tempfile.TemporaryDirectory(prefix="factionmap-schema-")  # removed when the tests end
APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module")
def web_app():
    return APP


@schema.include(method="GET").parametrize()
@FUZZ
def test_get_operations_conform_to_the_schema(case):
    case.call_and_validate(checks=CHECKS)


@schema.include(method="POST").parametrize()
@FUZZ
def test_adding_documents_without_a_token_is_refused_alike(case):
    response = case.call()
    if case.method != "POST":  # schemathesis also tries methods the path does not take
        assert response.status_code == 405 and response.json()["error"]["status"] == 405
        return
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "E420"
    case.validate_response(response, checks=CHECKS)


def test_the_schema_declares_every_route_and_its_errors(web_app):
    spec = TestClient(web_app).get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for route in ("/api/meta", "/api/leader", "/api/relations", "/api/timeline", "/api/facts", "/api/network",
                  "/api/evidence/{id}", "/api/explain/{claim_id}", "/api/documents/{id}", "/api/export/{what}",
                  "/api/places", "/api/conflicts", "/api/changes", "/api/actors", "/api/actors/{name}"):
        assert route in paths, route
        responses = paths[route]["get"]["responses"]
        assert "400" in responses and responses["400"]["content"]["application/json"]["schema"], route
    for route in ("/api/leader", "/api/evidence/{id}", "/api/documents/{id}", "/api/actors/{name}"):
        assert "404" in paths[route]["get"]["responses"], route
    schemas = spec["components"]["schemas"]
    assert paths["/api/leader"]["get"]["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"}
    assert schemas["Error"]["required"] == ["error"]
    inner = schemas[schemas["Error"]["properties"]["error"]["$ref"].rsplit("/", 1)[1]]
    assert set(inner["required"]) == {"code", "message", "status"}
    # an invalid request answers 400 E400, so no operation declares FastAPI's 422
    assert not [p for p, ops in paths.items() for op in ops.values() if "422" in op["responses"]]
    assert "HTTPValidationError" not in schemas
    assert {"401", "403", "413"} <= set(paths["/api/documents"]["post"]["responses"])
    assert "/" not in paths and "/vendor/{name}" not in paths  # the pages are not API operations
