"""RSS and Atom feeds: each entry's page, fetched politely, with the feed's date and title as input facts.

A feed is a local file or a URL. Entries whose URL `skip_url` already knows are not fetched
at all (a rerun of a feed costs one request), and a page that cannot be fetched becomes an
ErrorRecord naming the entry, never an exception.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator

import feedparser

from ..errors import SourceError
from ..record import Document, ErrorRecord
from .web import Fetcher, page_document

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """Sniff a feed: a feed media type, or XML whose first element is rss, feed or rdf:RDF."""
    if any(t in content_type for t in FEED_TYPES):
        return True
    head = content[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.startswith(b"<"):
        return False
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) and b"<html" not in head


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def iter_feed(
    content: bytes,
    *,
    origin: str,
    fetcher: Fetcher,
    skip_url: Callable[[str], bool] | None = None,
) -> Iterator[Document | ErrorRecord]:
    """One Document per entry with a link (the linked page), or an ErrorRecord when it cannot be had."""
    feed = feedparser.parse(content)
    if feed.bozo and not feed.entries:
        yield ErrorRecord(id=origin, origin=origin, error=f"{origin}: not a readable feed ({feed.bozo_exception})",
                          stage="source")  # fmt: skip
        return
    title = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        entry_origin = f"{origin}#{n}"
        if not link:
            yield ErrorRecord(id=entry_origin, origin=entry_origin, error=f"{entry_origin}: entry without a link",
                              stage="source")  # fmt: skip
            continue
        if skip_url is not None and skip_url(link):
            continue
        doc_id = entry.get("id") or link
        doc_id = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:16] if len(doc_id) > 80 else doc_id
        try:
            page = fetcher.get(link)
        except SourceError as exc:
            yield ErrorRecord(id=doc_id, origin=link, error=str(exc), stage="source")
            continue
        yield page_document(page, id=doc_id, published=_entry_date(entry), source=title)
