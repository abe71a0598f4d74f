"""Reading a number as the article writes it: "4,500", "2.8 million", "twenty", "three dozen", "hundreds".

Convention for plurals of magnitude ("dozens", "hundreds", "thousands"): two of the unit, the
smallest figure the plural allows (24, 200, 2000), qualified "at least"; "hundreds of thousands"
multiplies (200,000). The values live in data/count_nouns.tsv.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from .event_lexicon import number_words, vague_numbers

MULTIPLIERS = frozenset({"hundred", "thousand", "million", "billion", "dozen", "score"})
# Entity types whose numbers are never head counts.
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
ARTICLES = frozenset({"a", "an"})


@cache
def numeric_words() -> frozenset[str]:
    """Number words and vague numbers as one set: is_number runs once or more per token."""
    return frozenset(number_words()) | frozenset(vague_numbers())


def is_number(tok: Token) -> bool:
    """A token that can be (part of) a head count."""
    low = tok.lower_
    if low in numeric_words():
        return low not in ARTICLES and tok.ent_type_ not in NOT_COUNTS
    if tok.like_num and low not in ARTICLES and any(ch.isdigit() for ch in low) and tok.ent_type_ not in NOT_COUNTS:
        return _numeric(low) is not None
    return False


def _numeric(text: str) -> float | None:
    cleaned = text.replace(",", "").replace("\u202f", "").replace("\u00a0", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def group(tok: Token) -> list[Token]:
    """The tokens of the number headed by `tok` ("2.8 million", "three dozen", "4,500")."""
    toks = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "quantmod", "nummod") and is_number(child):
            toks.extend(group(child))
    return sorted(toks, key=lambda t: t.i)


def is_group_head(tok: Token) -> bool:
    return is_number(tok) and not (is_number(tok.head) and tok.head != tok
                                   and tok.dep_ in ("compound", "quantmod", "nummod"))  # fmt: skip


def value_of(toks: list[Token]) -> tuple[int | None, bool]:
    """(value, vague) of a number group; None when the words do not make a number."""
    words, vague = number_words(), vague_numbers()
    total = 0.0
    current = 0.0
    is_vague = False
    for tok in toks:
        low = tok.lower_
        num = _numeric(low)
        if num is not None:
            current += num
        elif low in vague:
            is_vague = True
            current = vague[low] if current == 0 else current * vague[low] / 2
        elif low in MULTIPLIERS:
            current = (current or 1) * words[low]
            if words[low] >= 1000:
                total, current = total + current, 0.0
        elif low in words:
            current += words[low]
        else:
            return None, False
    value = total + current
    # "hundreds of thousands": a plural of magnitude counting units of another.
    head = toks[-1] if toks else None
    if head is not None and head.lower_ in vague:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lower_ in vague:
                        value *= vague[obj.lower_] / 2
    if value <= 0:
        return None, is_vague
    return int(round(value)), is_vague
