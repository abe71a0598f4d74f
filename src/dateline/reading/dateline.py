"""Wire datelines: the place, date and agency a story opens with.

Formats covered (the agencies' own styles):

    MOSCOW, February 9. /TASS/.          TASS (IGORA /Leningrad Region/, December 26. /TASS/.)
    MOSCOW, Feb 9 (Reuters) -            Reuters; 1980s Reuters: WASHINGTON, March 3 -
    MOSCOW (AP) —                        AP (SAN JUAN, Puerto Rico (AP) —)
    Hong Kong (CNN Business) A ...       CNN: no separator, so only for an agency we know
    Moscow (AFP) -                       AFP, place in title case
    BEIJING, Feb. 9 (Xinhua) --          Xinhua; Interfax, dpa and UPI alike

The pattern is one general shape (PLACE [/region/] [, sub-place] [, DATE] [(AGENCY) or /AGENCY/]
SEPARATOR), not one rule per agency, so unlisted agencies in the same styles work too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicons
from .dates import MONTH_RE, month_number

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_CAPS_WORD = rf"(?:[{_UP}][{_UP}'’.&-]*|Mc[{_UP}]+)"
_TITLE_WORD = rf"(?:[{_UP}][{_LOW}{_UP}'’.-]*|de|da|del|di|la|le|el|al-|upon|on|of)"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ -]{_CAPS_WORD}){{0,3}}"
_TITLE_PLACE = rf"[{_UP}][{_LOW}'’.-]+(?:[ -]{_TITLE_WORD}){{0,3}}"
_DATE = rf"(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_RE})\.?(?:\s+(?P<year2>\d{{4}}))?"
_AGENCY = r"[A-Za-z][A-Za-z&.' -]{0,28}[A-Za-z.]"
_SEP = r"(?:--|[-—–:_]|\.(?=\s))"

# The parts after the place, shared by both place styles.
_REST = (
    rf"(?:\s*/(?P<region>[^/\n]{{2,40}})/)?"
    rf"(?:,\s*(?P<sub>[{_UP}][A-Za-z.]+(?:\s[{_UP}][A-Za-z.]+){{0,2}})(?=\s*[(/]))?"
    rf"(?:[,.]\s*(?:{_DATE}))?\.?"
    rf"(?:\s*(?:\((?P<agency>{_AGENCY})\)|/(?P<agency2>{_AGENCY})/))?"
    rf"(?:\s*(?P<sep>{_SEP})(?=\s)|(?<=\))(?=\s*[A-Z\"“]))"
)
_CAPS = re.compile(rf"(?P<place>{_CAPS_PLACE}){_REST}")
_TITLE = re.compile(rf"(?P<place>{_TITLE_PLACE}){_REST}")
_SMALL = frozenset({"of", "de", "da", "del", "di", "la", "le", "el", "upon", "on", "the", "and", "sur", "am"})


@dataclass(frozen=True)
class Found:
    """A dateline at the start of a paragraph: offsets are relative to that paragraph."""

    start: int
    end: int
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None


@cache
def _agencies() -> dict[str, str]:
    return lexicons.mapping("reading_agencies.tsv")


def agency_name(raw: str | None) -> str | None:
    """Canonical agency name ("Reuter" -> "Reuters"); an unlisted agency keeps its own spelling."""
    if not raw:
        return None
    raw = raw.strip(" .")
    return _agencies().get(raw.lower(), raw)


def is_agency(raw: str) -> bool:
    return raw.strip(" .").lower() in _agencies()


def title_case(place: str) -> str:
    """MOSCOW -> Moscow, BUENOS AIRES -> Buenos Aires, ST. PETERSBURG -> St. Petersburg, RIO DE JANEIRO -> Rio de Janeiro."""
    if not place.isupper():
        return place
    words = re.split(r"(\s+|-)", place.lower())
    out = []
    for i, word in enumerate(words):
        if i and word in _SMALL:
            out.append(word)
        elif word.startswith("mc") and len(word) > 2:
            out.append("Mc" + word[2:].capitalize())
        else:
            out.append(re.sub(r"(^|['’.])(\w)", lambda m: m.group(1) + m.group(2).upper(), word))
    return "".join(out)


def find(paragraph: str) -> Found | None:
    """The dateline opening `paragraph`, or None.

    An ALL-CAPS place needs a date, an agency or a dash after it ("WASHINGTON -"); a title-case
    place ("Moscow (AFP) -") needs an agency, which is what tells it apart from an ordinary sentence.
    The dateline must be followed by the story, not end the paragraph.
    """
    for pattern, caps in ((_CAPS, True), (_TITLE, False)):
        match = pattern.match(paragraph)
        if not match:
            continue
        g = match.groupdict()
        agency_raw = g["agency"] or g["agency2"]
        has_date = bool(g["month"] or g["month2"])
        if agency_raw and not (is_agency(agency_raw) or all(w[:1].isupper() for w in agency_raw.split())):
            continue
        # CNN style, "Washington (CNN) The ...": no separator, so only a known agency in parentheses will do.
        if g["sep"] is None and not (g["agency"] and is_agency(g["agency"].split()[0])):
            continue
        if not caps and not agency_raw:
            continue
        if caps and not (has_date or agency_raw or (g["sep"] or "") in {"-", "--", "—", "–", "_"}):
            continue
        if caps and len(g["place"].strip()) < 3 and not agency_raw:
            continue
        if not paragraph[match.end() :].strip():
            continue
        month_raw, day_raw, year_raw = (
            (g["month"], g["day"], g["year"]) if g["month"] else (g["month2"], g["day2"], g["year2"])
        )
        return Found(
            start=0,
            end=match.end(),
            place=title_case(g["place"].strip()),
            agency=agency_name(agency_raw),
            month=month_number(month_raw) if month_raw else None,
            day=int(day_raw) if day_raw else None,
            year=int(year_raw) if year_raw else None,
        )
    return None
