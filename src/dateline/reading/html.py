"""HTML pages: main text and page metadata with trafilatura, publication date with htmldate (via trafilatura).

Options were chosen by measurement (bench/html_extraction.py, bench/html_dates.py): precision-
leaning extraction without reader comments scores higher body-text F1 than trafilatura's
defaults on news pages, and htmldate looking for the *original* publication date (not the
last modification) agrees more often with the gold dates.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..errors import ReadError

# trafilatura and htmldate log every odd page at WARNING or ERROR ("empty HTML tree"); reading turns
# what matters into a ReadError or an Article warning, so their own log lines are only noise.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class Page:
    """What an HTML page yields: its main text and the metadata found around it."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


EXTRACT_OPTIONS: dict[str, object] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}


# htmldate settings for the page's publication date: the original date, not the last update, from
# the page's markup only. Its extensive search (dates guessed from the page's running text, down to
# a bare year read as January 1) is a last resort, asked for only when the text itself has no date.
DATE_OPTIONS: dict[str, object] = {"original_date": True, "extensive_search": False}


def guess_date(html: str, url: str | None) -> str | None:
    """htmldate's extensive search over the whole page: better than nothing, worse than a dateline."""
    import htmldate

    try:
        return htmldate.find_date(html, original_date=True, extensive_search=True, url=url)
    except Exception:  # noqa: BLE001 - htmldate on malformed markup must not lose the article
        return None


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?[\"'\s>]", re.I)


_HAS_ROOT = re.compile(r"<(?:html|body)\b", re.I)


def page_language(html: str) -> str | None:
    """The page's declared language (`<html lang="en-GB">` -> "en"), if any."""
    match = _HTML_LANG.search(html[:5000])
    return match.group(1).lower() if match else None


def extract(html: str, *, url: str | None, name: str) -> Page:
    """Main text and metadata of `html`; ReadError when the page holds no article text."""
    import trafilatura

    if not _HAS_ROOT.search(html[:5000]):
        # A fragment ("<p>...</p>"): trafilatura wants a document around it.
        html = f"<html><body>{html}</body></html>"
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, date_extraction_params=DATE_OPTIONS, **EXTRACT_OPTIONS
        )
        if doc is None or not (doc.text or "").strip():
            # A page whose only text sits in odd containers: retry leaning towards recall.
            options = {**EXTRACT_OPTIONS, "favor_precision": False, "favor_recall": True}
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, date_extraction_params=DATE_OPTIONS, **options
            )
    except Exception as exc:  # noqa: BLE001 - a parser crash on hostile markup is the input's fault
        raise ReadError(f"{name}: HTML could not be parsed ({type(exc).__name__})") from exc
    if doc is None or not (doc.text or "").strip():
        raise ReadError(f"{name}: no article text found in the HTML page")
    return Page(
        text=doc.text,
        title=_clean(doc.title),
        author=_clean(doc.author),
        sitename=_clean(doc.sitename),
        url=_clean(doc.url),
        description=_clean(doc.description),
        language=_clean(getattr(doc, "language", None)) or page_language(html),
        date=_clean(doc.date),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
