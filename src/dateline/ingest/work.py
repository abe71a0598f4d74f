"""The per-document work every engine runs: a batch of (key, Document) in, (key, record) out.

Local worker processes and Ray actors both call `run_batch`, with a model loaded once
per process, so the same input gives the same record whichever engine ran it. A batch
never fails as a whole: if the batched spaCy pass raises (one document too long, one
bad character), each document is redone alone and only the culprit becomes an
ErrorRecord.
"""

from __future__ import annotations

import logging
import os
import signal
from typing import TYPE_CHECKING

from .. import nlp as nlp_module
from ..pipeline import process
from ..record import Article, Document, ErrorRecord

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

Item = tuple[str, Document | ErrorRecord]
Result = tuple[str, Article | ErrorRecord, str | None]  # key, record, origin

_NLP: Language | None = None
_SETTLED = False  # whether this process has run a batch (and frozen what it loaded lazily)


def _origin(item: Document | ErrorRecord) -> str | None:
    return item.origin if isinstance(item, ErrorRecord) else (item.origin or item.url)


def run_batch(items: list[Item], nlp: Language) -> list[Result]:
    """Records for a batch, in input order; documents that break the pass become ErrorRecords (stage nlp).

    After a process's first batch, the data the extractors load on first use (gazetteer, lexicons)
    is frozen out of the garbage collector's sight like the model (`nlp.freeze_heap`).
    """
    global _SETTLED
    if _SETTLED:
        return _run_batch(items, nlp)
    try:
        return _run_batch(items, nlp)
    finally:
        _SETTLED = True
        nlp_module.freeze_heap()


def _run_batch(items: list[Item], nlp: Language) -> list[Result]:
    documents = [doc for _key, doc in items]
    try:
        records = list(process(documents, nlp, batch_size=max(1, len(documents))))
    except Exception as exc:  # noqa: BLE001 - isolate the document that broke the batched pass
        if len(items) == 1:
            key, doc = items[0]
            log.warning("processing %s failed: %s", doc.id, exc)
            return [(key, _failure(doc, exc), _origin(doc))]
        return [result for item in items for result in _run_batch([item], nlp)]
    return [(key, record, _origin(doc)) for (key, doc), record in zip(items, records, strict=True)]


def _failure(doc: Document | ErrorRecord, exc: Exception) -> ErrorRecord:
    if isinstance(doc, ErrorRecord):
        return doc
    return ErrorRecord(id=doc.id, origin=_origin(doc), error=f"{type(exc).__name__}: {exc}"[:500], stage="nlp")


# ---------------------------------------------------------------------- worker processes


def load_model(model: str | None) -> Language:
    """The process's one copy of the model (`nlp.load` caches it and freezes it out of the collector's sight)."""
    return nlp_module.load(model)


def init_worker(model: str | None) -> None:
    """Pool initializer: load the model once per process; Ctrl-C is the parent's to handle."""
    global _NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _NLP = load_model(model)


def work(items: list[Item]) -> tuple[list[Result], int, int]:
    """What a pool worker runs: `run_batch` with its process's model, plus its pid and peak RSS (kB)."""
    assert _NLP is not None, "init_worker did not run"
    return run_batch(items, _NLP), os.getpid(), peak_rss_kb()


def peak_rss_kb() -> int:
    """This process's peak resident set size in kB (Linux ru_maxrss unit)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
