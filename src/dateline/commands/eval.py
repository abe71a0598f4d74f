"""`dateline eval GOLD_DIR`: run the real extractor over gold articles and score it (gold/FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .. import nlp as nlp_module
from ..errors import DatelineError
from ..evaluate.gold import SECTIONS, load_gold_dir
from ..evaluate.report import render_json, render_table, render_verbose
from ..evaluate.score import score_document, sum_scores
from ..pipeline import process
from ..record import Article


def main(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of NAME.json gold files beside NAME.txt or NAME.html.")],
    model: Annotated[str, typer.Option(help="spaCy pipeline name or path.")] = nlp_module.DEFAULT_MODEL,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Score only documents whose name contains this (repeatable).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of the table.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every miss, spurious item and wrong attribute.")
    ] = False,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Add a table per document.")] = False,
    section: Annotated[
        list[str] | None,
        typer.Option("--section", "-s", help=f"Report only this section (repeatable): {', '.join(SECTIONS)}."),
    ] = None,
) -> None:
    """Score the extractor against gold files. Exit 2 for a missing or empty gold dir or malformed gold."""
    unknown = sorted(set(section or []) - set(SECTIONS))
    if unknown:
        typer.echo(f"dateline eval: unknown section {', '.join(unknown)} (one of {', '.join(SECTIONS)})", err=True)
        raise typer.Exit(2)
    try:
        golds, skipped = load_gold_dir(gold_dir, only)
        nlp = nlp_module.load(model)
        for line in skipped:
            typer.echo(f"dateline eval: {line}", err=True)
        records = list(process((g.document() for g in golds), nlp))
    except DatelineError as exc:
        typer.echo(f"dateline eval: {exc}", err=True)
        raise typer.Exit(2) from exc
    docs = []
    for gold, record in zip(golds, records, strict=True):
        article = record if isinstance(record, Article) else None
        if article is None:
            typer.echo(f"dateline eval: {gold.name}: {getattr(record, 'error', 'failed')}", err=True)
        doc = score_document(gold.name, gold.data, article)
        if section:
            doc.sections = {k: v for k, v in doc.sections.items() if k in section}
        docs.append(doc)
    micro = sum_scores(docs)
    if verbose:
        typer.echo(render_verbose(docs), err=as_json)
    if as_json:
        typer.echo(json.dumps(render_json(micro, docs, model), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_table(micro, docs, per_doc))
