"""Text folding shared by every scorer, so "the “CSTO”" and "The \"CSTO\"" compare equal.

FORMAT.md matches by "normalized text (case-folded, quotes and whitespace folded)";
we also strip punctuation and quote marks at both ends, since annotators and extractors
disagree about whether a closing period or mark belongs to a quote.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'",
        "\u00b4": "'", "\u2032": "'", "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ",
    }
)  # fmt: skip
_WS = re.compile(r"\s+")
_EDGE = " \t\n\"'.,;:!?-()[]{}…*/\\"
_TOKEN = re.compile(r"\w+(?:['.-]\w+)*")
_THE = re.compile(r"^the\s+")


def fold(text: str | None) -> str:
    """Case-fold, plain quote marks and dashes, one space between words, no edge punctuation."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _WS.sub(" ", text).strip(_EDGE)


def fold_name(text: str | None) -> str:
    """`fold` without a leading article: "the Mangystau Region" names the same as "Mangystau Region"."""
    return _THE.sub("", fold(text))


def tokens(text: str | None) -> list[str]:
    """Word tokens of the folded text (punctuation dropped), for overlap measures."""
    return _TOKEN.findall(fold(text))


def token_f1(a: str | list[str] | None, b: str | list[str] | None) -> float:
    """Bag-of-tokens F1 (SQuAD style): the quote-matching measure of FORMAT.md."""
    ta = a if isinstance(a, list) else tokens(a)
    tb = b if isinstance(b, list) else tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(ta), common / len(tb)
    return 2 * precision * recall / (precision + recall)


def contains_tokens(outer: list[str], inner: list[str]) -> bool:
    """True when `inner` occurs as a contiguous run of `outer` (word-aligned containment)."""
    n = len(inner)
    if n == 0 or n > len(outer):
        return False
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def contains_phrase(haystack: str, needle: str) -> bool:
    """Folded `needle` inside folded `haystack` on word boundaries ("reuter" is not in "reuters")."""
    needle = fold(needle)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", fold(haystack)) is not None
