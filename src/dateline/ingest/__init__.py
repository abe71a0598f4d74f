"""Ingest a corpus into a store, resumably: `ingest(sources, store, ...) -> Summary`.

    with open_store("dateline.db") as store:
        summary = ingest(["corpus/", "crawl.warc.gz", "https://example.org/feed.xml"], store, workers=2)

Every input gets a key (sha256 of URL + content). Keys already in the store, or already
seen in this run, are skipped before any work, so a rerun does nothing twice and a killed
run resumes where its last committed batch ended. Every input that gives no article is
stored in `failures` with its reason and stage; none stops the run.

Engines run the same per-document function (`work.run_batch`): `local` (processes on this
machine, `local.py`) and `ray` (Ray Data actors, `ray_engine.py`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..record import Document, ErrorRecord
from ..sources.web import Fetcher
from ..store import Store
from .inputs import Inputs, is_url
from .progress import Progress, Summary
from .work import Item

MAX_DOCUMENT_BYTES = 10_000_000


def _too_large(item: Document | ErrorRecord, max_bytes: int) -> Document | ErrorRecord:
    if isinstance(item, Document) and len(item.content) > max_bytes:
        size = len(item.content) / 1e6
        return ErrorRecord(id=item.id, origin=item.origin or item.url, stage="source",
                           error=f"{item.origin or item.id}: {size:.1f} MB, over the {max_bytes / 1e6:g} MB limit "
                                 "(--max-bytes)")  # fmt: skip
    return item


def candidates(
    inputs: Iterable[Item],
    store: Store,
    progress: Progress,
    *,
    batch_size: int,
    retry_failed: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[list[Item]]:
    """Batches of inputs that still need work: not in the store, not seen earlier in this run."""
    seen: set[str] = set()
    pending: list[Item] = []

    def fresh() -> list[Item]:
        known = store.known([key for key, _ in pending], failures=not retry_failed)
        batch = [(key, _too_large(item, max_bytes)) for key, item in pending if key not in known]
        if len(batch) < len(pending):
            progress.skipped(len(pending) - len(batch))
        pending.clear()
        return batch

    for key, item in inputs:
        if key in seen:
            progress.skipped()
            continue
        seen.add(key)
        pending.append((key, item))
        if len(pending) >= batch_size and (batch := fresh()):
            yield batch
    if pending and (batch := fresh()):
        yield batch


def ingest(
    sources: list[str],
    store: Store,
    *,
    engine: str = "local",
    workers: int | None = None,
    model: str | None = None,
    batch_size: int = 16,
    show_progress: bool = True,
    retry_failed: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    fetcher: Fetcher | None = None,
    min_interval: float = 1.0,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
    out: str | Path | None = None,
    address: str | None = None,
) -> Summary:
    """Ingest every source into `store`; Ctrl-C stops after the last committed batch (summary says interrupted)."""
    workers = workers or os.cpu_count() or 1
    storage = [s for s in sources if "://" in s and not is_url(s)] if engine == "ray" else []
    inputs = Inputs(
        [s for s in sources if s not in storage],
        url=url,
        published=published,
        source=source,
        fetcher=fetcher,
        fetcher_factory=lambda: Fetcher(min_interval=min_interval),
        skip_url=lambda page_url: store.has_url(page_url, failures=not retry_failed),
    )
    progress = Progress(inputs.estimate(), enabled=show_progress)
    batches = candidates(inputs, store, progress, batch_size=batch_size, retry_failed=retry_failed, max_bytes=max_bytes)
    interrupted = False
    try:
        if engine == "ray":
            from .ray_engine import run_ray

            run_ray(batches, store, progress, out=Path(out or "dateline-shards"), model=model, workers=workers,
                    batch_size=batch_size, address=address, storage=storage)  # fmt: skip
        else:
            from .local import run_local

            run_local(batches, store, progress, workers=workers, model=model)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        inputs.close()
    if inputs.skipped_urls:
        progress.skipped(inputs.skipped_urls)
    return progress.close(interrupted=interrupted)


__all__ = ["Summary", "candidates", "ingest"]
