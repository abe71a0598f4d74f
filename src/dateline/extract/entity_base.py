"""Shared pieces of the entities extractor: the name-mention record, sentence lookup, token search.

Kept apart so that the modules finding mentions (entity_mentions, entity_phrases) and the
ones using them (entity_group, entity_coref) import one small module, not each other.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019", "'S", "\u2019S"})


@dataclass
class NameMention:
    """One name in the text, before it is grouped into an entity."""

    start: int  # characters of the mention as emitted (may include "the" or an honorific)
    end: int
    name_start: int  # characters of the bare name
    name_end: int
    label: str  # NER label mapped to dateline types
    key: str  # normal form shared by mentions of the same name
    display: str  # the name as a reader writes it
    sent: int  # sentence index
    kind: str = "name"
    title: str | None = None
    title_start: int | None = None  # character where the title begins
    gender: str | None = None
    honorific: bool = False
    subject: int = 0  # 2: subject of the main clause, 1: of another clause (see subject_rank)
    acronym_of: str | None = None  # key of the long name this acronym was defined for
    compound: bool = False  # used as a noun modifier ("Oreshnik systems")
    described: tuple[int, int] | None = None  # characters of a title after the name: ", the Defence Secretary"


def subject_rank(token: Token) -> int:
    """2 for the subject of the sentence's main verb, 1 for another subject, else 0.

    A possessor of a subject counts as that subject ("Lavrov's letter concluded").
    """
    if token.dep_ == "poss":
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return 0
    return 2 if token.head.dep_ == "ROOT" else 1


class Sentences:
    """Sentence number of a token by bisection over sentence starts (no per-token table)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [sent.start for sent in doc.sents] or [0]

    def __getitem__(self, token_index: int) -> int:
        return max(bisect.bisect_right(self.starts, token_index) - 1, 0)

    def start_of(self, token_index: int) -> int:
        """First token of the sentence holding `token_index`."""
        return self.starts[self[token_index]]


def token_matches(doc: Doc, words: frozenset[str], text: str = "") -> Iterator[Token]:
    """Tokens whose lower-case form is one of `words`, in text order.

    One vectorized test over the doc's LOWER array (`doc.to_array` + `numpy.isin`) finds the
    few interesting tokens, so no Python loop or big regex runs over every token.
    """
    if not len(doc) or not words:
        return
    lower = doc.to_array(LOWER)
    hashes = np.fromiter((doc.vocab.strings[w] for w in words), dtype=lower.dtype, count=len(words))
    for i in np.flatnonzero(np.isin(lower, hashes)):
        yield doc[int(i)]
