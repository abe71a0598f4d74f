"""Events: a filtered listing, a timeline per month and an offline map of where they happened."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from .. import charts, queries
from ..cache import cached
from ..db import store
from ..params import EventFilters, Format, Page, event_filters, page
from ..respond import listing, render

router = APIRouter()

STATUSES = ("asserted", "attributed", "contested", "negated", "hypothetical", "future")


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, f: EventFilters = Depends(event_filters), p: Page = Depends(page)) -> HTMLResponse:
    s = store(request)
    total, rows = queries.list_events(s, f, p)
    filters = f.as_dict()
    places = cached(request, ("places", f), lambda: queries.event_places(s, f))
    timeline = cached(request, ("timeline", f), lambda: queries.event_timeline(s, f))
    return render(
        request, "events.html", f=f, filters=filters, page=p, total=total, rows=rows,
        types=cached(request, "types", lambda: queries.event_types(s)), statuses=STATUSES, api="/api/events",
        timeline=charts.timeline(timeline, "/events", filters),
        map=charts.world_map(places, "/events", filters), located=sum(pl["n"] for pl in places),
    )  # fmt: skip


@router.get("/api/events", tags=["events"])
@router.get("/api/events.csv", tags=["events"], include_in_schema=False)
def api_events(
    request: Request, f: EventFilters = Depends(event_filters), p: Page = Depends(page), format: Format = "json"
) -> Response:
    """Events by type, country, date range (the event's date, else its article's) and status."""
    total, rows = queries.list_events(store(request), f, p)
    return listing(request, total, rows, p, format, "events")


@router.get("/api/events/timeline", tags=["events"])
def api_event_timeline(request: Request, f: EventFilters = Depends(event_filters)) -> list[dict[str, Any]]:
    """Events per month (YYYY-MM) under the same filters: the timeline chart's data."""
    s = store(request)
    return cached(request, ("timeline", f), lambda: queries.event_timeline(s, f))


@router.get("/api/events/places", tags=["events"])
def api_event_places(request: Request, f: EventFilters = Depends(event_filters)) -> list[dict[str, Any]]:
    """Located event places (lat, lon, name, country, events) under the same filters: the map's data."""
    s = store(request)
    return cached(request, ("places", f), lambda: queries.event_places(s, f))
