"""`dateline serve`: browse a store in a web browser, and query it through a JSON API.

Pages: / (figures and search), /articles, /articles/KEY (the text with its facts marked),
/quotes, /entities, /entity/NAME, /events (timeline and map), /disputes (figures reported
differently); their data under /api/... (JSON, or CSV with `.csv`), the OpenAPI document at /docs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..store import DEFAULT_DB
from ..store.store import is_postgres_url


def main(
    db: Annotated[str, typer.Option("--db", help="SQLite path or postgresql:// URL of the store.")] = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve a store's pages and JSON API (read-only) on http://HOST:PORT/."""
    path = db.removeprefix("sqlite:///")
    if not is_postgres_url(db) and not Path(path).is_file():
        typer.echo(f"dateline serve: no store at {db}; build one with `dateline ingest SOURCES --db {db}`", err=True)
        raise typer.Exit(2)
    import uvicorn

    from ..web import create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"dateline serve: listening on {host}: the store is readable by anyone who can reach it", err=True)
    typer.echo(f"dateline serve: http://{host}:{port}/ (API docs at /docs); Ctrl-C to stop", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
