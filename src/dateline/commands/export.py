"""`dateline export`: a store's records as JSONL, CSV, Parquet or PLOVER JSONL.

Exit codes: 0 written (even when nothing matched; the count goes to stderr); 2 usage
error or a store that cannot be opened.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..export import export
from ..store import DEFAULT_DB, Store, open_store


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"


class What(StrEnum):
    events = "events"
    quotes = "quotes"
    stances = "stances"
    articles = "articles"


def main(
    db: Annotated[str, typer.Option("--db", help="SQLite path or postgresql:// URL.")] = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    what: Annotated[What, typer.Option(help="Rows of CSV/Parquet: events, quotes, stances or articles.")] = What.events,
    type: Annotated[str | None, typer.Option("--type", help="Only events of this PLOVER type (PROTEST...).")] = None,
    country: Annotated[str | None, typer.Option(help="Only events in this country (ISO 3166-1 alpha-2).")] = None,
    since: Annotated[str | None, typer.Option(help="Articles published on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Articles published on or before this date (YYYY-MM-DD).")] = None,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file; default standard output.")] = None,
) -> None:
    """Export records from a store: full records, flat event or quote rows, or PLOVER event records."""
    if not db.startswith(("postgresql://", "postgres://")) and not Path(db.removeprefix("sqlite:///")).exists():
        typer.echo(f"dateline: no store at {db} (run `dateline ingest` first)", err=True)
        raise typer.Exit(2)
    if format is Format.parquet and out is None and sys.stdout.isatty():
        typer.echo("dateline: Parquet is binary; give --out FILE or redirect standard output", err=True)
        raise typer.Exit(2)
    try:
        store = open_store(db)
    except Exception as exc:  # noqa: BLE001 - a bad path or an unreachable server is the user's to fix
        typer.echo(f"dateline: cannot open store {db}: {exc}", err=True)
        raise typer.Exit(2) from exc
    try:
        n = _write(store, format, out, what=what.value, event_type=type, country=country, since=since, until=until)
    except RuntimeError as exc:  # e.g. the PLOVER mapping is missing from this install
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from exc
    finally:
        store.close()
    typer.echo(f"dateline: exported {n} {'rows' if format in (Format.csv, Format.parquet) else 'records'}", err=True)


def _write(store: Store, format: Format, out: str | None, **options: str | None) -> int:
    """Export to a file, or to standard output (bytes for Parquet); return how many items were written."""
    binary = format is Format.parquet
    if out is None:
        stream = sys.stdout.buffer if binary else sys.stdout
        n = export(store, format.value, stream, **options)
        stream.flush()
        return n
    with open(out, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
        return export(store, format.value, fh, **options)
