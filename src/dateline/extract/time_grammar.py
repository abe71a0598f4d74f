"""Normalize one time expression's words to a calendar value, given what it may be resolved against.

`parse(text, ctx)` reads the words of one candidate ("December 22, last year", "a few days later",
"the start of 2022") and returns a `Reading`: the value and how it was reached, which decides its
anchor. The rules are a small ordered grammar of regular expressions built once from the lexicon
`data/time_words.tsv`; the context carries the reference date (publication), the date in force
(the last dated expression before this one, for "two days later") and the tense direction of
the governing verb (past tense puts a year-less date on or before the reference, future after).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from .. import lexicons
from . import time_calendar as cal
from .time_calendar import When

Mode = Literal["absolute", "deictic", "anaphoric", "hinted", "vague", "clock"]
LEXICON = "time_words.tsv"


@dataclass(frozen=True)
class Context:
    """What a relative expression may lean on. Any of these may be missing."""

    ref: date | None = None  # the reference (publication) date
    force: When | None = None  # the date in force: the last dated expression before this one
    direction: int = 0  # -1 past tense, +1 future, 0 unknown/present
    year_hint: int | None = None  # an explicit year stated in the same sentence
    quarter: When | None = None  # the last quarter named ("the third quarter"), for "the quarter", "a year ago"


@dataclass(frozen=True)
class Reading:
    when: When | None
    mode: Mode


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """kind -> {word: value} from the data file."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicons.rows(LEXICON):
        word, kind = row[0].lower(), row[1]
        out.setdefault(kind, {})[word] = row[2] if len(row) > 2 else ""
    return out


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Case-fold, plain quotes and dashes, no abbreviation dots, single spaces, no possessive.

    Kept per text for the process: a corpus says "Monday" and "last week" over and over."""
    t = text.casefold().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"(?<=[a-z])\.", "", t)
    t = re.sub(r"\s+", " ", t).strip(" ,.;:()[]\"'")
    return re.sub(r"'s$|'$", "", t)


def _num(word: str) -> int | None:
    """A cardinal in digits or words ("24", "twenty four", "twenty-four", "a")."""
    if word.isdigit():
        return int(word)
    numbers = lexicon()["number"]
    total = 0
    for part in re.split(r"[ -]", word):
        if part not in numbers:
            return None
        total += int(numbers[part])
    return total


# --------------------------------------------------------------------------- the grammar

Handler = Callable[[re.Match, Context], Reading | None]


@lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern, Handler]]:
    lx = lexicon()
    mon = _alt(lx["month"])
    wd = _alt(lx["weekday"])
    season = _alt(lx["season"])
    holiday = _alt(lx["holiday"])
    num_words = _alt(w for w in lx["number"] if w not in ("a", "an"))
    num = rf"(?:\d+|(?:{num_words})(?:[ -](?:{num_words}))?|an?)"
    fuzzy = _alt(lx["fuzzy"])
    dd = r"(\d{1,2})(?:st|nd|rd|th)?"
    yearx = r"(\d{4}|(?:this|last|next|the|the current|the previous|the following) year)"
    monx = rf"((?:{mon})(?:,? \d{{4}})?|(?:this|last|next|the) month)"
    part = r"(start|beginning|end|middle|close|turn)"
    rel = r"(last|next|this|coming|past|the current|the previous|the following)"
    tod = r"(?: (?:morning|afternoon|evening|night))?"
    rules: list[tuple[str, Handler]] = [
        (rf"(?:(?:{wd}),? )?({mon}) {dd},? (\d{{4}})", _full_mdy),
        (rf"(?:(?:{wd}),? )?(?:the )?{dd} (?:of )?({mon}),? (\d{{4}})", _full_dmy),
        (r"(\d{4})-(\d{2})-(\d{2})", _iso),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", _us_numeric),
        (
            rf"(?:(?P<rel>last|next|this|coming|past) )?(?:(?P<wd>{wd}),? )?(?P<mon>{mon}) (?P<dom>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?:,? (?P<yrel>last|this|next) year)?{tod}",
            _md,
        ),
        (
            rf"(?:(?P<rel>last|next|this|coming|past) )?(?:(?P<wd>{wd}),? )?(?:the )?(?P<dom>\d{{1,2}})(?:st|nd|rd|th)? "
            rf"(?:of )?(?P<mon>{mon})(?:,? (?P<yrel>last|this|next) year)?{tod}",
            _md,
        ),
        (rf"({mon}) {dd} ?(?:-|to|through|until|and) ?{dd}(?:,? (\d{{4}}))?", _md_range),
        (rf"{dd} ?(?:-|to|and) ?{dd} (?:of )?({mon})(?:,? (\d{{4}}))?", _dm_range),
        (rf"({mon}) {dd} ?(?:-|to|through|until) ?({mon}) {dd}(?:,? (\d{{4}}))?", _mdmd_range),
        (rf"(?:the )?{part} of {yearx}", _part_of_year),
        (rf"(early|mid|late|earlier|later)[- ]?{yearx}", _fuzzy_part_of_year),
        (rf"(?:the )?(first|second|1st|2nd) half(?: of {yearx})?", _half),
        (
            r"(?:the |this year's |last year's |next year's )?(?:(?:fiscal|calendar) )?"
            r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ]quarter(?: of (\d{4}|(?:this|last|next) year))?",
            _quarter,
        ),
        (r"q([1-4])(?: (\d{4}))?", _quarter_q),
        (
            r"(?:the )?(?:(?:latest|current|same|most recent|recent|just-ended|fiscal) )?(?:quarter|period)",
            _the_quarter,
        ),
        (
            r"(?:the )?(?:year-earlier|year-ago|year earlier|year ago|prior-year|previous-year|comparable|year-before)"
            r"(?: (?:\w+[- ])?(?:quarter|period))?",
            _year_ago_quarter,
        ),
        (rf"(?:the )?{part} of {monx}", _part_of_month),
        (rf"(early|mid|late)[- ]?{monx}", _part_of_month),
        (rf"({mon}),? (?:of )?(\d{{4}})", _month_year),
        (rf"(?:(early|mid|late)[- ])?({mon}),? (?:of )?(this|last|next) year", _month_rel_year),
        (
            r"(?:the )?(\d{4}) (?:(first|second|third|fourth|1st|2nd|3rd|4th) )?(?:fiscal )?(quarter|period)",
            _year_quarter,
        ),
        (
            r"(?:that|this|last year's|the corresponding|the same) (quarter|period)(?: (?:a year ago|last year))?",
            _that_quarter,
        ),
        (rf"(?:(last|next|this|coming|past) )?({mon})", _month_only),
        (r"(?:fiscal |calendar |the year |year )?(\d{4})", _year),
        (r"(\d{4}) ?(?:-|to|and|through|until) ?(\d{4}|\d{2})", _year_range),
        (r"(?:the )?(?:(early|mid|late)[- ])?(\d{3})0'?s", _decade),
        (r"(?:the )?(?:(early|mid|late)[- ])?'(\d)0s", _decade_short),
        (rf"(?:(this|last|next|the|early|late|mid) )?({season})(?:,? (?:of )?(\d{{4}}))?", _season),
        (rf"(?:(last|next|this) )?({holiday})(?:,? (\d{{4}}))?", _holiday),
        (
            r"(?:(?:early|late|later|earlier) )?(?:this (?:morning|afternoon|evening)|today|tonight)"
            r"|(?:early|late|later|earlier) (?:in the )?(?:morning|afternoon|evening|today)"
            r"|the (?:next|coming|next few|coming few|last few|past few|past|last) hours|this time|overnight",
            _today,
        ),
        (r"(?:(?:early|late) )?(?:yesterday(?: (?:morning|afternoon|evening))?|last night)", _yesterday),
        (r"(?:the )?day before yesterday", _day_before_yesterday),
        (r"(?:(?:early|late) )?tomorrow(?: (?:morning|afternoon|evening|night))?", _tomorrow),
        (r"(?:the )?day after tomorrow", _day_after_tomorrow),
        (rf"(?:(?:late|early|later|earlier)(?: on)? )?(?:{rel} )?({wd}){tod}", _weekday),
        (rf"(?:(earlier|later) )?{rel} (week|weekend|month|year|decade)", _this_unit),
        (r"(?:over )?the weekend", _the_weekend),
        (
            rf"(?:(?:about|some|nearly|almost|roughly|around|over|more than|less than|just|only) )?({num}) "
            rf"(day|week|month|year|decade)s? ago",
            _ago,
        ),
        (rf"(?:the )?(last|past|previous|next|coming) ({num}) (day|week|month|year)s", _last_n),
        (r"(?:the )?(last|past|previous) (day|week|month|year)", _last_one),
        (
            rf"(?:(?:about|some|nearly|almost|roughly|around|over|more than|less than|just|only) )?(?:({num}|{fuzzy}) )?"
            rf"(day|week|month|year)s? (later|earlier|after|afterwards?|before|prior|on)",
            _n_later,
        ),
        (
            r"(?:the )?(next|following|previous|preceding|same|prior) (day|week|weekend|month|year|morning|evening|night)",
            _next_unit,
        ),
        (r"(?:the )?(day|week|month|year) (before|after)", _unit_before_after),
        (
            r"(?:(?:later|earlier|late|early) )?(?:that|the same) (day|week|month|year|morning|afternoon|evening|night)",
            _that_unit,
        ),
        (r"(?:at )?(?:that|the) time", _that_time),
    ]
    return [(re.compile(p), h) for p, h in rules]


@lru_cache(maxsize=1)
def _vague() -> re.Pattern:
    """Vague phrases beyond the lexicon's fixed ones: 'fairly recently', 'recent weeks', 'the past few years'."""
    return re.compile(
        r"(?:fairly |quite |very |more |most |only |until |as |so |just |until very )recently"
        r"|(?:in )?recent (?:days|weeks|months|years|decades)(?: and (?:days|weeks|months|years))?"
        rf"|(?:the )?(?:last|past|previous|next|coming) (?:{_alt(lexicon()['fuzzy'])}) (?:day|week|month|year)s"
    )


@lru_cache(maxsize=65536)
def _rule_for(t: str) -> tuple[re.Match, Handler] | None:
    """The first rule whose pattern matches the whole of normalized `t`, with its match.

    Which rule reads a text does not depend on the context (only what the handler makes of it
    does), so the ~100 patterns are tried once per distinct text for the process."""
    for pattern, handler in _rules():
        if m := pattern.fullmatch(t):
            return m, handler
    return None


def parse(text: str, ctx: Context) -> Reading | None:
    """The value of one time expression's words, or None when the grammar does not know them."""
    t = normalize(text)
    lx = lexicon()
    if t in lx["vague"]:
        return Reading(None, "vague")
    if t in lx["present"]:
        return Reading(cal.day(ctx.ref) if ctx.ref else None, "deictic")
    if _vague().fullmatch(t):
        return Reading(None, "vague")
    if (rule := _rule_for(t)) is not None:
        m, handler = rule
        return handler(m, ctx)
    if m := re.fullmatch(r"(?:the )?(?:early |late )?(?:hours|morning|afternoon|evening|night) of (.+)", t):
        return parse(m[1], ctx)
    if m := re.fullmatch(r"(?:the )?(day|week|month|year) (before|after) (.+)", t):
        inner = parse(m[3], ctx)
        if inner is None or inner.when is None:
            return inner
        sign = 1 if m[2] == "after" else -1
        return Reading(_unit_when(inner.when.end if sign > 0 else inner.when.start, m[1], sign), inner.mode)
    if t.startswith("the ") and len(t) > 4:
        return parse(t[4:], ctx)
    return _clock(t, ctx)


# --------------------------------------------------------------------------- helpers


def _mon(word: str) -> int:
    return int(lexicon()["month"][word])


def _wd(word: str) -> int:
    return int(lexicon()["weekday"][word])


def _valid_year(y: int) -> bool:
    return 1000 <= y <= 2199


def _yearless(mon: int, dom: int | None, ctx: Context, shift_years: int = 0) -> Reading:
    """A date or month stated without a year: the sentence's year, else the one nearest the reference."""
    if ctx.year_hint is not None:
        y, mode = ctx.year_hint, "hinted"
    elif ctx.ref is not None:
        y, mode = cal.nearest_year(mon, dom, ctx.ref, ctx.direction), "deictic"
    else:
        return Reading(None, "deictic")
    if shift_years:
        y, mode = (ctx.ref.year if ctx.ref else y) + shift_years, "deictic"
    if dom is None:
        return Reading(cal.month(y, mon), mode)
    d = cal.safe_date(y, mon, dom)
    return Reading(cal.day(d) if d else None, mode)


def _rel_year(word: str, ctx: Context) -> tuple[int | None, Mode]:
    """An explicit year, or this/last/next year against the reference."""
    if word.isdigit():
        return int(word), "absolute"
    if ctx.ref is None:
        return None, "deictic"
    offset = -1 if word.startswith(("last", "the previous")) else 1 if word.startswith(("next", "the following")) else 0
    return ctx.ref.year + offset, "deictic"


_SHIFT = {"last": -1, "this": 0, "next": 1, "": 0}


# --------------------------------------------------------------------------- absolute dates


def _full_mdy(m: re.Match, ctx: Context) -> Reading | None:
    d = cal.safe_date(int(m[3]), _mon(m[1]), int(m[2]))
    return Reading(cal.day(d), "absolute") if d else None


def _full_dmy(m: re.Match, ctx: Context) -> Reading | None:
    d = cal.safe_date(int(m[3]), _mon(m[2]), int(m[1]))
    return Reading(cal.day(d), "absolute") if d else None


def _iso(m: re.Match, ctx: Context) -> Reading | None:
    d = cal.safe_date(int(m[1]), int(m[2]), int(m[3]))
    return Reading(cal.day(d), "absolute") if d else None


def _us_numeric(m: re.Match, ctx: Context) -> Reading | None:
    d = cal.safe_date(int(m[3]), int(m[1]), int(m[2]))
    return Reading(cal.day(d), "absolute") if d else None


def _md(m: re.Match, ctx: Context) -> Reading | None:
    """A day of a month without a year; 'last Oct. 23' looks back, 'Monday, Oct. 26' takes the year it fits."""
    mon, dom = _mon(m["mon"]), int(m["dom"])
    if not 1 <= dom <= 31:
        return None
    if m["yrel"]:
        return _yearless(mon, dom, ctx, _SHIFT[m["yrel"]])
    if m["rel"]:
        direction = -1 if m["rel"] in ("last", "past") else 1 if m["rel"] in ("next", "coming") else 0
        ctx = Context(ctx.ref, ctx.force, direction, ctx.year_hint)
    if m["wd"] and ctx.ref is not None and ctx.year_hint is None:
        wd = _wd(m["wd"])
        fits = [y for y in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1)
                if (d := cal.safe_date(y, mon, dom)) is not None and d.weekday() == wd]  # fmt: skip
        if fits:
            return Reading(cal.day(date(fits[0], mon, dom)), "deictic")
    return _yearless(mon, dom, ctx)


def _range_of(y: int | None, mon1: int, d1: int, mon2: int, d2: int, mode: Mode) -> Reading | None:
    if y is None:
        return Reading(None, mode)
    a = cal.safe_date(y, mon1, d1)
    b = cal.safe_date(y + (1 if mon2 < mon1 else 0), mon2, d2)
    if a is None or b is None or b < a:
        return None
    return Reading(cal.days(a, b), mode)


def _md_range(m: re.Match, ctx: Context) -> Reading | None:
    mon = _mon(m[1])
    if m[4]:
        return _range_of(int(m[4]), mon, int(m[2]), mon, int(m[3]), "absolute")
    first = _yearless(mon, int(m[2]), ctx)
    return _range_of(first.when.start.year if first.when else None, mon, int(m[2]), mon, int(m[3]), first.mode)


def _dm_range(m: re.Match, ctx: Context) -> Reading | None:
    mon = _mon(m[3])
    if m[4]:
        return _range_of(int(m[4]), mon, int(m[1]), mon, int(m[2]), "absolute")
    first = _yearless(mon, int(m[1]), ctx)
    return _range_of(first.when.start.year if first.when else None, mon, int(m[1]), mon, int(m[2]), first.mode)


def _mdmd_range(m: re.Match, ctx: Context) -> Reading | None:
    mon1, mon2 = _mon(m[1]), _mon(m[3])
    if m[5]:
        y = int(m[5]) - (1 if mon2 < mon1 else 0)
        return _range_of(y, mon1, int(m[2]), mon2, int(m[4]), "absolute")
    first = _yearless(mon1, int(m[2]), ctx)
    return _range_of(first.when.start.year if first.when else None, mon1, int(m[2]), mon2, int(m[4]), first.mode)


def _month_year(m: re.Match, ctx: Context) -> Reading | None:
    y = int(m[2])
    return Reading(cal.month(y, _mon(m[1])), "absolute") if _valid_year(y) else None


def _month_only(m: re.Match, ctx: Context) -> Reading | None:
    """'May' by tense; 'last June' the latest June before this month, 'next March' the first after; 'this
    September' this year's."""
    mon = _mon(m[2])
    if m[1] and ctx.ref is not None:
        ref = ctx.ref
        if m[1] in ("last", "past"):
            y = ref.year if mon < ref.month else ref.year - 1
        elif m[1] in ("next", "coming"):
            y = ref.year if mon > ref.month else ref.year + 1
        else:
            y = ref.year
        return Reading(cal.month(y, mon), "deictic")
    return _yearless(mon, None, ctx)


def _month_rel_year(m: re.Match, ctx: Context) -> Reading | None:
    """'June last year', 'early October this year'."""
    if ctx.ref is None:
        return Reading(None, "deictic")
    y = ctx.ref.year + _SHIFT[m[3]]
    month = cal.month(y, _mon(m[2]))
    if m[1]:
        first = {"early": 1, "mid": 11, "late": 21}[m[1]]
        last = {"early": 10, "mid": 20, "late": month.end.day}[m[1]]
        return Reading(cal.days(month.start.replace(day=first), month.start.replace(day=last)), "deictic")
    return Reading(month, "deictic")


def _year_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """'the 1988 second quarter', 'the 1988 period' (the quarter in force, in that year)."""
    y = int(m[1])
    if not _valid_year(y):
        return None
    if m[2]:
        return _quarter_months(_QUARTERS[m[2]], y, "absolute")
    if ctx.quarter is not None:
        q = ctx.quarter
        return Reading(When(q.start.replace(year=y), cal.month_end(y, q.end.month), q.gran, q.span), "anaphoric")
    return Reading(cal.year(y), "absolute")


def _that_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """'that quarter'; 'last year's quarter', 'the corresponding period last year' a year before it."""
    if ctx.quarter is None:
        return None
    text = m[0]
    if text.startswith(("last year", "the corresponding")) or text.endswith(("ago", "last year")):
        return Reading(_a_year_before(ctx.quarter), "anaphoric")
    return Reading(ctx.quarter, "anaphoric")


def _year(m: re.Match, ctx: Context) -> Reading | None:
    y = int(m[1])
    return Reading(cal.year(y), "absolute") if _valid_year(y) else None


def _year_range(m: re.Match, ctx: Context) -> Reading | None:
    y1 = int(m[1])
    y2 = int(m[2]) if len(m[2]) == 4 else y1 // 100 * 100 + int(m[2])
    if not (_valid_year(y1) and _valid_year(y2)) or y2 <= y1:
        return None
    return Reading(cal.years(y1, y2), "absolute")


_THIRDS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}


def _decade(m: re.Match, ctx: Context) -> Reading | None:
    base = int(m[2]) * 10
    if not _valid_year(base):
        return None
    lo, hi = _THIRDS[m[1]]
    return Reading(cal.years(base + lo, base + hi), "absolute")


def _decade_short(m: re.Match, ctx: Context) -> Reading | None:
    base = 1900 + int(m[2]) * 10
    lo, hi = _THIRDS[m[1]]
    return Reading(cal.years(base + lo, base + hi), "absolute")


# --------------------------------------------------------------------------- parts of periods


def _part_of_year(m: re.Match, ctx: Context) -> Reading | None:
    """'the start of 2022' -> 2022-01 (the gold convention: the first month), 'the end of 2019' -> 2019-12."""
    y, mode = _rel_year(m[2], ctx)
    if y is None:
        return Reading(None, mode)
    which = m[1]
    if which in ("start", "beginning", "turn"):
        return Reading(cal.month(y, 1), mode)
    if which in ("end", "close"):
        return Reading(cal.month(y, 12), mode)
    return Reading(cal.months(y, 6, y, 7), mode)


def _fuzzy_part_of_year(m: re.Match, ctx: Context) -> Reading | None:
    """'early 2022' -> 2022-01/2022-04, 'mid-2020' -> 2020-05/2020-08, 'late 2019' -> 2019-09/2019-12."""
    y, mode = _rel_year(m[2], ctx)
    if y is None:
        return Reading(None, mode)
    if m[1] in ("earlier", "later"):
        return Reading(cal.year(y), mode)  # "earlier this year": the year itself, as TimeML writes it
    first = {"early": 1, "mid": 5, "late": 9}[m[1]]
    return Reading(cal.months(y, first, y, first + 3), mode)


def _half(m: re.Match, ctx: Context) -> Reading | None:
    y, mode = _rel_year(m[2] or "this year", ctx)
    if y is None:
        return Reading(None, mode)
    first = 1 if m[1] in ("first", "1st") else 7
    return Reading(cal.months(y, first, y, first + 5), mode)


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4, "last": 4}  # fmt: skip


def _quarter_months(q: int, y: int, mode: Mode) -> Reading:
    first = 3 * (q - 1) + 1
    return Reading(cal.months(y, first, y, first + 2), mode)


def _quarter(m: re.Match, ctx: Context) -> Reading | None:
    text = m[0]
    if m[2]:
        y, mode = _rel_year(m[2], ctx)
    elif text.startswith(("last year's", "next year's")):
        y, mode = _rel_year(text.split("'")[0], ctx)
    else:
        y, mode = (ctx.ref.year if ctx.ref else None), "deictic"
    if y is None:
        return Reading(None, mode)
    return _quarter_months(_QUARTERS[m[1]], y, mode)


def _quarter_q(m: re.Match, ctx: Context) -> Reading | None:
    if m[2]:
        return _quarter_months(int(m[1]), int(m[2]), "absolute")
    if ctx.ref is None:
        return Reading(None, "deictic")
    return _quarter_months(int(m[1]), ctx.ref.year, "deictic")


def _the_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """'the quarter': the quarter last named; 'the latest quarter' without one: the last quarter completed
    before the reference (what an earnings report means); a bare 'the quarter' alone is no date."""
    if ctx.quarter is not None:
        return Reading(ctx.quarter, "anaphoric")
    if ctx.ref is None or not re.search(r"latest|most recent|just-ended", m[0]):
        return None
    y, q = ctx.ref.year, (ctx.ref.month - 1) // 3  # the current quarter's index 0..3; the last completed is q-1
    if q == 0:
        y, q = y - 1, 4
    return _quarter_months(q, y, "deictic")


def _the_weekend(m: re.Match, ctx: Context) -> Reading | None:
    """'over the weekend': the last weekend told in the past (or present), the coming one in the future."""
    if ctx.ref is None:
        return Reading(None, "deictic")
    ref = ctx.ref
    saturday = ref + timedelta(days=5 - ref.weekday())  # this ISO week's Saturday
    if ctx.direction <= 0 and saturday > ref:
        saturday -= timedelta(days=7)
    return Reading(cal.days(saturday, saturday + timedelta(days=1)), "deictic")


def _year_ago_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """'the year-earlier quarter' (earnings reports): the quarter in force a year before; else last year."""
    if ctx.quarter is not None:
        return Reading(_a_year_before(ctx.quarter), "anaphoric")
    if ctx.ref is None:
        return Reading(None, "deictic")
    return Reading(cal.year(ctx.ref.year - 1), "deictic")


def _a_year_before(w: When) -> When:
    return When(w.start.replace(year=w.start.year - 1), cal.month_end(w.end.year - 1, w.end.month), w.gran, w.span)


def _month_of(word: str, ctx: Context) -> Reading:
    """'January', 'January 2020', 'this/last/next month' as a month reading."""
    if mm := re.fullmatch(r"(\w+),? (\d{4})", word):
        return Reading(cal.month(int(mm[2]), _mon(mm[1])), "absolute")
    if word.endswith("month"):
        if ctx.ref is None:
            return Reading(None, "deictic")
        shift = {"last": -1, "next": 1}.get(word.split()[0], 0)
        return Reading(cal.shift(cal.month(ctx.ref.year, ctx.ref.month), shift), "deictic")
    return _yearless(_mon(word), None, ctx)


def _part_of_month(m: re.Match, ctx: Context) -> Reading | None:
    """'early January' -> days 1-10, 'mid-January' -> 11-20, 'late/the end of January' -> 21-end."""
    base = _month_of(m[2], ctx)
    if base.when is None:
        return base
    start = base.when.start
    which = m[1]
    if which in ("start", "beginning", "early", "turn"):
        a, b = start, start.replace(day=10)
    elif which in ("middle", "mid"):
        a, b = start.replace(day=11), start.replace(day=20)
    else:
        a, b = start.replace(day=21), base.when.end
    return Reading(cal.days(a, b), base.mode)


def _season(m: re.Match, ctx: Context) -> Reading | None:
    lo, hi = (int(x) for x in lexicon()["season"][m[2]].split("-"))
    mod = m[1]
    if m[3]:
        y, mode = int(m[3]), "absolute"
    elif ctx.ref is None:
        return Reading(None, "deictic")
    else:
        y, mode = ctx.ref.year, "deictic"
        shift = {"last": -1, "next": 1}.get(mod or "", 0)
        if not shift and mod != "this" and ctx.direction:
            # 'in the summer' told in the past tense: the last one that has begun
            if ctx.direction < 0 and ctx.ref.month < lo and hi >= lo:
                shift = -1
            elif ctx.direction > 0 and ctx.ref.month > hi and hi >= lo:
                shift = 1
        y += shift
    if hi < lo:  # winter runs over the new year
        return Reading(cal.months(y, lo, y + 1, hi), mode)
    return Reading(cal.months(y, lo, y, hi), mode)


def _holiday(m: re.Match, ctx: Context) -> Reading | None:
    mon, dom = (int(x) for x in lexicon()["holiday"][m[2]].split("-"))
    if m[3]:
        d = cal.safe_date(int(m[3]), mon, dom)
        return Reading(cal.day(d), "absolute") if d else None
    if m[1] and ctx.ref is not None:
        direction = -1 if m[1] == "last" else 1 if m[1] == "next" else 0
        return _yearless(mon, dom, Context(ctx.ref, ctx.force, direction, None))
    return _yearless(mon, dom, ctx)


# --------------------------------------------------------------------------- deictic: against the reference


def _offset_day(ctx: Context, n: int) -> Reading:
    return Reading(cal.day(ctx.ref + timedelta(days=n)) if ctx.ref else None, "deictic")


def _today(m: re.Match, ctx: Context) -> Reading:
    return _offset_day(ctx, 0)


def _yesterday(m: re.Match, ctx: Context) -> Reading:
    return _offset_day(ctx, -1)


def _day_before_yesterday(m: re.Match, ctx: Context) -> Reading:
    return _offset_day(ctx, -2)


def _tomorrow(m: re.Match, ctx: Context) -> Reading:
    return _offset_day(ctx, 1)


def _day_after_tomorrow(m: re.Match, ctx: Context) -> Reading:
    return _offset_day(ctx, 2)


def _weekday(m: re.Match, ctx: Context) -> Reading:
    """'Wednesday' by tense; 'last Friday' strictly before; 'next/coming Friday' after; 'this Friday' in the week."""
    if ctx.ref is None:
        return Reading(None, "deictic")
    wd, rel, ref = _wd(m[2]), m[1], ctx.ref
    if rel in ("last", "past", "the previous"):
        d = cal.weekday_date(wd, ref - timedelta(days=1), -1)
    elif rel in ("next", "coming", "the following"):
        d = cal.weekday_date(wd, ref, 1)
    elif rel in ("this", "the current"):
        d = ref + timedelta(days=wd - ref.weekday())
    else:
        d = cal.weekday_date(wd, ref, 1 if ctx.direction > 0 else -1)
    return Reading(cal.day(d), "deictic")


def _this_unit(m: re.Match, ctx: Context) -> Reading:
    """'last week' -> YYYY-Www, 'next month' -> YYYY-MM, 'this year' -> YYYY; 'earlier this year' -> the year."""
    if ctx.ref is None:
        return Reading(None, "deictic")
    rel, unit, ref = m[2], m[3], ctx.ref
    shift = -1 if rel in ("last", "past", "the previous") else 1 if rel in ("next", "coming", "the following") else 0
    if unit == "week":
        if rel == "this" and ctx.direction < 0 and ref.weekday() == 0 and not m[1]:
            shift = -1  # told on a Monday in the past tense, "this week" is the week just ended
        return Reading(cal.shift(cal.week(ref), shift), "deictic")
    if unit == "weekend":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * shift)
        if rel == "the current" or (shift == 0 and ctx.direction < 0 and ref.weekday() < 5):
            monday -= timedelta(days=7)
        return Reading(cal.days(monday + timedelta(days=5), monday + timedelta(days=6)), "deictic")
    if unit == "month":
        return Reading(cal.shift(cal.month(ref.year, ref.month), shift), "deictic")
    if unit == "year":
        return Reading(cal.year(ref.year + shift), "deictic")
    base = ref.year // 10 * 10 + 10 * shift
    return Reading(cal.years(base, base + 9), "deictic")


def _unit_when(ref: date, unit: str, n: int) -> When:
    """The day/week/month/year n units from ref (negative: before)."""
    if unit == "day":
        return cal.day(ref + timedelta(days=n))
    if unit == "week":
        return cal.week(ref + timedelta(days=7 * n))
    if unit == "month":
        return cal.month(*cal.add_months(ref.year, ref.month, n))
    if unit == "decade":
        return cal.year(ref.year + 10 * n)
    return cal.year(ref.year + n)


def _ago(m: re.Match, ctx: Context) -> Reading | None:
    n = _num(m[1])
    if n is None:
        return None
    if ctx.quarter is not None and n == 1 and m[2] == "year":
        return Reading(_a_year_before(ctx.quarter), "anaphoric")  # "profit rose from a year ago"
    if ctx.ref is None:
        return Reading(None, "deictic")
    return Reading(_unit_when(ctx.ref, m[2], -n), "deictic")


def _span_between(a: When, b: When) -> When:
    return cal.When(min(a.start, b.start), max(a.end, b.end), a.gran, span=True)


def _last_n(m: re.Match, ctx: Context) -> Reading | None:
    """'the last five years' -> 2014/2019: from n units back to the reference, at the unit's granularity."""
    n = _num(m[2])
    if n is None:
        return None
    if ctx.ref is None:
        return Reading(None, "deictic")
    sign = -1 if m[1] in ("last", "past", "previous") else 1
    here = _unit_when(ctx.ref, m[3], 0)
    return Reading(_span_between(_unit_when(ctx.ref, m[3], sign * n), here), "deictic")


def _last_one(m: re.Match, ctx: Context) -> Reading | None:
    """'the past year' -> the year before the reference up to it, as 'the last one year'."""
    if ctx.ref is None:
        return Reading(None, "deictic")
    if m[2] == "day":
        return Reading(cal.days(ctx.ref - timedelta(days=1), ctx.ref), "deictic")
    return Reading(_span_between(_unit_when(ctx.ref, m[2], -1), _unit_when(ctx.ref, m[2], 0)), "deictic")


# --------------------------------------------------------------------------- anaphoric: against the date in force


def _n_later(m: re.Match, ctx: Context) -> Reading | None:
    """'two days later', 'a few days later' (1..6 days after), 'a week earlier' against the date in force."""
    word, unit, rel = m[1], m[2], m[3]
    if word is None:  # 'days later' = a few days later
        lo, hi = 1, 6
    elif word in lexicon()["fuzzy"]:
        lo, hi = (int(x) for x in lexicon()["fuzzy"][word].split("-"))
    else:
        n = _num(word)
        if n is None:
            return None
        lo = hi = n
    sign = -1 if rel in ("earlier", "before", "prior") else 1
    if ctx.quarter is not None and word in ("a", "one") and unit == "year" and sign < 0:
        return Reading(_a_year_before(ctx.quarter), "anaphoric")  # "sales fell from a year earlier"
    if ctx.force is None:
        return Reading(None, "anaphoric")
    base = ctx.force.start if sign < 0 else ctx.force.end
    if lo == hi:
        return Reading(_unit_when(base, unit, sign * lo), "anaphoric")
    a, b = _unit_when(base, unit, sign * lo), _unit_when(base, unit, sign * hi)
    return Reading(_span_between(a, b), "anaphoric")


def _next_unit(m: re.Match, ctx: Context) -> Reading | None:
    """'the next day', 'the following week', 'the previous month' after/before the date in force."""
    if ctx.force is None:
        return Reading(None, "anaphoric")
    rel, unit = m[1], m[2]
    sign = 1 if rel in ("next", "following") else 0 if rel == "same" else -1
    base = ctx.force.end if sign > 0 else ctx.force.start
    if unit in ("morning", "evening", "night"):
        unit = "day"
    if unit == "weekend":
        monday = base - timedelta(days=base.weekday()) + timedelta(days=7 * (sign if sign else 0))
        return Reading(cal.days(monday + timedelta(days=5), monday + timedelta(days=6)), "anaphoric")
    return Reading(_unit_when(base, unit, sign), "anaphoric")


def _unit_before_after(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.force is None:
        return Reading(None, "anaphoric")
    sign = 1 if m[2] == "after" else -1
    base = ctx.force.end if sign > 0 else ctx.force.start
    return Reading(_unit_when(base, m[1], sign), "anaphoric")


def _that_unit(m: re.Match, ctx: Context) -> Reading | None:
    """'that day', 'later that day', 'the same day': the date in force at the stated granularity."""
    if ctx.force is None:
        return Reading(None, "anaphoric")
    unit = m[1] if m[1] in ("day", "week", "month", "year") else "day"
    if unit == "day" and ctx.force.gran != "day":
        return Reading(ctx.force, "anaphoric")
    return Reading(_unit_when(ctx.force.start, unit, 0), "anaphoric")


def _that_time(m: re.Match, ctx: Context) -> Reading | None:
    return Reading(ctx.force, "anaphoric")


# --------------------------------------------------------------------------- clock times

_CLOCK = re.compile(
    r"\b(?:(?:about|around|at|approximately|shortly after|shortly before|just after|just before) )?"
    r"(?:\d{1,2}(?::\d{2})? ?(?:am|pm|a m|p m|o'clock)|\d{1,2}:\d{2}|noon|midnight|midday)\b"
    r"(?: (?:local time|gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|msk|et|pt|hrs|hours|h))?"
    r"(?: ?\(\d{3,4} ?(?:gmt|utc)\))?"
)


def _clock(t: str, ctx: Context) -> Reading | None:
    """'4:00 am local time' -> the day in force; '10 pm wednesday' -> that Wednesday; else not a date."""
    if not _CLOCK.search(t):
        return None
    rest = _CLOCK.sub(" ", t)
    rest = re.sub(r"^\W*(?:on |of )?|\W*(?:on |of )?$", "", rest).strip(" ,")
    rest = re.sub(r"\s+", " ", rest)
    if rest:
        inner = parse(rest, ctx)
        if inner is not None and inner.mode != "clock":
            return inner
        return None
    return Reading(ctx.force, "clock") if ctx.force is not None else None
