"""A short printed report of a store: who is quoted most, what happened where, which figures and whose.

`dateline ingest ... --report` prints it after ingesting (and `make demo` shows it).
All of it is plain SQL over the flat tables, so it runs the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sys
from typing import IO

from .store import Store


def _table(out: IO[str], title: str, header: tuple[str, ...], rows: list[tuple]) -> None:
    out.write(f"\n{title}\n")
    if not rows:
        out.write("  (none)\n")
        return
    cells = [tuple("" if v is None else str(v) for v in row) for row in rows]
    widths = [min(60, max(len(h), *(len(r[i]) for r in cells))) for i, h in enumerate(header)]
    out.write("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
    for row in cells:
        out.write("  " + "  ".join(c[:w].ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")


def print_report(store: Store, out: IO[str] | None = None, *, limit: int = 10) -> None:
    """Print top speakers, events by type and country, casualty and crowd figures with their sources."""
    out = out or sys.stdout
    stats = store.stats()
    out.write(
        f"{stats['articles']} articles, {stats['failures']} failures; {stats['entities']} entities, "
        f"{stats['quotes']} quotes, {stats['stances']} stances, {stats['events']} events, "
        f"{stats['counts']} counts, {stats['places']} places\n"
    )
    speakers = store.query(
        "SELECT speaker, COUNT(*) AS n, COUNT(DISTINCT article_key) FROM quotes WHERE speaker IS NOT NULL "
        "GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?",
        (limit,),
    )
    _table(out, "Top speakers", ("speaker", "quotes", "articles"), speakers)
    events = store.query(
        "SELECT type, COALESCE(country, '-') AS cc, COUNT(*) AS n FROM events "
        "GROUP BY type, COALESCE(country, '-') ORDER BY n DESC, type, cc LIMIT ?",
        (limit * 2,),
    )
    _table(out, "Events by type and country", ("type", "country", "events"), events)
    counts = store.query(
        "SELECT c.what, c.value, c.qualifier, COALESCE(c.source, 'the outlet'), c.status, a.headline "
        "FROM counts c JOIN articles a ON a.key = c.article_key "
        "ORDER BY CASE WHEN c.what = 'other' THEN 1 ELSE 0 END, c.value DESC, c.what LIMIT ?",
        (limit,),
    )
    _table(out, "Counts and their sources", ("what", "value", "qualifier", "source", "status", "article"), counts)
    failures = store.query("SELECT stage, COUNT(*) FROM failures GROUP BY stage ORDER BY stage")
    if failures:
        _table(out, "Failures by stage", ("stage", "inputs"), failures)
