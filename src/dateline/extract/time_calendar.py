"""Calendar values for time expressions: a period of days with the granularity it was stated at.

A `When` keeps the granularity the text used ("next month" is a month, not a day), so it can be
printed in the record's forms: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www`, or `START/END`.
Arithmetic here is plain `datetime.date` work; no parsing of words happens in this module.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Gran = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class When:
    """Days `start..end` (inclusive), stated at granularity `gran`; `span` prints as START/END."""

    start: date
    end: date
    gran: Gran
    span: bool = False

    def value(self) -> str:
        if not self.span:
            return fmt(self.start, self.gran)
        return f"{fmt(self.start, self.gran)}/{fmt(self.end, self.gran)}"


def fmt(d: date, gran: Gran) -> str:
    if gran == "day":
        return d.isoformat()
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "year":
        return f"{d.year:04d}"
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) shifted by n months."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def day(d: date) -> When:
    return When(d, d, "day")


def days(a: date, b: date) -> When:
    """A range of days, printed as START/END (a single day when a == b)."""
    return When(a, b, "day", span=a != b)


def week(d: date) -> When:
    """The ISO week (Monday..Sunday) containing d."""
    monday = d - timedelta(days=d.weekday())
    return When(monday, monday + timedelta(days=6), "week")


def month(year: int, mon: int) -> When:
    return When(date(year, mon, 1), month_end(year, mon), "month")


def months(y1: int, m1: int, y2: int, m2: int) -> When:
    """A range of whole months, printed as YYYY-MM/YYYY-MM."""
    return When(date(y1, m1, 1), month_end(y2, m2), "month", span=(y1, m1) != (y2, m2))


def year(y: int) -> When:
    return When(date(y, 1, 1), date(y, 12, 31), "year")


def years(y1: int, y2: int) -> When:
    return When(date(y1, 1, 1), date(y2, 12, 31), "year", span=y1 != y2)


def shift(w: When, n: int) -> When:
    """The period n units (of w's granularity) after w: the next day, the previous month..."""
    if w.gran == "day":
        return day(w.start + timedelta(days=n))
    if w.gran == "week":
        return week(w.start + timedelta(days=7 * n))
    if w.gran == "month":
        return month(*add_months(w.start.year, w.start.month, n))
    return year(w.start.year + n)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# A year-less date is written for one near the reference (news style names the year otherwise), so a
# tense direction that would push it further than this is outweighed by plain nearness:
# "the offer was extended to Nov. 20" in a story of Nov. 1 is this Nov. 20, not last year's.
MAX_DIRECTED_DAYS = 270
MAX_DIRECTED_MONTHS = 9  # the same for a month named alone ("in January" told in October: this January)


def nearest_year(mon: int, dom: int | None, ref: date, direction: int) -> int:
    """Year that puts month/day nearest to ref: on or before it (direction -1), on or after (+1), either (0)."""
    y = _nearest_year(mon, dom, ref, direction)
    if direction:
        d = safe_date(y, mon, dom or 1)
        if dom is None:
            far = abs((y * 12 + mon) - (ref.year * 12 + ref.month)) > MAX_DIRECTED_MONTHS
        else:
            far = d is None or abs((d - ref).days) > MAX_DIRECTED_DAYS
        if far:
            return _nearest_year(mon, dom, ref, 0)
    return y


def _nearest_year(mon: int, dom: int | None, ref: date, direction: int) -> int:
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = safe_date(y, mon, dom or 1)
        if d is None:
            continue
        if dom is None:  # a month: compare whole months
            delta = (y * 12 + mon) - (ref.year * 12 + ref.month)
        else:
            delta = (d - ref).days
        if direction < 0 and delta > 0 or direction > 0 and delta < 0:
            continue
        if best is None or abs(delta) < best[0]:
            best = (abs(delta), y)
    return best[1] if best else ref.year


def weekday_date(weekday: int, ref: date, direction: int) -> date:
    """The weekday nearest ref in the given direction; the past includes ref's own day, the future excludes it."""
    diff = weekday - ref.weekday()
    if direction > 0:
        return ref + timedelta(days=diff if diff > 0 else diff + 7)
    return ref + timedelta(days=diff if diff <= 0 else diff - 7)
