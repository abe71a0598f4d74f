"""Nominal attributions: "Trump's claim that Mexico will pay", "the statement by the ministry that ...".

An attribution noun (`nominal_cues.tsv`) with a complement clause (or, where the lexicon allows it,
an of/for-object or a to-infinitive: "his announcement of new measures", "her pledge to veto it") — 'that' as the clause's marker,
not a relative pronoun ("the claim that he made" is no attribution) — attributes the clause to the
noun's owner: its possessor, its by/from phrase, or the subject of a light verb that voices it
("Trump repeated the claim that ..."). Without an owner nothing is emitted: "the claim that X" alone
says nobody's claim.
"""

from __future__ import annotations

from spacy.symbols import NOUN
from spacy.tokens import Token

from . import quote_cues
from .entity_base import pos_tokens
from .quote_context import Cand, Context, Direct, attribute_clause, speakers_of

CLAUSE_DEPS = {"acl", "ccomp", "relcl", "appos"}
# verbs by which the subject voices a claim as their own (not "rejected the claim that ...")
VOICING_VERBS = {"make", "repeat", "reiterate", "renew", "issue", "express", "voice", "offer", "restate", "echo"}


def _complement(noun: Token, takes: frozenset[str]) -> tuple[int, int] | None:
    """Token range of what the noun reports: its that-clause, or the of/for-object or to-infinitive
    that the lexicon allows it ("his announcement of new measures", "her pledge to veto it")."""
    for child in noun.rights:
        if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
            first = child.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == child.i:
                if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in child.children):
                    return (first.i, child.right_edge.i)
            if (
                "to" in takes
                and child.dep_ == "acl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                return (child.left_edge.i, child.right_edge.i)
        if child.dep_ == "prep" and child.lower_ in takes and child.i == noun.i + 1:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return (objs[0].left_edge.i, objs[0].right_edge.i)
    return None


def _owner(noun: Token) -> Token | None:
    """Whose claim it is: "Trump's claim", "a statement by the ministry", "X repeated the claim"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in VOICING_VERBS:
        return quote_cues.speaker_token(head)
    return None


def nominal_pass(ctx: Context, directs: list[Direct], taken: list[Cand]) -> list[Cand]:
    """Attributions carried by a noun and its that-clause."""
    out: list[Cand] = []
    nouns = ctx.lex.nouns
    seen = {tuple(s) for c in taken for s in c.stretches}
    inside = [s for c in taken for s in c.stretches]
    for tok in pos_tokens(ctx.doc, NOUN):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or ctx.in_quote(tok.idx, tok.idx + len(tok)):
            continue
        if any(a <= tok.idx < b for a, b in inside):
            continue  # "said the company's claim that ... was false": part of that report, not one of its own
        status, takes = nouns[tok.lemma_.lower()]
        rng = _complement(tok, takes)
        if rng is None:
            continue
        owner = _owner(tok)
        if owner is None or ctx.in_quote(owner.idx, owner.idx + 1):
            continue
        content = ctx.content(*rng, tok.idx)
        if content is None or content in seen:
            continue
        cue = (tok.idx, tok.idx + len(tok))
        out += attribute_clause(ctx, "indirect", content, directs, speakers_of(owner, ctx), cue, status, tok)
    return out
