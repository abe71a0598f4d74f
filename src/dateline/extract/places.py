"""Places: every place mention, resolved against the offline gazetteer.

Mentions come from place_mentions.py; each is looked up and resolved in two passes: first
the mentions that need no context, then the rest with what those told (the dateline's
country, other places, nationality words; see gazetteer/resolve.py). One Place per
mention, ids P1, P2... in text order; the evaluator folds repeated texts.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..gazetteer import gazetteer
from ..gazetteer.index import Entry, Match
from ..gazetteer.resolve import Context, best, unambiguous
from ..record import Article, Place
from . import place_mentions as pm
from .entity_base import doc_text
from .place_mentions import Mention


def _keep_org(m: Mention, ctx: Context) -> Match | None:
    """An ORG-tagged name is a place only when the gazetteer is sure: a country, a city of a
    million, or a city in a country the article is about ("BUENOS AIRES", "Abqaiq")."""
    choice = best(m.matches, ctx)
    if choice is None or not choice.primary:
        return None
    e = choice.entry
    if e.kind == "country":
        return choice
    if e.kind == "city" and e.population and (e.population >= 1_000_000 or ctx.countries.get(e.country or "", 0)):
        return choice
    return None


def _display(text: str) -> str:
    """Article form of a name for regions and unknowns: "the Mangystau Region" -> "Mangystau Region"."""
    text = " ".join(text.split())
    if text.lower().startswith("the "):
        text = text[4:]
    return text.title() if text.isupper() and len(text) > 3 else text


def _context(doc: Doc, mentions: list[Mention], dateline: list[Mention]) -> Context:
    """First pass: what the article says about where it is, from mentions that need no context."""
    ctx = Context(countries=Counter(pm.demonym_countries(doc)))
    for m in mentions:
        sure = unambiguous(m.matches)
        small = sure is not None and sure.entry.kind == "city" and sure.entry.population < 100_000
        if sure is not None and sure.entry.country and m.label not in ("ORG", "FAC") and not small:
            ctx.countries[sure.entry.country] += 1
            if sure.entry.admin1:
                ctx.admin1.add(sure.entry.admin1)
    for m in dateline:
        if m.label == "DATELINE" and m.matches:
            choice = best(m.matches, ctx)
            ctx.home = choice.entry.country if choice else None
        elif m.matches and ctx.home is None:
            ctx.home = m.matches[0].entry.country
    return ctx


def _in_context(e: Entry, ctx: Context) -> bool:
    return bool(ctx.countries.get(e.country or "")) or (e.country is not None and e.country == ctx.home)


def _to_place(m: Mention, ctx: Context, text: str) -> Place | None:
    """Second pass: one mention resolved with the article's context, or None when it is no place."""
    span_text = text[m.start : m.end]
    choice = _keep_org(m, ctx) if m.label == "ORG" and m.inside is None else best(m.matches, ctx)
    if m.label == "ORG" and choice is None and m.inside is None:
        return None
    if m.label == "FAC" and choice is not None and choice.entry.kind == "city":
        if not (_in_context(choice.entry, ctx) or choice.entry.population >= 1_000_000):
            return None  # "Hyde Park" in a London story is not the town in New York
    if choice is None and m.inside is not None:
        inside = best(m.inside, ctx)
        if inside is None or not (inside.entry.kind == "country" or _in_context(inside.entry, ctx)):
            return None  # "Trafalgar Square" is not in Spain because a Trafalgar is
        e = inside.entry
        return Place(id="", start=m.start, end=m.end, text=span_text, name=_display(span_text), kind="other",
                     country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon)  # fmt: skip
    if choice is None:
        # A dateline town the gazetteer lacks ("IGORA /Leningrad Region/"): located by its region.
        region = best(gazetteer().lookup(m.region_hint), ctx) if m.label == "DATELINE" and m.region_hint else None
        r = region.entry if region is not None else None
        return Place(id="", start=m.start, end=m.end, text=span_text, name=_display(span_text), kind="other",
                     country=r.country if r else None, admin1=r.admin1 if r else None,
                     lat=r.lat if r else None, lon=r.lon if r else None)  # fmt: skip
    e = choice.entry
    kind = e.kind if e.kind in ("country", "region", "city", "other") else "other"
    name = e.name if kind in ("country", "city", "other") else _display(span_text)
    lat, lon, gid = e.lat, e.lon, e.gid
    if m.direction is not None and e.country:  # "southern Iraq": a part of the place, not the place
        kind, name = "region", _display(span_text)
        gid = None if e.kind == "country" else e.gid
        centre = gazetteer().sector(e.country, m.direction) if e.kind == "country" else None
        lat, lon = centre if centre else (e.lat, e.lon)
    return Place(id="", start=m.start, end=m.end, text=span_text, name=name, kind=kind, country=e.country,
                 admin1=e.admin1, lat=lat, lon=lon, gazetteer_id=gid)  # fmt: skip


def extract(doc: Doc, article: Article) -> list[Place]:
    """Places of the article, ids P1, P2... in text order; one per mention."""
    if doc_text(doc) != article.text:
        article.warnings.append("places: spaCy doc text differs from article text; places skipped")
        return []
    dateline = pm.dateline_mentions(article)
    mentions = dateline + pm.entity_mentions(doc, [(m.start, m.end) for m in dateline], article.text)
    mentions += pm.region_phrases(doc)
    ctx = _context(doc, mentions, dateline)
    mentions += pm.untagged(doc, [(m.start, m.end) for m in mentions], ctx)
    places = [p for m in sorted(mentions, key=lambda m: m.start) if (p := _to_place(m, ctx, article.text))]
    for i, place in enumerate(places, 1):
        place.id = f"P{i}"
    return places
