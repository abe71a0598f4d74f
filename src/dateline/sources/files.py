"""Local inputs: files, folders, JSON/JSONL records, gzip, and '-' for standard input.

    .txt (and any unknown suffix)   one text document; HTML is sniffed by `reading`
    .html / .htm                     one HTML page
    .json                            one record or a list of records
    .jsonl                           one record per line (fields id, text or html, url, published, source,
                                     and title, placed on top of a text as its headline)
    NAME.EXT.gz                      any of the above, gzip-compressed
    folder                           every supported file below it, recursively, in sorted order

Nothing here parses content: bytes go to `reading` untouched, so charset detection happens in one
place. A record that cannot be read (missing path, a JSONL line that is not JSON, a corrupt
archive) becomes an ErrorRecord naming the file and line, and the rest of the input continues.
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..record import Document, ErrorRecord

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
# A corpus folder's own notes (README.txt, LICENSE.txt ...) are not articles; named
# explicitly on the command line they are read like any file.
FOLDER_NOTES = frozenset({"README", "LICENSE", "LICENCE", "COPYING", "ORIGIN", "NOTICE", "CHANGELOG"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES


def _kind(path: Path) -> tuple[str, bool]:
    """(suffix that decides the format, whether the file is gzip-compressed)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) >= 2 else ".txt"), True
    return (suffixes[-1] if suffixes else ""), False


def _stem(path: Path) -> str:
    """File name without its format suffix and any .gz."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    return name[: -len(suffix)] if suffix.lower() in SUPPORTED else name


def _error(doc_id: str, origin: str, message: str) -> ErrorRecord:
    return ErrorRecord(id=doc_id, origin=origin, error=message, stage="source")


def _record_document(
    rec: Any, *, default_id: str, origin: str, defaults: dict[str, str | None]
) -> Document | ErrorRecord:
    """A Document from one JSON record; an ErrorRecord when it has no text or html field."""
    if not isinstance(rec, dict):
        return _error(default_id, origin, f"{origin}: record is a JSON {type(rec).__name__}, not an object")
    doc_id = str(rec.get("id") or default_id)
    html, text = rec.get("html"), rec.get("text")
    if isinstance(html, str) and html.strip():
        content, content_type = html, "html"
    elif isinstance(text, str):
        content, content_type = text, "text"
        title = _str(rec.get("title"))
        if title and not text.lstrip().startswith(title.strip()):
            # A record's title is the story's headline: put it on top, where reading looks for one.
            content = f"{title.strip()}\n\n{text}"
    else:
        return _error(doc_id, origin, f"{origin}: record has no 'text' or 'html' string")
    return Document(
        id=doc_id,
        content=content,
        content_type=content_type,
        url=_str(rec.get("url")) or defaults["url"],
        published=_str(rec.get("published") or rec.get("date")) or defaults["published"],
        source=_str(rec.get("source")) or defaults["source"],
        origin=origin,
    )


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _read_bytes(path: Path, compressed: bool) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if compressed else data


def _from_bytes(
    data: bytes, *, suffix: str, doc_id: str, origin: str, defaults: dict[str, str | None]
) -> Iterator[Document | ErrorRecord]:
    """Documents held in one file's bytes, by its format."""
    if suffix in {".jsonl", ".ndjson"}:
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{origin}:{n}"
            try:
                rec = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
                yield _error(f"{doc_id}:{n}", where, f"{where}: line is not JSON ({reason})")
                continue
            yield _record_document(rec, default_id=f"{doc_id}-{n}", origin=where, defaults=defaults)
        return
    if suffix == ".json":
        try:
            rec = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            yield _error(doc_id, origin, f"{origin}: not JSON ({reason})")
            return
        records = rec if isinstance(rec, list) else [rec]
        for n, item in enumerate(records, 1):
            default_id = doc_id if len(records) == 1 else f"{doc_id}-{n}"
            where = origin if len(records) == 1 else f"{origin}[{n - 1}]"
            yield _record_document(item, default_id=default_id, origin=where, defaults=defaults)
        return
    yield Document(
        id=doc_id,
        content=data,
        content_type="html" if suffix in HTML_SUFFIXES else "text",
        origin=origin,
        **defaults,
    )


def _from_file(
    path: Path, doc_id: str, origin: str, defaults: dict[str, str | None]
) -> Iterator[Document | ErrorRecord]:
    suffix, compressed = _kind(path)
    try:
        data = _read_bytes(path, compressed)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield _error(doc_id, origin, f"{origin}: cannot read ({exc.__class__.__name__}: {exc})")
        return
    yield from _from_bytes(data, suffix=suffix, doc_id=doc_id, origin=origin, defaults=defaults)


def _folder_members(folder: Path) -> list[Path]:
    """Supported files below `folder`, sorted, hidden files and folders skipped."""
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.name.split(".")[0].upper() in FOLDER_NOTES:
            continue
        suffix, _ = _kind(path)
        if suffix in SUPPORTED:
            out.append(path)
    return out


def iter_documents(
    paths: Iterable[str],
    *,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
) -> Iterator[Document | ErrorRecord]:
    """Documents from each path in turn; `url`, `published` and `source` apply where a record gives none.

    Ids: a file's stem; for members of a folder, their path relative to the folder without
    suffix (so `a/x.txt` and `b/x.txt` stay apart); a JSON record's own `id` when it has one.
    """
    defaults: dict[str, str | None] = {"url": url, "published": published, "source": source}
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            head = data.lstrip()[:1]
            suffix = (
                ".jsonl" if head in (b"{",) and b"\n{" in data.strip() else ".json" if head in (b"{", b"[") else ".txt"
            )
            yield from _from_bytes(data, suffix=suffix, doc_id="stdin", origin="-", defaults=defaults)
            continue
        path = Path(p)
        if path.is_dir():
            members = _folder_members(path)
            if not members:
                yield _error(path.name or p, p, f"{p}: folder holds no .txt, .html, .json or .jsonl files")
            for member in members:
                rel = member.relative_to(path)
                doc_id = str(rel.parent / _stem(member)) if rel.parent != Path(".") else _stem(member)
                yield from _from_file(member, doc_id, str(member), defaults)
            continue
        if not path.is_file():
            yield _error(_stem(path) or p, p, f"{p}: no such file or folder")
            continue
        yield from _from_file(path, _stem(path), p, defaults)
