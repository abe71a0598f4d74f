"""The app factory: `create_app("dateline.db")` -> a FastAPI app over one store, read-only.

Each worker thread opens its own connection (SQLite connections are not shared across threads
safely); every page module in `views/` adds an HTML route and its JSON twin under `/api/`.
Responses carry a Content-Security-Policy that allows nothing but this origin, so even a
rendering bug could not load or run anything from article text.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import queries
from .cache import TTLCache
from .db import Stores
from .params import EventFilters
from .respond import render
from .views import articles, disputes, entities, events, home, quotes

STATIC = Path(__file__).parent / "static"
log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def warm(app: FastAPI) -> None:
    """Compute the unfiltered aggregates once at startup, so the first visitor does not wait for them."""
    try:
        s = app.state.stores.get()
        cache = app.state.cache
        cache.get("figures", lambda: queries.corpus_figures(s))
        cache.get(("timeline", EventFilters()), lambda: queries.event_timeline(s, EventFilters()))
        cache.get(("places", EventFilters()), lambda: queries.event_places(s, EventFilters()))
        cache.get("figures-in-dispute", lambda: queries.figures(s))
    except Exception as exc:  # noqa: BLE001 - a cold cache is only slower; pages report real errors
        log.warning("warming the cache failed: %s", exc)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(db: str | Path = "dateline.db", cache_seconds: float = 60.0) -> FastAPI:
    """The app over the store at `db` (SQLite path or postgresql:// URL); connections open lazily.

    Aggregates (figures, timelines, maps) are cached for `cache_seconds`; 0 turns the cache off.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=warm, args=(app,), name="dateline-warm", daemon=True).start()
        yield
        app.state.stores.close()

    # FastAPIOffline serves Swagger UI and ReDoc from the package, not a CDN: /docs works offline.
    app = FastAPIOffline(
        lifespan=lifespan,
        title="dateline",
        description="Who said what, what happened, where and when, and according to whom: "
        "the pages and JSON API of a dateline store.",
        version="0.1.0",
    )
    app.state.stores = Stores(str(db))
    app.state.cache = TTLCache(ttl=cache_seconds)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (home, articles, quotes, entities, events, disputes):
        app.include_router(module.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:  # noqa: ANN001
        response = await call_next(request)
        if not request.url.path.startswith("/docs") and not request.url.path.startswith("/redoc"):
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"field": ".".join(str(p) for p in e.get("loc", ())[1:]), "message": e.get("msg", "")} for e in exc.errors()
        ]
        if _is_api(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return render(request, "error.html", status_code=422, title="Invalid request", problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request) or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return render(request, "error.html", status_code=exc.status_code, title=str(exc.detail), problems=[])

    return app
