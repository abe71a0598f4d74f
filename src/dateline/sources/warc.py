"""WARC archives (CC-NEWS and any crawler's): the HTML responses, with the crawl's URL and date.

Only `response` records whose HTTP Content-Type is HTML are articles; requests, metadata,
images and the like are passed over silently. WARC-Target-URI becomes the Document's url
and the date part of WARC-Date its `published` (the capture date: for news crawls like
CC-NEWS, captured within hours of publication). A truncated or corrupt archive yields what
could be read, then one ErrorRecord saying where it broke.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from ..record import Document, ErrorRecord

HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: str | Path) -> bool:
    name = str(path).lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def _looks_like_archive(path: Path) -> bool:
    """A WARC starts with 'WARC/', an ARC with 'filedesc://' (after gunzip when gzipped)."""
    with path.open("rb") as fh:
        head = fh.read(2)
        fh.seek(0)
        if head == b"\x1f\x8b":
            try:
                with gzip.open(fh) as gz:
                    head = gz.read(16)
            except (OSError, EOFError, zlib.error):
                return False
        else:
            head = fh.read(16)
    return head.startswith((b"WARC/", b"filedesc://"))


def iter_warc(path: str | Path, *, source: str | None = None) -> Iterator[Document | ErrorRecord]:
    """One Document per HTML response record in the archive, in archive order."""
    path = Path(path)
    origin = str(path)
    n = 0
    try:
        if not _looks_like_archive(path):
            yield ErrorRecord(id=path.name, origin=origin, stage="source",
                              error=f"{origin}: not a WARC or ARC archive")  # fmt: skip
            return
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(HTML_TYPES):
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = record.rec_headers.get_header("WARC-Date") or ""
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                yield Document(
                    id=record_id.removeprefix("urn:uuid:") or f"{path.name}:{n}",
                    content=record.content_stream().read(),
                    content_type="html",
                    url=url,
                    published=date[:10] if len(date) >= 10 else None,
                    source=source,
                    origin=f"{origin}#{n}",
                )
    except Exception as exc:  # noqa: BLE001 - warcio raises plain exceptions on corrupt archives
        yield ErrorRecord(id=f"{path.name}:{n + 1}", origin=origin, stage="source",
                          error=f"{origin}: archive unreadable after {n} pages ({type(exc).__name__}: {exc})")  # fmt: skip
