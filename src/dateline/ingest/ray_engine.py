"""A cluster: the same per-document function on Ray Data actors, output as Parquet shards plus a manifest.

    dateline ingest corpus/ --engine ray --address ray://head:10001 --out shards/ --db dateline.db

The driver reads the sources (and skips what the store already has), Ray Data spreads the
documents over an actor pool whose actors each load the model once (`RecordMaker`), and
each record comes back as one row: key, kind (article | failure), id, origin and the
record's JSON (`model_dump_json()`, the one JSON form). Rows are written as Parquet under
`OUT/run-<id>/`; `OUT/manifest.json` lists every run's shards and counts. The shards are
then loaded into the store (unless `load=False`), so the store and the shards agree.

On a real cluster every node needs dateline and the model installed (or a `runtime_env`);
Ray must be the same version on the driver and the cluster.
"""

from __future__ import annotations

import json
import pickle
import time
import uuid
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..record import SCHEMA_VERSION, Article, Document, ErrorRecord
from ..store import Store
from .inputs import key_of
from .local import write
from .progress import Progress
from .work import Item, Result, load_model, run_batch

COLUMNS = ("key", "kind", "id", "origin", "record_json")


class RecordMaker:
    """Ray Data actor: loads the model once, then turns batches of pickled documents into record rows."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = load_model(model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        items: list[Item] = [(str(k), pickle.loads(d)) for k, d in zip(batch["key"], batch["document"], strict=True)]
        return result_columns(run_batch(items, self.nlp))


def documents_from_files(batch: dict[str, Any]) -> dict[str, list]:
    """Ray task: files read by `ray.data.read_binary_files` (storage URIs) as keyed, pickled Documents.

    The same key and kind rules as local files: URL-less content key, HTML by extension.
    Record formats (JSONL, WARC) in storage are not split here: they fail with a reason.
    """
    columns: dict[str, list] = {"key": [], "document": []}
    for path, data in zip(batch["path"], batch["bytes"], strict=True):
        name = str(path).rsplit("/", 1)[-1]
        suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
        doc_id = name[: -len(suffix)] if suffix else name
        item: Document | ErrorRecord
        if suffix in {".jsonl", ".ndjson", ".json", ".gz", ".warc"}:
            item = ErrorRecord(id=doc_id, origin=str(path), stage="source",
                               error=f"{path}: {suffix} files in storage are not split by the Ray engine; copy them "
                               "to a local path")  # fmt: skip
        else:
            item = Document(id=doc_id, content=bytes(data), origin=str(path),
                            content_type="html" if suffix in {".html", ".htm", ".xhtml"} else "text")  # fmt: skip
        columns["key"].append(key_of(item))
        columns["document"].append(pickle.dumps(item))
    return columns


def result_columns(results: list[Result]) -> dict[str, list]:
    """Records as columns (what a shard holds)."""
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    for key, record, origin in results:
        columns["key"].append(key)
        columns["kind"].append("article" if isinstance(record, Article) else "failure")
        columns["id"].append(record.id)
        columns["origin"].append(origin or "")
        columns["record_json"].append(record.model_dump_json())
    return columns


def read_shards(paths: Iterable[Path], batch_size: int = 64) -> Iterable[list[Result]]:
    """Records back from shards, in batches ready for `local.write`."""
    import pyarrow.parquet as pq

    for path in paths:
        table = pq.read_table(path, columns=list(COLUMNS))
        for chunk in table.to_batches(max_chunksize=batch_size):
            rows = chunk.to_pydict()
            yield [
                (key, (Article if kind == "article" else ErrorRecord).model_validate_json(js), origin or None)
                for key, kind, origin, js in zip(
                    rows["key"], rows["kind"], rows["origin"], rows["record_json"], strict=True
                )  # fmt: skip
            ]


def _update_manifest(out: Path, run: dict[str, Any]) -> dict[str, Any]:
    path = out / "manifest.json"
    manifest = json.loads(path.read_text()) if path.exists() else {"engine": "ray", "runs": []}
    manifest["schema_version"] = SCHEMA_VERSION
    manifest["runs"].append(run)
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _chunks(batches: Iterable[list[Item]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Rows for Ray, `size` documents at a time, so the driver never holds the whole corpus."""
    rows: list[dict[str, Any]] = []
    for batch in batches:
        rows.extend({"key": key, "document": pickle.dumps(doc)} for key, doc in batch)
        if len(rows) >= size:
            yield rows
            rows = []
    if rows:
        yield rows


def _check_address(address: str | None) -> None:
    if address and address.startswith("ray://"):
        try:
            import grpc  # noqa: F401 - Ray Client's transport
        except ImportError as exc:
            raise RuntimeError(
                "a ray:// address needs the Ray Client (pip install 'ray[client]==2.60.0'); or run the driver on a "
                "cluster node with --address auto"
            ) from exc


def run_ray(
    batches: Iterable[list[Item]],
    store: Store | None,
    progress: Progress,
    *,
    out: Path,
    model: str | None,
    workers: int,
    batch_size: int,
    address: str | None = None,
    load: bool = True,
    storage: list[str] | None = None,
    chunk: int = 5000,
) -> dict[str, Any]:
    """Process the batches on Ray, write shards and the manifest, load them into the store; return this run.

    Documents go to Ray `chunk` at a time; each chunk's shards (`OUT/run-<id>/part-<n>/`) are
    loaded into the store before the next chunk starts, so an interrupted run keeps every
    finished chunk. `storage` URIs (s3://, gs://, local://...) are read by Ray itself, on the
    cluster, with the first chunk; they are not checked against the store first, but loading
    skips what it has.
    """
    import ray
    import ray.data

    _check_address(address)
    run_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    run: dict[str, Any] = {"run": run_id, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                           "model": model, "inputs": 0, "articles": 0, "failures": 0, "shards": []}  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    chunks = _chunks(batches, chunk)
    first = next(chunks, None)
    started = False
    try:
        for part, (rows, uris) in enumerate(_parts(first, chunks, storage)):
            if not started and not ray.is_initialized():
                started = True
                if address:
                    ray.init(address=address, log_to_driver=False)
                else:  # +1 CPU: the Parquet writer runs beside the actor pool
                    ray.init(num_cpus=workers + 1, include_dashboard=False, log_to_driver=False)
            folder = out / f"run-{run_id}" / f"part-{part:05d}"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # Ray Data's own deprecated context fields
                ray.data.DataContext.get_current().enable_progress_bars = progress.bar.disable is False
                datasets = [ray.data.from_items(rows)] if rows else []
                if uris:
                    files = ray.data.read_binary_files(uris, include_paths=True)
                    datasets.append(files.map_batches(documents_from_files, batch_format="numpy"))
                ds = datasets[0].union(*datasets[1:]) if len(datasets) > 1 else datasets[0]
                ds = ds.map_batches(RecordMaker, fn_constructor_kwargs={"model": model}, batch_size=batch_size,
                                    compute=ray.data.ActorPoolStrategy(size=workers), batch_format="numpy")  # fmt: skip
                ds.write_parquet(str(folder))
            shards = sorted(folder.glob("*.parquet"))
            run["shards"] += [str(p.relative_to(out)) for p in shards]
            for results in read_shards(shards, batch_size):
                articles = sum(isinstance(r, Article) for _k, r, _o in results)
                run["articles"] += articles
                run["failures"] += len(results) - articles
                if store is not None and load:
                    write(store, results, progress)
                else:
                    progress.stored(articles, len(results) - articles)
    finally:
        if started:
            ray.shutdown()
        run["inputs"] = run["articles"] + run["failures"]
        _update_manifest(out, run)
    return run


def _parts(
    first: list[dict[str, Any]] | None, rest: Iterator[list[dict[str, Any]]], storage: list[str] | None
) -> Iterator[tuple[list[dict[str, Any]], list[str]]]:
    """(driver-read rows, storage URIs) per Ray execution: the URIs go with the first chunk."""
    if first is None:
        if storage:
            yield [], storage
        return
    yield first, storage or []
    for rows in rest:
        yield rows, []
