"""Bytes to text: the one place that decides what an input's characters are.

Inputs arrive from files, archives and the web with any encoding, or none at all. We try
UTF-8 first (a valid UTF-8 decode of non-ASCII bytes is almost never an accident), then the
charset the document declares (BOM, HTML `<meta charset>`, XML prolog), then cp1252, the
usual culprit of mislabelled Western pages, with a warning. Binary files and empty inputs
are refused with a ReadError rather than fed to the parser as garbage.
"""

from __future__ import annotations

import codecs
import re
import zlib

from ..errors import ReadError

# A news page is rarely above 1.5 MB; 20 MB pages are mostly inline scripts and data. Above this
# many bytes HTML is cut (after dropping scripts and styles) so extraction stays within seconds.
MAX_HTML_BYTES = 2_000_000
# spaCy refuses texts above 1,000,000 characters by default; the longest features run ~100,000.
MAX_TEXT_CHARS = 200_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL_BYTES = bytes([*range(9), *range(14, 32), 127])
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def declared_charset(data: bytes) -> str | None:
    """Charset named by a BOM, an XML prolog or an HTML meta tag in the first 4 KB, if Python knows it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16/32) or a high share of control bytes mark images, PDFs, archives."""
    head = data[:65536]
    if any(head.startswith(bom) for bom, name in _BOMS if name.startswith("utf-16") or name.startswith("utf-32")):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * max(len(head), 1)


# Decompressed size allowed for gzip-compressed content handed over as bytes (a crawl's raw body).
MAX_GUNZIP_BYTES = 50_000_000


def gunzip(data: bytes, name: str, warnings: list[str]) -> bytes:
    """Content that is still gzip-compressed, decompressed up to MAX_GUNZIP_BYTES (a bomb stays small)."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, MAX_GUNZIP_BYTES)
    except zlib.error as exc:
        raise ReadError(f"{name}: corrupt gzip content ({exc})") from exc
    if inflater.unconsumed_tail:
        warnings.append(f"gzip content inflates past {MAX_GUNZIP_BYTES:,} bytes; read its first part only")
    elif not inflater.eof:
        if not out:
            raise ReadError(f"{name}: corrupt gzip content (truncated)")
        warnings.append("gzip content is truncated; read what could be inflated")
    return out


def decode(data: bytes, name: str, warnings: list[str]) -> str:
    """Best-effort text of `data`; raises ReadError for empty or binary input."""
    if not data:
        raise ReadError(f"{name}: empty document")
    data = gunzip(data, name, warnings)
    if not data.strip():
        raise ReadError(f"{name}: empty document (whitespace only)")
    if looks_binary(data):
        raise ReadError(f"{name}: binary content, not text or HTML")
    declared = declared_charset(data)
    if declared in {"utf-8-sig", "utf-16", "utf-32"}:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            warnings.append(f"bytes do not match their {declared} byte-order mark; decoded leniently")
            return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    tried = f"UTF-8{f' nor {declared}' if declared and declared != 'utf-8' else ''}"
    text = data.decode("cp1252", errors="replace")
    # Text in a Western 8-bit charset is still mostly ASCII; random bytes or another script's bytes are not.
    sample = text[:65536]
    ascii_share = sum(1 for c in sample if c.isascii() and (c.isprintable() or c.isspace())) / max(len(sample), 1)
    if ascii_share < 0.6:
        raise ReadError(f"{name}: undecodable bytes (not {tried}, and not cp1252 text either)")
    warnings.append(f"not valid {tried}; decoded as cp1252")
    return text


def check_text(text: str, name: str) -> str:
    """Refuse text that is empty or mostly control characters (a binary file passed as a string)."""
    if not text.strip():
        raise ReadError(f"{name}: empty document (whitespace only)")
    sample = text[:65536]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise ReadError(f"{name}: binary or undecodable content, not text")
    return text


_HEAVY = re.compile(rb"<(script|style|svg|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)


def cap_html(data: bytes, name: str, warnings: list[str]) -> bytes:
    """Shrink an oversized page: drop scripts, styles and comments, then cut what is still too long."""
    if len(data) <= MAX_HTML_BYTES:
        return data
    size = len(data)
    data = _HEAVY.sub(b"", data)
    if len(data) > MAX_HTML_BYTES:
        data = data[:MAX_HTML_BYTES]
        warnings.append(f"page of {size:,} bytes is over the {MAX_HTML_BYTES:,}-byte limit; read its first part only")
    return data


def cap_text(text: str, warnings: list[str]) -> str:
    """Cut text above MAX_TEXT_CHARS at a paragraph break, with a warning."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_TEXT_CHARS)
    cut = cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS
    warnings.append(f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,} limit; kept the first part")
    return text[:cut]
