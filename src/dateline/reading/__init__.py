"""Reading: raw document -> clean Article text with headline, dateline and publication date.

(Minimal placeholder: decodes text and takes the first line as the headline.)
"""

from __future__ import annotations

from ..errors import ReadError
from ..record import Article, Document, Published, make_span


def read(document: Document) -> Article:
    content = document.content
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ReadError(f"{document.origin or document.id}: not UTF-8 text") from exc
    text = content.strip()
    if not text:
        raise ReadError(f"{document.origin or document.id}: empty document")
    first = text.split("\n", 1)[0]
    article = Article(id=document.id, url=document.url, source=document.source, text=text)
    article.headline = make_span(text, 0, len(first))
    if document.published:
        article.published = Published(date=document.published, how="input")
    return article
