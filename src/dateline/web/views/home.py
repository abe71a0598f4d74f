"""The home page: what the corpus holds, and one search box."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import queries
from ..cache import cached
from ..db import store
from ..params import ArticleFilters, Page
from ..respond import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home_page(request: Request) -> HTMLResponse:
    s = store(request)
    _, latest = queries.search_articles(s, ArticleFilters(), Page(10, 0))
    return render(
        request,
        "home.html",
        figures=cached(request, "figures", lambda: queries.corpus_figures(s)),
        speakers=cached(request, "speakers", lambda: queries.top_speakers(s, 12)),
        latest=latest,
    )


@router.get("/api/stats", tags=["corpus"])
def api_stats(request: Request) -> dict[str, Any]:
    """Corpus figures: articles, outlets, publication date span, quotes, speakers, events, entities, places."""
    s = store(request)
    figures = cached(request, "figures", lambda: queries.corpus_figures(s))
    return {**figures, "top_speakers": cached(request, "speakers", lambda: queries.top_speakers(s, 12))}
