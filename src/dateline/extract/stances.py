"""Stances: attributions whose words the article does not give.

"Smith backs the bill", "Jones wants to run", "critics see the plan as a giveaway", "her call
for a recount": the article attributes an attitude, an intention, a perception or an unquoted
claim to a source. Attribution corpora (PolNeAR, PARC) count these; gold/FORMAT.md's quotes do
not, since nobody is reported as saying anything. They are kept in `Article.stances`, with the
same shape as a quote (content, cue, speaker, status) and kind "stance".

Which words cue a stance, and in which frame, is a learned model: `stance_model.tsv` holds the weights
of a logistic regression trained on PolNeAR's training split (`bench/polnear_cues.py` rebuilds it),
scoring a (word, frame) pair on the lemma, the frame, whether the parse names a holder and what kind
(a pronoun, a named entity's label, a common noun), the word's tag and dependency, its head, modals and
negation, and the complement's head and length. A pair is a cue when the model gives it at least even
odds: "support" + object is, "make" + object rarely; "worries" is an attribution in "that worries
environmentalists" and not in "worries about the cost" with nobody named. Only words that were a cue at
least twice in training are scored (the model's vocabulary).
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
from .quote_layout import interviewer_lines
from .quote_lexicon import load as load_lexicon
from .quote_resolve import resolve_in_order
from .quotes import to_quote

THRESHOLD = 0.0  # log-odds: a (word, frame) pair at even odds or better is a cue
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


@cache
def model() -> tuple[frozenset[tuple[str, str]], dict[str, float]]:
    """The model's vocabulary (lemma, pos) and its feature weights ("" is the intercept)."""
    vocab: set[tuple[str, str]] = set()
    weights: dict[str, float] = {}
    for row in lexicons.rows("stance_model.tsv"):
        if row[0] == "word" and len(row) == 3:
            vocab.add((row[1], row[2]))
        elif row[0] == "weight" and len(row) == 3:
            weights[row[1]] = float(row[2])
    return frozenset(vocab), weights


_PRONOUNS = frozenset("i you he she we they it who that which".split())
_GOVERNED = frozenset({"xcomp", "acl", "advcl", "conj", "ccomp", "pcomp", "relcl"})


def holder_kind(subj: Token | None) -> str:
    """What holds the stance, as the model sees it: none, a pronoun, an entity label or a common noun."""
    if subj is None:
        return "none"
    if subj.lower_ in _PRONOUNS:
        return "pron:" + subj.lower_
    if subj.ent_type_:
        return "ent:" + subj.ent_type_
    return subj.pos_ + ":" + ("" if subj.pos_ == "PROPN" else subj.lemma_.lower())


def features(tok: Token, fr: str, comps: list[Token], subj: Token | None) -> list[str]:
    """The model's features of a word in one frame; training (bench/polnear_cues.py) calls this same function."""
    lp = f"{tok.lemma_.lower()}|{tok.pos_}"
    held = subj is not None
    kind = holder_kind(subj)
    out = [
        "b",
        f"lp={lp}",
        f"lpf={lp}|{fr}",
        f"f={fr}",
        f"pf={tok.pos_}|{fr}",
        f"tag={tok.tag_}",
        f"ltag={lp}|{tok.tag_}",
        f"dep={tok.dep_}",
        f"ldep={lp}|{tok.dep_}",
        f"fdep={fr}|{tok.dep_}",
        f"held={held}",
        f"lheld={lp}|{held}",
        f"lfheld={lp}|{fr}|{held}",
        f"sk={kind}",
        f"lsk={lp}|{kind[:4]}",
        f"hpos={tok.dep_}|{tok.head.pos_}",
    ]
    if tok.dep_ in _GOVERNED:
        out.append(f"hl={tok.dep_}|{tok.head.lemma_.lower()}")
    for c in tok.children:
        if c.dep_ == "neg":
            out.append("neg")
        elif c.dep_ == "aux" and c.tag_ == "MD":
            out.append("md=" + c.lower_)
        elif c.dep_ == "auxpass":
            out.append("passv")
    head = comps[0]
    size = sum(max(c.right_edge.i - c.left_edge.i + 1, 0) for c in comps)
    out += [f"ch={fr}|{head.pos_}", f"ctag={fr}|{head.tag_}", f"clen={fr}|{min(size.bit_length() - 1, 5)}"]
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in head.children):
        out.append("that")
    if head.ent_type_:
        out.append(f"cent={fr}|{head.ent_type_}")
    out.append(f"first={tok.i == tok.sent.start}")
    return list(dict.fromkeys(out))  # once each, as training counts them ("not ... never" is one "neg")


def score(tok: Token, fr: str, comps: list[Token], subj: Token | None) -> float:
    """The model's log-odds that `tok` cues a stance whose content is this frame's complement."""
    weights = model()[1]
    return weights.get("", 0.0) + sum(weights.get(f, 0.0) for f in features(tok, fr, comps, subj))


@cache
def _cue_keys(strings: StringStore) -> tuple[frozenset[tuple[int, int]], frozenset[int]]:
    """(POS id, lemma hash) of every word in the model's vocabulary, lemma lower-case or capitalised (a
    sentence's first word), and the lemma hashes alone for a first cut."""
    keys = set()
    for lemma, pos in model()[0]:
        for form in (lemma, lemma.capitalize()):
            keys.add((IDS[pos], strings.add(form)))
    return frozenset(keys), frozenset(h for _, h in keys)


def _candidates(doc: Doc) -> list[Token]:
    """Tokens whose (POS, lemma) the model scores, found on the doc's arrays rather than through Token objects."""
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
            if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.tag_ != "VBN":
                subj = tok.head  # "a group backing the senator"; not "Maria, estimated to have": Maria is estimated
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


def framed(tok: Token) -> Iterator[tuple[str, list[Token], Token | None]]:
    """A word's frames, each with the holder the parse names (found once, and only for a word with a frame):
    what the model scores, in training (bench/polnear_cues.py) as at run time."""
    subj: Token | None = None
    first = True
    for fr, comps in frames(tok):
        if first:
            subj = source_token(tok)
            first = False
        yield fr, comps, subj


def _cue_frame(tok: Token) -> tuple[str, list[Token], Token | None] | None:
    """The first of a word's frames in which the model finds it a cue, with the holder the parse names (or
    None); None when it cues in none ("asked him about the audit" may cue with "about", not with "him")."""
    return next(
        ((fr, comps, subj) for fr, comps, subj in framed(tok) if score(tok, fr, comps, subj) >= THRESHOLD), None
    )


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
    if fr == "as":  # its complement is the clause around it
        found = [ctx.content(*side, tok.idx) for side in quote_cues.around_clause(tok) if side is not None]
        return [p for p in found if p is not None]
    start, end = min(c.left_edge.i for c in comps), max(c.right_edge.i for c in comps)
    content = ctx.content(start, end, tok.idx)
    return [content] if content is not None else []


def _taken(article: Article) -> bytearray:
    """One byte per character of the text, 1 where a quote already attributes it (content or cue): a
    candidate is checked against it in C, not against every quote."""
    mask = bytearray(len(article.text))
    for a, b in interviewer_lines(article.text):
        _mark(mask, a, b)  # an interviewer's question holds no one's stance
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
        if quote_cues.reports_nothing(tok, subj):
            continue  # "Had the federation ever warned you ...?": asked, not held; "without saying"
        if ctx is None:
            ctx = Context(doc, article, load_lexicon())
        pieces = _content(ctx, tok, fr, comps)
        if not pieces or any(_overlaps(taken, *p) for p in pieces) or not _says_something(comps):
            continue
        if fr == "np" and quote_cues.says_nothing(tok):
            continue  # "claimed about 3,000 lives", "chanted slogans"
        if quote_cues.passive_adjunct(tok):
            continue  # "Asked about the plan, the minister said": the minister holds no question
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
