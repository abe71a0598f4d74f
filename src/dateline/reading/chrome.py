"""Site chrome: lines of a page that are furniture, not story.

Navigation crumbs ("All news", "Home > World"), share and ad labels, photo captions with their
credits ("Trafalgar Square. Image: Mirrys."), pull-quote attributions that only repeat a quote's
source ("—Name on the thing they said"), and wire sign-offs ("Reuter", "(Reporting by ...)").
Each rule looks at one short line; a paragraph of running prose is never dropped.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicons

# A caption ends with a credit: "Image: Name.", "Photo: Name (flickr).", "Photo by Name", "(Reuters photo)".
_CREDIT = re.compile(
    r"(?:^|[\s.(\[|])(?:Image|Images|Photo|Photos|Photograph|Picture|Pictures|Credit|Credits|Illustration|Graphic|"
    r"Video|Photo credit|Image credit|Source|Foto)\s*(?::|by\b|©)\s*[^\n]{1,80}?[.)\]]?\s*$",
    re.I,
)
_COPYRIGHT_CREDIT = re.compile(
    r"(?:^|\s)(?:©|\(c\)|Copyright)\s*\S[^\n]{0,60}$|\b[A-Z]{2,}/[A-Z][\w.-]+(?: [A-Z][\w.-]+)*\s*$"
)
# "—Name, of Outlet" / "— Name on why ...": an attribution line under a pull quote.
_PULL_QUOTE_SOURCE = re.compile(r"^\s*(?:[—―–]|--|~)\s*\S[^\n]{0,140}$")
# "Home > World > Europe", "News | Politics", "Home / Business / Markets".
_CRUMBS_SEP = re.compile(r"\s+/\s+|\s*[>|»›]\s*")
# Calls to action and rights notices: "Follow us on Twitter ...", "Subscribe now to ...", "Download our app",
# "This article is the copyrighted property of ...". They open the line; a story sentence does not start so.
_PROMO = re.compile(
    r"^(?:Follow (?:us|[A-Z][\w&' ]{1,40}) on (?:Twitter|X|Facebook|Instagram|LinkedIn|YouTube|TikTok|Telegram)"
    r"|(?:Subscribe|Sign up|Register) (?:now |today |here )?(?:to|for)\b|Click here\b|Download (?:the|our) [\w ]{1,40}\bapp\b"
    r"|(?:This|The) (?:article|story|content) is the copyright(?:ed)? (?:property|material)\b"
    r"|(?:Copyright|©)\s*(?:\(c\)\s*)?\d{4}\b|All rights reserved\b"
    r"|Written permission (?:must|is) (?:be )?(?:obtained|required)\b)",
    re.I,
)
# Wire sign-offs at the end of a story.
_SIGNOFF = re.compile(
    r"^\s*(?:\(?\s*(?:(?:Additional )?Reporting|Writing|Written|Editing|Edited|Compiled|Production|Reported|Translated)"
    r" by\b[^\n]{0,300}\)?|Reuter|Reuters|REUTER|\(?(?:AP|AFP|dpa|UPI|Xinhua|TASS|Interfax)\)?|-{1,3}\s*\w+)\s*$",
)
_TRAILING_SIGNOFF = re.compile(
    r"\s*\((?:(?:Additional )?Reporting|Writing|Editing|Compiled|Edited|Reported) by\b[^()]{0,300}\)\s*$"
)


@cache
def _phrases() -> frozenset[str]:
    return lexicons.words("reading_boilerplate.txt")


def _fold(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip().strip(".:|»›>-–—•·*").strip()).lower()


def is_chrome(line: str) -> bool:
    """True for a line that is site furniture rather than story text."""
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) > 400:
        return False
    words = len(stripped.split())
    if len(stripped) <= 80 and _fold(stripped) in _phrases():
        return True
    if words > 40:
        return False
    if _PROMO.match(stripped):
        return True
    if _CREDIT.search(stripped) and not _ends_like_quote(stripped):
        return True
    if words <= 12 and _COPYRIGHT_CREDIT.search(stripped):
        return True
    if words <= 25 and _PULL_QUOTE_SOURCE.match(stripped) and not stripped.rstrip().endswith(("?", '"', "”")):
        return True
    return words <= 15 and _is_crumbs(stripped)


def _is_crumbs(line: str) -> bool:
    """Three or more short labels joined by >, |, /, » or ›, without sentence punctuation."""
    parts = _CRUMBS_SEP.split(line)
    return (
        len(parts) >= 3
        and all(0 < len(p.split()) <= 4 and not re.search(r"[.,;:!?\"“”]", p) for p in parts)
        and sum(c.isalpha() for c in line) > len(line) // 2
    )


def _ends_like_quote(line: str) -> bool:
    """A sentence that ends with a quotation ('... said the source: "we ..."') is prose, not a caption."""
    return line.rstrip().endswith(('"', "”", "’", "'")) and line.count('"') + line.count("“") >= 2


def is_signoff(line: str) -> bool:
    """A wire sign-off line: "Reuter", "(Reporting by A; Editing by B)"."""
    return bool(_SIGNOFF.match(line))


def strip_trailing_signoff(paragraph: str) -> str:
    """Drop a "(Reporting by ...)" parenthesis that ends a story's last paragraph."""
    return _TRAILING_SIGNOFF.sub("", paragraph)
