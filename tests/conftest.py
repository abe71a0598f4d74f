"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline import nlp as nlp_module
from dateline.pipeline import process
from dateline.record import Article, Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev"


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


@pytest.fixture(scope="session")
def extract(nlp) -> Callable[..., Article]:
    """Run the whole pipeline on a text: `extract("MOSCOW, Feb 9 ...", published="2022-02-09")`."""

    def run(text: str, *, published: str | None = None, url: str | None = None, source: str | None = None,
            html: bool = False, id: str = "test") -> Article:  # fmt: skip
        doc = Document(id=id, content=text, content_type="html" if html else "text",
                       published=published, url=url, source=source)  # fmt: skip
        record = next(process([doc], nlp, batch_size=1))
        assert isinstance(record, Article), record
        return record

    return run


def needs_shared(path: Path) -> pytest.MarkDecorator:
    """Tests over ../shared data run where it is laid out (developers' machines and CI)."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present")
