"""`dateline extract`: articles in, records out (JSON, JSONL or a readable summary)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from .. import nlp as nlp_module
from ..errors import DatelineError
from ..pipeline import process
from ..record import Article, ErrorRecord
from ..render import render_text
from ..sources.files import iter_documents


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def main(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl) or '-' for standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    model: Annotated[str, typer.Option(help="spaCy pipeline name or path.")] = nlp_module.DEFAULT_MODEL,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for a single input.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of a single input.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet of a single input (TASS, Reuters...).")] = None,
) -> None:
    """Extract the record of each article. Exit 1 if some inputs failed, 2 if none could be read."""
    try:
        nlp = nlp_module.load(model)
    except DatelineError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from exc
    documents = iter_documents(paths, url=url, published=published, source=source)
    ok = failed = 0
    collected: list[dict] = []
    for record in process(documents, nlp):
        if isinstance(record, ErrorRecord):
            failed += 1
            typer.echo(f"dateline: {record.error}", err=True)
            if format is Format.jsonl:
                print(record.model_dump_json())
            continue
        ok += 1
        assert isinstance(record, Article)
        if format is Format.jsonl:
            print(record.model_dump_json(), flush=True)
        elif format is Format.json:
            collected.append(record.model_dump(mode="json"))
        else:
            print(render_text(record), flush=True)
    if format is Format.json:
        json.dump(collected[0] if len(collected) == 1 else collected, sys.stdout, ensure_ascii=False, indent=2)
        print()
    if ok == 0:
        raise typer.Exit(2)
    if failed:
        raise typer.Exit(1)
