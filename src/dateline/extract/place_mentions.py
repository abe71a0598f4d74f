"""Place mentions: the candidate names the places extractor resolves.

From the one spaCy pass and the text around it, never a second parse: GPE and LOC
entities (trimmed of "the" and "'s", widened to "southern Iraq" or "Syria's northeast",
split when a longer name holds known places, lengthened when the tagger cut a known name
short); FAC and ORG names only when the gazetteer vouches for them; the wire dateline
("MOSCOW, February 9. /TASS/.", "IGORA /Leningrad Region/, December 26."); names the tagger
called a person or nothing, in a place-like position ("in Sampit", "the Sulu region"); and
"the Syrian-Turkish border". Nationality words (NORP) are never places themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import ENT_TYPE, IS_TITLE, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .. import lexicons
from ..gazetteer import fold, gazetteer, strip_generic
from ..gazetteer.index import Entry, Match
from ..gazetteer.resolve import Context
from ..record import Article
from .entity_base import doc_ents

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d"
# Wire datelines at the start of a line: PLACE[ /REGION/], Month D / PLACE (Agency) -
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z'.\-]*(?:[ \t]+[A-Z][A-Z'.\-]*){0,3})"
    r"(?:[ \t]*/(?P<region>[^/\n]{2,60})/)?"
    r"(?:[ \t]*,[ \t]*(?=" + _MONTH + r"|\d{1,2}\b)|[ \t]+\((?=[A-Za-z][\w .]{1,30}\)))"
)
_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central"
_BEFORE = re.compile(r"(?<![\w-])(?P<dir>" + _COMPASS + r")[ \t]+$")  # lower case only: "South Korea" is a name
_AFTER = re.compile(r"^(?:'s|’s)[ \t]+(?P<dir>" + _COMPASS + r")\b")
_CAP_COMPASS = re.compile(r"^(?P<dir>(?:North|South|East|West)(?:-?(?:east|west|East|West))?(?:ern)?|Central)\s+")
_ENTITY_LABELS = ("GPE", "LOC", "FAC", "ORG")


@dataclass
class Mention:
    start: int
    end: int
    query: str  # the name to look up
    label: str  # spaCy label, or DATELINE
    matches: list[Match]
    direction: str | None = None  # compass part of the place ("south")
    inside: list[Match] | None = None  # a place named inside a facility ("Baghdad" in "Baghdad International Airport")
    region_hint: str | None = None  # the dateline's /Region/ text


def _direction(word: str) -> str:
    word = word.lower().replace("-", "")
    return word[:-3] if word.endswith("ern") else word


def _trim(ent: SpacySpan) -> tuple[int, int] | None:
    """Token range without a leading article and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return (start, end) if start < end else None


def _lookup(name: str) -> list[Match]:
    """Gazetteer candidates, minus what a bare common word or a stray alternate name would bring:
    "Republic", "Earth" find nothing; an alternate name only counts for a city of 100,000+
    ("Moskva", "Basra"), not for the small towns GeoNames lists odd variants for."""
    return list(_filtered_lookup(name))  # a new list per caller over the shared answer


@lru_cache(maxsize=50_000)  # names recur across the articles of a corpus; Matches are immutable
def _filtered_lookup(name: str) -> tuple[Match, ...]:
    stop = lexicons.words("gazetteer/not_places.txt")
    key = fold(name)
    if key in stop or strip_generic(key)[0] in stop:  # "Republic", "March", "the Northern District"
        return ()
    return tuple(
        m for m in gazetteer().lookup(name) if m.primary or m.entry.kind != "city" or m.entry.population >= 100_000
    )


def _heads() -> frozenset[str]:
    return lexicons.words("gazetteer/facility_heads.txt")


def _place_inside(doc: Doc, start: int, end: int) -> list[Match] | None:
    """Candidates for the longest gazetteer place named inside a facility name."""
    g = gazetteer()
    for length in range(end - start - 1, 0, -1):
        for i in range(start, end - length + 1):
            toks = doc[i : i + length]
            if not toks[0].is_title and not toks[0].is_upper:
                continue
            matches = [m for m in g.lookup(toks.text) if m.primary and m.entry.kind != "other"]
            if matches:
                return matches
    return None


def _extend(doc: Doc, start: int, end: int) -> tuple[int, list[Match]] | None:
    """A longer gazetteer name the tagger cut short: "the Autonomous Region" + "in Muslim Mindanao"."""
    if end >= len(doc) or doc[end].lower_ not in ("of", "in", "de", "del", "and"):
        return None
    stop = end + 1
    while stop < len(doc) and stop < end + 5 and (doc[stop].is_title or doc[stop].lower_ in ("of", "the", "and")):
        stop += 1
    for last in range(stop, end + 1, -1):
        if not doc[last - 1].is_title:
            continue
        matches = _lookup(doc[start:last].text)
        if matches:
            return last, matches
    return None


_PLACE_NOUNS = frozenset("region province city town village district county oblast governorate state area".split())


def _locative(doc: Doc, start: int, end: int) -> bool:
    """Used as a place: after a preposition ("in Cahors", "mayor of Yartsevo") or before a
    place noun ("the Sulu region"). Guards names the tagger called a person or organization."""
    prev = start - 1
    while prev >= 0 and doc[prev].lower_ in ("the", "a"):
        prev -= 1
    if prev >= 0 and doc[prev].pos_ == "ADP":
        return True
    return end < len(doc) and doc[end].lower_ in _PLACE_NOUNS


def _parts(doc: Doc, span: SpacySpan, taken: list[tuple[int, int]]) -> list[Mention]:
    """Places inside a longer name the gazetteer does not know, split at "of", "in", "and" or a
    comma: "the Mangystau Region of Kazakhstan" -> "Mangystau Region", "Kazakhstan"."""
    out, begin = [], span.start
    for k in range(span.start, span.end + 1):
        if k < span.end and doc[k].lower_ not in ("of", "in", "and", ",", "the"):
            continue
        if begin < k:
            piece = doc[begin:k]
            matches = _lookup(piece.text)
            if matches and (piece[0].is_title or piece[0].is_upper):
                out.append(Mention(piece.start_char, piece.end_char, piece.text, span.label_ or "GPE", matches))
        begin = k + 1
    return out if len(out) >= 1 and out[0].end - out[0].start < len(span.text) else []


def _is_modifier(span: SpacySpan) -> bool:
    """An adjective use ("the Caribbean republic", "Latin American and Caribbean countries")."""
    last = span[-1]
    return len(span) == 1 and (last.pos_ == "ADJ" or last.dep_ == "amod")


def dateline_mentions(article: Article) -> list[Mention]:
    text = article.text
    if article.dateline is not None and article.dateline.span is not None:
        lo, hi = article.dateline.span.start, article.dateline.span.end
        window_start = text.rfind("\n", 0, lo) + 1
        window = text[window_start : max(hi, lo + 120)]
    else:  # no dateline from reading: look at the first lines of the text
        window_start, window = 0, text[:1500]
    found = _DATELINE.search(window)
    if not found:
        return []
    out: list[Mention] = []
    g = gazetteer()
    start = window_start + found.start("place")
    query = found.group("place")
    out.append(Mention(start, start + len(query), query, "DATELINE", g.lookup(query)))
    if found.group("region"):
        region = found.group("region").strip()
        rstart = text.find(region, window_start + found.start("region"))
        if rstart >= 0:
            out.append(Mention(rstart, rstart + len(region), region, "GPE", g.lookup(region)))
            out[0].region_hint = region
    return out


def entity_mentions(doc: Doc, taken: list[tuple[int, int]], text: str | None = None) -> list[Mention]:
    """NER spans the gazetteer knows (`text` is doc.text, passed in: spaCy rebuilds it on each access)."""
    g = gazetteer()
    text = doc.text if text is None else text
    out: list[Mention] = []
    for ent in doc_ents(doc):
        if ent.label_ not in _ENTITY_LABELS:
            continue
        trimmed = _trim(ent)
        if trimmed is None:
            continue
        span = doc[trimmed[0] : trimmed[1]]
        start, end = span.start_char, span.end_char
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        query = span.text
        matches = _lookup(query)
        if ent.label_ in ("LOC", "FAC"):  # "Hyde Park", "Notre Dame": not villages of the long list
            matches = [m for m in matches if m.entry.kind != "city" or (m.entry.population and m.primary)]
        if ent.label_ == "ORG" and not _locative(doc, span.start, span.end):
            matches = [m for m in matches if m.entry.kind == "country" or m.entry.population >= 1_000_000]
        if ent.label_ in ("GPE", "LOC"):
            longer = _extend(doc, span.start, span.end)
            if longer is not None:
                span = doc[span.start : longer[0]]
                end, query, matches = span.end_char, span.text, longer[1]
        if _is_modifier(span) or not span[0].is_title and not span[0].is_upper:
            continue  # adjective uses, and lower-case phrases such as "west coast"
        if not matches and ent.label_ in ("GPE", "LOC"):
            parts = _parts(doc, span, taken)
            if parts:
                out.extend(parts)
                continue
        mention = Mention(start, end, query, ent.label_, matches)
        if not matches:
            cap = _CAP_COMPASS.match(query)
            if cap and ent.label_ in ("GPE", "LOC"):
                rest = [m for m in g.lookup(query[cap.end() :]) if m.entry.kind in ("country", "region")]
                if rest:
                    mention.matches, mention.direction = rest, _direction(cap.group("dir"))
            if not mention.matches and ent.label_ in ("FAC", "ORG") and span[-1].lower_ in _heads():
                mention.inside = _place_inside(doc, span.start, span.end)
                if mention.inside is None:
                    continue
            elif not mention.matches:
                continue  # unknown names tagged GPE/LOC are mostly organizations or things ("BRICS", "Mars")
        if mention.matches and mention.direction is None:
            before = _BEFORE.search(text, max(0, start - 25), start)
            after = _AFTER.match(text[end : end + 25])
            if before and any(m.entry.kind in ("country", "region") for m in matches):
                mention.start, mention.direction = before.start("dir"), _direction(before.group("dir"))
            elif after and any(m.entry.kind in ("country", "region") for m in matches):
                mention.end, mention.direction = end + after.end("dir"), _direction(after.group("dir"))
        out.append(mention)
    return out


def _border(doc: Doc, ent: SpacySpan) -> Mention | None:
    """A border named by two nationality words: "the Syrian-Turkish border" (located in the first)."""
    k = ent.end
    if k + 2 >= len(doc) or doc[k].text not in ("-", "–") or doc[k + 2].lower_ not in ("border", "frontier"):
        return None
    first, second = _demonym(ent.text), _demonym(doc[k + 1].text)
    g = gazetteer()
    a, b = g.country(first), g.country(second)
    if a is None or b is None:
        return None
    span = doc[ent.start : k + 3]
    entry = Entry(f"{a.name}–{b.name} border", "other", a.country, None, None, None, None, 0)
    return Mention(span.start_char, span.end_char, span.text, "BORDER", [Match(entry, True, False)])


def _demonym(word: str) -> str | None:
    try:
        from .entities import demonym_country  # type: ignore[attr-defined]

        return demonym_country(word)
    except Exception:  # noqa: BLE001 - optional helper owned by the entities module
        return None


def region_phrases(doc: Doc) -> list[Mention]:
    """Regions named by nationality words: "the Latin American region" (only gazetteer entries),
    "the Syrian-Turkish border"."""
    g = gazetteer()
    out = []
    for ent in doc_ents(doc):
        if ent.label_ == "NORP":
            border = _border(doc, ent)
            if border is not None:
                out.append(border)
                continue
        if ent.label_ == "NORP" and ent.end < len(doc) and doc[ent.end].lower_ == "region":
            span = doc[ent.start : ent.end + 1]
            matches = [m for m in g.lookup(span.text) if m.entry.kind == "other"]
            if matches:
                out.append(Mention(span.start_char, span.end_char, span.text, "LOC", matches))
    return out


def untagged(doc: Doc, taken: list[tuple[int, int]], ctx: Context) -> list[Mention]:
    """Proper names the tagger missed that the gazetteer knows as a city or region of a country
    the article is already about ("Jolo, and the Sulu region" in a story on the Philippines)."""
    out = []
    # A one-word PERSON is often a place the tagger mistook ("Jolo, and the Sulu region"), unless
    # the word is part of a fuller person name in the article ("Jackson" of "Andrew Jackson").
    surnames = {t.lower_ for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1 for t in e}
    single = {
        e.start for e in doc_ents(doc)
        if e.label_ == "PERSON" and len(e) == 1 and e[0].lower_ not in surnames and _locative(doc, e.start, e.end)
    }  # fmt: skip

    n = len(doc)
    if not n:
        return out
    # free: a title-case proper noun outside any entity (or a lone PERSON word kept above), read
    # off the token arrays rather than token by token.
    arr = doc.to_array([POS, IS_TITLE, ENT_TYPE])
    has_ent = arr[:, 2] != 0
    title_propn = (arr[:, 0] == PROPN) & (arr[:, 1] != 0)
    free_mask = title_propn & ~has_ent
    for k in single:
        free_mask[k] = title_propn[k]
    free, in_ent = free_mask.tolist(), has_ent.tolist()
    resume = 0
    for i in np.flatnonzero(free_mask).tolist():
        if i < resume:
            continue
        j = i + 1
        while j < n and free[j] and not in_ent[j] and not in_ent[i] and j < i + 4:
            j += 1
        span = doc[i:j]
        resume = j
        if not _locative(doc, span.start, span.end):
            continue  # "Parker said" is a person; "in Parker" may be the town
        start, end = span.start_char, span.end_char
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        matches = [m for m in _lookup(span.text) if m.primary and m.entry.kind in ("city", "region")]
        matches = [m for m in matches if ctx.countries.get(m.entry.country or "", 0) or m.entry.country == ctx.home]
        if matches and (matches[0].entry.kind == "region" or any(m.entry.population for m in matches)):
            out.append(Mention(start, end, span.text, "UNTAGGED", matches))
    return out


def demonym_countries(doc: Doc) -> Counter[str]:
    """Countries of nationality words (NORP), when the entities module offers the mapping."""
    out: Counter[str] = Counter()
    for ent in doc_ents(doc):
        if ent.label_ == "NORP":
            code = _demonym(ent.text)
            if code:
                out[code] += 1
    return out
