"""One machine: worker processes, each with the model loaded once, writing to the store batch by batch.

`--workers 1` runs in the calling process (no pickling, same function). With more, a spawn-
context process pool (safe with threads and on every OS) receives batches; at most two
batches per worker are in flight, so memory stays flat however large the corpus is. The
parent alone writes: each finished batch is one transaction.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..record import ErrorRecord
from ..store import Store
from .progress import Progress
from .work import Item, Result, init_worker, load_model, peak_rss_kb, run_batch, work

log = logging.getLogger(__name__)


def write(store: Store, results: list[Result], progress: Progress) -> None:
    """Commit one batch of records; a failure is stored like an article, under its key.

    If the batch cannot be stored (one record the database rejects), each record is stored
    alone and a rejected one is stored as a failure instead; an error storing that too
    (disk full, server gone) stops the run, with every earlier batch committed.
    """
    try:
        with store.transaction():
            added = [store.add(key, record, origin) for key, record, origin in results]
    except Exception:  # noqa: BLE001 - find the record the database rejects
        results = [_store_alone(store, result) for result in results]
        added = [True] * len(results)
    if not all(added):  # already stored (an engine that cannot ask the store first): not new work
        progress.skipped(added.count(False))
        results = [result for result, new in zip(results, added, strict=True) if new]
    errors = [f"[{r.stage}] {r.error}" for _k, r, _o in results if isinstance(r, ErrorRecord)]
    progress.stored(len(results) - len(errors), len(errors), errors)


def _store_alone(store: Store, result: Result) -> Result:
    key, record, origin = result
    try:
        with store.transaction():
            store.add(key, record, origin)
        return result
    except Exception as exc:  # noqa: BLE001 - stored as this input's failure below
        log.warning("cannot store %s: %s", record.id, exc)
        failure = ErrorRecord(id=record.id, origin=origin, stage="store",
                              error=f"record could not be stored: {type(exc).__name__}: {exc}"[:500])  # fmt: skip
        with store.transaction():
            store.add(key, failure, origin)
        return key, failure, origin


def _crashed(batch: list[Item]) -> list[Result]:
    return [
        (key, ErrorRecord(id=doc.id, origin=doc.origin, stage="nlp",
                          error="worker process died while processing this batch (out of memory?)"), doc.origin)
        for key, doc in batch
    ]  # fmt: skip


def run_local(
    batches: Iterable[list[Item]], store: Store, progress: Progress, *, workers: int, model: str | None
) -> None:
    """Process every batch and store its records; KeyboardInterrupt leaves committed batches in place."""
    if workers <= 1:
        nlp = None
        for batch in batches:
            if nlp is None:  # only when there is work: a rerun with nothing new stays instant
                started = time.monotonic()
                nlp = load_model(model)
                progress.exclude(time.monotonic() - started)
            write(store, run_batch(batch, nlp), progress)
        progress.summary.peak_rss_kb[f"main-{os.getpid()}"] = peak_rss_kb()
        return
    pending: Iterator[list[Item]] = iter(batches)
    first = next(pending, None)
    if first is None:  # nothing new: no worker (and no model load) at all
        return
    pending = itertools.chain([first], pending)
    while True:
        broken, progressed = _run_pool(pending, store, progress, workers=workers, model=model)
        if not broken:
            return
        if not progressed:
            raise RuntimeError("worker processes die before finishing any batch (cannot load the model?)")


def _run_pool(
    batches: Iterator[list[Item]], store: Store, progress: Progress, *, workers: int, model: str | None
) -> tuple[bool, bool]:
    """Run a pool until the batches are done or it breaks: (broke, finished at least one batch)."""
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker, initargs=(model,)
    )
    inflight: dict[Future, list[Item]] = {}
    clean = progressed = False
    try:
        exhausted = False
        while inflight or not exhausted:
            while not exhausted and len(inflight) < 2 * workers:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                else:
                    inflight[executor.submit(work, batch)] = batch
            if not inflight:
                break
            finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for future in finished:
                batch = inflight.pop(future)
                try:
                    results, pid, rss = future.result()
                except BrokenProcessPool:
                    log.error("a worker process died; its batch is recorded as failed and the pool restarted")
                    write(store, _crashed(batch), progress)
                    for other in list(inflight.values()):
                        write(store, _crashed(other), progress)
                    inflight.clear()
                    clean = True
                    return True, progressed
                progress.summary.peak_rss_kb[f"worker-{pid}"] = rss
                write(store, results, progress)
                progressed = True
        clean = True
        return False, progressed
    finally:
        processes = list((getattr(executor, "_processes", None) or {}).values())
        if not clean:  # interrupted: stop the workers now rather than wait for batches nobody will store
            for process in processes:
                process.terminate()
        executor.shutdown(wait=clean, cancel_futures=True)
