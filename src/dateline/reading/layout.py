"""Raw text to paragraphs: line endings, hard-wrapped wire copy, chrome lines and sign-offs.

Wire copy (1980s Reuters, many agency feeds) is hard-wrapped at ~65 columns with indented
paragraph starts; web text has one paragraph per line; files have blank lines between
paragraphs. All three become one list of paragraphs, which `structure` joins with blank lines
so the clean text has one shape whatever the input.
"""

from __future__ import annotations

import html
import re
import unicodedata

from . import chrome

_TERMINAL = (".", "!", "?", ":", '"', "”", "’", ")", ";")


_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,5}|#x[0-9A-Fa-f]{1,4});")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalize(text: str) -> str:
    """NFC, Unix line ends, HTML entities left in plain text decoded ("&lt;IBM Corp>" in wire
    archives), no control, zero-width or soft-hyphen characters, tabs as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return text.replace("\t", "    ").replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")


def _hard_wrapped(lines: list[str]) -> bool:
    """A block broken mid-sentence at a fixed width, not one paragraph per line."""
    if len(lines) < 3:
        return False
    lengths = [len(line.rstrip()) for line in lines]
    if max(lengths) > 100:
        return False
    breaks = len(lines) - 1
    continued = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if not a.rstrip().endswith(_TERMINAL) and b.strip()[:1].islower()
    )
    return continued >= max(1, breaks // 4)


def _join(lines: list[str]) -> str:
    out = ""
    for line in (line.strip() for line in lines):
        if not out:
            out = line
        elif re.search(r"[a-z]-$", out) and line[:1].islower():
            out += line
        else:
            out += " " + line
    return out


def _reflow(lines: list[str]) -> list[str]:
    """Paragraphs of a hard-wrapped block: a new one at each indented line and at a sign-off line."""
    paragraphs: list[list[str]] = []
    for i, line in enumerate(lines):
        indented = i > 0 and line[:1].isspace()
        if not paragraphs or indented or chrome.is_signoff(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_join(p) for p in paragraphs]


def paragraphs(text: str) -> list[str]:
    """Paragraphs of `text` (already normalized), whitespace inside each folded to single spaces."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            out.extend(_reflow(lines))
        else:
            out.extend(line.strip() for line in lines)
    return [re.sub(r"[ \t]{2,}", " ", p) if "  " in p else p for p in out if p.strip()]


def drop_chrome(paras: list[str]) -> list[str]:
    """Paragraphs without site chrome."""
    return [p for p in paras if not chrome.is_chrome(p)]


def drop_signoffs(paras: list[str]) -> tuple[list[str], list[str]]:
    """(paragraphs without trailing sign-offs, the sign-offs removed, in text order)."""
    removed: list[str] = []
    paras = list(paras)
    while paras and chrome.is_signoff(paras[-1]):
        removed.insert(0, paras.pop())
    if paras:
        last = chrome.strip_trailing_signoff(paras[-1])
        if last != paras[-1]:
            removed.append(paras[-1][len(last) :].strip())
            paras[-1] = last
        if not paras[-1].strip():
            paras.pop()
    return paras, removed
