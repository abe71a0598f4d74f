"""Counts extractor (not implemented yet: returns nothing)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..record import Article


def extract(doc: Doc, article: Article) -> list:
    return []
