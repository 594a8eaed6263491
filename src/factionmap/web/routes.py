"""The JSON API: each route calls the library function the matching CLI command calls and
answers what that command prints under `--json` (tests/test_web_api.py compares them).

Every query takes `on` (the day to answer for: YYYY-MM-DD, YYYY-MM or YYYY) and `known_on`
(use only documents published by that day), checked as the CLI checks them.
"""

from __future__ import annotations

import hmac
import io
import json
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import pycountry
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from .. import __version__
from ..api import ingest_paths
from ..errors import FactionmapError
from ..export import graphio, tabular
from ..explain import explain_claim
from ..export.claims import write_jsonl
from ..query.answers import find_actor, list_actors
from ..query.checks import check_options
from ..query.claims import claim_detail, timeline
from ..query.conflicts import find_conflicts
from ..query.fused import changes, fact_detail, list_facts
from ..query.leaders import leader_on
from ..query.network import build_network
from ..query.places import PLACE_TYPES, places
from ..query.relations import relations
from ..query.tables import TABLES
from ..store.sqlite import Store


class ErrorBody(BaseModel):
    code: str = Field(description="The code the CLI gives for the same mistake (docs/commands.md).",
                      examples=["E401"])
    message: str = Field(description="One line saying what is wrong and what to do.")
    status: int = Field(description="The HTTP status, repeated.", examples=[404])


class Error(BaseModel):
    """What every failure answers: one object with the single key "error"."""

    error: ErrorBody


def _errors(*statuses: int) -> dict:
    why = {400: "A bad option or value (E400, E403, E404, E407-E411, E423)",
           401: "Missing or wrong token (E421)", 403: "Adding documents is off: no token configured (E420)",
           404: "No such actor, claim, fact or document (E401, E402, E424)",
           413: "Request body over the limit (E422)", 503: "The store cannot be read (E305, E306)"}
    return {status: {"model": Error, "description": why[status]} for status in statuses}


router = APIRouter(prefix="/api", responses=_errors(400, 404, 503))

On = Annotated[Optional[str], Query(description="Day to answer for: YYYY-MM-DD, YYYY-MM or YYYY (default: today).",
                                    examples=["2016-06"])]
KnownOn = Annotated[Optional[str], Query(description="Use only documents published by this day.",
                                         examples=["2015-07-01"])]
Types = Annotated[Optional[list[str]], Query(alias="type", description="Only these claim types (repeatable).")]
# a document as `ingest` reads a JSON Lines row (docs/format.md)
NEW_DOCUMENT = {"type": "object", "required": ["text"], "properties": {
    "text": {"type": "string"}, "id": {"type": "string"}, "title": {"type": "string"},
    "url": {"type": "string"}, "outlet": {"type": "string"},
    "published": {"type": "string", "description": "YYYY-MM-DD, YYYY-MM or YYYY"}}}
FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
           "parquet": "application/vnd.apache.parquet"}


@contextmanager
def _store(request: Request, command: str = "", known_on: str | None = None, **options) -> Iterator[Store]:
    """The server's store, as known on `known_on`, after the CLI's checks of the options."""
    check_options(command, {"known_on": known_on, **options})
    store = request.app.state.settings.store()
    with store.as_known_on(known_on):
        yield store


@router.get("/meta", summary="Version, counts and the span of dated facts (for a time slider)")
def meta(request: Request) -> dict:
    with _store(request) as store:
        row = store.connection.execute(
            "SELECT min(time_start), max(coalesce(time_end, time_start)) FROM facts WHERE time_start IS NOT NULL"
        ).fetchone()
        counts = store.counts()
    settings = request.app.state.settings
    return {"version": __version__, "counts": counts, "first": row[0], "last": row[1],
            "ingest": settings.token is not None, "place_types": list(PLACE_TYPES), "tables": list(TABLES)}


@router.get("/countries", summary="ISO 3166 countries: alpha-2, numeric code and name (for the web map)")
def countries() -> list[dict]:
    return [{"alpha_2": c.alpha_2, "numeric": c.numeric, "name": c.name} for c in pycountry.countries]


@router.get("/actors", summary="Actors, or those whose names contain `search` (CLI: actors list)")
def actors(request: Request, search: Optional[str] = None) -> list[dict]:
    with _store(request) as store:
        return [r.to_dict() for r in list_actors(store, search)]


@router.get("/actors/{name}", summary="One actor by id, name or alias (E401 with the nearest names)")
def actor(request: Request, name: str) -> dict:
    with _store(request) as store:
        return find_actor(store, name).to_dict()


@router.get("/leader", summary="Who led the group on a date, and who had pledged to that leader (CLI: leader)")
def leader(request: Request, org: str, on: On = None, known_on: KnownOn = None) -> dict:
    with _store(request, known_on=known_on, on=on) as store:
        return leader_on(store, org, on).to_dict()


@router.get("/relations", summary="The group's relations to other groups (CLI: relations)")
def relations_(request: Request, org: str, on: On = None, known_on: KnownOn = None) -> list[dict]:
    with _store(request, known_on=known_on, on=on) as store:
        return [r.to_dict() for r in relations(store, org, on)]


@router.get("/timeline", summary="Every claim naming the actor, in time order (CLI: timeline)")
def timeline_(request: Request, actor: str, known_on: KnownOn = None) -> list[dict]:
    with _store(request, known_on=known_on) as store:
        return [e.to_dict() for e in timeline(store, actor)]


@router.get("/facts", summary="Facts fused from every article, with intervals and sources (CLI: facts)")
def facts(request: Request, actor: Optional[str] = None, types: Types = None, on: On = None,
          known_on: KnownOn = None) -> list[dict]:
    with _store(request, "facts", known_on=known_on, on=on, types=types) as store:
        return [r.to_dict() for r in list_facts(store, actor, types, on)]


@router.get("/evidence/{id}", summary="A claim (c-...) or fact (f-...) with its sentences (CLI: evidence)")
def evidence(request: Request, id: str, known_on: KnownOn = None) -> dict:
    with _store(request, known_on=known_on) as store:
        return (fact_detail(store, id) if id.startswith("f-") else claim_detail(store, id)).to_dict()


@router.get("/explain/{claim_id}", summary="Which rules and signals produced a claim (CLI: explain)")
def explain(request: Request, claim_id: str) -> dict:
    with _store(request) as store:
        return explain_claim(store, claim_id).to_dict()


@router.get("/documents/{id}", summary="A stored document: its text and where it was published")
def document(request: Request, id: str) -> dict:
    with _store(request) as store:
        doc = store.document(id)
    if doc is None:
        raise FactionmapError("E424", id=id)
    return {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published, "url": doc.url,
            "text": doc.text}


@router.get("/network", summary="Groups and their relations on a date (CLI: network --json)")
def network(request: Request, on: On = None, region: Optional[str] = None,
            types: Annotated[Optional[list[str]], Query(alias="type", description="Relation types.")] = None,
            known_on: KnownOn = None) -> dict:
    with _store(request, "network", known_on=known_on, on=on, region=region, types=types) as store:
        return json.loads(graphio.to_json(build_network(store, on, region, types)))


@router.get("/conflicts", summary="Claims that cannot both hold (CLI: conflicts)")
def conflicts(request: Request, known_on: KnownOn = None) -> list[dict]:
    with _store(request, known_on=known_on) as store:
        return [c.to_dict() for c in find_conflicts(store)]


@router.get("/changes", summary="Facts that appeared or changed since an ingest date (CLI: changes)")
def changes_(request: Request, since: str) -> list[dict]:
    with _store(request, since=since) as store:
        return [{"change": kind, **row.to_dict()} for kind, row in changes(store, since)]


@router.get("/places", summary="Presence, control, seizures and attacks as GeoJSON")
def places_(request: Request, on: On = None, known_on: KnownOn = None, types: Types = None,
            days: Annotated[int, Query(ge=1, le=36600, description="Seizures and attacks of this many days "
                                                                   "up to `on`.")] = 365) -> dict:
    if types:
        for t in types:
            if t.upper() not in PLACE_TYPES:
                raise FactionmapError("E407", option="type value", value=t, hint="", expected=", ".join(PLACE_TYPES))
    with _store(request, known_on=known_on, on=on) as store:
        return places(store, on, days, types)


@router.get("/export/{what}", summary="A table as a file: JSON Lines, CSV or Parquet (CLI: export)",
            response_class=Response)
def export(request: Request, what: str, format: str = "jsonl", actor: Optional[str] = None, types: Types = None,
           on: On = None, known_on: KnownOn = None) -> Response:
    tabular.check_format(format)
    with _store(request, "export", known_on=known_on, on=on, types=types, what=what) as store:
        if what == "claims" and format == "jsonl":  # the ontology's nested shape
            if on is not None:
                raise FactionmapError("E410", table=what)
            out = io.StringIO()
            write_jsonl(store, out, actor_id=find_actor(store, actor).id if actor else None,
                        types=[t.upper() for t in types] if types else None)
            body: bytes = out.getvalue().encode("utf-8")
        else:
            body = _table_bytes(TABLES[what](store, actor, types, on), format)
    name = f"factionmap-{what}.{format}"
    return Response(body, media_type=FORMATS[format], headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _table_bytes(table, format: str) -> bytes:
    if format == "parquet":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "table.parquet"
            tabular.write_parquet(table, path)
            return path.read_bytes()
    out = io.StringIO()
    (tabular.write_csv if format == "csv" else tabular.write_jsonl)(table, out)
    return out.getvalue().encode("utf-8")


@router.post("/documents", summary="Add documents (needs the server's token): one object or a list",
             responses=_errors(401, 403, 413),
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                 "oneOf": [NEW_DOCUMENT, {"type": "array", "items": NEW_DOCUMENT}]}}}}})
async def add_documents(request: Request) -> dict:
    settings = request.app.state.settings
    if settings.token is None:
        raise FactionmapError("E420")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode("utf-8"), settings.token.encode("utf-8")):
        raise FactionmapError("E421")
    body = bytearray()
    async for chunk in request.stream():  # a body sent without its length is cut off at the limit too
        body += chunk
        if len(body) > settings.max_body:
            raise FactionmapError("E422", limit=settings.max_body)
    docs = _documents(bytes(body))
    with tempfile.TemporaryDirectory() as folder:  # the CLI's ingest, on the documents as JSON Lines
        path = Path(folder) / "request.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        report = ingest_paths([path], settings.db).to_dict()
    for item in report["failed"] + report["skipped"]:
        item["source"] = item["source"].replace(str(path), "document")  # "document:2": the body's second
    return report


def _documents(body: bytes) -> list[dict]:
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FactionmapError("E423", detail=str(error)) from None
    docs = value if isinstance(value, list) else [value]
    if not docs or not all(isinstance(d, dict) for d in docs):
        raise FactionmapError("E423", detail="each document is a JSON object with at least 'text'")
    return docs
