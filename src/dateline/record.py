"""The record: every type dateline emits, in one module.

The CLI, the API, the store and the exports all serialize these models with
`model_dump(mode="json")`, so there is exactly one JSON form of each fact.
Field names follow ../shared/gold/FORMAT.md (`text`, `via`, `what`, `qualifier`...)
so that the evaluator can read gold files and system output alike.

Offsets: every `start`/`end` pair indexes `Article.text` (Python string indices,
end exclusive), and `text` always equals `Article.text[start:end]`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Model(BaseModel):
    """Base for every record type: strict about unknown fields, so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of `Article.text`: the evidence behind every fact."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


# --------------------------------------------------------------------------- input


class Document(Model):
    """What a source hands to reading: raw content plus the facts that came with it.

    `published`, `url` and `source` are the outside knowledge FORMAT.md calls `input`
    (a feed's date, a crawl's URL, the outlet); None means "not given", never "unknown".
    """

    id: str
    content: str | bytes
    content_type: Literal["text", "html"] = "text"
    url: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str | None = Field(default=None, description="file path, URL or archive the document came from")


# --------------------------------------------------------------------------- metadata


PublishedHow = Literal[
    "input",  # given with the document (JSONL field, feed entry, --published)
    "html-metadata",  # from the page's own metadata (htmldate / meta tags)
    "dateline",  # dateline with a full date
    "dateline+year-from-text",  # dateline without a year; year from years mentioned in the text
    "dateline+weekday",  # dateline without a year; year from a weekday that must match
    "date-line",  # a date line such as Wikinews' "Monday, January 7, 2019"
    "text",  # another explicit date near the top of the text
]


class Dateline(Model):
    """The wire dateline: `MOSCOW, February 9. /TASS/.` -> place Moscow, agency TASS."""

    place: str | None = None
    agency: str | None = None
    span: Span | None = None


class Mention(Span):
    """One place where the text refers to an entity."""

    kind: Literal["name", "acronym", "nominal", "pronoun", "title"] = "name"


EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"]


class Entity(Model):
    id: str
    name: str = Field(description="fullest name the article uses")
    type: EntityType
    mentions: list[Mention] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list, description='roles given to a person: "Russian Foreign Minister"')
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 of the entity's country, when known")
    wikidata: str | None = None


class Source(Model):
    """Who a statement or figure belongs to: an entity, or the article's own description.

    For an unnamed source (`"the authorities"`, `"a senior official"`) `entity` is None
    and `name` is the phrase the article uses.
    """

    name: str
    entity: str | None = Field(default=None, description="Entity.id when the source is a known entity")
    mention: Span | None = Field(default=None, description="the words that named the source here (he, the letter, Lavrov)")


QuoteKind = Literal["direct", "indirect", "according_to", "stance"]
QuoteStatus = Literal["neutral", "contested", "denial", "negated"]


class Quote(Model):
    id: str
    kind: QuoteKind
    text: str = Field(description="content without cue and speaker; the content spans joined by a space")
    content: list[Span] = Field(description="content span(s): one per stretch of quoted text")
    cue: Span | None = None
    speaker: Source | None = None
    via: str | None = Field(default=None, description="channel: letter, statement, interview, post, press conference...")
    conveyor: Source | None = Field(default=None, description="who delivered it: the letter 'was read out by' X")
    status: QuoteStatus = "neutral"


class TimeExpr(Span):
    id: str
    value: str | None = Field(
        default=None,
        description="YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, or START/END; None when vague",
    )
    anchor: str | None = Field(default=None, description="what it was resolved against: 'published' or a TimeExpr id")


PlaceKind = Literal["country", "region", "city", "other"]


class Place(Span):
    id: str
    name: str
    kind: PlaceKind = "other"
    country: str | None = None
    admin1: str | None = Field(default=None, description="ISO 3166-2 code of the first-level region, when known")
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None


Sector = Literal["GOV", "MIL", "COP", "REB", "OPP", "CVL", "MED", "IGO", "NGO", "BUS", "JUD", "LEG", "REL", "EDU", "CRM"]


class Actor(Model):
    """An event participant: an entity, or the words the text uses ("protesters")."""

    text: str
    entity: str | None = None
    span: Span | None = None
    country: str | None = None
    sector: Sector | None = None


AssertionStatus = Literal["asserted", "attributed", "contested", "negated", "hypothetical", "future"]


class Count(Span):
    id: str
    what: Literal["killed", "injured", "arrested", "displaced", "evacuated", "protesters", "participants", "missing", "other"]
    value: int
    qualifier: Literal["exact", "about", "at least", "more than", "up to", "less than"] = "exact"
    source: Source | None = Field(default=None, description="who gave the figure; None when the outlet asserts it")
    event: str | None = Field(default=None, description="Event.id this count belongs to")
    status: AssertionStatus = "asserted"


class Event(Model):
    id: str
    type: Literal[
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ]  # fmt: skip
    mode: str | None = None
    trigger: Span
    actor: Actor | None = None
    target: Actor | None = None
    place: str | None = Field(default=None, description="Place.name")
    place_id: str | None = None
    country: str | None = None
    date: str | None = Field(default=None, description="ISO date, month, year or START/END range")
    time_id: str | None = None
    counts: list[str] = Field(default_factory=list, description="Count ids")
    source: Source | None = Field(default=None, description="None: the outlet; else the quote's speaker")
    quote_id: str | None = None
    status: AssertionStatus = "asserted"


class Published(Model):
    date: str = Field(description="ISO date YYYY-MM-DD")
    how: PublishedHow


class Article(Model):
    """One article and every fact found in it."""

    id: str
    url: str | None = None
    source: str | None = Field(default=None, description="the outlet (TASS, Reuters, Wikinews)")
    language: str = "en"
    text: str = Field(description="the clean text every span indexes: headline, lede, dateline and body, chrome removed")
    headline: Span | None = None
    lede: Span | None = None
    byline: Span | None = None
    author: str | None = Field(default=None, description="author named by the page's metadata or byline")
    dateline: Dateline | None = None
    published: Published | None = None
    body_start: int = Field(default=0, description="offset in text where the story body starts")
    warnings: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    stances: list[Quote] = Field(
        default_factory=list,
        description="kind 'stance': what a source backs, opposes, wants, plans or sees, or a claim the article "
        "names without giving its words ('Smith backs the bill', 'her call for a recount'); kept apart from "
        "`quotes`, which hold what sources said",
    )
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    schema_version: int = SCHEMA_VERSION


class ErrorRecord(Model):
    """Emitted in place of an Article when one input could not be processed."""

    id: str
    origin: str | None = None
    error: str
    stage: Literal["source", "reading", "nlp", "extract", "store"] = "reading"


def make_span(text: str, start: int, end: int) -> Span:
    """The one way to build a Span, so `text` always agrees with the offsets."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}:{end}] outside text of length {len(text)}")
    return Span(start=start, end=end, text=text[start:end])


def iter_spans(article: Article):
    """Every span in an article, for checks that offsets index `article.text`."""
    for span in (article.headline, article.lede, article.byline, article.dateline and article.dateline.span):
        if span is not None:
            yield span
    for ent in article.entities:
        yield from ent.mentions
    for q in (*article.quotes, *article.stances):
        yield from q.content
        for s in (q.cue, q.speaker and q.speaker.mention, q.conveyor and q.conveyor.mention):
            if s is not None:
                yield s
    yield from article.times
    yield from article.places
    yield from article.counts
    for c in article.counts:
        if c.source and c.source.mention:
            yield c.source.mention
    for ev in article.events:
        yield ev.trigger
        for a in (ev.actor, ev.target):
            if a is not None and a.span is not None:
                yield a.span


def json_schema() -> dict:
    """JSON Schema of the Article record (what `dateline schema` prints)."""
    return Article.model_json_schema()
