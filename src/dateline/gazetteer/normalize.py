"""Name folding shared by the gazetteer build and its queries.

Both sides must fold alike, so a mention such as "the Mangystau Region", "MOSCOW" or
"Gdansk" meets the stored "Mangystau", "Moscow" and "Gdańsk": case, diacritics,
punctuation and hyphens are folded, and generic administrative words are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Generic words for first-level divisions: "Mangystau Region", "Leningrad Oblast",
# "Province of Sulu". Dropped from both stored names and queries.
GENERIC_SUFFIXES = frozenset(
    """region oblast province state governorate prefecture krai kray okrug autonomous
    county district department republic territory voivodeship voivodship canton
    emirate municipality""".split()
)

_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ʿ": "", "ʻ": "", "’": "", "'": "", "`": "",
                          "‘": ""})  # fmt: skip
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}", re.IGNORECASE)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "U.S." -> "us", "Gdańsk" -> "gdansk"."""
    name = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name.translate(_SPECIAL))
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", name).strip()


def strip_generic(key: str) -> tuple[str, bool]:
    """Drop generic division words from a folded key: ("mangystau region") -> ("mangystau", True).

    Returns the stripped key and whether anything was dropped; a key made only of generic
    words is kept as is ("state" stays "state").
    """
    words = key.split()
    while words and words[0] in ("the", "of"):
        words = words[1:]
    kept = [w for w in words if w not in GENERIC_SUFFIXES]
    if kept and kept[0] == "of":
        kept = kept[1:]
    if kept and kept[-1] == "of":
        kept = kept[:-1]
    if not kept or len(kept) == len(words):
        return " ".join(words), False
    return " ".join(kept), True
