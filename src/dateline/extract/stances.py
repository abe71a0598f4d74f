"""Stances: attributions whose words the article does not give.

"Smith backs the bill", "Jones wants to run", "critics see the plan as a giveaway", "her call
for a recount": the article attributes an attitude, an intention, a perception or an unquoted
claim to a source. Attribution corpora (PolNeAR, PARC) count these; gold/FORMAT.md's quotes do
not, since nobody is reported as saying anything. They are kept in `Article.stances`, with the
same shape as a quote (content, cue, speaker, status) and kind "stance".

Which words cue a stance, and with which complement, is learned data: `stance_cues.tsv` holds,
per (lemma, part of speech, frame), how often that combination was an attribution cue whose
complement reaches the attributed content in PolNeAR's training split (`bench/polnear_cues.py`
rebuilds it). A word/frame pair is a cue here when it was one in at least half of its
occurrences, at least three times: "support" + object is (0.65), "make" + object is not (0.23).
A frame seen fewer than three times with a word is judged by the word's rate over all its frames
(back-off: "doubt" + object, seen once, as "doubt"), and when the parse names no holder ("is
expected to", "questions about the plan") by the rate among the frame's holderless occurrences:
a holderless "questions about" was a cue 15 times in 21, a holderless "attack on" 4 in 24.
The parse gives the frames (the first that cues wins: "asked him about the audit" is a cue with
"about", not with "him"); the complement's subtree is the content ("as critics noted" takes
the clause around it); the subject (inherited through conjunctions and controlled verbs, the
agent of a passive, a possessive or the subject of the verb whose object a noun is, the subject
of an adjective's copula) is the source, resolved like a quote's speaker.

Runs after the quotes extractor and never overlaps it: a word inside a quote, or a complement
that overlaps one, is left to the quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import IDS
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from .. import lexicons
from ..record import Article, Quote
from . import quote_cues
from .quote_context import Cand, Context, speakers_of
from .quote_lexicon import load as load_lexicon
from .quote_resolve import resolve_in_order
from .quotes import to_quote

MIN_RATE = 0.5  # share of a (lemma, pos, frame)'s occurrences that were cues in the training split
MIN_CUES = 3  # and at least this many of them
MIN_SEEN = 3  # a frame seen fewer times than this with a word is judged by the word's rate over all its frames
PREPOSITIONS = frozenset("about for against on of with to in at over as".split())
CUE_POS = frozenset({"VERB", "NOUN", "ADJ"})
EXPLETIVES = frozenset({"it", "there"})


def frames(tok: Token) -> Iterator[tuple[str, list[Token]]]:
    """The complements a cue word takes, first the likeliest: as, passive, clause, xcomp, np, acl (nouns),
    prep:X, each with its head(s). Several heads when the parser split one phrase ("re-election bid" as
    two objects). A word may have several ("asked him about the audit": np and prep:about)."""
    children = list(tok.children)
    if (
        tok.dep_ == "advcl"
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children)
    ):
        yield "as", [tok.head]  # "the plan, as critics noted, costs more": the clause around is the content
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in children):
        yield "passive", passive  # "the bill is backed by the unions": the subject is what is backed
    for dep, name in (("ccomp", "clause"), ("xcomp", "xcomp"), ("dobj", "np")):
        heads = [c for c in children if c.dep_ == dep]
        if heads:
            yield name, heads
    if tok.pos_ == "NOUN":
        for c in children:
            if c.dep_ == "acl" and c.i > tok.i:
                yield "acl", [c]  # "the claim that ...", "her plan to ..."
                break
    for c in children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in PREPOSITIONS:
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    yield "prep:" + c.lower_, [g]
                    break


Counts = tuple[int, int, int, int]  # cues, seen; cues, seen among occurrences without a holder


@cache
def counts() -> dict[tuple[str, str, str], Counts]:
    """The learned counts per (lemma, pos, frame), frame "*" summing a word's frames."""
    out: dict[tuple[str, str, str], Counts] = {}
    for row in lexicons.rows("stance_cues.tsv"):
        if len(row) < 7 or not all(x.isdigit() for x in row[3:7]):
            continue
        out[(row[0], row[1], row[2])] = (int(row[3]), int(row[4]), int(row[5]), int(row[6]))
    return out


def _passes(cues: int, seen: int) -> bool:
    return cues >= MIN_CUES and cues >= MIN_RATE * seen


@cache
def is_cue(key: tuple[str, str, str], held: bool) -> bool:
    """Whether a word in a frame cues a stance, given whether the parse names a holder.

    A frame the word was rarely seen with is judged by the word's rate over all its frames ("tout"
    + clause, seen twice, as "tout" is).
    """
    table = counts()
    c = table.get(key)
    if c is None or c[1] < MIN_SEEN:
        c = table.get((key[0], key[1], "*"))
    return c is not None and decide(key, c, held)


def decide(key: tuple[str, str, str], c: Counts, held: bool) -> bool:
    """Whether counts `c` make `key` a cue. Without a holder, the rate among holderless occurrences
    decides when there were enough of them (a bare "questions about" is a cue, a bare "attack on" is
    not); with too few, a holderless noun or object frame is none ("pumping millions of tons")."""
    if held:
        return _passes(c[0], c[1])
    if c[3] >= MIN_SEEN:
        return _passes(c[2], c[3])
    return key[1] != "NOUN" and key[2] != "np" and _passes(c[0], c[1])


@cache
def cue_words() -> frozenset[tuple[str, str]]:
    """(lemma, pos) of the words that cue a stance in some frame, with or without a holder."""
    return frozenset(k[:2] for k in counts() if is_cue(k, True) or is_cue(k, False))


@cache
def _cue_keys(strings: StringStore) -> tuple[frozenset[tuple[int, int]], frozenset[int]]:
    """(POS id, lemma hash) of every cue word, lemma lower-case or capitalised (a sentence's first word),
    and the lemma hashes alone for a first cut."""
    keys = set()
    for lemma, pos in cue_words():
        for form in (lemma, lemma.capitalize()):
            keys.add((IDS[pos], strings.add(form)))
    return frozenset(keys), frozenset(h for _, h in keys)


def _candidates(doc: Doc) -> list[Token]:
    """Tokens whose (POS, lemma) is a cue word, found on the doc's arrays rather than through Token objects."""
    keys, lemmas = _cue_keys(doc.vocab.strings)
    arr = doc.to_array([POS, LEMMA])
    pos, lem = arr[:, 0].tolist(), arr[:, 1].tolist()
    return [doc[i] for i, h in enumerate(lem) if h in lemmas and (pos[i], h) in keys]


def source_token(tok: Token) -> Token | None:
    """Who holds the stance: the verb's subject (as for a speech cue), a participle's noun, a possessor,
    the subject of the verb a noun is the object of ("she raised questions about"), an adjective's subject."""
    if tok.pos_ == "VERB":
        subj = quote_cues.speaker_token(tok)
        if subj is None:
            for c in tok.children:
                if c.dep_ == "nsubjpass":
                    return None  # "is expected to ...": nobody named
            if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                subj = tok.head  # "a group backing the senator"
            elif tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ":
                subj = _subject_of_adjective(tok.head)  # "he was able to tout"
    elif tok.pos_ == "NOUN":
        subj = next((c for c in tok.children if c.dep_ == "poss"), None)
        if subj is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            subj = quote_cues.speaker_token(tok.head)  # "she raised questions about", "he made the case for"
    else:  # an adjective: "was critical of", "is eager to"
        subj = _subject_of_adjective(tok)
    if subj is not None and subj.lower_ in EXPLETIVES:
        return None
    return subj


def _subject_of_adjective(adj: Token) -> Token | None:
    """The subject of a predicative adjective: of its copula ("they were critical of"), or its own in an
    absolute clause ("with leaders worried about the polls")."""
    own = next((c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if own is not None or adj.dep_ != "acomp":
        return own
    return next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _cue_frame(tok: Token) -> tuple[str, list[Token], Token | None] | None:
    """The first of a word's frames in which it cues a stance, with the holder the parse names (or None);
    None when it cues none ("asked him about the audit" is a cue with "about", not with "him")."""
    lemma = tok.lemma_.lower()
    held: bool | None = None
    subj = None
    for fr, comps in frames(tok):
        with_holder, alone = is_cue((lemma, tok.pos_, fr), True), is_cue((lemma, tok.pos_, fr), False)
        if fr == "passive" and not with_holder:
            with_holder = is_cue((lemma, tok.pos_, "np"), True)  # "is backed by" as "backs"
        if not (with_holder or alone):
            continue
        if held is None:
            subj = source_token(tok)
            held = subj is not None
        if with_holder if held else alone:
            return fr, comps, subj
    return None


def _says_something(comps: list[Token]) -> bool:
    """A complement that is only a relative pronoun ("which") or a date ("reported on Monday") holds no view."""
    if len(comps) == 1:
        c = comps[0]
        if c.n_lefts + c.n_rights == 0 and c.tag_ in ("WDT", "WP", "WP$"):
            return False
        if c.ent_type_ in ("DATE", "TIME") and all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            return False
    return True


def _content(ctx: Context, tok: Token, fr: str, comps: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of what the cue attributes: the complement's subtree; for "as X noted", the
    clause around the "as" clause, in two pieces when it goes on after it."""
    start, end = min(c.left_edge.i for c in comps), max(c.right_edge.i for c in comps)
    if fr == "as":
        inner = tok.left_edge.i, tok.right_edge.i
        found = [ctx.content(start, inner[0] - 1, tok.idx), ctx.content(inner[1] + 1, end, tok.idx)]
        return [p for p in found if p is not None]
    content = ctx.content(start, end, tok.idx)
    return [content] if content is not None else []


def _taken(article: Article) -> bytearray:
    """One byte per character of the text, 1 where a quote already attributes it (content or cue): a
    candidate is checked against it in C, not against every quote."""
    mask = bytearray(len(article.text))
    for q in article.quotes:
        for a, b in [(s.start, s.end) for s in q.content] + ([(q.cue.start, q.cue.end)] if q.cue else []):
            _mark(mask, a, b)
    return mask


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _overlaps(mask: bytearray, start: int, end: int) -> bool:
    """Whether [start, end) meets a range already attributed."""
    return mask.find(1, start, end) != -1


def extract(doc: Doc, article: Article) -> list[Quote]:
    """Every stance in the article, in text order, ids S1, S2, ..."""
    hits = _candidates(doc)
    if not hits:
        return []
    taken = _taken(article)
    ctx: Context | None = None
    cands: list[Cand] = []
    for tok in hits:
        if _overlaps(taken, tok.idx, tok.idx + len(tok)):
            continue
        chosen = _cue_frame(tok)
        if chosen is None:
            continue
        fr, comps, subj = chosen
        if ctx is None:
            ctx = Context(doc, article, load_lexicon())
        pieces = _content(ctx, tok, fr, comps)
        if not pieces or any(_overlaps(taken, *p) for p in pieces) or not _says_something(comps):
            continue
        speaker = None
        if subj is not None and not any(a <= subj.idx < b for a, b in pieces):
            speaker = speakers_of(subj, ctx)[0]
        prep = comps[0].head
        cue_end = prep.idx + len(prep) if fr.startswith("prep:") and prep.i == tok.i + 1 else None
        cue = (tok.idx, cue_end or tok.idx + len(tok))
        status = "negated" if any(c.dep_ == "neg" for c in tok.children) else "neutral"
        cands.append(Cand("stance", pieces, cue, speaker, None, status, order=tok.idx, cue_tok=tok.i))
        for p in pieces:
            _mark(taken, *p)
    if not cands or ctx is None:
        return []
    resolve_in_order(ctx, cands)
    cands.sort(key=lambda c: (c.start, c.order))
    # resolving a document holder ("some reports suggest") fills in a channel: a stance reports no words
    return [to_quote(article.text, f"S{i}", replace(c, via=None)) for i, c in enumerate(cands, 1)]
