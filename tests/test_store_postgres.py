"""The same store on a real PostgreSQL server, started by the test in a temporary directory.

The server runs as the invoking user, or as `postgres` through runuser when the tests run
as root (PostgreSQL refuses to run as root). Where no server can be started (binaries
missing: see .ci/services.sh), the tests skip and say why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.record import ErrorRecord
from dateline.store import open_store
from dateline.store import schema as schema_module

psycopg = pytest.importorskip("psycopg", reason="psycopg not installed (pip install 'dateline[postgres]')")


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; .ci/services.sh installs them")
    prefix: list[str] = []
    root = tempfile.mkdtemp(prefix="dateline-pg-")
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            pw = None
        if not runuser or pw is None:
            shutil.rmtree(root, ignore_errors=True)
            pytest.skip("running as root without a `postgres` user and runuser: cannot start PostgreSQL")
        os.chmod(root, 0o755)
        os.chown(root, pw.pw_uid, pw.pw_gid)
        prefix = [runuser, "-u", "postgres", "--"]
    data, log = Path(root) / "data", Path(root) / "server.log"
    port = _free_port()
    run = lambda *args: subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120)  # noqa: E731
    init = run(initdb, "-D", str(data), "-A", "trust", "-U", "dateline", "-E", "UTF8", "--no-sync")
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[-300:]}")
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off -c shared_buffers=16MB"
    start = run(pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
    if start.returncode != 0:
        text = log.read_text() if log.exists() else start.stderr
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"pg_ctl start failed: {text.strip()[-300:]}")
    try:
        yield f"postgresql://dateline@127.0.0.1:{port}/postgres"
    finally:
        run(pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_store(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:  # a clean schema for every test
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    with open_store(pg_url) as store:
        yield store


def test_postgres_round_trip_matches_sqlite(pg_store, tmp_path, extract):
    from test_store import TEXT, hand_article

    real = extract(TEXT, published="2020-08-09", url="https://example.org/minsk")
    hand = hand_article("a2", "2021-01-05", "RU", "PROTEST")
    error = ErrorRecord(id="bad", origin="bad.txt", error="bad.txt: binary content", stage="reading")
    with open_store(tmp_path / "same.db") as lite:
        for store in (pg_store, lite):
            with store.transaction():
                assert store.add("k1", real)
                assert store.add("k2", hand)
                assert store.add("k3", error)
            assert store.add("k1", real) is False
        assert pg_store.schema_version() == len(schema_module.MIGRATIONS["postgresql"])
        assert list(pg_store.articles()) == [real, hand] == list(lite.articles())
        assert list(pg_store.article_json()) == list(lite.article_json())
        assert pg_store.stats() == lite.stats()
        assert pg_store.failures() == [error]
        for table in ("events", "quotes", "entities", "places", "times"):
            columns = "article_key, " + {"events": "event_id, type, actor, country", "quotes": "quote_id, text, speaker",
                                         "entities": "entity_id, name, type", "places": "place_id, name, country",
                                         "times": "time_id, text, value"}[table]  # fmt: skip
            sql = f"SELECT {columns} FROM {table} ORDER BY 1, 2"
            assert pg_store.query(sql) == lite.query(sql), table
        assert [a.id for a in pg_store.articles(country="RU", event_type="PROTEST")] == ["a2"]
        assert {k for k, _ in pg_store.search("protesters detained")} == {"k1", "k2"}
        assert pg_store.search("nonexistentword") == []
        found = {k for k, _t, _s in pg_store.search_quotes("restored")}
        assert "k2" in found and found == {k for k, _t, _s in lite.search_quotes("restored")}


def test_postgres_rollback_and_has(pg_store):
    from test_store import hand_article

    with pytest.raises(RuntimeError), pg_store.transaction():
        pg_store.add("k1", hand_article())
        raise RuntimeError("crash mid-batch")
    assert not pg_store.has("k1") and pg_store.stats()["articles"] == 0
    pg_store.add("k1", hand_article())
    assert pg_store.known(["k1", "k2"]) == {"k1"} and pg_store.has_url("https://example.org/a1")


def test_ingest_into_postgres_equals_sqlite(pg_store, tmp_path, nlp):
    from dateline.ingest import ingest
    from test_ingest import samples

    folder = samples(tmp_path / "in", 2)
    (folder / "empty.txt").write_text("")
    with open_store(tmp_path / "same.db") as lite:
        for store in (pg_store, lite):
            summary = ingest([str(folder)], store, workers=1, show_progress=False)
            assert (summary.done, summary.failed) == (2, 1)
        assert list(pg_store.article_json()) == list(lite.article_json())
        assert pg_store.failures() == lite.failures()
        again = ingest([str(folder)], pg_store, workers=1, show_progress=False)
        assert (again.done, again.skipped) == (0, 3)


def test_a_record_the_database_rejects_becomes_a_failure(pg_store):
    from dateline.ingest.local import write
    from dateline.ingest.progress import Progress
    from test_store import hand_article

    good = hand_article("good")
    bad = hand_article("bad").model_copy(update={"source": "Example\x00News"})  # PostgreSQL text refuses NUL
    progress = Progress(None, enabled=False)
    write(pg_store, [("k1", good, "good.txt"), ("k2", bad, "bad.txt")], progress)
    assert [a.id for a in pg_store.articles()] == ["good"]
    [failure] = pg_store.failures()
    assert failure.id == "bad" and failure.origin == "bad.txt" and "could not be stored" in failure.error
    assert (progress.summary.done, progress.summary.failed) == (1, 1)
