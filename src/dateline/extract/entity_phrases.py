"""Mentions found by phrase patterns rather than NER: acronym expansions, wire datelines, governments.

NER misses or splits these in news text; each pattern here is reliable enough to stand on its
own: "ISIS (Islamic State of Iraq and Syria)", "IGORA /Leningrad Region/, December 26. /TASS/.",
"the Iraqi government".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from . import entity_lexicon as lex
from . import entity_names as names
from .entity_base import POSSESSIVE, NameMention, Sentences, token_matches

_ACRONYM_FIRST = re.compile(r"\b([A-Z][A-Z.]{1,7})\s*\(([^()\n]{4,90})\)")
_ACRONYM_AFTER = re.compile(r"\(([A-Z][A-Z.]{1,7})\)")
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019\-]*|of|the|and|for|de|del|des|on|in")


def acronym_expansions(doc: Doc, text: str, found: list[NameMention], sent_of: Sentences) -> list[NameMention]:
    """Acronyms spelled out in brackets, either way round, when NER missed or split the long name.

    "ISIS (Islamic State of Iraq and Syria)" and "... Rapid Support Forces (RSF)": the long
    form becomes one organization name (NER's pieces inside it are dropped) and the acronym
    its alias. A bracketed title ("MP (Member of Parliament)") is left alone.
    """
    pairs: list[tuple[int, int, int, int]] = []  # acronym span, long-name span
    for match in _ACRONYM_FIRST.finditer(text):
        long = match.group(2).strip()
        a = match.start(2) + (len(match.group(2)) - len(match.group(2).lstrip()))
        pairs.append((match.start(1), match.end(1), a, a + len(long)))
    for match in _ACRONYM_AFTER.finditer(text):
        before = text[max(0, text.rfind("\n", 0, match.start()) + 1, match.start() - 120) : match.start()].rstrip()
        before = re.sub(r"(?:['\u2019]s?)$", "", before)  # "Organization's (CSTO)"
        words = before.split(" ")
        for n in range(2, min(len(words), 9) + 1):
            phrase = " ".join(words[-n:])
            if names.acronym_matches(match.group(1), phrase) and phrase[:1].isupper():
                a = text.rfind(phrase, 0, match.start())
                pairs.append((match.start(1), match.end(1), a, a + len(phrase)))
                break
    if not pairs:
        return found
    table = lex.titles()
    out = list(found)
    for ac_start, ac_end, a, b in pairs:
        acronym, long = text[ac_start:ac_end], text[a:b]
        words = long.split()
        if len(words) < 2 or not long[:1].isupper() or not all(_NAME_WORD.fullmatch(w.strip(",")) for w in words):
            continue
        if not names.acronym_matches(acronym, long) or tuple(w.lower() for w in words) in table.phrases:
            continue
        if any(m.name_start == a and m.name_end == b for m in out):
            long_key = next(m.key for m in out if m.name_start == a and m.name_end == b)
        else:
            inside = [m for m in out if a <= m.name_start and m.name_end <= b]
            label = "ORG"
            for m in out:
                if m.name_start == ac_start and m.name_end == ac_end and m.label not in ("PERSON", "NORP"):
                    label = m.label
            out = [m for m in out if m not in inside]
            tok = doc.char_span(a, b, alignment_mode="expand")
            sent = sent_of[tok.start] if tok is not None and len(tok) else 0
            long_key = names.name_key(long)
            out.append(NameMention(a, b, a, b, label, long_key, names.display_name(long), sent))
        acr = [m for m in out if m.name_start == ac_start and m.name_end == ac_end]
        if acr:
            acr[0].acronym_of, acr[0].kind = long_key, "acronym"
        else:
            tok = doc.char_span(ac_start, ac_end, alignment_mode="expand")
            sent = sent_of[tok.start] if tok is not None and len(tok) else 0
            out.append(
                NameMention(
                    ac_start,
                    ac_end,
                    ac_start,
                    ac_end,
                    "ORG",
                    names.name_key(acronym),
                    acronym,
                    sent,
                    kind="acronym",
                    acronym_of=long_key,
                )  # fmt: skip
            )
    return out


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,3})"
    r"(?:\s*/(?P<region>[A-Z][^/\n]{1,40})/)?"
    r",\s+" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?\.?"
    r"(?:\s*[/(](?P<agency>[A-Z][A-Za-z\-]{1,15})[/)])?",
    re.MULTILINE,
)


def dateline_mentions(text: str, found: list[NameMention], sent_of: Sentences, doc: Doc) -> list[NameMention]:
    """Place, region and agency of a wire dateline ("IGORA /Leningrad Region/, December 26. /TASS/.").

    NER misses all-caps place names and slash-wrapped agencies; the dateline pattern is
    reliable, so its parts become GPE and ORG mentions. Only the first dateline counts.
    """
    match = _DATELINE.search(text, 0, min(len(text), 3000))
    if match is None:
        return []
    out = []
    for group, label in (("place", "GPE"), ("region", "GPE"), ("agency", "ORG")):
        if match.group(group) is None:
            continue
        a, b = match.span(group)
        same = [m for m in found if m.name_start <= a < m.name_end]
        if same:
            for m in same:
                if m.name_start == a and m.name_end == b and m.label != label:
                    m.label = label  # NER called the dateline place an ORG ("BUENOS AIRES")
                    m.display = names.display_name(text[a:b], all_caps_line=label == "GPE")
            continue
        raw = text[a:b]
        tok = doc.char_span(a, b, alignment_mode="expand")
        sent = sent_of[tok.start] if tok is not None and len(tok) else 0
        display = names.display_name(raw, all_caps_line=label == "GPE")
        kind = "acronym" if label == "ORG" and names.is_acronym_form(raw) else "name"
        out.append(
            NameMention(
                start=a,
                end=b,
                name_start=a,
                name_end=b,
                label=label,
                key=names.name_key(raw),
                display=display,
                sent=sent,
                kind=kind,
            )
        )
    return out


_GOVERNMENT_QUALIFIERS = frozenset({"NORP", "GPE", "PERSON"})
_GOVERNMENT = frozenset({"government"})
_GOVERNMENT_SKIP = frozenset({"PRP$", "CD"})


def government_mentions(doc: Doc, text: str, sent_of: Sentences) -> list[NameMention]:
    """Government mentions ("the Iraqi government", "the government of Syria"): the state as an actor.

    News treats a country's government as an organization that acts and speaks; NER does not
    tag it. Mentions qualified by a country (demonym, country name, "of X") share a key per
    country; a bare "the government" joins the last qualified one, or stands alone.
    """
    out: list[NameMention] = []
    last_key: str | None = None
    for tok in token_matches(doc, _GOVERNMENT, text):
        if tok.pos_ != "NOUN" or tok.ent_type_:
            continue
        left = tok.left_edge.i
        if any(t.tag_ in _GOVERNMENT_SKIP for t in doc[left : tok.i]):
            continue  # "its government", "two governments"
        if any(t.ent_type_ and t.ent_type_ not in _GOVERNMENT_QUALIFIERS for t in doc[left : tok.i]):
            continue  # "the Labour government": a party's term in office, not a state actor
        qualifier = [t for t in doc[left : tok.i] if t.ent_type_ in _GOVERNMENT_QUALIFIERS]
        end = tok.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ in ("GPE", "PERSON", "ORG"):
            k = end + 1
            while k < len(doc) and doc[k].ent_iob_ in ("B", "I") and (k == end + 1 or doc[k].ent_iob_ == "I"):
                k += 1
            qualifier = list(doc[end + 1 : k])
            end = k
        if not qualifier and left == tok.i:
            continue  # "government" with no determiner: a common noun ("government buildings")
        if doc[left].lower_ in ("a", "an") or (not qualifier and doc[left].lower_ != "the"):
            continue  # "a successful government": not one particular government
        if qualifier:
            q = " ".join(t.text for t in qualifier if t.text not in POSSESSIVE)
            code = names.demonym_country(q) or names.country_code(q)
            key = f"government:{code.lower() if code else names.name_key(q)}"
            last_key = key
        else:
            key = last_key or "government"
        a, b = doc[left].idx, doc[end - 1].idx + len(doc[end - 1].text)
        raw = text[a:b]
        out.append(
            NameMention(
                start=a,
                end=b,
                name_start=a,
                name_end=b,
                label="ORG",
                key=key,
                display=names.display_name(raw),
                sent=sent_of[tok.i],
            )
        )
    return out
