"""Lexicons the entities extractor reads: titles, role nouns, demonyms, pronouns.

Each table is a reviewed data file under `dateline/data/`; here they are turned once per
process into the shapes the extractor needs (sets of word tuples, lookup dicts), so the
per-document work is only dictionary look-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicons


@dataclass(frozen=True)
class Titles:
    """Title phrases as lower-case word tuples, plus modifiers, honorifics and gender hints."""

    phrases: frozenset[tuple[str, ...]]  # "foreign minister" -> ("foreign", "minister")
    weak: frozenset[tuple[str, ...]]  # role words that are also ordinary words ("general")
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    gender: dict[str, str]  # phrase or honorific -> "m" / "f"
    max_len: int


@dataclass(frozen=True)
class Role:
    """What a definite description "the ROLE" may refer to (one row of roles.tsv)."""

    noun: tuple[str, ...]
    type: str  # PERSON / ORG / GPE
    fits: tuple[str, ...]  # title words, name words, "*", "country" or "city"


@cache
def titles() -> Titles:
    phrases: set[tuple[str, ...]] = set()
    weak: set[tuple[str, ...]] = set()
    modifiers: set[str] = set()
    honorifics: set[str] = set()
    gender: dict[str, str] = {}
    for row in lexicons.rows("titles.tsv"):
        phrase, kind = row[0].lower(), row[1] if len(row) > 1 else "title"
        sex = row[2] if len(row) > 2 else "-"
        words = tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", phrase).split())  # spaCy splits "Secretary-General"
        if kind == "title":
            phrases.add(words)
        elif kind == "weak":
            weak.add(words)
        elif kind == "modifier":
            modifiers.add(phrase)
        elif kind == "honorific":
            honorifics.add(phrase)
        if sex in ("m", "f"):
            gender[phrase] = sex
    longest = max((len(p) for p in phrases | weak), default=1)
    return Titles(
        frozenset(phrases), frozenset(weak - phrases), frozenset(modifiers), frozenset(honorifics), gender, longest
    )


@cache
def title_abbreviations() -> dict[str, str]:
    """Abbreviated title words and what they stand for ("sen." -> "senator"), from titles.tsv's fourth column."""
    out: dict[str, str] = {}
    for row in lexicons.rows("titles.tsv"):
        if len(row) > 3 and row[3]:
            for short, full in zip(row[0].lower().split(), row[3].lower().split(), strict=False):
                out[short] = full
    return out


@cache
def roles() -> dict[tuple[str, ...], Role]:
    out: dict[tuple[str, ...], Role] = {}
    for row in lexicons.rows("roles.tsv"):
        if len(row) < 3:
            continue
        noun = tuple(row[0].lower().split())
        out[noun] = Role(noun, row[1], tuple(f.strip().lower() for f in row[2].split("|") if f.strip()))
    return out


@cache
def role_heads() -> frozenset[str]:
    """Last word of every role noun: the cheap first test on a token."""
    return frozenset(noun[-1] for noun in roles())


@cache
def _places() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    demonyms: dict[str, str] = {}
    countries: dict[str, str] = {}
    parts: dict[str, str] = {}
    for row in lexicons.rows("demonyms.tsv"):
        if len(row) < 2:
            continue
        word, code, kind = row[0].lower(), row[1].upper(), row[2] if len(row) > 2 else "demonym"
        table = {"demonym": demonyms, "country": countries, "part": parts}.get(kind, demonyms)
        table.setdefault(word, code)
    return demonyms, countries, parts


def demonyms() -> dict[str, str]:
    return _places()[0]


def countries() -> dict[str, str]:
    """Country names and their common variants (lower-case) -> ISO2."""
    return _places()[1]


def country_parts() -> dict[str, str]:
    """Constituent nations (Scotland, Wales) -> ISO2 of the state they belong to."""
    return _places()[2]


@cache
def pronouns() -> dict[str, tuple[str, frozenset[str]]]:
    """pronoun -> (gender m/f/n/p, entity types it may refer to)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for row in lexicons.rows("pronouns.tsv"):
        if len(row) >= 3:
            out[row[0].lower()] = (row[1], frozenset(t.strip() for t in row[2].split("|")))
    return out


@cache
def heads() -> dict[str, dict[str, str]]:
    """where ("last", "first", "media", "whole") -> word or phrase -> the type it gives a name."""
    out: dict[str, dict[str, str]] = {"last": {}, "first": {}, "media": {}, "whole": {}}
    for row in lexicons.rows("entity_heads.tsv"):
        if len(row) >= 3 and row[2] in out:
            out[row[2]][row[0].lower()] = row[1]
    return out


@cache
def title_last_words() -> frozenset[str]:
    """Last word of every title phrase: the cheap first test before matching phrases."""
    table = titles()
    return frozenset(p[-1] for p in table.phrases | table.weak)


@cache
def title_first_words() -> frozenset[str]:
    table = titles()
    return frozenset(p[0] for p in table.phrases | table.weak)


@cache
def given_names() -> dict[str, str]:
    """Given name (lower case) -> "m" / "f": the hand-written list, names that also mark a person as one."""
    return {r[0].lower(): r[1] for r in lexicons.rows("given_names.tsv") if len(r) >= 2 and r[1] in ("m", "f")}


@cache
def name_genders() -> dict[str, str]:
    """Given name -> "m" / "f" for telling "he" from "she": the US birth counts (given_names_ssa.tsv, 21,000
    names), overridden by the hand-written list. Only for gender: "Georgia" and "Austin" are names there too,
    so this list never makes a word a person's name."""
    out = {r[0].lower(): r[1] for r in lexicons.rows("given_names_ssa.tsv") if len(r) >= 2 and r[1] in ("m", "f")}
    out.update(given_names())
    for row in lexicons.rows("given_names.tsv"):  # "-": no gender to read from it ("Ma Ngok": a surname first)
        if len(row) >= 2 and row[1] == "-":
            out.pop(row[0].lower(), None)
    return out


@cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs of saying (the quotes extractor's cues.tsv, frames that take a clause): a
    name that is their subject speaks, so it is a person or a body, never a place."""
    return frozenset(
        r[0].lower()
        for r in lexicons.rows("cues.tsv")
        if len(r) >= 3 and " " not in r[0] and r[2] in ("clause", "both")
    )
