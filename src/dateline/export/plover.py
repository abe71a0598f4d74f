"""Events as PLOVER/POLECAT-style records and as flat CSV rows: pure functions of an Article.

`plover_records` follows the field names of the POLECAT event dataset (PLOVER-coded:
`event_type`, `event_mode`, `source_actor`, `source_agent` for the sector, `target_*`,
`story_date`, `event_text`...) so existing PLOVER tooling can read it; countries are ISO 3166-1
alpha-2 as everywhere in dateline (POLECAT itself writes alpha-3). Every record carries the
character span of its evidence, so a reader can check it against the article text.
`event_rows` gives the same facts as one flat dict per event for CSV and Parquet.
"""

from __future__ import annotations

from ..record import Actor, Article, Count, Event, Place

PLOVER_VERSION = "2.0"


def _place(article: Article, event: Event) -> Place | None:
    if event.place_id:
        return next((p for p in article.places if p.id == event.place_id), None)
    return None


def _counts(article: Article, event: Event) -> list[Count]:
    wanted = set(event.counts)
    return [c for c in article.counts if c.id in wanted]


def _actor_fields(prefix: str, actor: Actor | None, article: Article) -> dict:
    entity = next((e for e in article.entities if actor is not None and e.id == actor.entity), None)
    return {
        f"{prefix}": actor.text if actor else None,
        f"{prefix}_actor": entity.name if entity else (actor.text if actor else None),
        f"{prefix}_entity": actor.entity if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_agent": actor.sector if actor else None,
    }


def plover_records(article: Article) -> list[dict]:
    """One PLOVER/POLECAT-style record per event of the article."""
    published = article.published.date if article.published else None
    out = []
    for ev in article.events:
        place = _place(article, ev)
        record = {
            "event_id": f"{article.id}:{ev.id}",
            "plover_version": PLOVER_VERSION,
            "story_id": article.id,
            "story_date": published,
            "url": article.url,
            "publisher": article.source,
            "event_type": ev.type,
            "event_mode": ev.mode,
            "context": None,
            "event_date": ev.date,
            "event_text": ev.trigger.text,
            "evidence_start": ev.trigger.start,
            "evidence_end": ev.trigger.end,
            **_actor_fields("source", ev.actor, article),
            **_actor_fields("target", ev.target, article),
            "location": ev.place,
            "country": ev.country,
            "latitude": place.lat if place else None,
            "longitude": place.lon if place else None,
            "status": ev.status,
            "attributed_to": ev.source.name if ev.source else None,
            "quote_id": ev.quote_id,
            "counts": [
                {
                    "what": c.what,
                    "value": c.value,
                    "qualifier": c.qualifier,
                    "text": c.text,
                    "start": c.start,
                    "end": c.end,
                }
                for c in _counts(article, ev)
            ],  # fmt: skip
        }
        out.append(record)
    return out


def event_rows(article: Article) -> list[dict]:
    """One flat row per event (scalar columns only, counts folded into text), for CSV and Parquet."""
    published = article.published.date if article.published else None
    rows = []
    for ev in article.events:
        place = _place(article, ev)
        counts = _counts(article, ev)
        rows.append(
            {
                "article_id": article.id,
                "url": article.url,
                "outlet": article.source,
                "published": published,
                "event_id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "status": ev.status,
                "date": ev.date,
                "place": ev.place,
                "country": ev.country,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "actor": ev.actor.text if ev.actor else None,
                "actor_entity": ev.actor.entity if ev.actor else None,
                "actor_country": ev.actor.country if ev.actor else None,
                "actor_sector": ev.actor.sector if ev.actor else None,
                "target": ev.target.text if ev.target else None,
                "target_entity": ev.target.entity if ev.target else None,
                "target_country": ev.target.country if ev.target else None,
                "target_sector": ev.target.sector if ev.target else None,
                "source": ev.source.name if ev.source else None,
                "quote_id": ev.quote_id,
                "counts": "; ".join(f"{c.what} {c.qualifier} {c.value}" for c in counts) or None,
                "trigger": ev.trigger.text,
                "start": ev.trigger.start,
                "end": ev.trigger.end,
            }
        )
    return rows
