"""Entities extractor: people, organizations, places, groups and events, with coreference.

Built on spaCy NER and corrected for news writing (see the `entity_*` modules):
1. `entity_mentions` - NER spans cleaned: titles split off ("Kazakh President" + the name,
   `entity_titles`), honorifics, possessives and "the" kept out of the name, names NER missed
   after a title or before an outlet noun; `entity_phrases` adds acronyms spelled out in
   brackets, wire-dateline places and agencies, and "the Iraqi government";
2. `entity_group`    - one label per name and name variants merged into entities;
3. `entity_coref`    - "the top diplomat", "the ministry", he/she/its resolved to them.

Lexicons: data/titles.tsv, roles.tsv, demonyms.tsv, pronouns.tsv, entity_heads.tsv (loaded
once per process by `entity_lexicon`). Other extractors use `entity_at` to turn a mention they found (a quote's "he", "Lavrov's")
into an entity, and `demonym_country` for nationality words.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..record import Article, Entity, Mention, make_span
from . import entity_coref as coref
from . import entity_group as grouping
from . import entity_mentions as mentions
from . import entity_names as names
from .entity_base import Sentences

log = logging.getLogger(__name__)

split_title = names.split_title
country_code = names.country_code


def demonym_country(word: str) -> str | None:
    """ISO2 of a nationality word: "Kazakh" -> "KZ", "Russians" -> "RU", "Iranian" -> "IR"."""
    return names.demonym_country(word)


def extract(doc: Doc, article: Article) -> list[Entity]:
    """Entities of the article, ids E1, E2... in order of first mention."""
    text = article.text
    if not _aligned(doc, text):
        article.warnings.append("entities: spaCy doc text differs from article text; entities skipped")
        return []
    sent_of = Sentences(doc)
    found = mentions.collect(doc, sent_of, text)
    groups = grouping.build_groups(found)
    anaphors = coref.resolve(doc, groups, sent_of, text)
    extra: dict[int, list[coref.Anaphor]] = {}
    for a in anaphors:
        extra.setdefault(a.group, []).append(a)
    out: list[Entity] = []
    for gi, g in enumerate(groups):
        spans: list[Mention] = []
        for m in g.mentions:
            spans.append(_mention(text, m.start, m.end, m.kind))
            if m.title_start is not None and g.type == "PERSON":
                spans.append(_mention(text, m.title_start, m.end, "title"))
            if m.described is not None and g.type == "PERSON":
                spans.append(_mention(text, m.described[0], m.described[1], "title"))
        for a in extra.get(gi, ()):
            spans.append(_mention(text, a.start, a.end, a.kind))
        spans = _dedupe(spans)
        out.append(
            Entity(id=f"E{len(out) + 1}", name=g.name, type=g.type, mentions=spans, titles=g.titles, country=g.country)
        )
    return out


def _aligned(doc: Doc, text: str) -> bool:
    """Whether `doc` was parsed from `text`, checked on a few tokens (doc.text rebuilds the string)."""
    if len(doc) == 0:
        return not text.strip()
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    step = max(1, len(doc) // 16)
    return all(text.startswith(doc[i].text, doc[i].idx) for i in range(0, len(doc), step))


def _mention(text: str, start: int, end: int, kind: str) -> Mention:
    """A Mention whose text is cut from `text` (bounds checked as in `record.make_span`).

    Built with `model_construct`: the fields are known valid here, and a long article has
    thousands of mentions, so pydantic validation would be a noticeable share of the time.
    """
    if not 0 <= start <= end <= len(text):
        make_span(text, start, end)  # raises the project's error for a bad range
    return Mention.model_construct(start=start, end=end, text=text[start:end], kind=kind)


def _dedupe(spans: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out


def entity_at(article: Article, start: int, end: int) -> Entity | None:
    """The entity mentioned at characters [start, end): exact mention, then a containing one, then most overlap.

    Quotes call this with a speaker mention ("he", "Lavrov's", "Russian Foreign Minister
    Sergey Lavrov") to learn which entity it is.
    """
    best: tuple[int, int, int] | None = None
    chosen: Entity | None = None
    for ent in article.entities:
        for m in ent.mentions:
            if m.end <= start or m.start >= end:
                if not (m.start == m.end == start == end):
                    continue
            if m.start == start and m.end == end:
                rank = (3, 0, 0)
            elif m.start <= start and m.end >= end:
                rank = (2, -(m.end - m.start), 0)  # the tightest containing mention
            else:
                overlap = min(m.end, end) - max(m.start, start)
                rank = (1, overlap, -(m.end - m.start))
            if best is None or rank > best:
                best, chosen = rank, ent
    return chosen
