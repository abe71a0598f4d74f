"""Event and count lexicons, loaded once per process and indexed by lemma.

Why an index: events and counts look every token up once in a dict keyed by
(lemma, part of speech), so the cost stays flat however large the lexicons grow.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import lexicons

TRIGGERS = "plover_triggers.tsv"
SECTORS = "sectors.tsv"
COUNT_WORDS = "count_nouns.tsv"

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE_ACTION = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# Mode a hostile action gives the THREATEN event that announces it (CAMEO2PLOVER 13x rows).
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "SANCTION": "relations",
               "PROTEST": "relations"}  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: head lemma, words that must accompany it, and what it means."""

    lemma: str
    pos: str  # "verb" | "noun"
    type: str  # PLOVER type, or LIGHT / INTENT / NONE
    mode: str | None
    requires: frozenset[str]


@cache
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, pos) -> rows, rows with required words first (the more specific sense wins)."""
    index: dict[tuple[str, str], list[Trigger]] = {}
    for row in lexicons.rows(TRIGGERS):
        if len(row) < 3:
            continue
        phrase, pos, type_ = row[0], row[1].lower(), row[2].upper()
        mode = row[3] if len(row) > 3 and row[3] else None
        words = phrase.split()
        lemma = words[0].lower()
        requires: set[str] = set()
        for word in words[1:]:
            requires.update(w.lower() for w in word.lstrip("+").split("|") if w)
        index.setdefault((lemma, pos), []).append(Trigger(lemma, pos, type_, mode, frozenset(requires)))
    return {key: tuple(sorted(rows, key=lambda t: not t.requires)) for key, rows in index.items()}


@cache
def sectors() -> dict[str, str]:
    """Lower-case word or phrase -> sector code."""
    return lexicons.mapping(SECTORS)


@cache
def _count_rows() -> tuple[tuple[str, ...], ...]:
    return tuple(r for r in lexicons.rows(COUNT_WORDS) if len(r) >= 3)


@cache
def count_cues() -> dict[tuple[str, str], str]:
    """(lemma, verb|noun|adj) -> Count.what."""
    return {(r[0].lower(), r[1]): r[2] for r in _count_rows() if r[1] in ("verb", "noun", "adj")}


@cache
def person_nouns() -> frozenset[str]:
    """Nouns for people: a count of them with no casualty word is Count.what "other"."""
    return frozenset(r[0].lower() for r in _count_rows() if r[1] == "person")


@cache
def number_words() -> dict[str, int]:
    return {r[0].lower(): int(r[2]) for r in _count_rows() if r[1] == "number"}


@cache
def vague_numbers() -> dict[str, int]:
    return {r[0].lower(): int(r[2]) for r in _count_rows() if r[1] == "vague"}


@cache
def qualifiers() -> dict[str, str]:
    """Qualifier phrase (one or more lower-case words) -> Count.qualifier."""
    return {r[0].lower(): r[2] for r in _count_rows() if r[1] == "qualifier"}
