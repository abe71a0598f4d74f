"""Local sources: files, folders, JSON and JSONL records, gzip, stdin; bad records become ErrorRecords."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from dateline.pipeline import read_documents
from dateline.record import Article, Document, ErrorRecord
from dateline.sources.files import iter_documents

STORY = "Council approves budget\n\nThe city council approved the budget on Monday after a long debate.\n"


def test_jsonl_broken_line_continues(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": STORY, "url": "https://example.com/a1", "published": "2023-03-14"}),
        '{"id": "a2", "text": "unterminated',
        "",
        json.dumps({"id": "a3", "html": "<html><body><p>x</p></body></html>", "source": "Gazette"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    records = list(iter_documents([str(path)]))
    assert [type(r).__name__ for r in records] == ["Document", "ErrorRecord", "Document"]
    first, broken, third = records
    assert isinstance(first, Document) and first.id == "a1" and first.published == "2023-03-14"
    assert isinstance(broken, ErrorRecord) and broken.error.startswith(f"{path}:2: line is not JSON")
    assert isinstance(third, Document) and (third.id, third.content_type, third.source) == ("a3", "html", "Gazette")


def test_missing_path_is_an_error_record(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    (record,) = list(iter_documents([str(missing)]))
    assert isinstance(record, ErrorRecord)
    assert record.stage == "source" and "no such file" in record.error and str(missing) in record.error


def test_folder_recursive_with_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "c" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "page.html").write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    records = list(iter_documents([str(tmp_path)]))
    assert [(r.id, r.content_type) for r in records if isinstance(r, Document)] == [
        ("a/story", "text"),
        ("b/c/story", "text"),
        ("b/page", "html"),
    ]


def test_gzip_and_json_list(tmp_path: Path) -> None:
    (tmp_path / "one.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "many.json").write_text(json.dumps([{"id": "x1", "text": STORY}, {"text": STORY}]), encoding="utf-8")
    (tmp_path / "single.json").write_text(json.dumps({"text": STORY, "published": "2023-03-14"}), encoding="utf-8")
    (tmp_path / "bad.html.gz").write_bytes(b"not gzip at all")
    records = {
        r.id: r
        for r in iter_documents([str(tmp_path / n) for n in ("one.txt.gz", "many.json", "single.json", "bad.html.gz")])
    }
    assert isinstance(records["one"], Document) and records["one"].content == STORY.encode()
    assert isinstance(records["x1"], Document) and isinstance(records["many-2"], Document)
    assert isinstance(records["single"], Document) and records["single"].published == "2023-03-14"
    assert isinstance(records["bad"], ErrorRecord) and "cannot read" in records["bad"].error


def test_defaults_apply_where_record_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (doc,) = list(iter_documents([str(path)], url="https://example.com/s", published="2023-03-14", source="Gazette"))
    assert isinstance(doc, Document)
    assert (doc.id, doc.url, doc.published, doc.source, doc.origin) == (
        "story",
        "https://example.com/s",
        "2023-03-14",
        "Gazette",
        str(path),
    )


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    (doc,) = list(iter_documents(["-"]))
    assert isinstance(doc, Document) and doc.id == "stdin" and doc.content == STORY.encode()


def test_bad_files_read_as_errors_and_good_ones_as_articles(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    records = {r.id: r for r in read_documents(iter_documents([str(tmp_path)]))}
    assert isinstance(records["good"], Article)
    assert isinstance(records["empty"], ErrorRecord) and records["empty"].error.endswith("empty document")
    assert isinstance(records["image"], ErrorRecord) and "binary" in records["image"].error


def test_record_title_becomes_headline(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    body = "The city council approved the budget on Monday after a long debate."
    path.write_text(json.dumps({"id": "t1", "title": "Council approves budget", "text": body}) + "\n", encoding="utf-8")
    (article,) = list(read_documents(iter_documents([str(path)])))
    assert isinstance(article, Article)
    assert article.headline is not None and article.headline.text == "Council approves budget"
    assert article.text.endswith(body)
