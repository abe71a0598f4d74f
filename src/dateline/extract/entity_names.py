"""Name strings: normal keys, display forms, acronyms, demonyms and a text-level title split.

A news article names one thing many ways ("The Collective Security Treaty Organization's",
"CSTO", "MOSCOW"); these helpers reduce each way to a key two mentions can share, and
pick the form a reader would call the entity's name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import entity_lexicon as lex

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^(?:(?:the|an?)\s+)+", re.IGNORECASE)
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "&", "de", "del", "la", "des", "du"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-folded text with typographic quotes and dashes made plain, spaces collapsed."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip().casefold()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The key two mentions of one name share: no leading "the", no possessive, folded."""
    key = fold(text)
    key = _LEADING_THE.sub("", key)
    key = _POSSESSIVE.sub("", key).strip()
    return key


@lru_cache(maxsize=65536)
def display_name(text: str, *, all_caps_line: bool = False) -> str:
    """A name as a reader writes it: no leading "the", no possessive, all-caps words in title case.

    All-caps words are kept when they look like acronyms (short, or inside mixed-case text)
    and title-cased when they come from an all-caps line such as a wire dateline ("MOSCOW").
    """
    name = _SPACES.sub(" ", text).strip()
    name = re.sub(r"^(?:(?:the|The|THE|an?|An?)\s+)+", "", name)
    name = re.sub(r"(?:['\u2019][sS]|['\u2019])$", "", name).strip()
    if name.isupper() and (all_caps_line or (len(name.replace(" ", "")) > 4 and not is_acronym_form(name))):
        name = " ".join(_title_word(w) for w in name.split())
    return name


def _title_word(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def is_acronym_form(text: str) -> bool:
    """Acronym shape ("CSTO", "U.S.", "BRICS"): one all-caps word of 2-6 letters (dots allowed)."""
    letters = text.replace(".", "")
    return " " not in text and 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=65536)
def acronym_matches(acronym: str, name: str) -> bool:
    """Whether `acronym` can be read off `name` ("EAEU" ~ "Eurasian Economic Union").

    Each content word gives its first letter or its first two, in order; function words
    ("of", "the") may give a letter or none, so "CSTO" fits "Collective Security Treaty
    Organization" and "OIC" fits "Organisation of Islamic Cooperation".
    """
    letters = acronym.replace(".", "").lower()
    words = [w for w in re.split(r"[\s\-]+", fold(name)) if w]
    if len(letters) < 2 or len(words) < 2:
        return False
    if letters in words:
        return False  # "BRICS summit" names a thing of BRICS, it does not spell it out
    content = [w for w in words if w not in _ACRONYM_STOP]
    if len(content) < 2 or len(content) > len(letters):
        return False
    memo: dict[tuple[int, int], bool] = {}

    def fits(i: int, j: int) -> bool:  # letters[i:] from words[j:]
        if (i, j) in memo:
            return memo[(i, j)]
        if j == len(words):
            ok = i == len(letters)
        else:
            w = words[j]
            ok = False
            if w in _ACRONYM_STOP and fits(i, j + 1):
                ok = True
            else:
                k = 0
                while not ok and i + k < len(letters) and k < min(len(w), 2) and letters[i + k] == w[k]:
                    k += 1
                    ok = fits(i + k, j + 1)
        memo[(i, j)] = ok
        return ok

    return fits(0, 0)


@lru_cache(maxsize=65536)
def demonym_country(word: str) -> str | None:
    """ISO2 country of a nationality word: "Kazakh" -> "KZ", "Russians" -> "RU", "Saudis" -> "SA"."""
    key = fold(word)
    key = _LEADING_THE.sub("", key)
    table = lex.demonyms()
    if key in table:
        return table[key]
    for suffix, repl in (("s", ""), ("es", ""), ("men", "man"), ("women", "woman")):
        if key.endswith(suffix) and key[: len(key) - len(suffix)] + repl in table:
            return table[key[: len(key) - len(suffix)] + repl]
    return None


@lru_cache(maxsize=65536)
def country_code(name: str) -> str | None:
    """ISO2 of a country name or common variant ("the United States", "U.S.", "Britain")."""
    key = name_key(name)
    return lex.countries().get(key) or lex.countries().get(key.replace(".", ""))


def split_title(text: str) -> tuple[str | None, str]:
    """Split "Kazakh President Kassym-Jomart Tokayev" into ("Kazakh President", "Kassym-Jomart Tokayev").

    A string-level helper for callers without tokens: the title is everything up to the last
    title phrase, when capitalized name words follow it. Without a title: (None, text).
    """
    words = text.split()
    table = lex.titles()
    phrases = {" ".join(p).replace(" - ", "-") for p in table.phrases}  # "secretary-general" as written
    best = -1
    for end in range(1, len(words)):
        for n in range(1, min(table.max_len, end) + 1):
            if " ".join(w.lower().rstrip(".,") for w in words[end - n : end]) in phrases:
                best = end
                break
    if best < 0:
        return None, text
    rest = words[best:]
    if not rest or not all(w[:1].isupper() for w in rest):
        return None, text
    return " ".join(words[:best]), " ".join(rest)
