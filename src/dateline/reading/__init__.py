"""Reading: raw document -> clean Article text with headline, dateline and publication date.

The steps, each in its own module:

    decode     bytes -> str (charset, binary and size checks)
    html       HTML page -> main text + metadata (trafilatura, htmldate)
    header     `key: value` metadata header of corpus text files
    layout     text -> paragraphs (hard-wrapped wire copy, chrome lines, sign-offs)
    structure  paragraphs -> Article (headline, date line, byline, standfirst, dateline, date)

`read` raises ReadError (one line naming the input) for what holds no article; anything
merely odd yields an Article with a warning.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from .. import lexicons
from ..errors import ReadError
from ..record import Article, Document
from . import dates, decode, header, html, layout
from .structure import Meta, build

__all__ = ["read"]

# Text that is really markup: a page, or a fragment opening with a block-level tag.
_LOOKS_HTML = re.compile(
    r"^\s*(?:<!doctype\s+html|<\?xml[^>]*>\s*<html|<(?:html|head|body|article|main|section|div|p|h[1-6]|meta|title)[\s>/])",
    re.I,
)


def read(document: Document) -> Article:
    """The clean, structured Article of one document (no facts yet)."""
    name = document.origin or document.id
    warnings: list[str] = []
    meta = Meta(url=document.url, source=document.source)
    if document.published:
        meta.published = dates.normalize_iso(document.published)
        if meta.published is None:
            warnings.append(f"input publication date {document.published!r} is not a date; ignored")
    content = document.content
    is_html = document.content_type == "html"
    if not is_html:
        text = decode.decode(content, name, warnings) if isinstance(content, bytes) else content
        text = decode.check_text(text, name)
        if _LOOKS_HTML.match(text[:1000]):
            is_html, content = True, text
    if is_html:
        raw = content.encode("utf-8") if isinstance(content, str) else decode.gunzip(content, name, warnings)
        raw = decode.cap_html(raw, name, warnings)
        markup = decode.check_text(decode.decode(raw, name, warnings), name)
        page = html.extract(markup, url=document.url, name=name)
        text = page.text
        _merge_page(meta, page)
        meta.date_guess = cache(lambda: html.guess_date(markup, document.url))
    text = layout.normalize(text)
    fields, text = header.split_header(text)
    _merge_header(meta, fields, warnings)
    text = decode.cap_text(text, warnings)
    paras = layout.drop_chrome(layout.paragraphs(text))
    paras, signoffs = layout.drop_signoffs(paras)
    if not paras:
        raise ReadError(f"{name}: no article text (only a metadata header or page furniture)")
    if is_html and _words(paras, meta.title) < MIN_HTML_WORDS:
        raise ReadError(
            f"{name}: no article text found in the HTML page (too little text: {_words(paras, meta.title)} words)"
        )
    if not meta.source and meta.url:
        meta.source = outlet_of(meta.url)
    return build(document.id, paras, meta, signoffs, warnings)


# A page whose main text, title aside, is shorter than this is a landing or navigation page.
MIN_HTML_WORDS = 12


def _words(paras: list[str], title: str | None) -> int:
    folded = (title or "").strip().lower()
    return sum(len(p.split()) for p in paras if p.strip().lower() != folded)


def _merge_page(meta: Meta, page: html.Page) -> None:
    """HTML metadata fills what the input did not give."""
    meta.title = page.title
    meta.author = page.author
    meta.url = meta.url or page.url
    meta.source = meta.source or page.sitename
    if not meta.published and (date := dates.normalize_iso(page.date)):
        meta.published, meta.published_how = date, "html-metadata"
    if page.language and len(page.language) <= 3:
        meta.language = page.language.lower()


def _merge_header(meta: Meta, fields: dict[str, str], warnings: list[str]) -> None:
    """A corpus header: title -> headline, date -> published (as input), url, outlet from the URL."""
    if not fields:
        return
    meta.title = fields.get("title") or fields.get("headline") or meta.title
    meta.url = meta.url or fields.get("url") or fields.get("link")
    if not meta.published and (raw := fields.get("date") or fields.get("published")):
        meta.published = dates.normalize_iso(raw)
        if meta.published is None:
            warnings.append(f"header date {raw!r} is not a date; ignored")
    if not meta.source:
        named = fields.get("outlet") or fields.get("site")
        meta.source = named or (outlet_of(meta.url) if meta.url else None)
    if (lang := fields.get("lang") or fields.get("language")) and len(lang) <= 3:
        meta.language = lang.lower()


@cache
def _outlets() -> dict[str, str]:
    return lexicons.mapping("reading_outlets.tsv")


def outlet_of(url: str) -> str | None:
    """The outlet a URL belongs to, from the reviewed domain table ("en.wikinews.org" -> Wikinews)."""
    host = (urlsplit(url).hostname or "").lower()
    for domain, outlet in _outlets().items():
        if host == domain or host.endswith("." + domain):
            return outlet
    return None
