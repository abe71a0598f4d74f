"""Request parameters shared by every page: pagination, filters, and their limits.

Limits are enforced by FastAPI's validation, so a bad request gets a clear 422 naming the
field instead of a slow or failing query: page size <= MAX_LIMIT, search text <= MAX_QUERY
characters, dates as YYYY, YYYY-MM or YYYY-MM-DD. HTML forms send empty fields as "", so
every filter accepts "" and treats it as "not given".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated

from fastapi import Query

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_OFFSET = 100_000
MAX_QUERY = 200

DATE_PATTERN = r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"
COUNTRY_PATTERN = r"^([A-Za-z]{2})?$"
FORMAT_PATTERN = r"^(json|csv)$"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Text = Annotated[str, Query(max_length=MAX_QUERY, description="full-text search words")]
Name = Annotated[str, Query(max_length=MAX_QUERY)]
Date = Annotated[str, Query(pattern=DATE_PATTERN, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Country = Annotated[str, Query(pattern=COUNTRY_PATTERN, max_length=2, description="ISO 3166-1 alpha-2 code")]
Format = Annotated[str, Query(pattern=FORMAT_PATTERN, description="json (default) or csv")]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def clean(value: str | None) -> str | None:
    """An empty or blank form field means 'no filter'."""
    value = (value or "").strip()
    return value or None


def until_bound(until: str) -> str:
    """Make a partial date an inclusive upper bound for string comparison.

    Stored dates are ISO strings of varying precision ("2019", "2019-03", "2019-03-15"); padding
    "2019-03" to "2019-03-99" keeps every day of March 2019 at or below the bound.
    """
    return until + {4: "-99-99", 7: "-99"}.get(len(until), "")


@dataclass(frozen=True)
class QuoteFilters:
    q: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def quote_filters(
    q: Text = "", speaker: Name = "", outlet: Name = "", since: Date = "", until: Date = "", status: Name = ""
) -> QuoteFilters:
    return QuoteFilters(clean(q), clean(speaker), clean(outlet), clean(since), clean(until), clean(status))


@dataclass(frozen=True)
class EventFilters:
    type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def event_filters(
    type: Name = "", country: Country = "", since: Date = "", until: Date = "", status: Name = ""
) -> EventFilters:
    t, c = clean(type), clean(country)
    return EventFilters(t.upper() if t else None, c.upper() if c else None, clean(since), clean(until), clean(status))


@dataclass(frozen=True)
class ArticleFilters:
    q: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def article_filters(q: Text = "", outlet: Name = "", since: Date = "", until: Date = "") -> ArticleFilters:
    return ArticleFilters(clean(q), clean(outlet), clean(since), clean(until))


@dataclass(frozen=True)
class DisputeFilters:
    what: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def dispute_filters(what: Name = "", country: Country = "", since: Date = "", until: Date = "") -> DisputeFilters:
    c = clean(country)
    return DisputeFilters(clean(what), c.upper() if c else None, clean(since), clean(until))


def page(limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Page:
    return Page(limit, offset)
