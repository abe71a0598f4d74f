"""Attributions by layout rather than by a cue verb.

A headline "Claim — Russian envoy", a line "—Name, of Organisation" under a quotation or
"― Name" after it, and transcript labels "WALLACE: ..." / "Pat Caddell: ...". These are
where news text says who speaks without a verb, so the parser alone never sees them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ..record import Entity, Source, make_span
from . import quote_speaker
from .quote_context import Cand, Context, Direct, attach, overlap
from .quote_marks import MarkedQuote, paragraphs
from .quote_speaker import Speaker, resolve

HEADLINE_DASH = re.compile(r"^(?P<content>.*\S)\s+(?P<dash>[—–]|-{1,2})\s+(?P<who>[^—–-]{2,60})$")


DASH_LINE = re.compile(r"^\s*[—–―-]{1,2}\s*(?P<who>\S.{1,80})$")


LABEL_LINE = re.compile(r"^[\"“]?(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?P<content>\S.*)$", re.DOTALL)
# Wikinews interviews: "((Dorsa Derakhshani)) I don't think ..."; "((WN))" is the interviewer, whose questions quote nobody
PAREN_LABEL_LINE = re.compile(r"^\(\((?P<who>[^()\n]{2,60})\)\)[ \t]*(?P<content>\S.*)$", re.DOTALL)
INTERVIEWERS = frozenset({"wn", "wikinews"})


def dash_line(ctx: Context, d: Direct) -> None:
    """A quotation followed by a line '—Name, of Organisation', or by '― Name' after its closing mark."""
    p = ctx.para_of(d.mark.end)
    close = d.mark.close_at
    ps, pe = (close + 1, ctx.paras[p][1]) if close is not None and close < ctx.paras[p][1] else (0, 0)
    if "\n" in ctx.text[ps:pe]:
        pe = ctx.text.index("\n", ps)  # '”― Name' ends at the end of its line
    m = DASH_LINE.match(ctx.text[ps:pe]) if pe > ps else None
    if m is None:
        end = close + 1 if close is not None else d.mark.end
        if p + 1 >= len(ctx.paras) or not _ends_paragraph(ctx, end, ctx.paras[p][1]):
            return  # the credit line under a paragraph is for a quotation that ends it
        ps, pe = ctx.paras[p + 1]
        m = DASH_LINE.match(ctx.text[ps:pe])
    if m is None or len(m.group("who").split()) > 12:
        return
    who_start = ps + m.start("who")
    tok = head_in(ctx, who_start, pe)
    if tok is None or tok.pos_ not in ("PROPN", "NOUN") or m.group("who").rstrip().endswith("?"):
        return  # a credit line names someone; '"red tape" – what's one law you would revise?' goes on asking
    sp = resolve(tok, ctx.article, ctx.lex, ctx.names)
    dash = ps + m.start()
    while ctx.text[dash].isspace():
        dash += 1
    attach(d, [sp], (dash, dash + 1), None, "neutral", dash, pe - d.mark.end)


_TRAILER = re.compile(r"\([^()\n]{0,40}\)|\[[^\[\]\n]{0,12}\]")  # "(2019)", "(Applause)", "[1]"


def _ends_paragraph(ctx: Context, start: int, end: int) -> bool:
    """Whether only punctuation, a bracketed note or further quotations follow a quotation in its paragraph."""
    rest = "".join(ch if not ctx.in_quote(i, i + 1) else " " for i, ch in enumerate(ctx.text[start:end], start))
    return not _TRAILER.sub(" ", rest).strip(" \t.,;!?\"'“”‘’«»")


def head_in(ctx: Context, start: int, end: int) -> Token | None:
    """The first name (or else the syntactic head) of the words in [start, end)."""
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    for tok in span:
        if tok.ent_type_ in ("PERSON", "ORG"):
            ent_end = tok.i
            while ent_end + 1 < span.end and ctx.doc[ent_end + 1].ent_iob_ == "I":
                ent_end += 1
            return ctx.doc[ent_end]
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    return heads[0] if heads else span[0]


def one_word(ctx: Context, m: MarkedQuote) -> bool:
    return len(ctx.text[m.start : m.end].split()) < 2


def _initials_of(label: str, ctx: Context) -> Entity | None:
    """The one person of the article whose initials a transcript label is ("NG" -> Natasha Gownaris)."""
    if not (2 <= len(label) <= 3 and label.isalpha() and label.isupper()):
        return None
    found = [
        e for e in ctx.article.entities
        if e.type == "PERSON" and "".join(w[0] for w in e.name.split() if w[:1].isupper()) == label
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=8)
def _paren_lines(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    """Each "((X)) ..." line once: (label, where its words start, where the line ends, whether it asks)."""
    out = []
    for ps, pe in paragraphs(text):
        m = PAREN_LABEL_LINE.match(text[ps:pe])
        if m is not None:
            out.append((m.group("who").strip(), ps + m.start("content"), pe, text[ps:pe].rstrip().endswith("?")))
    return tuple(out)


@lru_cache(maxsize=8)
def _interviewers(text: str) -> frozenset[str]:
    """The interviewer's "((X))" labels: "WN", or any whose lines are mostly questions ("((WSS)) Which past
    president do you most admire?"), whatever the initials. The interviewer quotes nobody."""
    asked: dict[str, list[bool]] = {}
    for label, _, _, asks in _paren_lines(text):
        asked.setdefault(label, []).append(asks)
    return frozenset(
        k for k, v in asked.items() if k.lower() in INTERVIEWERS or (len(v) >= 2 and sum(v) >= 0.6 * len(v))
    )


def interviewer_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the interviewer's lines ("((WN)) The report mentioned ..."): questions, no one's report."""
    asking = _interviewers(text)
    return [(start, end) for label, start, end, _ in _paren_lines(text) if label in asking]


def label_lines(ctx: Context, directs: list[Direct]) -> list[Cand]:
    """Transcript and headline lines 'WALLACE: ...', 'Pat Caddell: ...': the name's words, verbatim."""
    out: list[Cand] = []
    asking = _interviewers(ctx.text)
    for ps, pe in ctx.paras:
        line = ctx.text[ps:pe]
        m = LABEL_LINE.match(line) or PAREN_LABEL_LINE.match(line)
        if m is None:
            continue
        who_s, who_e = ps + m.start("who"), ps + m.end("who")
        label = ctx.text[who_s:who_e]
        paren = m.re is PAREN_LABEL_LINE
        if paren and label.strip() in asking:
            continue
        span = ctx.doc.char_span(who_s, who_e, alignment_mode="expand")
        if span is None:
            continue
        known = label.isupper() and any(label.title() in w for w in ctx.names) or label.title() in ctx.names
        # "Poll: Sanders leads", "Officials: ...": an unnamed source's head noun as the label
        unnamed = len(span) <= 2 and span[-1].lemma_.lower() in ctx.lex.unnamed
        person = _initials_of(label, ctx)  # "NG: This study started in 1982": an interview answer
        if not (paren or person or known or unnamed or any(t.ent_type_ in ("PERSON", "ORG") for t in span)):
            continue  # a "((Name))" label is always an interviewee
        content = ctx.trim(ps + m.start("content"), pe)
        if content is None or len(ctx.text[content[0] : content[1]].split()) < 3:
            continue
        tok = span[-1]
        if person is not None:
            sp = Speaker(Source(name=person.name, entity=person.id, mention=make_span(ctx.text, who_s, who_e)),
                         "named", "PERSON")  # fmt: skip
        elif unnamed and not known and not any(t.ent_type_ in ("PERSON", "ORG") for t in span):
            sp = Speaker(Source(name=label, mention=make_span(ctx.text, who_s, who_e)), "unnamed", None)
        else:
            sp = resolve(tok, ctx.article, ctx.lex, ctx.names)
        inner = [
            d
            for d in directs
            if d.mark.start > who_s and d.mark.open_at <= content[0] + 1 and content[1] <= d.mark.end + 2
        ]
        if inner:
            # 'Name: "quote"': the quotation is the content; a cue verb nearer to it still wins
            attach(inner[0], [sp], (who_e, who_e + 1), None, "neutral", who_s, inner[0].mark.open_at - who_e + 50)
            continue
        around = [d for d in directs if d.mark.start == who_s]
        if label.isupper() and sp.source.entity is None:
            full = quote_speaker.fuller_name(label.title(), ctx.names)
            sp.source = sp.source.model_copy(update={"name": full})
        colon = who_e
        if around:  # '"WALLACE: ..."': a transcript line in quotation marks
            content = ctx.trim(content[0], min(content[1], around[0].mark.end)) or content
            around[0].cands = [Cand("direct", [content], (colon, colon + 1), sp, None, order=who_s)]
            around[0].cue_distance = 0
            continue
        # "Poll: X leads" reports; so does a headline "Sanders: Endorsements prove Clinton 'the establishment'"
        told = (sp.kind == "unnamed" or _headline_at(ctx, ps)) and not paren
        kind = "indirect" if told else "direct"
        cue = None if paren else (colon, colon + 1)  # a transcript quotes; "((Name))" has no word or mark for a cue
        out.append(Cand(kind, [content], cue, sp, None, order=who_s))
        if told:
            for d in directs:  # the words it quotes are that source's too
                if content[0] <= d.mark.start and d.mark.end <= content[1] + 1:
                    attach(d, [sp], (colon, colon + 1), None, "neutral", who_s, d.mark.start - colon)
    return out


def _headline_at(ctx: Context, start: int) -> bool:
    """Whether the paragraph at `start` is the article's headline: the one read, or else a first line of a text
    with more to it and no other 'NAME: ...' line (a transcript's turns), that asks nothing."""
    span = _headline_span(ctx)
    if span is None or not span[0] <= start < span[1]:
        return False
    if ctx.article.headline is not None:
        return True
    if len(ctx.paras) < 2 or ctx.text[slice(*ctx.paras[0])].rstrip().endswith("?"):
        return False
    return not any(LABEL_LINE.match(ctx.text[ps:pe]) for ps, pe in ctx.paras[1:])


def _headline_span(ctx: Context) -> tuple[int, int] | None:
    """Where the headline is: the one the reading layer found, or else the article's first line."""
    h = ctx.article.headline
    if h is not None:
        return h.start, h.end
    if not ctx.paras:
        return None
    s, e = ctx.paras[0]
    return (s, s + ctx.text[s:e].index("\n")) if "\n" in ctx.text[s:e] else (s, e)


def sentence_like(ctx: Context, d: Direct) -> bool:
    """A whole sentence in marks standing on its own (not a title or phrase inside a sentence)."""
    text = ctx.text[d.mark.start : d.mark.end].lstrip("[(…. ]")  # "[It was] a pretty physical game", "[...] Rather"
    if len(text.split()) < 5 or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    para = ctx.paras[ctx.para_of(d.mark.open_at)]
    before = ctx.text[para[0] : d.mark.open_at].rstrip()
    return not before or before[-1] in '.!?:"”»'


def headline(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """A headline 'Claim — Russian envoy' or 'CLAIM - DEPUTY' is an indirect quote of that source."""
    span = _headline_span(ctx)
    if span is None:
        return []
    s, e = span
    m = HEADLINE_DASH.match(ctx.text[s:e])
    if m is None or len(m.group("who").split()) > 6 or len(m.group("content").split()) < 3:
        return []
    content = ctx.trim(s + m.start("content"), s + m.end("content"))
    if content is None or any(c.kind == "indirect" and overlap(c.stretches[0], content) for c in cands):
        return []
    tok = head_in(ctx, s + m.start("who"), s + m.end("who"))
    if tok is None:
        return []
    sp = resolve(tok, ctx.article, ctx.lex, ctx.names)
    if sp.kind != "named":
        body = [c for c in cands if c.start > e and c.speaker is not None and c.speaker.kind == "named"]
        if not body:
            return []
        first = min(body, key=lambda c: c.order)
        sp = Speaker(Source(name=first.speaker.source.name, entity=first.speaker.source.entity,
                            mention=make_span(ctx.text, tok.idx, tok.idx + len(tok))), "named", first.speaker.etype)  # fmt: skip
    dash = (s + m.start("dash"), s + m.end("dash"))
    return [Cand("indirect", [content], dash, sp, None, order=s)]
