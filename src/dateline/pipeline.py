"""From documents to records: reading, one spaCy pass per batch, then the extractors.

This is the per-document function every engine shares (CLI, local workers, Ray), so
the same input always gives the same record whichever way it was run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import DatelineError
from .extract import Extractor, default_extractors
from .extract.entity_base import remember_text
from .reading import read
from .record import Article, Document, ErrorRecord

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def run_extractors(doc: Doc, article: Article, extractors: list[tuple[str, Extractor]] | None = None) -> Article:
    """Fill the article's fact lists in dependency order; one failing extractor only warns."""
    for field, extractor in extractors or default_extractors():
        try:
            setattr(article, field, extractor(doc, article))
        except Exception as exc:  # noqa: BLE001 - an extractor bug must not lose the article
            log.exception("extractor %s failed on %s", field, article.id)
            article.warnings.append(f"{field} extractor failed: {type(exc).__name__}: {exc}")
    return article


def read_documents(documents: Iterable[Document | ErrorRecord]) -> Iterator[Article | ErrorRecord]:
    """Reading step alone: bad inputs become ErrorRecords, the rest Articles without facts."""
    for document in documents:
        if isinstance(document, ErrorRecord):
            yield document
            continue
        try:
            yield read(document)
        except DatelineError as exc:
            yield ErrorRecord(id=document.id, origin=document.origin, error=str(exc), stage="reading")


def process(
    documents: Iterable[Document | ErrorRecord],
    nlp: Language,
    *,
    batch_size: int = 16,
    extractors: list[tuple[str, Extractor]] | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Yield one record per input, in input order, batching the spaCy pass with `nlp.pipe`."""
    chosen = extractors or default_extractors()
    articles = read_documents(documents)
    pending: list[Article | ErrorRecord] = []

    def flush() -> Iterator[Article | ErrorRecord]:
        texts = [a.text for a in pending if isinstance(a, Article)]
        docs = iter(nlp.pipe(texts, batch_size=batch_size))
        for item in pending:
            if isinstance(item, Article):
                # the parse of item.text: extractors that compare doc.text with it need not rebuild it
                yield run_extractors(remember_text(next(docs), item.text), item, chosen)
            else:
                yield item
        pending.clear()

    for item in articles:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
