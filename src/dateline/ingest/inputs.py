"""From what the user names (files, folders, WARCs, feeds, URLs) to one stream of documents.

The kind of each source is decided by scheme, then extension, then a sniff of the first
bytes: `http(s)://` is fetched and is a feed if it looks like one, else a page; `.warc`
and `.warc.gz` are archives; `.rss`, `.atom`, `.xml` and any file that sniffs as a feed
is a feed; every other file, and every folder, goes to `sources.files` (one rule for what
a folder holds, shared with `dateline extract`), plus the archives and feeds inside folders. Each document gets its key
(`store.document_key`) here, once, so every engine agrees on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import SourceError
from ..record import Document, ErrorRecord
from ..sources import files
from ..sources.feeds import iter_feed, looks_like_feed
from ..sources.warc import is_warc, iter_warc
from ..sources.web import Fetcher, page_document
from ..store import document_key

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
# Inside folders, `sources.files` takes the article files (its own rules); these are the extras it leaves.
FOLDER_EXTRA_SUFFIXES = {".rss", ".atom"}


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def _suffixes(path: Path) -> tuple[str, str]:
    """(suffix, suffix under a .gz) in lower case: 'a.jsonl.gz' -> ('.gz', '.jsonl')."""
    suffix = path.suffix.lower()
    inner = Path(path.stem).suffix.lower() if suffix == ".gz" else suffix
    return suffix, inner


def _members(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if not any(part.startswith(".") for part in path.relative_to(folder).parts) and path.is_file():
            yield path


def folder_extras(folder: Path) -> Iterator[Path]:
    """Archives and feeds inside a folder, which `sources.files` does not read, in a stable order."""
    for path in _members(folder):
        if is_warc(path) or _suffixes(path)[1] in FOLDER_EXTRA_SUFFIXES:
            yield path


def key_of(item: Document | ErrorRecord) -> str:
    """The store key: URL + content for documents; origin for an input that could not be read at all."""
    if isinstance(item, ErrorRecord):
        return hashlib.sha256(f"failure\0{item.origin or item.id}".encode()).hexdigest()
    return document_key(item.content, item.url)


def _url_id(url: str) -> str:
    parts = urlsplit(url)
    name = Path(parts.path.rstrip("/")).stem
    return name or parts.netloc or hashlib.sha1(url.encode()).hexdigest()[:16]


class Inputs:
    """Iterates (key, Document | ErrorRecord) over sources; makes one polite Fetcher when a URL needs it."""

    def __init__(
        self,
        specs: list[str],
        *,
        url: str | None = None,
        published: str | None = None,
        source: str | None = None,
        fetcher: Fetcher | None = None,
        fetcher_factory: Callable[[], Fetcher] = Fetcher,
        skip_url: Callable[[str], bool] | None = None,
    ) -> None:
        self.specs = specs
        self.facts = {"url": url, "published": published, "source": source}
        self._fetcher = fetcher
        self._owns_fetcher = fetcher is None
        self._fetcher_factory = fetcher_factory
        self.skip_url = skip_url
        self.skipped_urls = 0  # pages not fetched because the store has them

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = self._fetcher_factory()
        return self._fetcher

    def close(self) -> None:
        """Close the fetcher this made (one handed in belongs to the caller)."""
        if self._fetcher is not None and self._owns_fetcher:
            self._fetcher.close()

    def estimate(self) -> int | None:
        """How many documents the sources hold, when that is cheap to know (no URLs, feeds or archives)."""
        total = 0
        for spec in self.specs:
            path = Path(spec)
            if is_url(spec) or "://" in spec or is_warc(spec) or self._is_feed_file(path):
                return None
            if path.is_dir():
                if next(folder_extras(path), None) is not None:
                    return None
                members = [m for m in _members(path) if _suffixes(m)[1] in files.SUPPORTED]
            else:
                members = [path]
            for member in members:
                if member.is_file() and _suffixes(member)[1] in (".jsonl", ".ndjson"):
                    with member.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                else:
                    total += 1
        return total

    def __iter__(self) -> Iterator[tuple[str, Document | ErrorRecord]]:
        for item in self.documents():
            yield key_of(item), item

    def documents(self) -> Iterator[Document | ErrorRecord]:
        for spec in self.specs:
            if is_url(spec):
                yield from self._from_url(spec)
            elif "://" in spec:
                yield ErrorRecord(id=spec, origin=spec, stage="source",
                                  error=f"{spec}: storage URIs are read by --engine ray only")  # fmt: skip
            elif spec != "-" and Path(spec).is_dir():
                yield from files.iter_documents([spec], **self.facts)
                for extra in folder_extras(Path(spec)):
                    yield from self._from_path(str(extra))
            else:
                yield from self._from_path(spec)

    def _from_path(self, spec: str) -> Iterator[Document | ErrorRecord]:
        if is_warc(spec):
            yield from iter_warc(spec, source=self.facts["source"])
        elif spec != "-" and self._is_feed_file(Path(spec)):
            yield from iter_feed(Path(spec).read_bytes(), origin=spec, fetcher=self.fetcher, skip_url=self._skip_entry)
        else:
            yield from files.iter_documents([spec], **self.facts)

    def _skip_entry(self, url: str) -> bool:
        if self.skip_url is not None and self.skip_url(url):
            self.skipped_urls += 1
            return True
        return False

    @staticmethod
    def _is_feed_file(path: Path) -> bool:
        """.rss/.atom/.xml, or an extensionless or .html/.txt file whose first bytes are a feed."""
        if not path.is_file():
            return False
        suffix, inner = _suffixes(path)
        if inner in FEED_SUFFIXES:
            return True
        if suffix == ".gz" or inner in files.RECORD_SUFFIXES:
            return False
        with path.open("rb") as fh:
            return looks_like_feed(fh.read(2048))

    def _from_url(self, url: str) -> Iterator[Document | ErrorRecord]:
        if self.skip_url is not None and self.skip_url(url):
            self.skipped_urls += 1
            return
        try:
            page = self.fetcher.get(url)
        except SourceError as exc:
            yield ErrorRecord(id=_url_id(url), origin=url, error=str(exc), stage="source")
            return
        if looks_like_feed(page.content, page.content_type):
            yield from iter_feed(page.content, origin=url, fetcher=self.fetcher, skip_url=self._skip_entry)
        else:
            yield page_document(page, id=_url_id(url), published=self.facts["published"], source=self.facts["source"])
