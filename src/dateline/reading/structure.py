"""Paragraphs to an Article: headline, date line, byline, standfirst, dateline, body.

The clean text is the paragraphs joined by blank lines, headline first. Every structural
part is a span of that text, so later stages can point at it like at any other evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..record import Article, Dateline, Published, make_span
from . import dateline as dateline_mod
from . import dates, language

# How many paragraphs after the headline may hold the date line, byline, standfirst and dateline.
_HEAD_ZONE = 6
_BYLINE = re.compile(
    r"^(?:By|BY|From|Words by|Story by)\s+[A-ZÀ-Þ][^\n]{1,150}$|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*[|,]\s*"
    r"(?:Staff (?:Writer|Reporter)|Correspondent|Reporter)\b[^\n]{0,60}$"
)


@dataclass
class Meta:
    """Facts about the article that came from outside its paragraphs (input, header, HTML metadata)."""

    title: str | None = None
    published: str | None = None
    published_how: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    # A weaker date source asked only when the text has no date of its own (htmldate's text search).
    date_guess: Callable[[], str | None] | None = None


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def _same_title(a: str, b: str) -> bool:
    """Equal after folding, or one holds the other ("Title" vs "Title - Site Name") with most words shared."""
    if a == b:
        return True
    if not a or not b or not (a in b or b in a):
        return False
    return min(len(a), len(b)) >= 0.6 * max(len(a), len(b))


def _headline_like(paragraph: str) -> bool:
    """Short, not a sentence of running prose, not a dateline: the shape of a headline."""
    words = paragraph.split()
    if not 1 <= len(words) <= 30 or len(paragraph) > 250:
        return False
    if dateline_mod.find(paragraph) or dates.date_line(paragraph):
        return False
    if paragraph.isupper():  # wire headlines in capitals: "IRAN ANNOUNCES END OF MAJOR OFFENSIVE"
        return len(words) >= 2
    # Headlines do not end in a full stop; a first line that does is the story's first sentence.
    return not paragraph.rstrip().endswith(".")


def _is_byline(paragraph: str) -> bool:
    return len(paragraph.split()) <= 20 and bool(_BYLINE.match(paragraph))


def place_headline(paras: list[str], title: str | None) -> tuple[list[str], bool]:
    """(paragraphs with the headline first, whether there is one).

    A metadata title goes on top; when the text repeats it among its first paragraphs that copy is
    removed, together with whatever chrome stood above it.
    """
    if title:
        folded = _fold(title)
        for i, p in enumerate(paras[:4]):
            if len(p) <= 2 * len(title) + 20 and _same_title(_fold(p), folded):
                # Short lines above the title are kickers and crumbs; a real paragraph there is story text.
                above = [q for q in paras[:i] if len(q.split()) > 8]
                return [p, *above, *paras[i + 1 :]], True
        return [title, *paras], True
    if len(paras) >= 2 and _headline_like(paras[0]):
        return paras, True
    return paras, False


@dataclass
class Layout:
    """Indexes into the paragraph list of each structural part."""

    headline: int | None = None
    date_line: int | None = None
    byline: int | None = None
    lede: int | None = None
    dateline_para: int | None = None
    dateline: dateline_mod.Found | None = None
    body: int = 0
    date_line_value: str | None = None
    body_offset: int = 0


def find_layout(paras: list[str], has_headline: bool) -> Layout:
    """Locate date line, byline, standfirst and dateline in the paragraphs after the headline."""
    layout = Layout(headline=0 if has_headline else None)
    start = 1 if has_headline else 0
    between: list[int] = []
    for i in range(start, min(len(paras), start + _HEAD_ZONE)):
        p = paras[i]
        found = dateline_mod.find(p)
        if found:
            layout.dateline_para, layout.dateline = i, found
            break
        if layout.date_line is None and (value := dates.date_line(p)):
            layout.date_line, layout.date_line_value = i, value.isoformat()
            continue
        if layout.byline is None and _is_byline(p):
            layout.byline = i
            continue
        between.append(i)
    if layout.dateline_para is not None:
        layout.body = layout.dateline_para
        # A standfirst: the summary paragraph set between the headline and the dateline; without one,
        # the lede is the story's first paragraph, the one the dateline opens.
        layout.lede = between[-1] if between else layout.dateline_para
    else:
        body = [i for i in range(start, len(paras)) if i not in (layout.date_line, layout.byline)]
        layout.body = body[0] if body else start
        layout.lede = body[0] if body else None
    return layout


def build(article_id: str, paras: list[str], meta: Meta, signoffs: list[str], warnings: list[str]) -> Article:
    """Assemble the Article: clean text, structural spans, dateline, publication date, outlet."""
    paras, has_headline = place_headline(paras, meta.title)
    layout = find_layout(paras, has_headline)
    text = "\n\n".join(paras)
    offsets, pos = [], 0
    for p in paras:
        offsets.append(pos)
        pos += len(p) + 2

    def para_span(i: int | None):
        return None if i is None else make_span(text, offsets[i], offsets[i] + len(paras[i]))

    article = Article(id=article_id, url=meta.url, source=meta.source, text=text, warnings=warnings)
    article.language = language.check(text, meta.language, warnings)
    article.headline = para_span(layout.headline)
    article.lede = para_span(layout.lede)
    article.byline = para_span(layout.byline)
    article.author = meta.author
    article.body_start = layout.body_offset = offsets[layout.body] if paras else 0

    found = layout.dateline
    signed = next((dateline_mod.agency_name(s) for s in signoffs if dateline_mod.is_agency(s.strip("()- "))), None)
    if found and layout.dateline_para is not None:
        base = offsets[layout.dateline_para]
        raw = text[base + found.start : base + found.end]
        end = base + found.start + len(raw.rstrip())
        agency = found.agency or signed or dateline_mod.agency_name(meta.source)
        article.dateline = Dateline(place=found.place, agency=agency, span=make_span(text, base + found.start, end))
    article.source = meta.source or (found.agency if found else None) or signed
    article.published = _published(meta, layout, text, warnings)
    article.warnings = warnings
    return article


def _published(meta: Meta, layout: Layout, text: str, warnings: list[str]) -> Published | None:
    """Publication date by the most direct evidence available, saying how it was found."""
    if meta.published:
        return Published(date=meta.published, how=meta.published_how or "input")  # type: ignore[arg-type]
    found = layout.dateline
    if found and found.month and found.day and found.year:
        date = dates.make_date(found.year, found.month, found.day)
        if date:
            return Published(date=date.isoformat(), how="dateline")
    if layout.date_line_value:
        return Published(date=layout.date_line_value, how="date-line")
    if found and found.month and found.day:
        inferred = dates.infer_year(found.month, found.day, text)
        if inferred:
            return Published(date=inferred[0].isoformat(), how=inferred[1])  # type: ignore[arg-type]
        if not (meta.date_guess and meta.date_guess()):
            warnings.append("dateline gives no year and the text names none: publication date unknown")
            return None
    head = text[: layout.body_offset]
    date = dates.parse_full_date(head)
    if date:
        return Published(date=date.isoformat(), how="text")
    if meta.date_guess and (guessed := dates.normalize_iso(meta.date_guess())):
        return Published(date=guessed, how="html-metadata")
    return None
