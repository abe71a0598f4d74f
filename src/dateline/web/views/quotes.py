"""Quote search: full text over what was said, filtered by speaker, outlet, date and status."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from .. import queries
from ..cache import cached
from ..db import store
from ..markup import entity_url
from ..params import Format, Page, QuoteFilters, page, quote_filters
from ..respond import listing, render

router = APIRouter()

STATUSES = ("neutral", "contested", "denial", "negated")


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(request: Request, f: QuoteFilters = Depends(quote_filters), p: Page = Depends(page)) -> HTMLResponse:
    s = store(request)
    total, rows = queries.search_quotes(s, f, p)
    return render(
        request, "quotes.html", f=f, filters=f.as_dict(), page=p, total=total, rows=rows,
        outlets=cached(request, "outlets", lambda: queries.outlets(s)), statuses=STATUSES, entity_url=entity_url, api="/api/quotes",
    )  # fmt: skip


@router.get("/api/quotes", tags=["quotes"])
@router.get("/api/quotes.csv", tags=["quotes"], include_in_schema=False)
def api_quotes(
    request: Request, f: QuoteFilters = Depends(quote_filters), p: Page = Depends(page), format: Format = "json"
) -> Response:
    """Quotes matching `q` (full text over the quoted words) and the filters; `speaker` matches part of a name."""
    total, rows = queries.search_quotes(store(request), f, p)
    return listing(request, total, rows, p, format, "quotes")
