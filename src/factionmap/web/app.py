"""`factionmap serve`: the HTTP API and the web app in one FastAPI application.

`create_app(db)` builds it over a store that must exist (E305 otherwise, as for every query).
It is read-only unless a token is given (`FACTIONMAP_TOKEN`): then `POST /api/documents`
adds documents for a caller sending that token. Every response carries a strict
Content-Security-Policy (scripts, styles and data only from this server; no inline script)
and the usual hardening headers; cross-origin requests are refused unless origins are named.
Errors are JSON, `{"error": {"code", "message", "status"}}`, with the CLI's codes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store.pg import is_url
from ..errors import USAGE_CODES, FactionmapError, one_line
from ..store.sqlite import Store
from .routes import router
from .vendor import vendor_file

STATIC = Path(__file__).parent / "static"
MAX_BODY = 2 * 1024 * 1024  # bytes of one POST
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# the OpenAPI page (/docs) is Swagger UI, which starts itself with one inline script
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'")
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Resource-Policy": "same-origin"}
NOT_FOUND_CODES = frozenset({"E401", "E402", "E424", "E425"})


@dataclass
class Settings:
    """What one server was started with."""

    db: Path | str  # a file, or a postgresql:// URL
    token: str | None = None
    cors: tuple[str, ...] = ()
    max_body: int = MAX_BODY
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def store(self) -> Store:
        """This thread's open store (SQLite connections stay in their thread); opened once."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store.open(self.db, create=False)
        return store


def http_status(code: str) -> int:
    """The HTTP status of an error code: 400 for a bad request, 404 for what is not there,
    401/403/413 for the token and the body, 503 for a store that cannot be read."""
    if code in USAGE_CODES or code == "E423":
        return 400
    if code in NOT_FOUND_CODES:
        return 404
    return {"E420": 403, "E421": 401, "E422": 413, "E305": 503, "E306": 503}.get(code, 500)


def error_response(code: str, message: str, status: int | None = None) -> JSONResponse:
    status = status or http_status(code)
    return JSONResponse({"error": {"code": code, "message": one_line(message, 2000), "status": status}}, status)


def create_app(db: str | Path = "factionmap.db", token: str | None = None, cors: tuple[str, ...] = (),
               max_body: int = MAX_BODY) -> FastAPI:
    """The application over the store at `db` (checked now: E305 when missing)."""
    settings = Settings(db if is_url(db) else Path(db), token or None, tuple(cors), max_body)
    Store.open(settings.db, create=False).close()
    app = FastAPI(title="factionmap", version=__version__, docs_url=None, redoc_url=None,
                  description="A sourced, time-aware map of armed groups. Every query takes `on` (the day to "
                              "answer for) and `known_on` (use only documents published by then).")
    app.state.settings = settings

    @app.exception_handler(FactionmapError)
    async def _coded(request: Request, exc: FactionmapError):
        return error_response(exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
        return error_response("E400", f"{where or 'request'}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = "E425" if exc.status_code == 404 else "E400"
        message = f"no page at {request.url.path}" if exc.status_code == 404 else str(exc.detail)
        return error_response(code, message, exc.status_code)

    if settings.cors:  # added first: inside the guard, so its answers to preflights are hardened too
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    @app.middleware("http")
    async def _guard(request: Request, call_next):
        if request.method in ("POST", "PUT", "PATCH"):
            declared = request.headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > settings.max_body):
                return _secured(request, error_response("E422", FactionmapError("E422", limit=settings.max_body).message))
        return _secured(request, await call_next(request))

    app.include_router(router)
    _pages(app)
    _openapi_without_422(app)
    return app


def _openapi_without_422(app: FastAPI) -> None:
    """The schema as served: FastAPI declares a 422 for every operation with parameters, but
    an invalid request answers 400 E400 here (declared, with the Error model, by the routes)."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = build()
            for operations in spec["paths"].values():
                for operation in operations.values():
                    operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                spec.get("components", {}).get("schemas", {}).pop(name, None)
        return app.openapi_schema

    app.openapi = openapi


def _secured(request: Request, response: Response) -> Response:
    response.headers["Content-Security-Policy"] = DOCS_CSP if request.url.path == "/docs" else CSP
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _pages(app: FastAPI) -> None:
    """The web app (one page, static files) and the offline OpenAPI page."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/vendor/{name:path}", include_in_schema=False)
    def vendor(name: str):
        path = vendor_file(name)
        if path is None:
            raise FactionmapError("E425", what="vendored file", path=f"/vendor/{name}")
        return FileResponse(path)

    @app.get("/docs", include_in_schema=False)
    def docs():
        from fastapi.openapi.docs import get_swagger_ui_html

        if vendor_file("swagger-ui/swagger-ui-bundle.js") is None:  # set-up not run: the schema itself
            return HTMLResponse('<p>Swagger UI is not installed (run the set-up); the schema is at '
                                '<a href="/openapi.json">/openapi.json</a>.</p>')
        return get_swagger_ui_html(openapi_url="/openapi.json", title="factionmap API",
                                   swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")
