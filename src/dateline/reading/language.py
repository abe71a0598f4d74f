"""Which language an article is in, as far as the reading step can tell without a model.

dateline's linguistic layer is an English pipeline: on Russian or Arabic text it still returns
entities and quotes, but they are noise. A batch over a mixed crawl must not stop for that, and
must not store noise as if it were a record either: the record says the language it found and
carries a warning, so users can filter. The writing system decides most cases (Cyrillic,
Arabic, Han...); Latin-script text counts as English when English function words make up a
share of its words no other language's text reaches.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# BCP 47 tags for scripts whose language the letters alone settle well enough to name.
_SCRIPT_LANGUAGE = {
    "ARABIC": "ar", "HEBREW": "he", "GREEK": "el", "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja",
    "CJK": "zh", "DEVANAGARI": "hi", "THAI": "th", "GEORGIAN": "ka", "ARMENIAN": "hy", "BENGALI": "bn",
    "TAMIL": "ta",
}  # fmt: skip
# Letters only one Cyrillic-script language uses, checked in this order.
_CYRILLIC_MARKERS = (("uk", "їєґі"), ("be", "ў"), ("sr", "ђћџљњј"), ("mk", "ѓќѕ"), ("ru", "ыэъё"), ("bg", "ъ"))
_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by at from he it said his has have be are were an "
    "this which but not its they who their will been had after also i you we my your our she her "
    "there what when would could should about into than them or".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Share of words that are English function words: 0.17 at least over 1,234 English news articles and
# interviews (Wikinews, PolNeAR, the gold set), 0.02-0.05 in French, German and Spanish news, ~0.10 in
# Dutch (which shares "in", "is", "was", "have"...).
MIN_ENGLISH_SHARE = 0.14
MIN_WORDS = 30
_UNRELIABLE = "dateline reads English, so its entities, quotes and events for this article are unreliable"


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", *_SCRIPT_LANGUAGE):
        if name.startswith(script):
            return script
    return "OTHER"


def detect(text: str) -> str | None:
    """A BCP 47 tag for the text's language ("en", "ru", "und-Latn"), or None when there is too little text."""
    sample = text[:20_000]
    # ASCII letters are all Latin: counted in C, so only the rest is named one character at a time
    rest = _ASCII_LETTER.sub("", sample)
    scripts = Counter(_script(ch) for ch in rest if ch.isalpha())
    if len(rest) < len(sample):
        scripts["LATIN"] += len(sample) - len(rest)
    if not scripts:
        return None
    script = scripts.most_common(1)[0][0]
    if script == "CYRILLIC":
        lowered = sample.lower()
        return next((lang for lang, marks in _CYRILLIC_MARKERS if any(m in lowered for m in marks)), "und-Cyrl")
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script != "LATIN":
        return None
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(w in _ENGLISH for w in words) / len(words)
    return "en" if share >= MIN_ENGLISH_SHARE else "und-Latn"


def check(text: str, declared: str | None, warnings: list[str]) -> str:
    """The article's language: what the text shows, else what its page declared, else English.

    Anything but English gets a warning: the English pipeline's facts on it are unreliable.
    """
    found = detect(text)
    language = found or declared or "en"
    if found is not None and found != "en":
        said = f" (the page says {declared!r})" if declared and declared != found else ""
        warnings.append(f"text is not English (detected {found}){said}: {_UNRELIABLE}")
    elif found is None and not language.startswith("en"):
        warnings.append(f"the input says its language is {language!r}: {_UNRELIABLE}")
    return language

