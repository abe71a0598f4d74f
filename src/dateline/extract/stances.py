"""Stances: attributions whose words the article does not give.

"Smith backs the bill", "Jones wants to run", "critics see the plan as a giveaway", "her call
for a recount": the article attributes an attitude, an intention, a perception or an unquoted
claim to a source. Attribution corpora (PolNeAR, PARC) count these; gold/FORMAT.md's quotes do
not, since nobody is reported as saying anything. They are kept in `Article.stances`, with the
same shape as a quote (content, cue, speaker, status) and kind "stance".

Which words cue a stance, and with which complement, is learned data: `stance_cues.tsv` holds,
per (lemma, part of speech, frame), how often that combination was an attribution cue in
PolNeAR's training split (`bench/polnear_cues.py` rebuilds it). A word/frame pair is a cue here
when it was one in at least half of its occurrences, at least three times: "support" + object
is (0.65), "make" + object is not (0.27). The parse gives the frame; the complement's subtree is
the content; the subject (inherited through conjunctions and controlled verbs, the agent of a
passive, a possessive for a noun) is the source, resolved like a quote's speaker.

Runs after the quotes extractor and never overlaps it: a word inside a quote, or a complement
that overlaps one, is left to the quote.
"""

from __future__ import annotations

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
PREPOSITIONS = frozenset("about for against on of with to in at over as".split())
CUE_POS = frozenset({"VERB", "NOUN", "ADJ"})
EXPLETIVES = frozenset({"it", "there"})


def frame(tok: Token) -> tuple[str, list[Token]]:
    """The complement a cue word takes: clause, xcomp, np, passive, acl (nouns) or prep:X, and its head(s).

    Several heads when the parser split one phrase ("re-election bid" as two objects).
    """
    children = list(tok.children)
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in children):
        return "passive", passive  # "the bill is backed by the unions": the subject is what is backed
    for dep, name in (("ccomp", "clause"), ("xcomp", "xcomp"), ("dobj", "np")):
        heads = [c for c in children if c.dep_ == dep]
        if heads:
            return name, heads
    if tok.pos_ == "NOUN":
        for c in children:
            if c.dep_ == "acl" and c.i > tok.i:
                return "acl", [c]  # "the claim that ...", "her plan to ..."
    for c in children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in PREPOSITIONS:
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    return "prep:" + c.lower_, [g]
    return "none", []


@cache
def cue_table() -> frozenset[tuple[str, str, str]]:
    """(lemma, pos, frame) triples that cue a stance, from the learned counts."""
    out = set()
    for row in lexicons.rows("stance_cues.tsv"):
        if len(row) < 5:
            continue
        lemma, pos, fr, cues, seen = row[:5]
        if int(cues) >= MIN_CUES and int(cues) >= MIN_RATE * int(seen):
            out.add((lemma, pos, fr))
    return frozenset(out)


@cache
def _cue_keys(strings: StringStore) -> tuple[frozenset[tuple[int, int]], frozenset[int]]:
    """(POS id, lemma hash) of every cue word, lemma lower-case or capitalised (a sentence's first word),
    and the lemma hashes alone for a first cut."""
    keys = set()
    for lemma, pos, _ in cue_table():
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
    """Who holds the stance: the verb's subject (as for a speech cue), a participle's noun, a possessor."""
    if tok.pos_ == "VERB":
        subj = quote_cues.speaker_token(tok)
        if subj is None:
            for c in tok.children:
                if c.dep_ == "nsubjpass":
                    return None  # "is expected to ...": nobody named
            if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                subj = tok.head  # "a group backing the senator"
    elif tok.pos_ == "NOUN":
        subj = next((c for c in tok.children if c.dep_ == "poss"), None)
    else:  # an adjective: "was critical of", "is eager to"
        head = tok.head
        subj = (
            next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None) if tok.dep_ == "acomp" else None
        )
    if subj is not None and subj.lower_ in EXPLETIVES:
        return None
    return subj


def _says_something(comps: list[Token]) -> bool:
    """A complement that is only a relative pronoun ("which") or a date ("reported on Monday") holds no view."""
    if len(comps) == 1:
        c = comps[0]
        if c.n_lefts + c.n_rights == 0 and c.tag_ in ("WDT", "WP", "WP$"):
            return False
        if c.ent_type_ in ("DATE", "TIME") and all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            return False
    return True


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets a range already attributed (an article has tens of them, not thousands)."""
    return any(a < end and start < b for a, b in ranges)


def extract(doc: Doc, article: Article) -> list[Quote]:
    """Every stance in the article, in text order, ids S1, S2, ..."""
    hits = _candidates(doc)
    if not hits:
        return []
    table = cue_table()
    taken = [(s.start, s.end) for q in article.quotes for s in q.content]
    taken += [(q.cue.start, q.cue.end) for q in article.quotes if q.cue is not None]
    ctx: Context | None = None
    cands: list[Cand] = []
    for tok in hits:
        fr, comps = frame(tok)
        key = (tok.lemma_.lower(), tok.pos_, fr)
        if not comps or not (key in table or (fr == "passive" and (key[0], key[1], "np") in table)):
            continue
        if _overlaps(taken, tok.idx, tok.idx + len(tok)):
            continue
        if ctx is None:
            ctx = Context(doc, article, load_lexicon())
        content = ctx.content(min(c.left_edge.i for c in comps), max(c.right_edge.i for c in comps), tok.idx)
        if content is None or _overlaps(taken, *content) or not _says_something(comps):
            continue
        subj = source_token(tok)
        if subj is None and (tok.pos_ == "NOUN" or fr == "np"):
            continue  # "footage of X", "pumping millions of tons": without a holder, rarely a stance
        speaker = None
        if subj is not None and not (content[0] <= subj.idx < content[1]):
            speaker = speakers_of(subj, ctx)[0]
        prep = comps[0].head
        cue_end = prep.idx + len(prep) if fr.startswith("prep:") and prep.i == tok.i + 1 else None
        cue = (tok.idx, cue_end or tok.idx + len(tok))
        status = "negated" if any(c.dep_ == "neg" for c in tok.children) else "neutral"
        cands.append(Cand("stance", [content], cue, speaker, None, status, order=tok.idx, cue_tok=tok.i))
        taken.append(content)
    if not cands or ctx is None:
        return []
    resolve_in_order(ctx, cands)
    cands.sort(key=lambda c: (c.start, c.order))
    # resolving a document holder ("some reports suggest") fills in a channel: a stance reports no words
    return [to_quote(article.text, f"S{i}", replace(c, via=None)) for i, c in enumerate(cands, 1)]
