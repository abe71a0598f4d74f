"""According-to attributions: "According to X, ..." and "..., according to X"; and the same said as an
opinion: "In his view, ...", "In the opinion of the court, ...".

The source may be a person, an unnamed description ("the authorities") or a document
("the letter", resolved later to its author).
"""

from __future__ import annotations

from spacy.tokens import Token

from .entity_base import token_matches
from .quote_context import Cand, Context, Direct, attribute_clause, speakers_of
from .quote_cues import match, within_semicolons
from .quote_speaker import channel_of, is_person_role, role_heads

_ACCORDING = frozenset({"according"})
# "In his view, ...": nouns naming someone's judgement, which the clause after them reports
OPINION_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "assessment"})


def according_pass(ctx: Context, directs: list[Direct]) -> list[Cand]:
    """'According to X, ...' and '..., according to X'."""
    out: list[Cand] = []
    doc = ctx.doc
    for tok in token_matches(doc, _ACCORDING):
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        if ctx.in_quote(tok.idx, tok.idx + len(tok)):
            continue  # '"It's according to age groups," said Mattie Thomas': the speaker's own words
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None and tok.i + 2 < len(doc):
            pobj = doc[tok.i + 2].head if doc[tok.i + 2].head.i > tok.i + 1 else doc[tok.i + 2]
        if pobj is None or pobj.tag_ in ("WDT", "WP") or pobj.lower_ == "you":
            continue  # "a report, according to which ...": said elsewhere; "According to you, ...?" asks
        sent = tok.sent
        src_end = max(pobj.right_edge.i, pobj.i)
        # trim the source at a comma (the content may be parsed as part of its NP)
        for i in range(pobj.i, src_end + 1):
            if doc[i].text == ",":
                src_end = i - 1
                break
        src_end = _place_apposition(doc, src_end, sent.end)
        named = _name_in_commas(doc, src_end) if _person_role(pobj, ctx) else None
        if named is not None:
            # "According to the ministry's spokesman, Ivan Petrov, the talks failed": the source is the person named
            src_end, pobj = named.end - 1, named.root
        # the rest of a name the parser left outside the object ("according to NYPD Commissioner James O'Neill")
        while src_end + 1 < sent.end and (doc[src_end + 1].ent_iob_ == "I" or doc[src_end + 1].pos_ == "PROPN"):
            src_end += 1
        src_end = _apposition_after(doc, src_end, sent.end)
        after = [t for t in doc[src_end + 1 : sent.end] if not (t.is_punct or t.is_space)]
        before = [t for t in doc[sent.start : tok.i] if not (t.is_punct or t.is_space)]
        lead = None
        prior = doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].text == "," else None
        if before and after and prior is not None and prior.pos_ == "AUX" and prior.i > sent.start:
            # "One child was, according to the fire service, among the dead": the clause goes on after the source
            rng = (src_end + 1, sent.end - 1)
            lead = ctx.content(sent.start, tok.i - 1, tok.idx)
        elif before and after and (verb := _completed(after, before)) is not None:
            # "Thunberg then led, according to Time, the largest demonstration": the clause is on both sides
            rng = (src_end + 1, sent.end - 1)
            lead = ctx.content(verb.left_edge.i, tok.i - 1, tok.idx)
        elif before and _trails(after):
            rng = (sent.start, tok.i - 1)  # "..., according to X." / "..., according to X, the US attorney."
        else:
            rng = (src_end + 1, sent.end - 1)  # "According to X, ..." or "..., according to X, did Y"
            if before and doc[tok.i - 1].text == "," and not any(t.pos_ in ("VERB", "AUX") for t in before):
                # "The storm, according to the weather service, will reach the coast": the subject before it too
                # (not "attacked him, then, according to officials, fled": what they say is the flight)
                lead = ctx.content(sent.start, tok.i - 1, tok.idx)
        bounded = within_semicolons(rng, tok)
        if bounded is None:
            continue
        content = ctx.content(*bounded, tok.idx)
        if content is None:
            continue
        cue = (tok.idx, to.idx + len(to))
        speakers = speakers_of(pobj, ctx)
        out += attribute_clause(ctx, "according_to", content, directs, speakers, cue, "neutral", tok, lead=lead)
    return out


def opinion_pass(ctx: Context, directs: list[Direct]) -> list[Cand]:
    """ "In his view, X", "In the opinion of the court, X", "From his point of view, X" opening a sentence: X is the
    holder's, as after "According to him,". The holder is the possessor or the "of" object; the cue is the phrase."""
    out: list[Cand] = []
    doc = ctx.doc
    for sent in doc.sents:
        first = sent.start
        while first < sent.end and (doc[first].dep_ == "cc" or doc[first].is_punct):
            first += 1  # "But in his view, ..."
        if first + 2 >= sent.end or doc[first].lower_ not in ("in", "from"):
            continue
        noun = _opinion_noun(doc, first, sent.end)
        if noun is None:
            continue
        holder = next((c for c in noun.children if c.dep_ == "poss"), None)
        if holder is None and any(c.dep_ == "det" for c in noun.children):
            # "In the opinion of the court": a holder who can hold one ("In view of the storm" has none)
            of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            holder = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if holder is not None and not (holder.ent_type_ in ("PERSON", "ORG", "NORP") or _can_hold(holder, ctx)):
                holder = None
        end = noun.right_edge.i
        if holder is None or end + 2 >= sent.end or doc[end + 1].text != ",":
            continue
        if sent.root.i > end and match(sent.root, ctx.lex) is not None:
            continue  # "In their view of the market, analysts said ...": the report inside is the attribution
        bounded = within_semicolons((end + 2, sent.end - 1), noun)
        content = ctx.content(*bounded, noun.idx) if bounded is not None else None
        if content is None or ctx.in_quote(doc[first].idx, noun.idx + len(noun)):
            continue
        last = doc[noun.i + 2] if noun.lower_ == "point" else noun  # the phrase up to its noun, not the "of" holder
        cue = (doc[first].idx, last.idx + len(last))
        speakers = speakers_of(holder, ctx)
        out += attribute_clause(ctx, "according_to", content, directs, speakers, cue, "neutral", noun)
    return out


def _can_hold(tok: Token, ctx: Context) -> bool:
    """A noun that can hold an opinion: a person or body by role ("the court", "experts"), not a thing."""
    lemma = tok.lemma_.lower()
    return lemma in ctx.lex.unnamed or lemma in role_heads()  # every person role is a role head too


def _opinion_noun(doc, first: int, limit: int) -> Token | None:  # noqa: ANN001 - a spaCy Doc
    """The opinion noun of "In his view", "In the opinion of X", "From his point of view" starting at `first`."""
    for i in range(first + 1, min(first + 5, limit)):
        t = doc[i]
        if t.is_punct:
            return None
        if t.lemma_.lower() in OPINION_NOUNS and t.pos_ == "NOUN":
            if t.lemma_.lower() == "view" and i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "point":
                return doc[i - 2]  # "from his point of view": "point" holds the possessive
            return t
    return None


def _completed(after: list[Token], before: list[Token]) -> Token | None:
    """The finite verb before "according to X" whose object or complement follows it ("led, according to Time,
    the largest demonstration"), not a participle ("including, according to reports, 54 children")."""
    inside = {t.i for t in after}
    roots = [t for t in after if t.head.i not in inside]
    heads = {r.head for r in roots}
    if len(heads) != 1 or any(r.dep_ not in ("dobj", "attr", "oprd", "acomp") for r in roots):
        return None
    verb = heads.pop()
    last = before[-1]
    if last.pos_ == "ADP" or last.tag_ == "VBG":
        return None  # "killed at least 62, including, according to reports, 54 children": what the reports count
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb if finite and verb.pos_ in ("VERB", "AUX") and verb in before else None


def _trails(after: list[Token]) -> bool:
    """Whether what follows "according to X" only adds to the source: nothing, a phrase with no verb ("via
    Interfax", ", the U.S. Attorney for Texas"), or a relative clause about it (", who said ...")."""
    if not after:
        return True
    if after[0].tag_ in ("WP", "WDT", "WP$") or after[0].dep_ == "cc":
        return True  # ", who said ...", "killed 20, according to officials, and left ..."
    if after[0].tag_ == "VBG" and after[0].doc[after[0].i - 1].text == ",":
        return True  # "lost 20 seats, according to CBC, resulting in a minority government": what came of the claim
    if any(t.lower_ == "of" and t.i < after[-1].i and t.doc[t.i + 1].tag_ in ("WP", "WDT") for t in after[1:3]):
        return True  # ", some of whom were hospitalised": more about the source
    # "killing at least 20 according to officials on Thursday, and leaving ...": the phrase ends a conjunct
    doc = after[0].doc
    comma = next((t for t in doc[after[0].i : after[-1].i] if t.text == ","), None)
    if comma is not None and doc[comma.i + 1].dep_ == "cc":
        after = [t for t in after if t.i < comma.i]
        if not after:
            return True
    # a verbless phrase: "via Interfax" or an apposition naming the source again, not "and, according to
    # Turkey, supportive of the PKK" (an adjective: the content)
    return after[0].pos_ in ("ADP", "DET", "PROPN", "NOUN") and not any(t.pos_ in ("VERB", "AUX") for t in after)


def _person_role(tok: Token, ctx: Context) -> bool:
    """A role one person holds ("the ministry's spokesman", "Windsor Locks' first selectman"), not a body
    ("police"), a group or a document ("the report")."""
    lemma = tok.lemma_.lower()
    if is_person_role(lemma, ctx.lex):
        return True
    return (
        tok.tag_ == "NN"
        and any(c.dep_ in ("det", "poss") for c in tok.children)
        and ctx.lex.unnamed.get(lemma) is None
        and channel_of(tok, ctx.lex) is None
    )


def _name_in_commas(doc, end: int):  # noqa: ANN001, ANN202 - a spaCy Doc and Span
    """The person named between commas right after a source that is a role ("the ministry's spokesman, Ivan Petrov,")."""
    start = end + 2
    if start >= len(doc) or doc[end + 1].text != "," or doc[end].ent_type_ == "PERSON":
        return None
    return _person_then_comma(doc, start, len(doc))


def _person_then_comma(doc, start: int, limit: int):  # noqa: ANN001, ANN202 - a spaCy Doc and Span
    """The person's name opening at token `start` when a comma closes it before `limit` ("Ivan Petrov,")."""
    if doc[start].ent_iob_ != "B" or doc[start].ent_type_ != "PERSON":
        return None
    stop = start + 1
    while stop < limit and doc[stop].ent_iob_ == "I":
        stop += 1
    return doc[start:stop] if stop < limit and doc[stop].text == "," else None


def _apposition_after(doc, end: int, limit: int) -> int:  # noqa: ANN001 - a spaCy Doc
    """Extend a source over a description set off by commas, when a clause follows it: "According to Sadie Weiner,
    Hagan's former spokeswoman, Hagan died ..." (not "According to police, John Smith, 45, ...", whose "45" is the
    content's)."""
    if end + 3 >= limit or doc[end + 1].text != ",":
        return end
    close = next((k for k in range(end + 2, min(limit, end + 10)) if doc[k].text == ","), None)
    if close is None or close + 1 >= limit:
        return end
    phrase = doc[end + 2 : close]
    described = phrase.root.pos_ == "NOUN" and not any(t.pos_ in ("VERB", "AUX", "NUM") for t in phrase)
    rest = doc[close + 1 : limit]
    if _person_then_comma(doc, close + 1, limit) is not None:
        return end  # "according to ISNA, the prosecutor general of Tehran, Ali Mehr, said ...": his title
    clause = rest[0].tag_ not in ("WDT", "WP") and any(t.dep_ in ("nsubj", "nsubjpass") for t in rest)
    if described and clause and doc[end].ent_type_ in ("PERSON", "ORG"):
        return close - 1
    return end


def _place_apposition(doc, end: int, limit: int) -> int:  # noqa: ANN001 - a spaCy Doc
    """Extend a source ending in a place over its ", State," ("according to police in Baytown, Texas, ...")."""
    while (
        end + 3 < limit
        and doc[end].ent_type_ == "GPE"
        and doc[end + 1].text == ","
        and doc[end + 2].ent_type_ == "GPE"
        and doc[end + 2].ent_iob_ == "B"
    ):
        last = end + 2
        while last + 1 < limit and doc[last + 1].ent_iob_ == "I":
            last += 1
        if last + 1 >= limit or doc[last + 1].text != ",":
            break
        end = last
    return end
