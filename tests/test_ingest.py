"""Ingest into a store: folders, reruns, a killed run resumed, failures recorded, WARC archives, the report."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.ingest import ingest
from dateline.record import Article
from dateline.store import open_store
from dateline.store.report import print_report

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dateline" / "samples" / "wikinews"
TABLES = ("articles", "failures", "entities", "mentions", "quotes", "events", "counts", "times", "places")


def samples(folder: Path, n: int) -> Path:
    """A folder with the first n bundled sample articles."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(SAMPLES.glob("*.txt"))[:n]:
        shutil.copy(path, folder / path.name)
    return folder


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted: what 'the same store content' means."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def run(sources, db: Path, **options) -> object:
    with open_store(db) as store:
        return ingest([str(s) for s in sources], store, workers=1, show_progress=False, **options)


def test_folder_ingest_then_rerun_skips_everything(tmp_path, nlp):
    folder = samples(tmp_path / "in", 3)
    db = tmp_path / "d.db"
    first = run([folder], db, batch_size=2)
    assert (first.done, first.skipped, first.failed) == (3, 0, 0)
    content = dump(db)
    assert len(content["articles"]) == 3 and content["entities"] and content["places"]
    with open_store(db) as store:
        for article in store.articles():
            assert isinstance(article, Article) and article.source == "Wikinews"
            assert article.headline is not None and article.text.startswith(article.headline.text)
    again = run([folder], db, batch_size=2)
    assert (again.done, again.skipped, again.failed) == (0, 3, 0)
    assert dump(db) == content


def test_same_document_twice_in_one_run_is_processed_once(tmp_path, nlp):
    folder = samples(tmp_path / "in", 1)
    [path] = folder.iterdir()
    shutil.copy(path, folder / "copy.txt")
    summary = run([folder], tmp_path / "d.db")
    assert (summary.done, summary.skipped) == (1, 1)


def test_killed_ingest_resumes_to_the_same_store(tmp_path, nlp):
    folder = samples(tmp_path / "in", 6)
    whole, resumed = tmp_path / "whole.db", tmp_path / "resumed.db"
    run([folder], whole, batch_size=1)
    command = [sys.executable, "-m", "dateline.cli", "ingest", str(folder), "--db", str(resumed),
               "--workers", "1", "--batch-size", "1", "--no-progress"]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if resumed.exists():
                try:
                    with sqlite3.connect(resumed) as conn:
                        committed = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:  # tables not created yet
                    committed = 0
                if committed >= 2:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            time.sleep(0.02)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 2 <= committed < 6
    summary = run([folder], resumed, batch_size=1)
    assert summary.skipped >= 2 and summary.done + summary.skipped == 6 and summary.failed == 0
    assert dump(resumed) == dump(whole)


def test_bad_inputs_are_recorded_and_never_stop_the_run(tmp_path, nlp):
    folder = samples(tmp_path / "in", 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    good = {"id": "from-jsonl", "text": "Ministers met in Paris on Monday.\n\nThe talks ended without a deal."}
    (folder / "batch.jsonl").write_text(json.dumps(good) + "\n{not json at all\n")
    (folder / "huge.html").write_bytes(b"<html><body>" + b"<p>word " * 2_700_000 + b"</body></html>")
    db = tmp_path / "d.db"
    summary = run([folder], db)
    assert (summary.done, summary.failed) == (3, 4)
    with open_store(db) as store:
        failures = {Path(f.origin.split(":")[0]).name: f for f in store.failures()}
        ids = {a.id for a in store.articles()}
    assert "from-jsonl" in ids and len(ids) == 3
    assert set(failures) == {"empty.txt", "image.txt", "batch.jsonl", "huge.html"}
    assert "empty" in failures["empty.txt"].error
    assert "binary" in failures["image.txt"].error
    assert failures["batch.jsonl"].stage == "source" and "JSON" in failures["batch.jsonl"].error
    assert failures["huge.html"].stage == "source" and "MB" in failures["huge.html"].error
    again = run([folder], db)  # failures are remembered: nothing is tried twice
    assert (again.done, again.failed, again.skipped) == (0, 0, 7)


def make_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """A small WARC: per page a request and an HTML response, plus an image response and a metadata record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, date, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                               http_headers=headers, warc_headers_dict={"WARC-Date": date})  # fmt: skip
            writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG..."), http_headers=image))  # fmt: skip
        writer.write_record(writer.create_warc_record("https://news.example/", "metadata",
                                                      payload=io.BytesIO(b"crawl notes")))  # fmt: skip


PAGE = """<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>
<article><h1>{title}</h1><p>{body}</p><p>{body2}</p></article><footer>Copyright News Example</footer></body></html>"""


def test_warc_html_responses_become_articles(tmp_path, nlp):
    folder = samples(tmp_path / "in", 1)  # archives inside a folder are found too
    warc = folder / "crawl.warc.gz"
    pages = [
        ("https://news.example/2021/03/floods", "2021-03-14T08:15:00Z",
         PAGE.format(title="Floods force thousands from their homes",
                     body="Floods in northern Italy forced about 3,000 people from their homes on Sunday, officials said.",
                     body2="Rescue teams reached the town of Parma by boat, the regional government said.")),
        ("https://news.example/2021/03/talks", "2021-03-15T10:00:00Z",
         PAGE.format(title="Ministers meet in Geneva",
                     body="Foreign ministers of France and Germany met in Geneva on Monday to discuss trade.",
                     body2="\u201cThe talks were useful,\u201d the French minister told reporters after the meeting.")),
    ]  # fmt: skip
    make_warc(warc, pages)
    db = tmp_path / "d.db"
    summary = run([folder], db)
    assert (summary.done, summary.failed) == (3, 0)
    with open_store(db) as store:
        articles = {a.url: a for a in store.articles() if a.url and "news.example" in a.url}
    assert set(articles) == {url for url, _d, _h in pages}
    floods = articles["https://news.example/2021/03/floods"]
    assert floods.published is not None and floods.published.date == "2021-03-14"
    assert "Floods in northern Italy" in floods.text and "Home | World" not in floods.text
    assert run([warc], db).skipped == 2
    bad = folder / "bad.warc.gz"
    bad.write_bytes(b"not an archive\n" * 20)
    again = run([folder], db)  # an unreadable archive is one failure; the rest was ingested already
    assert (again.done, again.failed, again.skipped) == (0, 1, 3)
    with open_store(db) as store:
        [failure] = store.failures()
    assert failure.origin == str(bad) and failure.stage == "source" and "not a WARC" in failure.error


def test_report_lists_speakers_events_and_counts(tmp_path):
    from test_store import hand_article

    db = tmp_path / "d.db"
    with open_store(db) as store:
        store.add("k1", hand_article())
        out = io.StringIO()
        print_report(store, out)
    text = out.getvalue()
    assert text.startswith("1 articles, 0 failures")
    assert "Olga Chemodanova" in text and "COERCE" in text and "BY" in text


@pytest.mark.parametrize("workers", [2])
def test_worker_processes_give_the_same_store(tmp_path, nlp, workers):
    folder = samples(tmp_path / "in", 3)
    inline, pooled = tmp_path / "inline.db", tmp_path / "pooled.db"
    run([folder], inline, batch_size=1)
    with open_store(pooled) as store:
        summary = ingest([str(folder)], store, workers=workers, batch_size=1, show_progress=False)
    assert (summary.done, summary.failed) == (3, 0)
    assert len([k for k in summary.peak_rss_kb if k.startswith("worker-")]) >= 1
    assert dump(pooled) == dump(inline)


def test_ingest_command_reports_and_exits_1_on_failures(tmp_path, nlp):
    from typer.testing import CliRunner

    from dateline.cli import app

    folder = samples(tmp_path / "in", 1)
    (folder / "empty.txt").write_text("   \n")
    db = tmp_path / "cli.db"
    args = ["ingest", str(folder), "--db", str(db), "--workers", "1", "--no-progress", "--report"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "1 done, 0 skipped, 1 failed" in result.stderr and "empty.txt" in result.stderr
    assert result.stdout.startswith("1 articles, 1 failures") and "Events by type and country" in result.stdout
    bad_model = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--model", "no_such_model_xyz"])
    assert bad_model.exit_code == 2 and "no_such_model_xyz" in bad_model.stderr


def test_ingest_summary_reports_cpu_time_after_the_first_batch(tmp_path, nlp):
    folder = samples(tmp_path / "in", 3)
    summary = run([folder], tmp_path / "d.db", batch_size=1)
    assert summary.done == 3 and summary.first_batch == 1
    assert summary.cpu_warmup is not None and summary.cpu_seconds > summary.cpu_warmup
    assert summary.steady_cpu_rate > 0
