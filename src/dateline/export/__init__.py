"""Exports of a store: full records (JSONL), flat rows (CSV, Parquet) and PLOVER event records.

    with open_store("dateline.db") as store:
        export(store, "csv", sys.stdout, what="events", country="RU", since="2022-01-01")

Articles are chosen by publication date and, with `event_type` / `country`, by having
such an event; within a chosen article only the matching events are exported as rows or
PLOVER records. JSONL gives each chosen record whole, exactly as stored. Event rows and
PLOVER records come from `export.plover` (`event_rows`, `plover_records`); quote and
article rows from `export.rows`.
"""

from __future__ import annotations

from .writers import FORMATS, WHATS, export, select_articles

__all__ = ["FORMATS", "WHATS", "export", "select_articles"]
