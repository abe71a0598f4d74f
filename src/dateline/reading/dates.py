"""Publication dates from what the text itself says: date lines, dateline dates, and the year they omit.

Wire datelines ("MOSCOW, February 9. /TASS/.", "LONDON, Feb 26 (Reuters) -") give a month and a
day but no year: the reader knows it. We recover it the way a reader would, from the years the
story mentions ("at the start of 2022") and from weekdays, which must agree with the date
("on Wednesday" in a February 9 story fits 2022, when February 9 was a Wednesday).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
WEEKDAY_RE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# "Monday, January 7, 2019", "Monday 7 January 2019", "January 7, 2019", "7 January 2019", "2019-01-07".
_FULL_DATE = re.compile(
    rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"
    rf"(?:(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_RE})\.?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))",
    re.I,
)
# A line that is nothing but a date (Wikinews, many CMS templates): optional "Published:" style lead.
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:Published|Posted|Updated|Date|Last updated)\s*:?\s*)?{_FULL_DATE.pattern}\s*"
    r"(?:[,|-]?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_YEAR = re.compile(
    r"(?<![\d,.$£€-])\b(19[5-9]\d|20\d\d)\b(?!\d|[,.]\d|\s*(?:%|percent|per cent|km|kg|m\b|dlrs?|dollars))"
)
_WEEKDAY = re.compile(rf"\b({WEEKDAY_RE})\b")


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3])


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_full_date(text: str) -> dt.date | None:
    """The first complete date (with a year) in `text`."""
    match = _FULL_DATE.search(text)
    return _date_of(match) if match else None


def _date_of(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    if g["y1"]:
        month, day, year = month_number(g["m1"]), int(g["d1"]), int(g["y1"])
    elif g["y2"]:
        month, day, year = month_number(g["m2"]), int(g["d2"]), int(g["y2"])
    else:
        month, day, year = int(g["m3"]), int(g["d3"]), int(g["y3"])
    if month is None or not 1800 < year < 2200:
        return None
    return make_date(year, month, day)


def date_line(line: str) -> dt.date | None:
    """The date of a line that holds only a date ("Monday, January 7, 2019"), else None.

    A weekday that contradicts the date voids it: such a line is not to be trusted.
    """
    match = _DATE_LINE.match(line)
    if not match:
        return None
    date = _date_of(match)
    if date and match.group("wd") and WEEKDAYS[date.weekday()] != match.group("wd").lower():
        return None
    return date


def normalize_iso(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string ("2022-02-09T10:00:00Z"), else None."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if match:
        date = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return date.isoformat() if date else None
    date = parse_full_date(value)
    return date.isoformat() if date else None


_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|would|plans?|planned|planning|expected|expects?|scheduled|due|until|till|next|by|aims?|"
    r"aimed|aiming|targets?|targeted|intends?|intended|set to|is to|are to)\b",
    re.I,
)
_FUTURE_AFTER = re.compile(r"\b(?:will|shall)\b", re.I)


def year_mentions(text: str) -> tuple[Counter[int], Counter[int]]:
    """(years mentioned as past or present, years mentioned as plans) in `text`.

    A year is a plan when its clause looks ahead: "will take effect in January 2025", "by 2030",
    or "from January 1, 2025, they will ...". Such a year bounds the story's year from above.
    """
    past: Counter[int] = Counter()
    future: Counter[int] = Counter()
    for match in _YEAR.finditer(text):
        before = re.split(r"[.!?;]\s", text[max(0, match.start() - 60) : match.start()])[-1]
        after = re.split(r"[.!?;]\s", text[match.end() : match.end() + 40])[0]
        year = int(match.group(1))
        if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.search(after):
            future[year] += 1
        else:
            past[year] += 1
    return past, future


def infer_year(month: int, day: int, text: str) -> tuple[dt.date, str] | None:
    """(date, how) for a month and day without a year, from the years and weekdays in `text`.

    The story's year is at least the latest year it mentions as past ("at the start of 2022"),
    maybe the one after (a January story looking back), and at most a year it mentions as a
    plan, most likely the one before. Among those candidates a year on which the date falls on a
    weekday the story names wins ("dateline+weekday": "on Wednesday" in a February 9 story fits
    2022); otherwise the best-supported year ("dateline+year-from-text"). None when the text
    names no year: a weekday alone matches one year in seven.
    """
    past, future = year_mentions(text)
    if not past and not future:
        return None
    weekdays = Counter(w.lower() for w in _WEEKDAY.findall(text))
    support: Counter[float] = Counter()
    latest = max(past) if past else None
    if latest is not None:
        support[latest] += 2
        support[latest + 1] += 0.5
    for year in future:
        if latest is None or year >= latest:
            support[year - 1] += 1.5 if latest is None else 0.5
            support[year] += 1
    scored: list[tuple[float, int, dt.date, str]] = []
    for year, score in support.items():
        date = make_date(int(year), month, day)
        if date is None:
            continue
        how = "dateline+year-from-text"
        named = WEEKDAYS[date.weekday()]
        if weekdays.get(named):
            score += 3 + weekdays[named] * 0.1
            how = "dateline+weekday"
        scored.append((score, int(year), date, how))
    if not scored:
        return None
    _, _, date, how = max(scored)
    return date, how
