"""One writer per format; all read the same selection of articles from the store."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..record import Article, Event
from ..store import Store
from .rows import article_rows, quote_rows, stance_rows

FORMATS = ("jsonl", "csv", "parquet", "plover")
WHATS = ("events", "quotes", "stances", "articles")


def _plover() -> Any:
    try:
        from . import plover
    except ImportError as exc:  # pragma: no cover - export/plover.py ships with the package
        raise RuntimeError("PLOVER export is not available in this install (dateline.export.plover)") from exc
    return plover


def _event_matches(event: Event, event_type: str | None, country: str | None) -> bool:
    return (not event_type or event.type == event_type.upper()) and (not country or event.country == country.upper())


def select_articles(
    store: Store,
    *,
    event_type: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    filter_events: bool = True,
) -> Iterator[Article]:
    """Articles in the date range having a matching event (when a type or country is given).

    With `filter_events`, each article keeps only its matching events, so rows and PLOVER
    records are exactly the events asked for.
    """
    for article in store.articles(since=since, until=until, country=country, event_type=event_type):
        if filter_events and (event_type or country):
            events = [e for e in article.events if _event_matches(e, event_type, country)]
            if event_type and not events:
                continue
            article = article.model_copy(update={"events": events})
        yield article


def row_function(what: str) -> Callable[[Article], list[dict]]:
    if what == "events":
        return _plover().event_rows
    if what == "quotes":
        return quote_rows
    if what == "stances":
        return stance_rows
    if what == "articles":
        return article_rows
    raise ValueError(f"unknown row kind {what!r}: one of {', '.join(WHATS)}")


def write_csv(rows: Iterator[dict], out: IO[str]) -> int:
    """CSV with the first row's columns as header (every row of a kind has the same columns)."""
    writer: csv.DictWriter | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                         for k, v in row.items()})  # fmt: skip
        n += 1
    return n


def write_parquet(rows: Iterator[dict], out: IO[bytes]) -> int:
    """One Parquet file; list and dict values become JSON text so every column has one type."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_rows = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in row.items()}
                  for row in rows]  # fmt: skip
    pq.write_table(pa.Table.from_pylist(table_rows), out)
    return len(table_rows)


def write_jsonl(items: Iterator[str], out: IO[str]) -> int:
    n = 0
    for line in items:
        out.write(line)
        out.write("\n")
        n += 1
    return n


def export(
    store: Store,
    fmt: str,
    out: IO,
    *,
    what: str = "events",
    event_type: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """Write the selection in `fmt` to `out` (text stream, or binary for parquet); return how many items."""
    if fmt == "jsonl":
        # The stored JSON as it is: the record exactly as extracted, never re-serialized.
        return write_jsonl((js for _key, js in store.article_json(since, until, country, event_type)), out)
    articles = select_articles(store, event_type=event_type, country=country, since=since, until=until)
    if fmt == "plover":
        plover = _plover()
        return write_jsonl((json.dumps(r, ensure_ascii=False) for a in articles for r in plover.plover_records(a)), out)
    rows_of = row_function(what)
    rows = (row for a in articles for row in rows_of(a))
    if fmt == "csv":
        return write_csv(rows, out)
    if fmt == "parquet":
        return write_parquet(rows, out)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
