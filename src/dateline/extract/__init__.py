"""Extractors: one module per kind of fact, each a function `(doc, article) -> list[Fact]`.

They run in the order below; a later extractor may read what earlier ones put on the
article (quotes read entities, events read quotes, times and places), never the reverse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from ..record import Article

Extractor = Callable[[Doc, Article], list[Any]]


def default_extractors() -> list[tuple[str, Extractor]]:
    """(Article field, extractor) pairs, in dependency order."""
    from . import counts, entities, events, places, quotes, stances, times

    return [
        ("entities", entities.extract),
        ("places", places.extract),
        ("times", times.extract),
        ("quotes", quotes.extract),
        ("stances", stances.extract),
        ("counts", counts.extract),
        ("events", events.extract),
    ]
