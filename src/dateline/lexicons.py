"""Reviewed data files under `dateline/data/`, loaded once per process.

Format: UTF-8 text, `#` starts a comment line (each file opens with a header saying where
its entries came from), blank lines ignored, fields separated by a TAB.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of data file `name` (e.g. "cues.tsv"), comments and blank lines dropped."""
    text = resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """First column of a data file, lower-cased: for plain word lists."""
    return frozenset(r[0].lower() for r in rows(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """First column (lower-cased) -> second column: for two-column tables such as demonyms."""
    return {r[0].lower(): r[1] for r in rows(name) if len(r) >= 2}
