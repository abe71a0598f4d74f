"""Exports parse back: JSONL gives the stored records exactly, CSV/Parquet rows and PLOVER records filter right."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.export import export
from dateline.record import Article, ErrorRecord
from dateline.store import open_store


@pytest.fixture
def db(tmp_path):
    from test_store import hand_article

    path = tmp_path / "e.db"
    with open_store(path) as store:
        store.add("k1", hand_article("a1", "2020-08-09", "BY", "COERCE"))
        store.add("k2", hand_article("a2", "2021-01-05", "RU", "PROTEST"))
        store.add("k3", hand_article("a3", "2022-02-09", "RU", "COERCE"))
        store.add("k4", ErrorRecord(id="bad", origin="bad.txt", error="bad.txt: empty document"))
    return path


def run_export(db, fmt: str, **options) -> str:
    with open_store(db) as store:
        out = io.StringIO()
        export(store, fmt, out, **options)
    return out.getvalue()


def test_jsonl_is_the_stored_record_exactly(db):
    lines = run_export(db, "jsonl").splitlines()
    with open_store(db) as store:
        assert lines == [js for _k, js in store.article_json()]
    articles = [Article.model_validate_json(line) for line in lines]
    assert [a.id for a in articles] == ["a1", "a2", "a3"]
    assert [json.loads(x)["id"] for x in run_export(db, "jsonl", country="RU", since="2022-01-01").splitlines()] == [
        "a3"
    ]


def test_csv_event_rows_and_filters(db):
    rows = list(csv.DictReader(io.StringIO(run_export(db, "csv"))))
    assert [(r["article_id"], r["type"], r["country"], r["actor"], r["trigger"]) for r in rows] == [
        ("a1", "COERCE", "BY", "Police", "detained"),
        ("a2", "PROTEST", "RU", "Police", "detained"),
        ("a3", "COERCE", "RU", "Police", "detained"),
    ]
    coerce_ru = list(csv.DictReader(io.StringIO(run_export(db, "csv", event_type="coerce", country="ru"))))
    assert [r["article_id"] for r in coerce_ru] == ["a3"]
    assert list(csv.DictReader(io.StringIO(run_export(db, "csv", until="2020-12-31"))))[0]["published"] == "2020-08-09"


def test_csv_quote_rows(db):
    rows = list(csv.DictReader(io.StringIO(run_export(db, "csv", what="quotes"))))
    assert len(rows) == 3
    assert {(r["speaker"], r["kind"], r["text"], r["cue"]) for r in rows} == {
        ("Olga Chemodanova", "direct", "Order was restored,", "told")
    }


def test_parquet_rows(db, tmp_path):
    for what, n in (("events", 3), ("quotes", 3), ("articles", 3)):
        path = tmp_path / f"{what}.parquet"
        with open_store(db) as store, path.open("wb") as fh:
            assert export(store, "parquet", fh, what=what) == n
        table = pq.read_table(path)
        assert table.num_rows == n
    assert pq.read_table(tmp_path / "events.parquet").column("type").to_pylist() == ["COERCE", "PROTEST", "COERCE"]


def test_plover_records(db):
    records = [json.loads(line) for line in run_export(db, "plover", event_type="PROTEST").splitlines()]
    assert [(r["event_type"], r["country"], r["story_id"], r["event_text"]) for r in records] == [
        ("PROTEST", "RU", "a2", "detained")
    ]


def test_export_command(db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--type", "COERCE"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["article_id"] for r in rows] == ["a1", "a3"]
    out = tmp_path / "all.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "--out", str(out)]).exit_code == 0
    assert len(out.read_text().splitlines()) == 3
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and not (tmp_path / "none.db").exists()


def test_csv_stance_rows(tmp_path, extract):
    text = "Most voters oppose the new toll. The mayor said the toll would stay."
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.add("k1", extract(text))
    rows = list(csv.DictReader(io.StringIO(run_export(path, "csv", what="stances"))))
    assert [(r["speaker"], r["kind"], r["cue"], r["text"]) for r in rows] == [
        ("Most voters", "stance", "oppose", "the new toll")
    ]
    quotes = list(csv.DictReader(io.StringIO(run_export(path, "csv", what="quotes"))))
    assert [r["cue"] for r in quotes] == ["said"]
