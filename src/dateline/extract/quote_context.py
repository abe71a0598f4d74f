"""Shared state of one article's quote extraction: candidates, quotations, the per-article context.

The steps (cue pass, according-to, layout, resolution) all build `Cand`s and attach them to
`Direct` quotations through `attach`, so a closer attribution always wins the same way.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..record import Article, Source, Span, make_span
from . import quote_cues
from .quote_lexicon import Lexicon
from .quote_marks import MarkedQuote, paragraphs
from .quote_speaker import Speaker, expand_conjuncts, name_index, resolve

NEARLY_WHOLE_WORDS = 2  # a quotation with at most this many content words of its clause outside is the clause


EDGE_STRIP = " \t\n,;:.-—–\"'“”«»„‘’"


CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
ADVERBIAL_OPENERS = {"while", "as", "when", "after", "before", "during", "in", "at", "on", "adding", "according"}


@dataclass
class Cand:
    """A quote being built: content stretches, cue, speaker (maybe unresolved), channel."""

    kind: str
    stretches: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    speaker: Speaker | None = None
    via: str | None = None
    status: str = "neutral"
    conveyor: Source | None = None
    order: int = 0  # where the attribution is, for resolving pronouns in text order
    cue_tok: int | None = None

    @property
    def start(self) -> int:
        return self.stretches[0][0]


@dataclass
class Direct:
    mark: MarkedQuote
    cands: list[Cand] = field(default_factory=list)  # one per speaker once attributed
    cue_distance: int = 1 << 30


class Context:
    """Per-article state shared by the steps (one per call; nothing cached across articles)."""

    def __init__(self, doc: Doc, article: Article, lex: Lexicon) -> None:
        self.doc = doc
        self.article = article
        self.text = article.text
        self.lex = lex
        self.names = name_index(doc)
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.q_starts: list[int] = []
        self.q_ends: list[int] = []
        self.answers: list[tuple[int, int]] = []  # verbatim lines of a transcript or interview ("((Name)) ...")

    def set_quotes(self, directs: list[Direct]) -> None:
        stretches = sorted(s for d in directs for s in d.mark.stretches)
        self.q_starts = [s for s, _ in stretches]
        self.q_ends = [e for _, e in stretches]

    def in_quote(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a quotation's content (bisect over the sorted stretches)."""
        i = bisect_right(self.q_starts, start) - 1
        return i >= 0 and end <= self.q_ends[i]

    def in_answer(self, offset: int) -> bool:
        """Whether `offset` lies in a labelled line's words ("((Kay)) I think ..."): quoted speech without marks."""
        i = bisect_right(self.answers, (offset, len(self.text))) - 1
        return i >= 0 and offset < self.answers[i][1]

    def para_of(self, offset: int) -> int:
        return max(0, bisect_right(self.para_starts, offset) - 1)

    def span(self, a: int, b: int) -> tuple[int, int] | None:
        """Character range of tokens a..b, edges stripped of punctuation and a leading 'that'."""
        doc = self.doc
        while a <= b and (doc[a].is_punct or doc[a].is_space or (doc[a].lower_ == "that" and doc[a].dep_ == "mark")):
            a += 1
        while b >= a and (doc[b].is_punct or doc[b].is_space):
            b -= 1
        if b < a:
            return None
        # never end inside a hyphenated word the parser split ("wish to re-elect them" -> not "to re")
        while b + 2 < len(doc) and not doc[b].whitespace_ and doc[b + 1].text == "-" and not doc[b + 1].whitespace_:
            b += 2
        return self.trim(doc[a].idx, doc[b].idx + len(doc[b]))

    def trim(self, start: int, end: int) -> tuple[int, int] | None:
        while start < end and self.text[start] in EDGE_STRIP:
            start += 1
        while end > start and self.text[end - 1] in EDGE_STRIP:
            end -= 1
        return (start, end) if end > start else None

    def content(self, a: int, b: int, anchor: int) -> tuple[int, int] | None:
        """Character range of what tokens a..b report, kept inside the paragraph of the cue at `anchor`."""
        rng = self.span(a, b)
        return rng and self.clip(rng, anchor)

    def clip(self, rng: tuple[int, int], anchor: int) -> tuple[int, int] | None:
        """Keep a content range inside the paragraph of its cue (the parser may run across lines)."""
        p = self.paras[self.para_of(anchor)]
        start, end = max(rng[0], p[0]), min(rng[1], p[1])
        line = self.article.dateline.span if self.article.dateline is not None else None
        if line is not None and line.start <= start < line.end:
            start = line.end  # "BUENOS AIRES, Feb 26 - Argentina could ...": the dateline is not said
        return self.trim(start, end)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covered(content: tuple[int, int], directs: list[Direct]) -> list[Direct]:
    return [d for d in directs if any(overlap(content, s) for s in d.mark.stretches)]


def nearly_whole(ctx: Context, content: tuple[int, int], quoted: list[Direct]) -> bool:
    """The quotations are (nearly) the whole clause: few content words of the clause lie outside the marks.

    Function words do not count ("they had gone to "..." and "..."" is the quotations), nor a
    trailing adverbial ("..." while addressing the press).
    """
    if not quoted:
        return False
    marks = sorted(
        (d.mark.open_at, (d.mark.close_at if d.mark.close_at is not None else d.mark.end) + 1) for d in quoted
    )
    span = ctx.doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return False
    outside = [t for t in span if not any(a <= t.idx < b for a, b in marks)]
    after = [t for t in outside if t.idx >= marks[-1][1]]
    first_after = next((t for t in after if not t.is_punct), None)
    if first_after is not None and first_after.lower_ in ADVERBIAL_OPENERS:
        outside = [t for t in outside if t.idx < marks[-1][1]]
    words = [t for t in outside if t.pos_ in CONTENT_POS and t.lemma_ not in ("be", "have")]
    if any(t.pos_ == "VERB" and quote_cues.match(t, ctx.lex) is not None for t in words):
        return False  # "She says it underscores that Trump is "...": a report inside the clause, not the quotation
    if len(words) > NEARLY_WHOLE_WORDS:
        return False
    # 'said there was "unequivocal" proof he had been poisoned': the clause says more than the quoted word
    # ('said Donald Trump was "absolutely right"' does not: a name is one word)
    inside = [t for t in span if t.pos_ in CONTENT_POS | {"ADV"} and any(a <= t.idx < b for a, b in marks)]
    names = [t for t in words if t.pos_ == "PROPN" and t.i > 0 and t.doc[t.i - 1].pos_ == "PROPN"]
    return len(inside) >= len(words) - len(names)


def status_of(m: quote_cues.CueMatch, subj: Token | None = None) -> str:
    """The cue's status, negated by "not" on the verb or by a subject that says none spoke ("No official said")."""
    if any(c.dep_ == "neg" for c in m.tok.children):
        return "negated"
    if subj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
        return "negated"
    return m.cue.status


def speakers_of(tok: Token, ctx: Context) -> list[Speaker]:
    if (
        tok.tag_ in ("WP", "WDT")
        and tok.dep_ == "nsubj"
        and tok.head.dep_ == "relcl"
        and tok.head.head.pos_ in ("NOUN", "PROPN")
    ):
        # "UNESCO, who questioned his authority": the relative pronoun's noun speaks; "who" names it here
        mention = make_span(ctx.text, tok.idx, tok.idx + len(tok))
        described = _described(tok.head.head)
        nouns = expand_conjuncts(described if described is not None else tok.head.head)
        return [_named_here(resolve(t, ctx.article, ctx.lex, ctx.names), mention) for t in nouns]
    return [resolve(t, ctx.article, ctx.lex, ctx.names) for t in expand_conjuncts(tok)]


def _described(noun: Token) -> Token | None:
    """Who a list of descriptions is, when a relative clause ends it: "Trump is a serial liar, ..., birther and bully
    who has pledged" (the copula's subject), "said Lionel Sosa, a media consultant and an influential Republican who
    said" (the name the apposition describes). None for a noun that is no description."""
    top = _first_conjunct(noun)
    if top.pos_ != "NOUN":
        return None  # "Another was tour manager Thomas Gray, who cited": a name speaks for itself
    if top.dep_ == "attr" and top.head.pos_ == "AUX":
        subj = next((c for c in top.head.children if c.dep_ == "nsubj"), None)
        # a name is what it is called ("Trump is a ... bully who"); not "It is a report that says", "The surprise
        # was a senator who said"
        return subj if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG")) else None
    if top.dep_ == "appos" and top.head.pos_ == "PROPN":
        # "China and the United States, the two biggest polluters, which vowed": a plural describes them all
        return _first_conjunct(top.head) if top.tag_ == "NNS" else top.head
    return None


def _first_conjunct(tok: Token) -> Token:
    """The first of the nouns `tok` is coordinated with."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _named_here(sp: Speaker, mention: Span) -> Speaker:
    sp.source = sp.source.model_copy(update={"mention": mention})
    return sp


def attribute_clause(ctx: Context, kind: str, content: tuple[int, int], directs: list[Direct],
                     speakers: list[Speaker], cue: tuple[int, int], status: str, tok: Token,
                     lead: tuple[int, int] | None = None) -> list[Cand]:  # fmt: skip
    """A reported clause: the quotations inside it take its speakers; it is a quote of its own unless
    they are (nearly) all of it. `lead` is the clause's part before the attribution, when it is set in the middle."""
    quoted = covered(content, directs)
    whole = nearly_whole(ctx, content, quoted)
    for d in quoted:
        if whole or (content[0] <= d.mark.start and d.mark.end <= content[1]):
            attach(d, speakers, cue, None, status, tok.idx, 0 if whole else 10, tok.i)
    if whole:
        return []
    stretches = [lead, content] if lead is not None else [content]
    return [Cand(kind, stretches, cue, sp, sp.channel, status, order=tok.idx, cue_tok=tok.i) for sp in speakers]


def attach(d: Direct, speakers: list[Speaker], cue: tuple[int, int] | None, via: str | None, status: str,
            order: int, distance: int, cue_tok: int | None = None) -> None:  # fmt: skip
    """Attribute a quotation; a closer cue replaces a farther one."""
    if d.cands and distance >= d.cue_distance:
        return
    d.cue_distance = distance
    d.cands = [
        Cand("direct", list(d.mark.stretches), cue, sp, via or sp.channel, status, order=order, cue_tok=cue_tok)
        for sp in speakers
    ]
