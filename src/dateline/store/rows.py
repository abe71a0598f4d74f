"""An Article as flat table rows: one function per table, columns in schema order.

The flat tables are for SQL users and the report; `articles.record_json` stays the
authority, so nothing here needs to round-trip.
"""

from __future__ import annotations

import json

from ..record import Actor, Article, ErrorRecord, Source

ARTICLE_COLUMNS = tuple(
    "key id url source origin headline published published_how dateline_place dateline_agency language text "
    "record_json".split()
)

FACT_COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(columns.split())
    for table, columns in {
        "entities": "article_key entity_id name type country wikidata titles n_mentions",
        "mentions": "article_key entity_id start_char end_char text kind",
        "quotes": "article_key quote_id kind text speaker speaker_entity cue via status start_char end_char",
        "stances": "article_key stance_id text holder holder_entity cue status start_char end_char",
        "events": "article_key event_id type mode trigger actor actor_entity actor_country actor_sector target "
        "target_entity target_country target_sector place country date source quote_id status start_char end_char",
        "counts": "article_key count_id what value qualifier text source event_id status start_char end_char",
        "times": "article_key time_id text value anchor start_char end_char",
        "places": "article_key place_id name kind country admin1 lat lon gazetteer_id text start_char end_char",
    }.items()
}

FAILURE_COLUMNS = ("key", "id", "origin", "error", "stage")


def _source(src: Source | None) -> str | None:
    return src.name if src else None


def _actor(actor: Actor | None) -> tuple:
    if actor is None:
        return (None, None, None, None)
    return (actor.text, actor.entity, actor.country, actor.sector)


def article_row(key: str, article: Article, origin: str | None) -> tuple:
    """The `articles` row; `record_json` is the record's one JSON form."""
    return (
        key,
        article.id,
        article.url,
        article.source,
        origin,
        article.headline.text if article.headline else None,
        article.published.date if article.published else None,
        article.published.how if article.published else None,
        article.dateline.place if article.dateline else None,
        article.dateline.agency if article.dateline else None,
        article.language,
        article.text,
        article.model_dump_json(),
    )


def fact_rows(key: str, a: Article) -> dict[str, list[tuple]]:
    """Rows of every fact table for one article."""
    rows: dict[str, list[tuple]] = {name: [] for name in FACT_COLUMNS}
    for e in a.entities:
        titles = json.dumps(e.titles, ensure_ascii=False)
        rows["entities"].append((key, e.id, e.name, e.type, e.country, e.wikidata, titles, len(e.mentions)))
        rows["mentions"].extend((key, e.id, m.start, m.end, m.text, m.kind) for m in e.mentions)
    for q in a.quotes:
        first = q.content[0] if q.content else None
        rows["quotes"].append(
            (key, q.id, q.kind, q.text, _source(q.speaker), q.speaker.entity if q.speaker else None,
             q.cue.text if q.cue else None, q.via, q.status,
             first.start if first else None, first.end if first else None)
        )  # fmt: skip
    for s in a.stances:
        first = s.content[0] if s.content else None
        rows["stances"].append(
            (key, s.id, s.text, _source(s.speaker), s.speaker.entity if s.speaker else None,
             s.cue.text if s.cue else None, s.status, first.start if first else None, first.end if first else None)
        )  # fmt: skip
    for ev in a.events:
        rows["events"].append(
            (key, ev.id, ev.type, ev.mode, ev.trigger.text, *_actor(ev.actor), *_actor(ev.target), ev.place,
             ev.country, ev.date, _source(ev.source), ev.quote_id, ev.status, ev.trigger.start, ev.trigger.end)
        )  # fmt: skip
    for c in a.counts:
        rows["counts"].append(
            (key, c.id, c.what, c.value, c.qualifier, c.text, _source(c.source), c.event, c.status, c.start, c.end)
        )
    rows["times"].extend((key, t.id, t.text, t.value, t.anchor, t.start, t.end) for t in a.times)
    rows["places"].extend(
        (key, p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.gazetteer_id, p.text, p.start, p.end)
        for p in a.places
    )
    return rows


def failure_row(key: str, error: ErrorRecord) -> tuple:
    return (key, error.id, error.origin, error.error, error.stage)
