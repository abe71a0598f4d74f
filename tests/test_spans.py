"""Every span the pipeline emits on the dev gold articles indexes `Article.text` exactly."""

from __future__ import annotations

import pytest

from conftest import GOLD_DEV, needs_shared
from dateline.evaluate.gold import load_gold_dir
from dateline.pipeline import process
from dateline.record import Article, iter_spans


@needs_shared(GOLD_DEV)
def test_every_span_indexes_article_text(nlp):
    golds, _ = load_gold_dir(GOLD_DEV)
    records = list(process((g.document() for g in golds), nlp))
    assert len(records) == len(golds)
    bad: list[str] = []
    for record in records:
        if not isinstance(record, Article):
            pytest.fail(f"{record.id}: {record.error}")
        for span in iter_spans(record):
            if record.text[span.start : span.end] != span.text:
                bad.append(f"{record.id} [{span.start}:{span.end}] {span.text!r}")
    assert not bad, "\n".join(bad[:20])
