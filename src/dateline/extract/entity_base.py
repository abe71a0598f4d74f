"""Shared pieces of the entities extractor: the name-mention record, sentence lookup, token search.

Kept apart so that the modules finding mentions (entity_mentions, entity_phrases) and the
ones using them (entity_group, entity_coref) import one small module, not each other.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, HEAD, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_TITLE, IS_UPPER, LOWER, POS
from spacy.strings import hash_string
from spacy.symbols import IDS
from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019", "'S", "\u2019S"})


@dataclass
class NameMention:
    """One name in the text, before it is grouped into an entity."""

    start: int  # characters of the mention as emitted (may include "the" or an honorific)
    end: int
    name_start: int  # characters of the bare name
    name_end: int
    label: str  # NER label mapped to dateline types
    key: str  # normal form shared by mentions of the same name
    display: str  # the name as a reader writes it
    sent: int  # sentence index
    kind: str = "name"
    title: str | None = None
    title_start: int | None = None  # character where the title begins
    gender: str | None = None
    honorific: bool = False
    subject: int = 0  # 2: subject of the main clause, 1: of another clause (see subject_rank)
    acronym_of: str | None = None  # key of the long name this acronym was defined for
    compound: bool = False  # used as a noun modifier ("Oreshnik systems")
    described: tuple[int, int] | None = None  # characters of a title after the name: ", the Defence Secretary"
    place_cue: bool = False  # object of a place preposition: "a camp at Tal Abyad", "fighting in Marawi"
    root: int = -1  # token index of the name's syntactic head
    conj_head: int = -1  # token the name is coordinated with ("Manbij and [Tal Abyad]"), else -1
    speaker: bool = False  # subject of a verb of saying: "Haddad said" (people and bodies speak, places do not)


def subject_rank(token: Token) -> int:
    """2 for the subject of the sentence's main verb, 1 for another subject, else 0.

    A possessor of a subject counts as that subject ("Lavrov's letter concluded").
    """
    if token.dep_ == "poss":
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return 0
    return 2 if token.head.dep_ == "ROOT" else 1


class Sentences:
    """Sentence number of a token by bisection over sentence starts (no per-token table)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = sentence_starts(doc)

    def __getitem__(self, token_index: int) -> int:
        return max(bisect.bisect_right(self.starts, token_index) - 1, 0)

    def start_of(self, token_index: int) -> int:
        """First token of the sentence holding `token_index`."""
        return self.starts[self[token_index]]


def name_stops_at(tok: Token) -> bool:
    """A lower-case finite verb: where a name NER ran on into its clause ends ("Christie added" tagged as
    one ORG). Both the entities extractor and the quotes' speaker spans cut names there."""
    return tok.tag_ in ("VBD", "VBZ", "VBP") and tok.is_lower


def sentence_starts(doc: Doc) -> list[int]:
    """First token of each sentence (`[0]` for an empty doc), read once per Doc and kept with it:
    several extractors ask which sentence a token is in, and `doc.sents` builds a Span per sentence."""
    starts = doc.user_data.get(_SENT_KEY)
    if starts is None:
        starts = doc.user_data[_SENT_KEY] = [sent.start for sent in doc.sents] or [0]
    return starts


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token range [start, end) of the sentence holding token `i`: `tok.sent`'s bounds without the
    Span (spaCy walks the sentence's tokens to build it on every call)."""
    starts = sentence_starts(doc)
    k = max(bisect.bisect_right(starts, i) - 1, 0)
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def sentence_chars(doc: Doc, i: int) -> tuple[int, int]:
    """Character range of the sentence holding token `i`: `(tok.sent.start_char, tok.sent.end_char)`."""
    start, end = sentence_bounds(doc, i)
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per Doc: spaCy makes a new Span for every entity on each access
    (~0.1 ms for a news article), and the places, times and entities extractors each walk them.

    Kept for the last Doc asked about only, outside `doc.user_data`: Spans there would tie the Doc
    in a reference cycle (freed late) and could not be serialized with it."""
    global _last_ents
    # the entity columns as bytes (a few microseconds): a Doc whose entities were reset is read afresh
    stamp = doc.to_array([ENT_IOB, ENT_TYPE]).tobytes() if len(doc) else b""
    if _last_ents is not None and _last_ents[0] is doc and _last_ents[1] == stamp:
        return _last_ents[2]
    ents = tuple(doc.ents)
    _last_ents = (doc, stamp, ents)
    return ents


_last_ents: tuple[Doc, bytes, tuple[Span, ...]] | None = None
_SENT_KEY = "dateline.sentence_starts"
_TEXT_KEY = "dateline.doc_text"


def remember_text(doc: Doc, text: str) -> Doc:
    """Record that `doc` was parsed from `text` (spaCy's tokenization is non-destructive, so
    `doc.text == text`): `doc_text` then costs nothing. The pipeline calls it on every parse."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token's text on each access (~0.3 ms for a
    news article), and several extractors compare it with the article's text."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def column(doc: Doc, attr: int) -> list[int]:
    """One token attribute (LOWER, POS...) for every token as a list, read once per Doc and kept
    with it: extractors look for a few interesting tokens many times over, and this makes each
    look a list scan instead of a Python step through spaCy's Token objects."""
    key = ("dateline.column", attr)
    values = doc.user_data.get(key)
    if values is None:
        if attr in _FLAGS and len(doc):  # the word-shape flags in one call: half the cost of five
            for flag, flag_values in zip(_FLAGS, doc.to_array(list(_FLAGS)).T.tolist(), strict=True):
                doc.user_data[("dateline.column", flag)] = flag_values
            values = doc.user_data[key]
        else:
            values = doc.user_data[key] = doc.to_array(attr).tolist() if len(doc) else []
    return values


_FLAGS = (IS_TITLE, IS_UPPER, IS_LOWER, IS_ALPHA, IS_PUNCT)


def heads(doc: Doc) -> list[int]:
    """Index of every token's syntactic head (a root is its own head), read once per Doc."""
    key = "dateline.heads"
    values = doc.user_data.get(key)
    if values is None:
        offsets = doc.to_array([HEAD]).astype(numpy.int64)  # relative to the token, stored unsigned
        values = doc.user_data[key] = (numpy.arange(len(doc), dtype=numpy.int64) + offsets).tolist()
    return values


def children(doc: Doc) -> list[list[int]]:
    """Indices of every token's syntactic children, in text order (as `Token.children` yields them),
    read once per Doc: the argument walks visit the same heads over and over, and spaCy builds a
    generator and a Token per child on every `children` access (measured: the whole table costs
    about as much as 60 `children` calls, and an article asks for more than that)."""
    values = doc.user_data.get(_CHILDREN_KEY)
    if values is None:
        values = [[] for _ in range(len(doc))]
        for i, h in enumerate(heads(doc)):
            if h != i:
                values[h].append(i)
        doc.user_data[_CHILDREN_KEY] = values
    return values


_CHILDREN_KEY = "dateline.children"
# Strings of the hashes in LOWER/DEP/POS... columns, shared by every Doc of the process (a hash
# names the same string in every vocabulary): a column of strings then costs a dict look-up a token.
_STRINGS: dict[int, str] = {}


def strings(doc: Doc, attr: int) -> list[str]:
    """One string attribute for every token (`LOWER` gives each `lower_`, `DEP` each `dep_`, `POS`
    each `pos_`...), read once per Doc: list indexing in place of a Token and a string look-up."""
    key = ("dateline.strings", attr)
    values = doc.user_data.get(key)
    if values is None:
        col, table = column(doc, attr), _STRINGS
        try:
            values = [table[h] for h in col]
        except KeyError:  # strings not seen before in this process: few after the first articles
            if len(table) > 500_000:  # a very long run: keep the table bounded
                table.clear()
            store = doc.vocab.strings
            for h in set(col).difference(table):
                table[h] = store[h]
            values = [table[h] for h in col]
        doc.user_data[key] = values
    return values


@lru_cache(maxsize=256)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """The lexicon's words as the ids spaCy stores for them (the same in every vocabulary): the
    string's hash, except for strings spaCy predefines as symbols ("agent", "root"), stored by id."""
    return frozenset(string_id(w) for w in words)


def string_id(word: str) -> int:
    """The value spaCy stores in a LOWER/ORTH column for `word`."""
    return IDS.get(word) or hash_string(word)


def token_matches(doc: Doc, words: frozenset[str], text: str = "") -> Iterator[Token]:
    """Tokens whose lower-case form is one of `words`, in text order.

    A set test over the doc's LOWER column (read once per doc, see `column`) finds the few
    interesting tokens, so no Token object is made for the others and no regex runs over the text.
    """
    if not len(doc) or not words:
        return
    wanted = _hashes(words)
    for i in [i for i, h in enumerate(column(doc, LOWER)) if h in wanted]:
        yield doc[i]


def pos_tokens(doc: Doc, pos: int) -> Iterator[Token]:
    """Tokens of one part of speech (a `spacy.symbols` id such as VERB), in text order."""
    for i in [i for i, p in enumerate(column(doc, POS)) if p == pos]:
        yield doc[i]
