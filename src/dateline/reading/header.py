"""Metadata headers: `key: value` lines at the top of a text file, then a blank line.

The shared corpora (and many scraped dumps) store an article as a small header (title,
date, url, license, source) followed by the story. The header is metadata, not text: it is
parsed here and kept out of `Article.text`.
"""

from __future__ import annotations

import re

# Keys we recognise; a header must consist only of `key: value` lines and include title, date or url,
# so that a story opening with "Note: ..." is never mistaken for one.
KNOWN_KEYS = frozenset(
    {"title", "headline", "date", "published", "url", "link", "license", "licence", "source", "author", "byline",
     "id", "lang", "language", "site", "outlet", "section", "tags", "keywords"}
)  # fmt: skip
_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,20}):[ \t]*(.*?)\s*$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(header fields, rest of the text); ({}, text) when the text has no such header."""
    head, sep, rest = text.lstrip("\ufeff").partition("\n\n")
    if not sep:
        return {}, text
    fields: dict[str, str] = {}
    for line in head.strip("\n").splitlines():
        match = _LINE.match(line)
        if not match or match.group(1).lower() not in KNOWN_KEYS:
            return {}, text
        fields[match.group(1).lower()] = match.group(2)
    if not fields.keys() & {"title", "headline", "date", "published", "url"}:
        return {}, text
    return fields, rest
