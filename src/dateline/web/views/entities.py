"""Entities: the list of named people and bodies, and one entity's page across the corpus."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response

from .. import charts, queries
from ..db import store
from ..markup import entity_url
from ..params import MAX_QUERY, Format, Name, Page, Text, clean, page
from ..respond import listing, render

router = APIRouter()

EntityName = Annotated[str, Path(max_length=MAX_QUERY, description="the entity's name, as articles give it")]


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def entities_page(request: Request, q: Text = "", type: Name = "", p: Page = Depends(page)) -> HTMLResponse:
    total, rows = queries.list_entities(store(request), clean(q), clean(type), p)
    filters = {k: v for k, v in {"q": clean(q), "type": clean(type)}.items() if v}
    return render(
        request, "entities.html", filters=filters, page=p, total=total, rows=rows, entity_url=entity_url,
        types=("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"), api="/api/entities",
    )  # fmt: skip


@router.get("/api/entities", tags=["entities"])
@router.get("/api/entities.csv", tags=["entities"], include_in_schema=False)
def api_entities(
    request: Request, q: Text = "", type: Name = "", p: Page = Depends(page), format: Format = "json"
) -> Response:
    """Entity names across articles, the most widely covered first; `q` matches part of a name."""
    total, rows = queries.list_entities(store(request), clean(q), clean(type), p)
    return listing(request, total, rows, p, format, "entities")


def _entity_or_404(request: Request, name: str, p: Page) -> dict[str, Any]:
    found = queries.entity(store(request), name, p)
    if found is None:
        raise HTTPException(404, f"no entity or speaker named {name!r}")
    return found


@router.get("/entity/{name:path}", response_class=HTMLResponse, include_in_schema=False)
def entity_page(request: Request, name: EntityName, p: Page = Depends(page)) -> HTMLResponse:
    found = _entity_or_404(request, name, p)
    chart = charts.timeline(found["quotes_by_month"], label="quotes")
    return render(request, "entity.html", e=found, chart=chart, page=p, entity_url=entity_url)


@router.get("/api/entities/{name:path}", tags=["entities"])
def api_entity(request: Request, name: EntityName, p: Page = Depends(page)) -> dict[str, Any]:
    """One entity: its types, titles, quotes over time (paged by limit/offset), events as actor or target,
    and who is quoted in the same articles."""
    found = _entity_or_404(request, name, p)
    return {**found, "limit": p.limit, "offset": p.offset}
