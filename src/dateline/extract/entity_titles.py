"""Titles and honorifics around a personal name, read from tokens.

News writes the role in front of the name: "Russian Foreign Minister Sergey Lavrov",
"Coast Guard Commandant Admiral X", "US Secretary of State X". NER often glues such a
title to the name, or tags the whole run as an ORG; these functions find where the title
ends and the name starts, and how far left the title reaches (demonym, organization,
modifiers), so the name and the title can be kept apart.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import ENT_TYPE, IS_PUNCT, IS_TITLE, IS_UPPER, LOWER, POS
from spacy.tokens import Doc, Token

from . import entity_lexicon as lex
from .entity_base import column, string_id, strings

# Entity labels whose tokens may sit inside a title ("Russian", "Kremlin", "US", "Senate").
_QUALIFIER_LABELS = frozenset({"NORP", "GPE", "ORG", "LOC", "FAC"})
NAME_PARTICLES = frozenset("al el bin ibn de da dos van von der la le di du dela".split())  # "Juan de la Cruz"
_STOP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON", "MONEY", "PERCENT", "QUANTITY"})
_QUALIFIER_POS = frozenset({"PROPN", "ADJ", "NOUN"})


def _word(token: Token) -> str:
    return token.lower_.rstrip(".") if token.text not in (".",) else "."


def _word_at(doc: Doc, k: int) -> str:
    """`_word(doc[k])` off the Doc's string columns, without making the Token."""
    word = strings(doc, LOWER)[k]  # a token's lower-case form is "." exactly when its text is
    return word.rstrip(".") if word != "." else "."


@cache
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """Hashes of the lower-case forms `_word` maps to `words` ("gen" and "gen."), to test a token
    on the doc's LOWER column without making a Token (see `entity_base.column`)."""
    return frozenset(string_id(f) for w in words for f in (w, w + "."))


def phrase_ending_at(doc: Doc, end: int, lower_bound: int, *, allow_weak: bool) -> int:
    """Length of the longest title phrase ending just before token `end` (0 if none)."""
    if end <= lower_bound or column(doc, LOWER)[end - 1] not in _hashes(lex.title_last_words()):
        return 0  # the usual case, decided without a Token
    table = lex.titles()
    if _word_at(doc, end - 1) not in lex.title_last_words():
        return 0
    low = strings(doc, LOWER)
    for n in range(min(table.max_len, end - lower_bound), 0, -1):
        words = tuple(low[k].rstrip(".") if low[k] != "." else "." for k in range(end - n, end))
        if words in table.phrases or (allow_weak and words in table.weak and column(doc, IS_TITLE)[end - n]):
            return n
    return 0


def is_name_token(token: Token) -> bool:
    """A token that can be part of a personal name: capitalized word, initial, or name particle."""
    text = token.text
    if token.is_punct and text not in ("-",):
        return False
    if text[:1].isupper():
        return True
    return text.lower() in NAME_PARTICLES


def is_name_at(doc: Doc, k: int) -> bool:
    """`is_name_token(doc[k])`, the punctuation test on the Doc's columns first."""
    if column(doc, IS_PUNCT)[k] and strings(doc, LOWER)[k] != "-":
        return False
    return is_name_token(doc[k])


def title_start(doc: Doc, end: int, *, sent_start: int, allow_weak: bool, appositive: bool = False) -> int | None:
    """Start token of the title ending just before token `end`, or None when there is none.

    Walks left: first a title phrase (optionally "TITLE of PLACE" right before the name),
    then more title phrases, modifiers ("deputy", "acting"), demonyms, organization and place
    names, and other capitalized words, stopping at punctuation, dates and the sentence start.
    With `appositive`, a title set off by a comma before the name counts too.
    """
    table = lex.titles()
    demonyms = lex.demonyms()
    words = strings(doc, LOWER)
    j = end
    if j - 1 > sent_start and words[j - 1] == "," and appositive:  # lower-case "," is the text ","
        j -= 1  # "the Archbishop of Gdansk, Name,": a title set off by a comma
    n = phrase_ending_at(doc, j, sent_start, allow_weak=allow_weak and j == end)
    if n == 0:
        # "First Minister of Scotland Nicola Sturgeon": the title's complement after "of"/"for".
        j, n = _complement(doc, j, sent_start)
    if n == 0:
        return None
    j -= n
    punct, ents, pos = column(doc, IS_PUNCT), strings(doc, ENT_TYPE), strings(doc, POS)
    is_title, is_upper = column(doc, IS_TITLE), column(doc, IS_UPPER)
    while j > sent_start:
        t = j - 1
        n = phrase_ending_at(doc, j, sent_start, allow_weak=False)
        if n:
            j -= n
            continue
        if punct[t] or ents[t] in _STOP_LABELS:
            break
        low = _word_at(doc, t)
        if low in table.modifiers or low in demonyms or ents[t] in _QUALIFIER_LABELS:
            j -= 1
            continue
        if (is_title[t] or is_upper[t]) and pos[t] in _QUALIFIER_POS and low not in table.honorifics:
            j -= 1
            continue
        break
    # A title never opens with a determiner.
    while j < end and words[j] in ("the", "a", "an"):
        j += 1
    return j if j < end else None


def title_after(doc: Doc, end: int, limit: int) -> tuple[int, int, int] | None:
    """A title set off after the name: "David Frost, director general of the British Chambers of Commerce,".

    Returns (first token including a determiner, first title token, end token) or None. The
    title must close with punctuation, so "X, the minister said" style clauses are left alone.
    """
    if end + 2 > limit or doc[end].text != ",":
        return None
    det = j = end + 1
    if doc[j].lower_ in ("the", "a", "an"):
        j += 1
    table = lex.titles()
    demonyms = lex.demonyms()
    k = j
    while k < limit:
        n = phrase_ending_at(doc, k + 1, j, allow_weak=False)
        if n:
            stop = k + 1
            if stop < limit and doc[stop].lower_ in ("of", "for", "to"):
                q = stop + 1
                while q < limit and (
                    doc[q].is_title or doc[q].is_upper or doc[q].ent_type_ or doc[q].lower_ in ("the", "and", "of")
                ):
                    q += 1
                if q > stop + 1:
                    stop = q
            if stop >= len(doc) or doc[stop].text in (",", ";", ".", ")") or doc[stop].is_sent_start:
                return det, j, stop
        t = doc[k]
        low = _word(t)
        qualifier = low in table.modifiers or low in demonyms or t.ent_type_ in _QUALIFIER_LABELS or t.is_title
        if t.is_punct or not (qualifier or (k + 1 < limit and phrase_ending_at(doc, k + 2, j, allow_weak=False))):
            return None
        k += 1
    return None


def _complement(doc: Doc, end: int, sent_start: int) -> tuple[int, int]:
    """(position, length) of a title phrase followed by "of X"/"for X" that ends at `end`, else (end, 0)."""
    words, is_title, is_upper = strings(doc, LOWER), column(doc, IS_TITLE), column(doc, IS_UPPER)
    k = end - 1
    if k > sent_start and _word_at(doc, k) in lex.titles().honorifics and _possessor(doc, end):
        return end, 0  # "the chairman of Mrs. [Clinton]'s campaign": the named one holds no title here
    while k > sent_start and end - k <= 6:
        if words[k] in ("of", "for", "to"):
            if k == end - 1:
                return end, 0  # "governor of [Puerto Rico]": the name is the complement itself
            n = phrase_ending_at(doc, k, sent_start, allow_weak=False)
            if n:
                return k, n
        elif not (is_title[k] or is_upper[k] or words[k] in ("the", "and") or _plain_complement_word(doc[k])):
            break
        k -= 1
    return end, 0


def _possessor(doc: Doc, start: int) -> bool:
    """Whether the name starting at token `start` ends in a possessive ("Clinton's campaign")."""
    k = start
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    return k < len(doc) and doc[k].lower_ in ("'s", "’s", "'")


def _plain_complement_word(t: Token) -> bool:
    """A lower-case noun or adjective in a title's complement: "spokeswoman for [women]"."""
    return t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ") and t.tag_ not in ("NNP", "NNPS")


def title_phrase_at(doc: Doc, start: int, end: int) -> int:
    """Length of the longest title phrase starting at token `start` (within `end`), 0 if none."""
    if start >= end or column(doc, LOWER)[start] not in _hashes(lex.title_first_words()):
        return 0
    table = lex.titles()
    if _word_at(doc, start) not in lex.title_first_words():
        return 0
    for n in range(min(table.max_len, end - start), 0, -1):
        if tuple(_word_at(doc, k) for k in range(start, start + n)) in table.phrases:
            return n
    return 0


def split_in_span(doc: Doc, start: int, end: int, *, person_label: bool) -> int:
    """Index of the first name token inside tokens [start, end) that start with a title.

    "Kazakh President Kassym-Jomart Tokayev" tagged as one entity -> index of "Kassym-Jomart".
    Returns `start` when the span holds no title followed by a name.
    """
    best = start
    for k in range(start + 1, end):
        # the title test first: it fails at once on most words, the name-token walk does not
        n = phrase_ending_at(doc, k, start, allow_weak=person_label or end - k >= 2)
        if n and all(is_name_at(doc, i) for i in range(k, end)):
            best = k
            break
    if best == start:
        return start
    if not person_label and end - best < 1:
        return start
    return best


def honorific_before(doc: Doc, start: int) -> tuple[int, str | None]:
    """("Mr Brown") -> (index of "Mr", "m"); (start, None) when no honorific precedes."""
    if start == 0:
        return start, None
    low = strings(doc, LOWER)[start - 1]
    table = lex.titles()
    if low in table.honorifics:
        return start - 1, table.gender.get(low)
    return start, None


def honorific_inside(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """Skip an honorific that NER kept inside the name span ("Mr Brown", "Sir Digby Jones")."""
    table = lex.titles()
    if end - start >= 2 and (low := strings(doc, LOWER)[start]) in table.honorifics:
        return start + 1, table.gender.get(low)
    return start, None


def title_gender(title: str) -> str | None:
    """Gender a title implies ("spokeswoman" -> "f", "King" -> "m"), else None."""
    table = lex.titles()
    words = title.lower().split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            g = table.gender.get(" ".join(words[i:j]))
            if g:
                return g
    return None
