"""Where the time expressions are: spaCy DATE/TIME entities plus patterns for what NER misses.

NER finds most dates but misses deictic and vague words ("now", "recently", "at that time"),
splits composite ones, and drags in neighbours ("Feb 26 - Argentina", "The day after tomorrow (").
So candidates come from both, NER spans are trimmed, and overlaps keep the longest. Durations,
ages and frequencies are filtered here: they are not points or periods on the calendar.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc

from .entity_base import column, doc_ents, doc_text
from .time_grammar import _alt, lexicon


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    source: str  # "ner" or "pattern"


_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|from|since|until|till|for|during|before|after|of|between|through|throughout|"
    r"as of|starting|ending|around|about|circa|within|over|as early as|as late as|no later than|"
    r"as recently as|up to|until at least|its|their|his|her|our)\s+)+",
    re.IGNORECASE,
)
_TRAIL_CUT = re.compile(r"\s+[-\u2013\u2014]\s+.*$|\s*\(.*$|\s*[-\u2013\u2014]\s*$", re.DOTALL)
_TRAIL = re.compile(r"(?:['\u2019]s?|[\s,.;:!?\"'\u201c\u201d]|\s(?:and|or)\b)+$")

_UNIT = re.compile(r"\b(?:second|minute|hour|day|night|week|weekend|month|year|decade|centur(?:y|ies))s?\b", re.I)
_POINT = re.compile(
    r"\b(?:ago|later|earlier|last|past|next|this|that|previous|following|coming|recent|same|ahead|before|after|"
    r"prior|current|early|late|mid|end|start|beginning|middle|today|yesterday|tomorrow)\b",
    re.I,
)
_SET = re.compile(
    r"\b(?:every|each|per|annual(?:ly)?|daily|weekly|monthly|yearly|hourly|nightly|quarterly)\b|"
    r"\ba (?:day|week|month|year)\b",
    re.I,
)
_AGE = re.compile(r"^\d{1,3}$|year-old|years? old|\baged?\b|months? old|weeks? old|days? old", re.I)


@lru_cache(maxsize=1)
def _calendar_word() -> re.Pattern:
    lx = lexicon()
    words = [*lx["month"], *lx["weekday"], *lx["season"], *lx["holiday"]]
    return re.compile(rf"\b(?:{_alt(words)})\b|\b1\d{{3}}\b|\b20\d{{2}}\b|\bquarter\b", re.I)


@dataclass(frozen=True)
class Pattern:
    """A candidate pattern: the `core` regex, which starts at the expression's key word (one of
    `_FIRST_WORDS`, a number or an apostrophe) so the scan can skip every other word, and `left`, the
    words that may stand before it ("late on", "the", "a few"; any number of them, in any order),
    matched backwards from where the core starts."""

    core: re.Pattern
    left: re.Pattern | None = None
    need_left: bool = False  # the core alone is no time expression ("2000" without "in", "fall" alone)


@lru_cache(maxsize=1)
def _patterns() -> list[Pattern]:
    """Compiled once per process, lower-case; capitalization of names is checked on the original text."""
    lx = lexicon()
    mon = rf"(?:{_alt(lx['month'])})(?:\.|\b)"
    wd = rf"(?:{_alt(w for w in lx['weekday'] if len(w) > 4)})"
    nums = _alt(w for w in lx["number"])
    num = rf"(?:\d+|(?:{nums})(?:[ -](?:{nums}))?)"
    fuzzy = _alt(lx["fuzzy"])
    qualifier = r"(?:about|some|nearly|almost|roughly|around|over|more than|less than|just|only)"
    dd = r"\d{1,2}(?:st|nd|rd|th)?\b"
    yearx = (
        rf"(?:(?:this|last|next|the|the current)\s+year|\d{{4}}\b|{mon}(?:\s+\d{{4}}\b)?|(?:this|last|next)\s+month)"
    )
    season = _alt(lx["season"])
    vague_plural = r"(?:days|weeks|months|years|decades)"
    weekday_left = rf"(?:{wd},?\s+)"
    raw: list[tuple[str, str | None]] = [
        # the month-name forms: "January 7, 2019", "October 22-24", "May 2019", "16 March", "the 1st of May"
        (
            rf"{mon}\s+{dd}(?:\s*(?:-|\u2013|to|through|and)\s*{dd})?(?:,?\s+\d{{4}}\b|,\s+(?:last|this|next)\s+year\b)?"
            rf"|{mon},?\s+(?:of\s+)?\d{{4}}\b",
            weekday_left,
        ),
        (
            rf"{dd}(?:\s*[-\u2013]\s*{dd})?\s+(?:of\s+)?{mon}(?![a-z])(?:,?\s+\d{{4}}\b)?",
            rf"(?:{weekday_left}|the\s+)",
        ),
        (
            rf"{mon},?\s+(?:of\s+)?(?:this|last|next)\s+year\b",
            r"(?:early|mid|late)[-\s]",
        ),
        # a clock time with its day: "10 p.m. Wednesday", "5 p.m. EST Nov. 9"
        (
            rf"(?:\d{{1,2}}(?::\d{{2}})?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[a-z]{{2,4}}\b)?,?\s+"
            rf"(?:(?:on\s+)?{wd}|{mon}\s+\d{{1,2}}\b|today|tomorrow|yesterday)",
            None,
        ),
        (r"(?:that|the\s+\d{4}|last\s+year's)\s+(?:quarter|period)\b", r"(?:the\s+)"),
        (r"\d{4}-\d{2}-\d{2}\b", None),
        (
            rf"(?:start|beginning|end|middle|turn|close|first half|second half)\s+of\s+{yearx}",
            r"(?:the\s+)",
        ),
        (rf"(?:early|mid|late)[-\s]?{yearx}", None),
        (r"(?:earlier|later)\s+this\s+(?:week|month|year)\b", None),
        (
            r"(?:today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?\b",
            r"(?:(?:early|late|later|earlier)\s+)",
        ),
        (
            r"this\s+(?:morning|afternoon|evening)\b",
            r"(?:(?:early|late|later|earlier)\s+)",
        ),
        (
            r"(?:now(?!\s+that\b)|currently|previously|lately|nowadays|at present|at the moment)\b",
            None,
        ),
        (r"recently\b", r"(?:(?:fairly|quite|very|more|most|only|until)\s+)"),
        (rf"recent\s+{vague_plural}\b", None),
        (r"last\s+night\b", None),
        (
            r"(?:next|following|previous|preceding|same)\s+(?:day|week|weekend|month|year|morning|evening|night)\b",
            r"(?:the\s+)",
        ),
        (
            r"(?:last|next|this|coming|past)\s+(?:week|weekend|month|year)\b",
            None,
        ),
        (r"the\s+day\s+(?:after\s+tomorrow|before\s+yesterday)\b", None),
        (r"the\s+weekend\b", None),
        (
            rf"(?:past|last|previous|next|coming)\s+(?:(?:{num}|{fuzzy})\s+)?{vague_plural}\b",
            r"(?:the\s+)",
        ),
        (
            r"the\s+(?:near\s+|distant\s+)?(?:future|past)\b(?!\s+(?:\w+\s+)?(?:days|weeks|months|years|decades)\b)",
            None,
        ),
        (r"the\s+(?:next|coming)\s+hours\b", None),
        (
            r"(?:days?|weeks?|months?|years?|decades?)\s+(?:later|earlier|afterwards?|ago)\b",
            rf"(?:{qualifier}\s+|(?:{num}|{fuzzy})\s+)",
        ),
        (r"that\s+(?:day|morning|afternoon|evening|night)\b", r"(?:(?:later|earlier)\s+)"),
        (r"at\s+(?:that|the)\s+time\b", None),
        (r"the\s+day\s+(?:before|after)(?=\s*[,.;:!?)])", None),
        (
            r"(?:1[0-9]|20|21)\d\d\b(?!\s*(?:-|\u2013|to)\s*\d)",
            r"(?:in|since|until|during|from|by)\s+(?:fiscal\s+)?!",
        ),
        (r"\d{4}\s*(?:-|\u2013|to)\s*\d{4}\b", None),
        (r"(?:\d{3}0|'\d0)'?s\b", r"(?:the\s+|(?:early|mid|late)[-\s])"),
        (rf"(?:{season})\s+(?:of\s+)?\d{{4}}\b", r"(?:(?:this|last|next|early|late)\s+)"),
        (rf"(?:{season})\b", r"(?:(?:this|last|next|early|late)\s+)!"),
        (r"(?:latest|current|same)\s+(?:quarter|period)\b", r"(?:the\s+)"),
        (
            r"(?:first|second|third|fourth)[-\s]quarter(?:\s+of\s+(?:\d{4}|(?:this|last|next)\s+year))?\b",
            r"(?:the\s+|(?:fiscal|calendar)\s+)",
        ),
        (
            rf"{wd}(?:\s+(?:morning|afternoon|evening|night))?\b",
            r"(?:(?:late|early|later|earlier)(?:\s+on)?\s+|(?:last|next|this|coming|past)\s+)",
        ),
    ]
    out = []
    for core, left in raw:  # a left part ending in "!" is required
        need = bool(left) and left.endswith("!")
        left = left[:-1] if need else left
        out.append(Pattern(re.compile(rf"\b(?:{core})"), re.compile(rf"\b(?:{left})+$") if left else None, need))
    return out


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern:
    """All cores as one alternation, group `pN` for pattern N: one pass over the text instead of one per
    pattern (the scan is most of this extractor's cost). At one position the first alternative that
    matches wins, so the order of `_patterns` puts the longer and more specific forms first."""
    return re.compile(r"\b(?:" + "|".join(f"(?P<p{i}>{p.core.pattern[2:]})" for i, p in enumerate(_patterns())) + ")")


def _extend_left(lowered: str, start: int, left: re.Pattern | None) -> int | None:
    """Where the words before a core match begin ("a few" before "days later"); None when there are none."""
    if left is None:
        return None
    m = left.search(lowered, max(0, start - 48), start)
    return m.start() if m else None


@lru_cache(maxsize=1)
def _names() -> re.Pattern:
    lx = lexicon()
    return re.compile(rf"\b(?:{_alt([*lx['month'], *lx['weekday']])})\b", re.IGNORECASE)


def names_capitalized(text: str) -> bool:
    """Month and weekday names must be capitalized: 'march', 'may' and 'sun' are words too."""
    return all(m.group(0)[0].isupper() for m in _names().finditer(text))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading prepositions and trailing punctuation, dashes and brackets from a span."""
    piece = text[start:end]
    if m := _TRAIL_CUT.search(piece):
        piece = piece[: m.start()]
    if m := _TRAIL.search(piece):
        piece = piece[: m.start()]
    lead = _LEAD.match(piece)
    offset = lead.end() if lead else 0
    return start + offset, start + len(piece)


def not_a_date(text: str) -> bool:
    """Durations ('three months'), frequencies ('annually'), ages ('42-year-old', '53'): not calendar periods."""
    if _AGE.search(text) or _SET.search(text):
        return True
    return bool(_UNIT.search(text)) and not _POINT.search(text)


def calendar_word(text: str) -> bool:
    return bool(_calendar_word().search(text))


_COORD = re.compile(
    r"\s+(?:and|or|&)\s+|(?<=\b\d{4}),\s*(?=\d{4}\b)|,?\s+(?:that\s+|which\s+)?(?:ended|ending|ends|beginning|starting)\s+"
)


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'1994 and 1997', 'now and Feb. 10': NER joins coordinated dates; each is its own expression."""
    if end <= start:
        return []
    pieces = []
    pos = start
    for m in _COORD.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    if len(pieces) > 1 and all(
        re.search(r"\d|\bnow\b|quarter|year|month|week", text[a:b]) or calendar_word(text[a:b]) for a, b in pieces
    ):
        return [p for p in pieces if p[1] > p[0]]
    return [(start, end)]


# Every pattern core starts with one of these words, a number, or an apostrophe ('90s): the scanner is
# tried only where a token starts with one, instead of at every word of the text.
_FIRST_WORDS = frozenset(
    "start beginning end middle turn close first second third fourth early mid late earlier later this "
    "today tonight yesterday tomorrow now currently previously lately nowadays at recently recent last next "
    "following previous preceding same coming past the that day days week weeks month months year years "
    "decade decades latest current noon midnight".split()
)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    lx = lexicon()
    return _FIRST_WORDS | frozenset(lx["month"]) | frozenset(lx["weekday"]) | frozenset(lx["season"])


# Whether a token's lower-case form (by its hash) can open a pattern: decided once per word
# for the process, so the per-document test is a dict look-up per token, not string work.
_OPENS: dict[int, bool] = {}


def _opening_offsets(doc: Doc) -> list[int]:
    """Character offsets of the tokens that can open a pattern, in text order."""
    first = _first_words()
    strings = doc.vocab.strings
    if len(_OPENS) > 500_000:  # a very long run: keep the table bounded
        _OPENS.clear()
    lowers = column(doc, LOWER)
    present = set(lowers)
    for h in present.difference(_OPENS):
        low = strings[h]
        _OPENS[h] = low[0].isdigit() or low[0] == "'" or low.rstrip(".") in first
    opening = {h for h in present if _OPENS[h]}
    offsets = column(doc, IDX)
    return [offsets[i] for i, h in enumerate(lowers) if h in opening]


def _matches(doc: Doc, text: str, lowered: str) -> Iterator[re.Match]:
    """Scanner matches starting at the tokens that can open a pattern (all of them if doc is another text)."""
    scanner = _scanner()
    if doc_text(doc) != text:
        yield from scanner.finditer(lowered)
        return
    if not len(doc):
        return
    for idx in _opening_offsets(doc):
        m = scanner.match(lowered, idx)
        if m is not None:
            yield m


def candidates(doc: Doc, text: str) -> list[Candidate]:
    """Non-overlapping candidate spans in text order; the longest wins an overlap, patterns win ties."""
    found: list[Candidate] = []
    for ent in doc_ents(doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = trim(text, ent.start_char, ent.end_char)
        for a, b in _split(text, start, end):
            found.append(Candidate(a, b, "ner"))
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased: keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    patterns = _patterns()
    for m in _matches(doc, text, lowered):
        pattern = patterns[int(m.lastgroup[1:])]
        begin = _extend_left(lowered, m.start(), pattern.left)
        if begin is None:
            if pattern.need_left:
                continue
            begin = m.start()
        if not names_capitalized(text[begin : m.end()]):
            continue
        start, end = trim(text, begin, m.end())
        if end > start:
            found.append(Candidate(start, end, "pattern"))
    found.sort(key=lambda c: (-(c.end - c.start), c.source != "pattern", c.start))
    chosen: list[Candidate] = []  # kept sorted by start; they never overlap, so only neighbours can clash
    starts: list[int] = []
    for cand in found:
        i = bisect.bisect_left(starts, cand.start)
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        chosen.insert(i, cand)
        starts.insert(i, cand.start)
    return chosen
