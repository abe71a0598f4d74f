"""Figures in dispute: the same kind of count for the same country and month, reported differently."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .. import queries
from ..cache import cached
from ..db import store
from ..params import DisputeFilters, Format, Page, dispute_filters, page
from ..respond import csv_response, next_url, render, wants_csv

router = APIRouter()


@router.get("/disputes", response_class=HTMLResponse, include_in_schema=False)
def disputes_page(
    request: Request, f: DisputeFilters = Depends(dispute_filters), p: Page = Depends(page)
) -> HTMLResponse:
    s = store(request)
    total, groups = queries.disputes(s, f, p, cached(request, "figures-in-dispute", lambda: queries.figures(s)))
    return render(
        request, "disputes.html", f=f, filters=f.as_dict(), page=p, total=total, rows=groups,
        whats=queries.DISPUTE_WHATS, api="/api/disputes",
    )  # fmt: skip


@router.get("/api/disputes", tags=["figures"])
@router.get("/api/disputes.csv", tags=["figures"], include_in_schema=False)
def api_disputes(
    request: Request, f: DisputeFilters = Depends(dispute_filters), p: Page = Depends(page), format: Format = "json"
) -> Response:
    """Groups of differing figures (what, country, month) with every figure and its source.

    CSV gives one line per figure, with its group's what/country/period.
    """
    s = store(request)
    total, groups = queries.disputes(s, f, p, cached(request, "figures-in-dispute", lambda: queries.figures(s)))
    if wants_csv(request, format):
        return csv_response([m for g in groups for m in g["members"]], "disputes")
    body = {"total": total, "limit": p.limit, "offset": p.offset, "next": next_url(request, total, p), "rows": groups}
    return JSONResponse(body)
