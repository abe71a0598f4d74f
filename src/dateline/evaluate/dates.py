"""ISO date values as closed day intervals, so "a date inside the gold date or range" is a comparison.

Values follow FORMAT.md: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www`, or `START/END`.
A coarser value covers its whole period: `2022-01` is 2022-01-01..2022-01-31.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

Interval = tuple[date, date]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _single(value: str) -> Interval | None:
    value = value.strip()
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := _WEEK.match(value):
            y, w = int(m[1]), int(m[2])
            return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
    except ValueError:
        return None
    return None


def interval(value: str | None) -> Interval | None:
    """The days a value covers, or None when it is empty or not an ISO value we know."""
    if not value:
        return None
    if "/" in value:
        start, _, end = value.partition("/")
        a, b = _single(start), _single(end)
        if a is None or b is None or a[0] > b[1]:
            return None
        return a[0], b[1]
    return _single(value)


def inside(system: str | None, gold: str | None) -> bool:
    """True when every day the system value covers lies inside the gold value's days."""
    s, g = interval(system), interval(gold)
    if s is None or g is None:
        return False
    return g[0] <= s[0] and s[1] <= g[1]
