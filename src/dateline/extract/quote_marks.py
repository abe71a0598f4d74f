"""Direct quotes by quotation marks: a character scan, independent of the parser.

Why a scan and not the tokenizer: marks come in every style (" “ ” « » „ ‘ ’ and mixes of
straight and curly in one article; two apostrophes '' for a double mark in typewriter-era and
archive copy such as the New York Times'), apostrophes look like closing single quotes, and an
unbalanced mark must not swallow the rest of the article. The scan works paragraph by
paragraph: an opening mark left open at a paragraph's end continues into the next paragraph
only when that paragraph starts with an opening mark (the newspaper convention for a quote
running over paragraphs); otherwise the quote is closed at the paragraph end and a warning
is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
OPENING_CONTEXT = " \t\n([{—–-:/"

# A paragraph break: a blank line, a new line indented (wire copy such as Reuters'), or a new line
# after the end of a sentence, a quotation or a colon that introduces one (one paragraph a line); a new line inside
# a sentence is a wrap.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]{2,})\s*|(?<=[.!?:\"”»’])[ \t]*\n(?=[\"“”«„‘A-Z0-9])")


@dataclass
class MarkedQuote:
    """One quotation: its content stretches (without marks) and where its marks are."""

    stretches: list[tuple[int, int]] = field(default_factory=list)
    open_at: int = 0
    close_at: int | None = None  # offset of the closing mark's last character; None when recovered at a paragraph end
    single: bool = False

    @property
    def start(self) -> int:
        return self.stretches[0][0]

    @property
    def end(self) -> int:
        return self.stretches[-1][1]


@lru_cache(maxsize=8)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph, whitespace at the edges excluded.

    Cached (a tuple, so callers share it safely): the scan and the quotes' context both need
    the same article's paragraphs, and the regex runs over the whole text.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return tuple((s, e) for s, e in out if e > s)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _width(text: str, i: int) -> int:
    """2 for a double mark typed as two apostrophes (''), 1 for any other mark."""
    return 2 if text.startswith("''", i) else 1


def _classify(text: str, i: int) -> tuple[str, str] | None:
    """('double'|'single', 'open'|'close'|'either') for a mark at i, or None for an apostrophe/other."""
    ch = text[i]
    width = _width(text, i)
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    opening_ctx = prev in OPENING_CONTEXT or prev in DOUBLE_OPEN + SINGLE_OPEN + "\"'"
    if ch == '"' or width == 2:
        if opening_ctx and not nxt.isspace():
            return ("double", "open")
        if not prev.isspace():
            return ("double", "close")
        return ("double", "either")
    if ch in DOUBLE_OPEN:
        if ch == "“" and not opening_ctx:
            return ("double", "either")  # German „...“ closes with the mark English opens with
        return ("double", "open") if not nxt.isspace() or ch == "«" else ("double", "either")
    if ch in DOUBLE_CLOSE:
        # some styles open with » or ”: treat as opening only in an opening context
        if opening_ctx and not nxt.isspace() and prev not in ".,!?":
            return ("double", "either")
        return ("double", "close")
    if ch in "'’‘‚‹›":
        if _is_word(prev) and _is_word(nxt):
            return None  # don't, Lavrov’s
        if ch in "‘‚‹" or (opening_ctx and _is_word(nxt)):
            return ("single", "open") if opening_ctx or ch in "‘‚‹" else None
        if not prev.isspace():
            return ("single", "close")
        return None
    return None


MARK_CHARS = set('"' + DOUBLE_OPEN + DOUBLE_CLOSE + "'’‘‚‹›")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(MARK_CHARS))) + "]")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def scan(text: str, warnings: list[str] | None = None) -> list[MarkedQuote]:
    """Every quotation in `text`, in order; nested quotes (single inside double) are not listed."""
    quotes: list[MarkedQuote] = []
    pending: MarkedQuote | None = None  # a double quote left open at a paragraph end
    for p_start, p_end in paragraphs(text):
        open_double: int | None = None
        open_single: int | None = None
        skip_to = p_start  # the second apostrophe of a '' mark
        continuing = pending
        pending = None
        first_char = True
        # Only the marks matter: jump from one to the next. `first_char` holds while the
        # paragraph has shown nothing but white space before this mark.
        for found in _MARK_RE.finditer(text, p_start, p_end):
            i = found.start()
            if i < skip_to:
                continue
            skip_to = i + _width(text, i)
            if first_char and i > p_start and not text[p_start:i].isspace():
                first_char = False
            kind = _classify(text, i)
            if kind is None:
                first_char = False
                continue
            style, role = kind
            if first_char and continuing is not None and style == "double" and role != "close":
                open_double = i
                first_char = False
                continue
            first_char = False
            if continuing is not None and open_double is None:
                # the previous paragraph's quote was not continued: close it where it stopped
                quotes.append(continuing)
                _warn(warnings, continuing, text)
                continuing = None
            if style == "double":
                if open_double is None and role in ("open", "either"):
                    open_double, open_single = i, None
                elif open_double is not None and role in ("close", "either"):
                    s, e = _strip(text, open_double + _width(text, open_double), i)
                    close_at = skip_to - 1  # the mark's last character
                    if continuing is not None:
                        if e > s:
                            continuing.stretches.append((s, e))
                        continuing.close_at = close_at
                        quotes.append(continuing)
                        continuing = None
                    elif e > s:
                        quotes.append(MarkedQuote(stretches=[(s, e)], open_at=open_double, close_at=close_at))
                    open_double = None
            elif open_double is None:  # single quotes inside a double quote are nested: skipped
                if open_single is None and role == "open":
                    open_single = i
                elif open_single is not None and role == "close":
                    s, e = _strip(text, open_single + 1, i)
                    if e > s and i - open_single < 400:
                        quotes.append(MarkedQuote(stretches=[(s, e)], open_at=open_single, close_at=i, single=True))
                    open_single = None
        if continuing is not None and open_double is None:
            quotes.append(continuing)
            _warn(warnings, continuing, text)
            continuing = None
        if open_double is not None:
            s, e = _strip(text, open_double + _width(text, open_double), p_end)
            if continuing is None:
                continuing = MarkedQuote(stretches=[], open_at=open_double)
            if e > s:
                continuing.stretches.append((s, e))
            pending = continuing if continuing.stretches else None
    if pending is not None:
        quotes.append(pending)
        _warn(warnings, pending, text)
    quotes = [q for q in quotes if q.stretches]
    quotes.sort(key=lambda q: q.start)
    return quotes


def _warn(warnings: list[str] | None, quote: MarkedQuote, text: str) -> None:
    if warnings is not None:
        warnings.append(f"quotes: unclosed quotation mark at offset {quote.open_at}, closed at paragraph end")
