"""Quotes: who said what. Direct (quotation marks), indirect (reported speech), according-to.

The steps, each in its own module:
  quote_marks      scan the quotation marks (any style, paragraph-aware, unbalanced-safe)
  quote_cues       cue verbs in the parse: speaker token, content clause, channel, conveyor
  quote_speaker    speaker token -> Source (entity, unnamed description, document's author)
  quote_according  "According to X, ..." / "..., according to X"
  quote_nominal    "X's claim that ...", "the statement by X that ..."
  quote_layout     headlines "Claim — envoy", dash lines "—Name", transcript labels "NAME: ..."
  quote_resolve    pronouns, role nouns and documents, in text order; channel and conveyor
  quote_context    the candidates and per-article state they share
This module joins them: a cue whose content is (nearly) a quotation attributes that quotation;
otherwise it is an indirect quote, and quotations inside it are direct quotes of the same
speaker. Quotations no cue reaches take a dash line's name or, when they read as whole
sentences, the previous quote's speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..record import Article, Quote, make_span
from . import quote_cues, quote_speaker
from .quote_according import according_pass, opinion_pass
from .quote_context import (
    Cand,
    Context,
    Direct,
    attach,
    covered,
    nearly_whole,
    speakers_of,
    status_of,
)
from .quote_layout import dash_line, headline, label_lines, one_word, sentence_like
from .quote_lexicon import load
from .quote_marks import DOUBLE_OPEN, SINGLE_OPEN, MarkedQuote, scan
from .quote_nominal import nominal_pass
from .quote_resolve import conveyors, resolve_in_order, same, same_source
from .quote_speaker import Speaker

THING_PRONOUNS = frozenset({"it", "this", "that"})
QUOTE_OPENERS = frozenset(DOUBLE_OPEN + SINGLE_OPEN + "\"'")
# cues that also say what a thing shows: a source only when their subject can be one (a study, a person, a body)
EVIDENTIAL = frozenset({"show", "suggest", "indicate", "underscore", "highlight", "reveal", "demonstrate"})


def _cue_pass(ctx: Context, directs: list[Direct]) -> tuple[list[Cand], set[int]]:
    """Every cue verb: indirect quotes, and attributions of the quotations they cover."""
    out: list[Cand] = []
    used: set[int] = set()
    for tok in quote_cues.verbs(ctx.doc):
        m = quote_cues.match(tok, ctx.lex)
        if m is None or ctx.in_quote(tok.idx, tok.idx + len(tok)) or quote_cues.inside_attribution(m, ctx.lex):
            continue
        if ctx.in_answer(tok.idx):
            continue
        subj = _reporter(ctx, tok)
        if subj is None:
            continue
        if subj.lower_ in THING_PRONOUNS and _reported_by_someone(tok, ctx):
            continue  # "She says it underscores that ...": what "it" shows is hers to say
        rng = quote_cues.content_range(m, subj)
        if rng is not None:
            rng = quote_cues.within_semicolons(quote_cues.cut_at_next_attribution(rng, m, ctx.lex), tok)
            rng = quote_cues.continued_that_clauses(rng, tok)
            content = ctx.content(*rng, tok.idx) if rng is not None else None
        else:
            content = _block_after(ctx, tok)
        if content is None:
            continue
        kind = "indirect" if rng is not None else "direct"  # a block quotation is verbatim
        speakers = speakers_of(subj, ctx)
        if m.cue.frame == "document" and any(sp.kind != "document" for sp in speakers):
            if quote_speaker.document_before(subj, ctx.lex) is None:
                continue  # "It read, ..." after "released a statement" is the statement
        if tok.lemma_.lower() in EVIDENTIAL and not quote_speaker.can_speak(subj, speakers, ctx.lex):
            continue  # "The fact that the bill has no Republicans shows ...": evidence, nobody's report
        object_only = m.cue.frame == "object" or (m.cue.frame == "both" and not _has_clause(tok))
        if object_only and (
            not quote_speaker.can_speak(subj, speakers, ctx.lex) or quote_cues.says_nothing(tok) or _activity(tok, ctx)
        ):
            continue  # "the virus claimed 6,606 lives", "protesters chanted slogans": nobody reports anything
        cue = quote_cues.cue_span(m)
        chan = quote_cues.via(m, subj, ctx.lex)
        status = status_of(m, subj)
        length = content[1] - content[0]
        quoted = covered(content, directs)
        naming = (
            m.second is None
            and tok.lemma_.lower() in quote_cues.NAMING
            and any(d.mark.end <= content[1] for d in quoted)
        )
        if naming or nearly_whole(ctx, content, quoted):
            for d in quoted:
                distance = min(abs(cue[0] - d.mark.end), abs(d.mark.start - cue[1]))
                attach(d, speakers, cue, chan, status, tok.idx, distance, tok.i)
            used.add(tok.i)
            continue
        if m.cue.frame == "object" and not m.cue.takes_clause and length < 3:
            continue
        used.add(tok.i)
        stretches = [content]
        rest = quote_cues.trailing_range(m)
        rest_span = ctx.span(*rest) if rest is not None else None
        rest_span = rest_span and ctx.clip(rest_span, tok.idx)
        if rest_span is not None and rest_span[0] > content[1] and not ctx.in_quote(*rest_span):
            stretches.append(rest_span)
        for sp in speakers:
            out.append(Cand(kind, stretches, cue, sp, chan or sp.channel, status, order=tok.idx, cue_tok=tok.i))
        for d in directs:  # quoted phrases that are a proper part of the clause
            if content[0] <= d.mark.start and _within(ctx, d, content[1]):
                distance = min(abs(cue[0] - d.mark.end), abs(d.mark.start - cue[1]))
                attach(d, speakers, cue, chan, status, tok.idx, distance, tok.i)
    return out, used


def _within(ctx: Context, d: Direct, end: int) -> bool:
    """Whether a quotation ends by `end`, a clause's end: a phrase's full stop inside the marks may be past it
    (handed out "like candy."), a lone word's is the clause's ('went on for "years."' is no quotation), and a
    quotation after a colon is no phrase of the clause before."""
    if d.mark.end <= end:
        return True
    if one_word(ctx, d.mark) or ctx.text[: d.mark.open_at].rstrip().endswith(":"):
        return False
    return not ctx.text[end : d.mark.end].strip(".,;:!?")


def _reported_by_someone(tok: Token, ctx: Context) -> bool:
    """Whether the cue is the clause of a cue above it whose speaker is not a thing ("She says it shows")."""
    head = tok.head
    if tok.dep_ != "ccomp" or quote_cues.match(head, ctx.lex) is None:
        return False
    above = quote_cues.speaker_token(head)
    return above is not None and above.lower_ not in THING_PRONOUNS


def _block_after(ctx: Context, tok: Token) -> tuple[int, int] | None:
    """ "Hewitt writes:" closing its paragraph, then a paragraph with no quotation mark: a block quotation
    (the page set it apart, and extraction dropped the layout), what the cue reports."""
    if not _opens_block(tok):
        return None
    para = ctx.para_of(tok.idx)
    end = ctx.paras[para][1]
    tail = ctx.text[tok.idx + len(tok) : end]
    if not tail.rstrip().endswith(":") or len(tail.split()) > 8 or para + 1 >= len(ctx.paras):
        return None
    start, stop = ctx.paras[para + 1]
    if ctx.text[start] in QUOTE_OPENERS or ctx.in_quote(start, stop):
        return None
    return ctx.trim(start, stop)


def _opens_block(tok: Token) -> bool:
    """A finite verb with nothing it reports yet ("Hewitt writes:", "The governor added:") can open a block quotation."""
    return tok.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)


def _nearby_cue(ctx: Context, d: Direct, directs: list[Direct], used: set[int]) -> None:
    """A quotation no clause reached: the nearest cue in its sentence(s) or the one right after it."""
    doc = ctx.doc
    span = doc.char_span(d.mark.start, d.mark.end, alignment_mode="expand")
    if span is None:
        return
    first, last = span[0].sent, span[-1].sent
    lo, hi = first.start, last.end
    close = d.mark.close_at if d.mark.close_at is not None else d.mark.end
    next_start = hi if hi < len(doc) and doc[hi].idx - close <= 3 else None
    if next_start is not None:
        hi = doc[hi].sent.end
    para = ctx.para_of(d.mark.start)
    paras = {para}
    p_start = ctx.paras[para][0]
    if para > 0 and not ctx.text[p_start : d.mark.open_at].strip():
        # 'Caddell continued:' closing the paragraph before the quotation
        prev_end = ctx.paras[para - 1][1]
        if ctx.text[:prev_end].rstrip().endswith(":"):
            before = doc.char_span(prev_end - 1, prev_end, alignment_mode="expand")
            if before is not None:
                lo = min(lo, before[0].sent.start)
                paras.add(para - 1)
    best = None
    ends_sentence = _ends_sentence(ctx, d)  # not '"A," he said, "B."'
    opener: tuple[int, quote_cues.CueMatch, Token] | None = None
    for tok in doc[lo:hi]:
        if ctx.in_quote(tok.idx, tok.idx + 1) or ctx.para_of(tok.idx) not in paras or ctx.in_answer(tok.idx):
            continue
        m = quote_cues.match(tok, ctx.lex)
        if m is None or (tok.i in used and m.cue.frame != "clause") or quote_cues.inside_attribution(m, ctx.lex):
            continue  # "X said the men thought they were "...": the words are X's
        pointing = next_start is not None and tok.i >= next_start and _points_at_it(doc, next_start)
        if tok.dep_ == "relcl" and d.mark.start < tok.left_edge.idx and not pointing:
            continue  # 'unveiled the "Green Deal," which critics say will raise taxes': what they say of it
        if next_start is not None and tok.i >= next_start and not _tags_on(ctx, tok, next_start):
            continue  # 'the response "required all hands on deck." Authorities stated that ...': a report of its own
        subj = _reporter(ctx, tok)
        if subj is None:
            continue
        if m.cue.frame == "document" and quote_speaker.channel_of(subj, ctx.lex) is None:
            if quote_speaker.document_before(subj, ctx.lex) is None:
                continue
        distance = d.mark.start - tok.idx if tok.idx < d.mark.start else tok.idx - close
        if tok.idx > close and ends_sentence and _introduces(ctx, tok, directs):
            # '"Why now?" Mills then writes back, "You look cute."': the next quotation's cue, this one's only if
            # no other is near ('"We won!" Jones shouted, "Now let us celebrate."')
            opener = opener or (distance, m, subj)
            continue
        if any(t.i == tok.i for t in span.root.ancestors):
            distance = 0  # the cue governs the quotation ("dismissed the plan as "desperate"")
        # another quotation between cue and this one belongs to that cue first
        between = (tok.idx, d.mark.start) if tok.idx < d.mark.start else (close, tok.idx)
        if any(
            o is not d and between[0] <= o.mark.start < between[1] and not any(c.cue_tok == tok.i for c in o.cands)
            for o in directs
        ):
            continue  # a quotation in between belongs to that cue first, unless this cue already took it
        if best is None or distance < best[0]:
            best = (distance, m, subj)
    best = best or opener
    if best is None:
        if not _colon_intro(ctx, d):
            _cue_sentence_before(ctx, d, used)
        return
    if _named_thing(span, best[1].tok):
        return
    distance, m, subj = best
    cue = quote_cues.cue_span(m)
    attach(d, speakers_of(subj, ctx), cue, quote_cues.via(m, subj, ctx.lex), status_of(m, subj), m.tok.idx, distance, m.tok.i)


def _tags_on(ctx: Context, tok: Token, start: int) -> bool:
    """'"It is over." said the minister.', '"Really?" he asked.': a cue opening the sentence the parser split off
    right after a quotation (its first verb, its subject's own clauses aside), which reports nothing of its own
    but perhaps another quotation or a word pointing back at it ('said it twice', 'chanted the slogan'), tags
    that quotation; so does a sentence that opens by pointing back ('That's what the mayor said')."""
    doc = tok.doc
    if _points_at_it(doc, start):
        return True
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    own_aux = {c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")}
    if any(t.pos_ in ("VERB", "AUX") and t.i not in skip | own_aux for t in doc[start : tok.i]):
        return False
    own = (c for c in tok.children if c.dep_ in ("ccomp", "dobj", "xcomp"))
    return all(ctx.in_quote(c.idx, c.idx + len(c)) or _points_back(c) for c in own)


POINTERS = frozenset({"that", "this", "those", "these", "such"})


def _points_at_it(doc: Doc, start: int) -> bool:
    """A sentence opening "That's what ...", "Those were the words ...", "That was how ...": about the quotation
    before it (not "This week, the minister said ...")."""
    return doc[start].lower_ in POINTERS and start + 1 < len(doc) and doc[start + 1].lemma_ == "be"
QUOTED_THINGS = frozenset({"word", "slogan", "phrase", "line", "remark", "message", "question", "chant", "words"})


def _points_back(tok: Token) -> bool:
    """ "it", "that", "the words", "the slogan": an object that stands for the quotation just before."""
    if tok.lower_ in ("it", "that", "this", "so"):
        return True
    return tok.lemma_.lower() in QUOTED_THINGS and any(
        d.lower_ in ("the", "those", "that", "these", "this") for d in tok.lefts
    )


def _cue_sentence_before(ctx: Context, d: Direct, used: set[int]) -> bool:
    """ "Comic artist Jenn St-Onge told of being forced to re-evaluate her life. "In my first stint, ..."": a
    quotation opening a sentence right after one whose speech verb attributed nothing of its own is that
    speaker's."""
    doc = ctx.doc
    span = doc.char_span(d.mark.start, d.mark.end, alignment_mode="expand")
    if span is None or span.sent.start == 0 or not sentence_like(ctx, d):
        return False
    prev = doc[span.sent.start - 1].sent
    verb = prev.root
    if verb.i in used or ctx.para_of(verb.idx) != ctx.para_of(d.mark.start) or ctx.in_quote(verb.idx, verb.idx + 1):
        return False
    m = quote_cues.match(verb, ctx.lex)
    found = _speaking_subject(ctx, verb) if m is not None else None
    if m is None or found is None:
        return False
    subj, speakers = found
    cue = quote_cues.cue_span(m)
    attach(d, speakers, cue, quote_cues.via(m, subj, ctx.lex), status_of(m, subj), verb.idx, d.mark.open_at - verb.idx, verb.i)
    return True


def _colon_intro(ctx: Context, d: Direct) -> bool:
    """ "Tanya Chan spoke to the press: "..."", "Khamenei justified the strike as defensive: "..."": a sentence
    ending in a colon right before the quotation introduces it, whatever its verb; its subject speaks."""
    at = d.mark.open_at - 1
    while at >= 0 and ctx.text[at].isspace():
        at -= 1
    if at < 0 or ctx.text[at] != ":":
        return False
    colon = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None:
        return False
    verb = colon[0].head  # the verb the colon closes ("a man who cited his experience: "...""), else the sentence's
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if ctx.in_quote(verb.idx, verb.idx + 1):
        # 'The ministry issued the following statement from the king: "..."': the parser made the introduction
        # a clause of the quotation's verb (not 'Le Pen mocked the president's speech: "..."': whose words those
        # are the introduction does not say)
        verb = next((c for c in verb.lefts if c.dep_ in ("ccomp", "parataxis") and c.i < colon[0].i), verb)
        if any(_someone_elses_words(o, ctx) for o in verb.children if o.dep_ == "dobj"):
            return False
    if verb.pos_ != "VERB" or ctx.in_quote(verb.idx, verb.idx + 1):
        return False
    found = _speaking_subject(ctx, verb)
    if found is None:
        return False
    subj, speakers = found
    distance = d.mark.open_at - verb.idx
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "issued the following statement:" names the channel; "took a parting shot on Twitter:" a phrase on a word does
    # ("opposed Macron's statement:" names Macron's, not the subject's)
    own = [o for o in objects if not _anothers(o)]
    chan = next(filter(None, (quote_speaker.channel_of(o, ctx.lex) for o in own)), None)
    chan = chan or quote_cues.channel_near([verb, subj, *objects], ctx.lex)
    author = _author(ctx, objects) if chan is not None else None
    if author is not None:  # "The palace issued a statement from the king:": the king speaks
        speakers = author
    attach(d, speakers, (verb.idx, verb.idx + len(verb)), chan, "neutral", verb.idx, distance, verb.i)
    return True


def _anothers(obj: Token) -> bool:
    """An object with a possessor named in it ("Macron's statement"), not the subject's own ("his statement")."""
    return any(g.dep_ == "poss" and g.pos_ != "PRON" for g in obj.children)


def _someone_elses_words(obj: Token, ctx: Context) -> bool:
    """ "the president's speech", "Macron's statement": words the object says are another's (not "Soleimani's
    lifepath", which the speaker praises in his own)."""
    spoken = quote_speaker.channel_of(obj, ctx.lex) is not None or obj.lemma_.lower() in ("remark", "word", "comment")
    return spoken and _anothers(obj)


def _author(ctx: Context, documents: list[Token]) -> list[Speaker] | None:
    """The speakers of "a statement from the king", "a letter by the minister": the one a document is from."""
    for doc_tok in documents:
        for prep in doc_tok.rights:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ in ("from", "by") else None
            if pobj is not None and prep.dep_ == "prep":
                speakers = speakers_of(pobj, ctx)
                if quote_speaker.can_speak(pobj, speakers, ctx.lex):
                    return speakers
    return None


def _speaking_subject(ctx: Context, verb: Token) -> tuple[Token, list[Speaker]] | None:
    """The subject of a verb that introduces a quotation, with its speakers, when it can be a source at all:
    outside any quotation, not a bare number, a name, pronoun, role, group or document."""
    subj = _reporter(ctx, verb)
    if subj is None:
        return None
    speakers = speakers_of(subj, ctx)
    return (subj, speakers) if quote_speaker.can_speak(subj, speakers, ctx.lex) else None


FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


def _introduced(ctx: Context, d: Direct) -> Speaker | None:
    """The person the sentence before a cue-less quotation is about, when the quotation speaks in the first
    person: news copy introduces a speaker ("Maria Lopez has run the bakery for twenty years.") and lets
    the quotation after it speak ("I have never seen ..."). Only a named person who is the subject of that
    sentence, and only a sentence that reports nobody's words itself."""
    doc = ctx.doc
    inner = doc.char_span(d.mark.start, d.mark.end, alignment_mode="expand")
    if inner is None or not any(t.lower_ in FIRST_PERSON for t in inner):
        return None
    own = doc[inner[0].sent.start : inner[-1].sent.end]
    if any(t.pos_ == "VERB" and not ctx.in_quote(t.idx, t.idx + 1) and quote_cues.match(t, ctx.lex) for t in own):
        return None  # a cue of its own ('"...," wrote Trump') that found no speaker: not the person before
    mark = doc.char_span(d.mark.open_at, d.mark.open_at + 1, alignment_mode="expand")
    if mark is None or mark.start == 0:
        return None
    sent = doc[mark.start - 1].sent
    if sent.end > mark.start or ctx.para_of(sent.start_char) < ctx.para_of(d.mark.open_at) - 1:
        return None  # the quotation opens inside that sentence, or a paragraph lies between
    if any(ctx.in_quote(t.idx, t.idx + 1) or (t.pos_ == "VERB" and quote_cues.match(t, ctx.lex)) for t in sent):
        return None
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ != "PERSON":
        return None
    speakers = speakers_of(subj, ctx)
    return speakers[0] if len(speakers) == 1 and speakers[0].etype == "PERSON" else None


CUE_SENTENCE_REST = re.compile(r"[^.!?\"“”\n]{0,120}[.!?][^\S\n]*")  # no-break spaces too


def _goes_on(ctx: Context, d: Direct, attributed: list[Cand]) -> bool:
    """'“It is a tough charge,” Pence said. “But, come on.”': a quotation opening a sentence right after the sentence
    of a cue, in the same paragraph, is the same speaker going on, however short it is."""
    opening = ctx.text[d.mark.start : d.mark.end].lstrip("[(…. ")[:1]
    cued = [c.cue[1] for c in attributed if c.cue is not None and c.speaker is not None and c.cue[1] <= d.mark.open_at]
    if not opening.isupper() or not _ends_sentence(ctx, d) or not cued:
        return False  # not a sentence of its own: '"Parasite" won the award'
    return CUE_SENTENCE_REST.fullmatch(ctx.text, max(cued), d.mark.open_at) is not None


def _ends_sentence(ctx: Context, d: Direct) -> bool:
    """Whether the quoted words end in a full stop, question or exclamation mark or an ellipsis (not a comma)."""
    return ctx.text[d.mark.start : d.mark.end].rstrip()[-1:] in (".", "?", "!", "…")


def _perfect(ctx: Context, c: Cand) -> bool:
    """"has blamed", "have claimed": a summary of what the speaker has said over time, not the message just named
    ("lashed out on Twitter, accusing her ... The president has blamed Democrats": no tweet)."""
    if c.cue_tok is None:
        return False
    return any(a.dep_ == "aux" and a.lemma_ == "have" for a in ctx.doc[c.cue_tok].children)


def _occasion(ctx: Context, c: Cand, prev: Cand) -> bool:
    """ "Mr. Obama said on Saturday night at the gala", "he told a crowd in Cleveland": a cue that names when, where
    or to whom the words were said is another occasion than the message before, unless that message was dated
    the same ("In a statement on Monday, ... The ministry said Monday that ...")."""
    if c.cue_tok is None:
        return False
    cue = ctx.doc[c.cue_tok]
    before = {e.text.lower() for e in ctx.doc[prev.cue_tok].sent.ents} if prev.cue_tok is not None else set()
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN") and cue.lemma_.lower() == "tell":
            return True
        if child.dep_ not in ("npadvmod", "prep"):
            continue
        named = {
            t.lower_
            for t in child.subtree
            if t.ent_type_ in ("DATE", "TIME", "FAC", "EVENT") and not ctx.in_quote(t.idx, t.idx + 1)
        }
        if named and not all(any(word in e for e in before) for word in named):
            return True  # a word of the time or place that the message before did not name
    return False


def _has_clause(tok: Token) -> bool:
    """A content clause or a to-infinitive under the cue ("were reported by local media to have visited")."""
    return any(
        c.dep_ == "ccomp" or (c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
        for c in tok.children
    )


ASPECTUAL = frozenset({"begin", "start", "continue", "keep", "resume", "stop"})


def _activity(tok: Token, ctx: Context) -> bool:
    """A gerund naming an activity, not someone's report: "a law to mandate reporting abuses", "making
    suggestions and reporting bugs"; its subject is inherited from a verb that reports nothing. ("began
    reporting 30 cases a day", "condemning the attack and urging calm" and "made headlines by accusing her
    boss" stay reports.)"""
    if tok.tag_ != "VBG" or tok.dep_ not in ("xcomp", "conj") or any(c.dep_ == "nsubj" for c in tok.children):
        return False
    head = tok.head
    if head.lemma_.lower() in ASPECTUAL or any(c.dep_ == "aux" for c in tok.children):
        return False
    return head.pos_ not in ("VERB", "AUX") or quote_cues.match(head, ctx.lex) is None


def _introduces(ctx: Context, tok: Token, directs: list[Direct]) -> bool:
    """Whether a cue opens the quotation right after it ("writes back, "...""), with a comma or colon and no other
    verb between (not "she said, adding: "..."")."""
    end = tok.idx + len(tok)
    for o in directs:
        gap = ctx.text[end : o.mark.open_at]
        if o.mark.open_at <= end or len(gap) >= 30 or "\n" in gap or not gap.rstrip().endswith((",", ":")):
            continue
        between = ctx.doc.char_span(end, o.mark.open_at, alignment_mode="contract")
        if between is not None and not any(t.pos_ in ("VERB", "AUX") for t in between):
            return True
    return False


def _reporter(ctx: Context, tok: Token) -> Token | None:
    """The subject of a cue when the words can be anyone's report: outside any quotation, not a bare number
    ("reported on Tuesday, 21 confirmed cases": 'confirmed' misparsed), and not a question, the unsaid or no
    one's ("How well do you think ...?", "it goes without saying", "Nobody said")."""
    subj = quote_cues.speaker_token(tok)
    if subj is None or ctx.in_quote(subj.idx, subj.idx + 1) or _bare_number(subj):
        return None
    return None if quote_cues.reports_nothing(tok, subj) else subj


def _bare_number(tok: Token) -> bool:
    """A number standing alone ("reported on Tuesday, 21 confirmed cases"), not "One of the victims", "The two",
    "Those over 60": a determiner makes it a group of people."""
    if not tok.like_num or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    return not any(c.dep_ == "det" and c.lower_ in ("the", "those", "these", "all") for c in tok.lefts)


def _named_thing(span, cue: Token) -> bool:
    """A quotation hanging from a participle ("a conference dubbed "..."") names a thing; nobody says it."""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end]
    words = [t for t in span if t.is_alpha]
    if roots and roots[0].dep_ in ("pobj", "appos") and words and all(t.text[:1].isupper() or t.is_stop for t in words):
        return True  # 'told reporters on "Fox News Sunday"', 'his event, "Storm Area 51, They Can't Stop All of Us",
    for root in roots[:1]:
        tok = root.head
        for _ in range(6):
            if tok == cue or tok.head == tok:
                return False
            if tok.dep_ in ("acl", "relcl") and tok.pos_ == "VERB":
                return True
            tok = tok.head
    return False


_NAME_WORD = re.compile(r"[A-Z][\w.'’-]*")
_TITLE_SMALL_WORDS = frozenset("a an the of and in on for to at by with or".split())
_AMOUNT = re.compile(r"[$€£]?\d[\d,.]*%?")
_NAME_PREPS = frozenset({"on", "of", "from", "with", "in", "at"})
# the nouns a name in marks is the name of ('the "Never Trump" movement'), after it
_NAMED_HEADS = (
    "movement|campaign|group|program|programme|show|act|bill|law|party|initiative|caucus|coalition|tour|plan|"
    "policy|project|committee|organization|network|series|podcast|book|film|movie|album|song|event|conference|"
    "summit|operation|doctrine|club|fund|foundation|award|prize|era|wing|faction|agenda|brand|franchise|festival|"
    "protest|march|rally|website|site|blog|page|account|hashtag|app|game|team|exhibition|report|study|column"
)
_NAMED_THING = re.compile(rf"(?:{_NAMED_HEADS})s?\b")
_NAME_END = re.compile(r"(?:[.,;:)]|$|and\b|or\b|that\b)")  # 'a member of "Neocons For Hillary" and never was'


def _in_a_name(text: str, m: MarkedQuote) -> bool:
    """A quotation that is part of a name: a nickname between given name and surname ('Marcia "Cia" Price'), or a
    title in capitals after a possessive ('told MSNBC's "Morning Joe" that'). Nobody says either."""
    if m.close_at is None or len(m.stretches) != 1:
        return False
    words = text[m.start : m.end].split()
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return False
    if not all(_NAME_WORD.fullmatch(w) or w in _TITLE_SMALL_WORDS or _AMOUNT.fullmatch(w) for w in words):
        return False  # every word capitalised but "of", "the" ...: no sentence, no end punctuation
    before = text[max(0, m.open_at - 40) : m.open_at].split()
    prev_word = before[-1] if before else ""
    after = text[m.close_at + 1 : m.close_at + 40].lstrip(" ")
    given = _NAME_WORD.fullmatch(prev_word) and not (prev_word.endswith(".") and len(prev_word) > 2)  # not "Washington."
    if len(words) <= 2 and given and re.match(r"[A-Z][a-z]+\b", after):
        return True  # 'Marcia "Cia" Price'
    # 'the "Never Trump" movement', 'a member of "Neocons For Hillary" and', 'said on "Meet the Press."' (not
    # 'the "Fake News Media" is', 'blasted the "Do Nothing Democrats" on Twitter': a phrase of the speaker's)
    if len(words) >= 2 and prev_word.lower() in _NAME_PREPS | {"the"} and _NAMED_THING.match(after):
        return True
    if len(words) >= 2 and prev_word.lower() in _NAME_PREPS and _NAME_END.match(after):
        return True
    return prev_word.endswith(("'s", "’s")) and prev_word[:1].isupper()


def _dedupe(cands: list[Cand]) -> list[Cand]:
    seen: set[tuple] = set()
    out = []
    for c in cands:
        key = (c.kind, tuple(c.stretches), c.speaker.source.name if c.speaker else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def extract(doc: Doc, article: Article) -> list[Quote]:
    """Every attribution in the article, in text order, ids Q1, Q2, ..."""
    lex = load()
    ctx = Context(doc, article, lex)
    # a one-word phrase in single marks is emphasis ('can' and 'may'), not a quotation
    # a quoted gloss in parentheses ('anti-Brexit ("British exit")') is a translation, not a quotation
    directs = [
        Direct(m)
        for m in scan(article.text, article.warnings)
        if not (m.single and one_word(ctx, m))
        and article.text[max(0, m.open_at - 1) : m.open_at] != "("
        and not _in_a_name(article.text, m)
    ]
    ctx.set_quotes(directs)
    # a labelled line ("((Kay)) I think ...") is one quote of its speaker, as a quotation in marks would be: the cues
    # in it ("I think", "we know") are not attributions of their own
    labelled = label_lines(ctx, directs)
    ctx.answers = sorted(c.stretches[0] for c in labelled if c.kind == "direct")
    cands, used = _cue_pass(ctx, directs)
    cands += according_pass(ctx, directs)
    cands += opinion_pass(ctx, directs)
    cands += nominal_pass(ctx, directs, cands)
    cands = [c for c in cands if not ctx.in_answer(c.order)] + labelled
    for d in directs:
        if not d.cands:
            _nearby_cue(ctx, d, directs, used)
    for d in directs:
        if not d.cands:
            dash_line(ctx, d)
    # quotations still without a cue: the previous quote's speaker, when they read as sentences
    attributed = cands + [c for d in directs for c in d.cands]
    for d in directs:
        if d.cands or not (sentence_like(ctx, d) or _goes_on(ctx, d, attributed)):
            continue
        para = ctx.para_of(d.mark.start)
        prior = [c for c in attributed if c.order < d.mark.start and c.speaker is not None]
        prev = max(prior, key=lambda c: c.order) if prior else None
        introduced = _introduced(ctx, d)
        if introduced is not None and (prev is None or not same(prev.speaker, introduced)):
            # 'Maria Lopez has run the bakery for twenty years. "I have never seen a winter like this."'
            d.cands = [Cand("direct", list(d.mark.stretches), None, introduced, None, order=d.mark.start)]
        elif prev is not None and para - ctx.para_of(prev.order) <= 1:
            d.cands = [Cand("direct", list(d.mark.stretches), None, prev.speaker, prev.via, order=d.mark.start)]
        attributed.extend(d.cands)
    cands += [c for d in directs for c in d.cands]
    resolve_in_order(ctx, cands)
    cands += headline(ctx, cands)
    cands.sort(key=lambda c: (c.order, c.start))
    # a speaker keeps the channel (and conveyor) of the quote before when no new one is named
    delivered = conveyors(ctx)
    prev: Cand | None = None
    for c in cands:
        if c.speaker is None:
            continue
        summary = c.via is None and _perfect(ctx, c)  # keeps no channel, and breaks no chain of one
        near = prev is not None and ctx.para_of(c.order) - ctx.para_of(prev.order) <= 1
        same_message = near and prev.via and same(prev.speaker, c.speaker) and not _occasion(ctx, c, prev)
        if c.via is None and same_message and not summary:
            c.via = prev.via  # the same message goes on; paragraphs later, the speaker may speak anywhere
        if c.via in delivered and not same_source(delivered[c.via], c.speaker.source):
            c.conveyor = delivered[c.via]
        if not summary:
            prev = c
    cands = _dedupe([c for c in cands if c.speaker is not None])
    cands.sort(key=lambda c: (c.start, c.order))
    return [to_quote(ctx.text, f"Q{i}", c) for i, c in enumerate(cands, 1)]


CLOSING_AFTER = re.compile(r"[.,!?]?[\"”]")  # a closing double mark right after a content's end


def _closed(text: str, start: int, end: int) -> int:
    """The end of a content that opens a quotation or a bracket and does not close it, moved past the closing mark
    the parser hung on the cue instead ('said Trump talks to Kushner "almost daily."', 'about 18 mph (8 m/s).'):
    the quoted phrase or the gloss stays whole."""
    inner = text[start:end]
    if inner.count("(") > inner.count(")") and text.startswith(")", end):
        end += 1
        inner = text[start:end]
    if inner.count("“") > inner.count("”") or ("“" not in inner and inner.count('"') % 2 == 1):
        m = CLOSING_AFTER.match(text, end)
        if m is not None:
            return m.end()
    return end


def to_quote(text: str, ident: str, c: Cand) -> Quote:
    """The record of a finished candidate (quotes and stances alike)."""
    content = [make_span(text, s, _closed(text, s, e)) for s, e in c.stretches]
    return Quote(
        id=ident,
        kind=c.kind,  # type: ignore[arg-type]
        text=" ".join(s.text for s in content),
        content=content,
        cue=make_span(text, *c.cue) if c.cue else None,
        speaker=c.speaker.source if c.speaker else None,
        via=c.via,
        conveyor=c.conveyor,
        status=c.status,  # type: ignore[arg-type]
    )
