"""Finding and loading gold files: `NAME.json` beside the article it annotates.

A gold file is checked only for shape (a JSON object whose sections are what FORMAT.md
says), so a typo in hand-written gold stops the run with the file named, instead of
silently scoring zero.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DatelineError
from ..record import Document

LIST_SECTIONS = ("entities", "quotes", "times", "places", "events", "counts")
SECTIONS = ("metadata", *LIST_SECTIONS)


class GoldError(DatelineError):
    """The gold directory or one of its files cannot be used."""


@dataclass(frozen=True)
class Gold:
    """One annotated article: its name, the article file and the parsed gold."""

    name: str
    json_path: Path
    article_path: Path
    data: dict[str, Any]

    @property
    def sections(self) -> list[str]:
        return [s for s in SECTIONS if s in self.data]

    def document(self) -> Document:
        """The article as a source would hand it over, with the gold's `input` as outside knowledge."""
        given = self.data.get("input") or {}
        html = self.article_path.suffix.lower() in (".html", ".htm")
        return Document(
            id=self.name,
            content=self.article_path.read_bytes(),
            content_type="html" if html else "text",
            url=given.get("url") or None,
            published=given.get("published") or None,
            source=given.get("source") or None,
            origin=str(self.article_path),
        )


def _article_for(json_path: Path, data: dict[str, Any]) -> Path | None:
    named = data.get("document")
    candidates = [json_path.parent / named] if isinstance(named, str) and named else []
    candidates += [json_path.with_suffix(ext) for ext in (".txt", ".html", ".htm")]
    return next((p for p in candidates if p.is_file()), None)


def _check(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise GoldError(f"{path}: gold must be a JSON object")
    for section in LIST_SECTIONS:
        if section in data and not (
            isinstance(data[section], list) and all(isinstance(i, dict) for i in data[section])
        ):
            raise GoldError(f"{path}: '{section}' must be a list of objects")
    for key in ("metadata", "input"):
        if key in data and data[key] is not None and not isinstance(data[key], dict):
            raise GoldError(f"{path}: '{key}' must be an object")
    return data


def load_gold(path: Path) -> dict[str, Any]:
    """Parse and shape-check one gold file; GoldError names the file on any problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: malformed JSON: {exc}") from exc
    return _check(path, data)


def load_gold_dir(directory: Path, only: list[str] | None = None) -> tuple[list[Gold], list[str]]:
    """Every gold file with its article beside it, sorted by name; also warnings for skipped files.

    `only` keeps the names containing any of the given substrings.
    """
    if not directory.is_dir():
        raise GoldError(f"{directory}: not a directory")
    golds: list[Gold] = []
    skipped: list[str] = []
    for json_path in sorted(directory.glob("*.json")):
        name = json_path.stem
        if only and not any(o in name for o in only):
            continue
        data = load_gold(json_path)
        article = _article_for(json_path, data)
        if article is None:
            skipped.append(f"{json_path}: no {name}.txt or {name}.html beside it, skipped")
            continue
        golds.append(Gold(name=name, json_path=json_path, article_path=article, data=data))
    if not golds:
        what = f" matching {', '.join(only)}" if only else ""
        raise GoldError(f"{directory}: no gold files{what} (NAME.json beside NAME.txt or NAME.html)")
    return golds, skipped
