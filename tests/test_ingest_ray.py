"""The Ray engine on a local Ray instance: same records as the local engine, shards plus a manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest import ingest
from dateline.ingest.ray_engine import read_shards
from dateline.store import open_store

pytest.importorskip("ray.data", reason="Ray Data not installed (pip install 'dateline[ray]')")

FACT_TABLES = ("entities", "mentions", "quotes", "events", "counts", "times", "places")


def test_ray_engine_gives_the_same_store_as_local(tmp_path, nlp):
    """Local paths read by the driver, plus a storage URI (local:// here, s3:// or gs:// on a cluster) read by Ray."""
    from test_ingest import SAMPLES, dump, samples

    folder = samples(tmp_path / "in", 3)
    (folder / "empty.txt").write_text("")
    remote = tmp_path / "remote"
    remote.mkdir()
    fourth = sorted(SAMPLES.glob("*.txt"))[3]
    (remote / fourth.name).write_bytes(fourth.read_bytes())
    local_db, ray_db, out = tmp_path / "local.db", tmp_path / "ray.db", tmp_path / "shards"
    with open_store(local_db) as store:
        ingest([str(folder), str(remote)], store, workers=1, batch_size=2, show_progress=False)
    with open_store(ray_db) as store:
        summary = ingest([str(folder), "local://" + str(remote)], store, engine="ray", workers=1, batch_size=2,
                         out=out, show_progress=False)  # fmt: skip
    assert (summary.done, summary.failed) == (4, 1)
    ray_content, local_content = dump(ray_db), dump(local_db)
    assert {t: ray_content[t] for t in FACT_TABLES} == {t: local_content[t] for t in FACT_TABLES}
    with open_store(local_db) as lite, open_store(ray_db) as ray_store:
        assert list(ray_store.article_json()) == list(lite.article_json())
        assert ray_store.failures() == lite.failures()

    manifest = json.loads((out / "manifest.json").read_text())
    [run] = manifest["runs"]
    assert (run["inputs"], run["articles"], run["failures"]) == (5, 4, 1)
    assert {Path(s).parent.name for s in run["shards"]} == {"part-00000"}
    shards = [out / name for name in run["shards"]]
    assert shards and all(p.exists() for p in shards)
    from_shards = {key: record.model_dump_json() for batch in read_shards(shards) for key, record, _o in batch}
    with open_store(local_db) as store:
        stored = dict(store.article_json())
    assert stored == {k: js for k, js in from_shards.items() if k in stored} and len(from_shards) == 5

    with open_store(ray_db) as store:  # a rerun has nothing to send to Ray
        again = ingest([str(folder)], store, engine="ray", workers=1, out=out, show_progress=False)
    assert (again.done, again.skipped) == (0, 4)
    assert json.loads((out / "manifest.json").read_text())["runs"][-1]["inputs"] == 0


def test_documents_go_to_ray_a_chunk_at_a_time():
    from dateline.ingest.ray_engine import _chunks, _parts
    from dateline.record import Document

    batches = [[(f"k{i}", Document(id=str(i), content=f"text {i}"))] for i in range(5)]
    chunks = _chunks(iter(batches), 2)
    parts = list(_parts(next(chunks), chunks, ["s3://bucket/news/"]))
    assert [([r["key"] for r in rows], uris) for rows, uris in parts] == [
        (["k0", "k1"], ["s3://bucket/news/"]),
        (["k2", "k3"], []),
        (["k4"], []),
    ]
    assert list(_parts(None, iter([]), ["s3://bucket/news/"])) == [([], ["s3://bucket/news/"])]
    assert list(_parts(None, iter([]), None)) == []
