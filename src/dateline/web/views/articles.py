"""Article search and the article view: the text with every fact marked, and the facts listed."""

from __future__ import annotations

from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from .. import markup, queries
from ..cache import cached
from ..db import store
from ..params import ArticleFilters, Format, Page, article_filters, page
from ..respond import listing, render

router = APIRouter()

Key = Annotated[str, Path(max_length=200, description="the article's key (sha256) or its id")]


def highlight(snippet: str | None) -> Markup | None:
    """An FTS snippet, escaped, with its match markers turned into <mark>."""
    if not snippet:
        return None
    html = escape(snippet).replace(queries.MARK_OPEN, "<mark>").replace(queries.MARK_CLOSE, "</mark>")
    return Markup(html)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(
    request: Request, f: ArticleFilters = Depends(article_filters), p: Page = Depends(page)
) -> HTMLResponse:
    s = store(request)
    total, rows = queries.search_articles(s, f, p)
    for row in rows:
        row["snippet"] = highlight(row["snippet"])
    return render(
        request, "articles.html", f=f, filters=f.as_dict(), page=p, total=total, rows=rows,
        outlets=cached(request, "outlets", lambda: queries.outlets(s)), api="/api/articles",
    )  # fmt: skip


@router.get("/api/articles", tags=["articles"])
@router.get("/api/articles.csv", tags=["articles"], include_in_schema=False)
def api_articles(
    request: Request, f: ArticleFilters = Depends(article_filters), p: Page = Depends(page), format: Format = "json"
) -> Response:
    """Articles, newest first, or best matches first for `q` (full text over headline and text)."""
    total, rows = queries.search_articles(store(request), f, p)
    for row in rows:
        if row["snippet"]:
            row["snippet"] = row["snippet"].replace(queries.MARK_OPEN, "").replace(queries.MARK_CLOSE, "")
    return listing(request, total, rows, p, format, "articles")


def _article_or_404(request: Request, key: str) -> dict[str, Any]:
    found = queries.article(store(request), key)
    if found is None:
        raise HTTPException(404, f"no article with key or id {key!r}")
    return found


@router.get("/articles/{key}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, key: Key) -> HTMLResponse:
    found = _article_or_404(request, key)
    record = found["record"]
    colours = markup.speakers(record)
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    legend = []
    for q in record.get("quotes", []):
        k = markup.speaker_key(q)
        if all(item["key"] != k for item in legend):
            sp = q.get("speaker") or {}
            name = names.get(sp.get("entity") or "", sp.get("name") or "(unattributed)")
            legend.append({"key": k, "name": name, "colour": colours[k], "url": markup.entity_url(name)})
    return render(
        request, "article.html", a=found, record=record, text=markup.render_text(record),
        facts_json=markup.facts_json(record), legend=legend, names=names, entity_url=markup.entity_url,
    )  # fmt: skip


@router.get("/api/articles/{key}", tags=["articles"])
def api_article(request: Request, key: Key) -> dict[str, Any]:
    """One article's whole record (every fact with its spans), by key or id."""
    found = _article_or_404(request, key)
    return {"key": found["key"], "record": found["record"]}
