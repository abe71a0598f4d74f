"""Local inputs: .txt, .html and .jsonl files, or '-' for standard input.

(Minimal placeholder.)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..record import Document, ErrorRecord


def iter_documents(
    paths: Iterable[str],
    *,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
) -> Iterator[Document | ErrorRecord]:
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            yield Document(id="stdin", content=data, url=url, published=published, source=source, origin="-")
            continue
        path = Path(p)
        if not path.is_file():
            yield ErrorRecord(id=path.name, origin=p, error=f"{p}: no such file", stage="source")
            continue
        if path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield ErrorRecord(id=f"{path.name}:{n}", origin=p, error=f"{p}:{n}: not JSON ({exc.msg})", stage="source")
                    continue
                is_html = "html" in rec
                yield Document(
                    id=str(rec.get("id") or f"{path.stem}-{n}"),
                    content=rec.get("html") if is_html else rec.get("text", ""),
                    content_type="html" if is_html else "text",
                    url=rec.get("url"),
                    published=rec.get("published"),
                    source=rec.get("source"),
                    origin=f"{p}:{n}",
                )
            continue
        yield Document(
            id=path.stem,
            content=path.read_bytes(),
            content_type="html" if path.suffix in {".html", ".htm"} else "text",
            url=url,
            published=published,
            source=source,
            origin=p,
        )
