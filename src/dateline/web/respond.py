"""How pages answer: HTML from templates, JSON listings with pagination, CSV downloads.

Every listing has one JSON form, `{"total", "limit", "offset", "next", "rows"}`, and a CSV form
(`?format=csv` or the same path with `.csv`) with one column per row key.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .markup import entity_url
from .params import Page

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    env.filters["urlencode_dict"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})
    env.globals["entity_url"] = entity_url
    return env


_ENV = environment()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = _ENV.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def wants_csv(request: Request, fmt: str | None) -> bool:
    return fmt == "csv" or request.url.path.endswith(".csv")


def next_url(request: Request, total: int, page: Page) -> str | None:
    if page.offset + page.limit >= total:
        return None
    params = dict(request.query_params)
    params.update(limit=str(page.limit), offset=str(page.offset + page.limit))
    return f"{request.url.path}?{urlencode(params)}"


def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_response(rows: list[dict[str, Any]], filename: str, columns: list[str] | None = None) -> Response:
    buf = io.StringIO()
    columns = columns or (list(rows[0]) if rows else [])
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def listing(
    request: Request, total: int, rows: list[dict[str, Any]], page: Page, fmt: str | None, name: str
) -> Response:
    """A page of a listing as JSON, or as CSV when asked."""
    if wants_csv(request, fmt):
        return csv_response(rows, name)
    return JSONResponse(
        {
            "total": total,
            "limit": page.limit,
            "offset": page.offset,
            "next": next_url(request, total, page),
            "rows": rows,
        }
    )
