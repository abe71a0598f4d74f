"""Scoring dateline's output against hand-written gold files (../shared/gold/FORMAT.md).

The gold is written by text, not offsets, so every comparison goes through one folding
function (`normalize.fold`). Modules, one job each:

- `gold`: find and load `NAME.json` + `NAME.txt|html` pairs, turn them into Documents.
- `normalize`: text folding and token overlap.
- `dates`: ISO dates, weeks and ranges as day intervals (for "date inside the gold range").
- `match`: one-to-one best-first matching of gold items to system items.
- `score`: one scorer per gold section, each returning a `SectionScore`.
- `report`: the table, the JSON object and the verbose miss/spurious listing.
"""

from __future__ import annotations

from .score import DocScore, SectionScore, score_document, sum_scores

__all__ = ["DocScore", "SectionScore", "score_document", "sum_scores"]
