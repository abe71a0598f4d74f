"""`dateline ingest`: files, folders, WARC archives, feeds and URLs into a store, resumably.

Exit codes: 0 every new input stored as an article; 1 some inputs failed (they are in the
store's `failures` table); 2 usage error or the model cannot be loaded; 130 interrupted
(everything committed before Ctrl-C stays, and a rerun resumes).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from .. import nlp as nlp_module
from ..ingest import MAX_DOCUMENT_BYTES, ingest
from ..store import DEFAULT_DB, open_store
from ..store.report import print_report


class Engine(StrEnum):
    local = "local"
    ray = "ray"


def main(
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders, .warc(.gz) archives, RSS/Atom feeds (file or URL), page URLs.")
    ],
    db: Annotated[str, typer.Option("--db", help="SQLite path or postgresql:// URL.")] = DEFAULT_DB,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (local) or actors (ray); default: all cores.", min=1)
    ] = None,
    engine: Annotated[
        Engine, typer.Option(help="local: processes on this machine; ray: a Ray cluster.")
    ] = Engine.local,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (ray://host:10001); default: a local Ray instance.")
    ] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline name or path.")] = nlp_module.DEFAULT_MODEL,
    batch_size: Annotated[int, typer.Option(help="Documents per batch (and per commit).", min=1)] = 16,
    out: Annotated[str, typer.Option(help="Ray: folder for Parquet shards and manifest.json.")] = "dateline-shards",
    report: Annotated[bool, typer.Option("--report", help="Print a report of the store at the end.")] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Process inputs that failed before again.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Inputs larger than this are recorded as failures.")
    ] = MAX_DOCUMENT_BYTES,
    rate: Annotated[float, typer.Option(help="Seconds between two requests to the same host.", min=0)] = 1.0,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: when a terminal).")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for the inputs.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet of the inputs (TASS, Reuters...).")] = None,
) -> None:
    """Ingest sources into a store; a rerun skips what is stored, so an interrupted run resumes."""
    if not nlp_module.available(model):
        typer.echo(f"dateline: cannot load spaCy model {model!r}: not an installed package or a pipeline directory",
                   err=True)  # fmt: skip
        raise typer.Exit(2)
    try:
        store = open_store(db)
    except Exception as exc:  # noqa: BLE001 - a bad path or an unreachable server is the user's to fix
        typer.echo(f"dateline: cannot open store {db}: {exc}", err=True)
        raise typer.Exit(2) from exc
    with store:
        try:
            summary = ingest(
                sources,
                store,
                engine=engine.value,
                workers=workers or os.cpu_count() or 1,
                model=model,
                batch_size=batch_size,
                show_progress=sys.stderr.isatty() if progress is None else progress,
                retry_failed=retry_failed,
                max_bytes=max_bytes,
                min_interval=rate,
                published=published,
                source=source,
                out=out,
                address=address,
            )
        except (RuntimeError, ImportError) as exc:  # Ray missing or unreachable, workers that cannot start
            typer.echo(f"dateline: {exc}", err=True)
            raise typer.Exit(2) from exc
        typer.echo(f"dateline: {summary.line()} -> {db}", err=True)
        if summary.interrupted:
            typer.echo("dateline: everything stored so far is kept; run the same command again to resume", err=True)
        for error in summary.errors[:20]:
            typer.echo(f"  failed {error}", err=True)
        if summary.failed > 20:
            typer.echo(f"  ... and {summary.failed - 20} more (see the failures table)", err=True)
        if report:
            print_report(store)
    if summary.interrupted:
        raise typer.Exit(130)
    if summary.failed:
        raise typer.Exit(1)
