"""Flat rows of quotes, stances and articles, for CSV and Parquet (event rows are `export.plover.event_rows`)."""

from __future__ import annotations

from ..record import Article, Source


def _name(src: Source | None) -> str | None:
    return src.name if src else None


def quote_rows(article: Article) -> list[dict]:
    """One row per quote: who said what, how, where in the text."""
    return _attribution_rows(article, article.quotes)


def stance_rows(article: Article) -> list[dict]:
    """One row per stance, in the quotes' columns (speaker = the stance's holder; via is always empty)."""
    return _attribution_rows(article, article.stances)


def _attribution_rows(article: Article, items: list) -> list[dict]:
    published = article.published.date if article.published else None
    rows = []
    for q in items:
        first, last = (q.content[0], q.content[-1]) if q.content else (None, None)
        rows.append(
            {
                "article_id": article.id,
                "url": article.url,
                "outlet": article.source,
                "published": published,
                "quote_id": q.id,
                "kind": q.kind,
                "speaker": _name(q.speaker),
                "speaker_entity": q.speaker.entity if q.speaker else None,
                "cue": q.cue.text if q.cue else None,
                "via": q.via,
                "conveyor": _name(q.conveyor),
                "status": q.status,
                "text": q.text,
                "start": first.start if first else None,
                "end": last.end if last else None,
            }
        )
    return rows


def article_rows(article: Article) -> list[dict]:
    """One row for the article: its metadata and how many facts it holds."""
    return [
        {
            "article_id": article.id,
            "url": article.url,
            "outlet": article.source,
            "headline": article.headline.text if article.headline else None,
            "published": article.published.date if article.published else None,
            "published_how": article.published.how if article.published else None,
            "dateline_place": article.dateline.place if article.dateline else None,
            "dateline_agency": article.dateline.agency if article.dateline else None,
            "language": article.language,
            "entities": len(article.entities),
            "quotes": len(article.quotes),
            "stances": len(article.stances),
            "events": len(article.events),
            "counts": len(article.counts),
            "places": len(article.places),
            "times": len(article.times),
        }
    ]
