"""According to whom, and how firmly: the assertion status of an event or a count.

An outlet asserts what it states in its own voice; a fact inside a quote's content is
attributed to the quote's speaker; "claimed"/"alleged" make it contested; "did not"
negates it; a modal ("could", "would") or an "if" clause makes it hypothetical, and
"will" makes it future. Negated and hypothetical facts are kept, only flagged.
"""

from __future__ import annotations

from spacy.attrs import DEP, LOWER, POS
from spacy.tokens import Token

from ..record import Article, Quote, Source, make_span
from .entity_base import children, doc_text, heads, sentence_bounds, sentence_chars, strings

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "can", "ca", "must", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
CONTESTING_VERBS = frozenset({"claim", "allege", "contend", "purport", "insist"})
CONTESTING_WORDS = frozenset({"alleged", "allegedly", "reportedly", "purportedly", "suspected", "supposedly"})
FUTURE_VERBS = frozenset({"plan", "intend", "expect", "prepare", "aim", "schedule", "willing", "prepared", "ready",
                          "determined", "eager", "set"})  # fmt: skip
UNREALIZED = frozenset({"proposed", "planned", "possible", "potential", "draft", "future", "prospective", "imminent",
                        "threatened", "expected", "pending"})  # fmt: skip
NEGATING_VERBS = frozenset({"fail", "refuse", "decline"})
# Dependencies along which the status of a governing clause reaches the fact below it.
GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "nsubj",
                      "nsubjpass", "attr", "compound", "amod", "poss"})  # fmt: skip


def _clause_head(tok: Token) -> int:
    """Index of the verb whose clause contains `tok` (itself when it is a verb)."""
    doc = tok.doc
    pos, head = strings(doc, POS), heads(doc)
    cur = tok.i
    for _ in range(6):
        if pos[cur] in ("VERB", "AUX") or head[cur] == cur:
            return cur
        cur = head[cur]
    return cur


def modality(tok: Token) -> str | None:
    """'negated' | 'hypothetical' | 'future' | 'contested' | None for the clause of `tok`.

    Read off the Doc's token columns (`entity_base.children`, `strings`): this runs for every
    event and count, and walks the same few dependents several times.
    """
    doc = tok.doc
    kids, head = children(doc), heads(doc)
    dep, low = strings(doc, DEP), strings(doc, LOWER)
    verb, t = _clause_head(tok), tok.i
    # (dep, word) of each dependent, read once: the tests below look at them repeatedly.
    own = [(dep[c], low[c]) for c in kids[verb] + kids[t]]
    if any(d == "neg" for d, _ in own) or any(low[c] in ("no", "never") and dep[c] == "det" for c in kids[t]):
        return "negated"
    auxes = {w for d, w in own if d in ("aux", "auxpass")}
    if any(dep[c] == "mark" and low[c] in CONDITIONAL_MARKS for c in kids[verb]):
        return "hypothetical"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    if auxes & FUTURE_AUX or (low[verb] == "going" and any(dep[c] == "xcomp" for c in kids[verb])):
        return "future"
    if any(w in CONTESTING_WORDS for _, w in own):
        return "contested"
    if any(dep[c] == "amod" and low[c] in UNREALIZED for c in kids[t]):
        return "hypothetical"  # "the proposed deal", "an imminent incursion": not (yet) happened
    # A governing clause: "could X", "if X", "will X", "claimed that X", "plans to X".
    cur = verb
    for _ in range(4):
        cur_dep = dep[cur]
        if cur_dep not in GOVERNED or head[cur] == cur:
            break
        gov = head[cur]
        if cur_dep in ("advcl",) and any(dep[c] == "mark" and low[c] in CONDITIONAL_MARKS for c in kids[cur]):
            return "hypothetical"
        gov_lemma = doc[gov].lemma_.lower()
        if gov_lemma in CONTESTING_VERBS and cur_dep == "ccomp":
            return "contested"
        if (gov_lemma in FUTURE_VERBS or low[gov] in FUTURE_VERBS) and cur_dep == "xcomp":
            return "future"
        gov_aux = {low[c] for c in kids[gov] if dep[c] in ("aux", "auxpass")}
        if cur_dep in ("xcomp", "conj") and gov_aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if cur_dep in ("xcomp", "conj") and gov_aux & FUTURE_AUX:
            return "future"
        if cur_dep == "xcomp" and any(dep[c] == "neg" for c in kids[gov]):
            return "negated"
        if cur_dep == "xcomp" and gov_lemma in NEGATING_VERBS:
            return "negated"
        cur = gov
    return None


def quote_at(article: Article, start: int) -> Quote | None:
    """The quote whose content contains character `start`, innermost (shortest) first."""
    best: Quote | None = None
    best_len = 0
    for quote in article.quotes:
        for span in quote.content:
            if span.start <= start < span.end and (best is None or span.end - span.start < best_len):
                best, best_len = quote, span.end - span.start
    return best


def according_to(tok: Token, text: str) -> Source | None:
    """An 'according to X' phrase in the sentence of `tok`: the source when no quote covers it.

    Quotes cover this once the quotes extractor lands; reading it here as well keeps a count's
    source right whatever the quote boundaries are.
    """
    from .event_args import phrase_bounds

    doc = tok.doc
    s_start, s_end = sentence_chars(doc, tok.i)
    if "according" not in doc_text(doc)[s_start:s_end].lower():
        return None  # the test below needs a token "according": most sentences have none
    first, last = sentence_bounds(doc, tok.i)
    for word in doc[first:last]:
        if word.lower_ != "according":
            continue
        for prep in word.children:
            if prep.lower_ != "to":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    i, j = phrase_bounds(obj)
                    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
                    return Source(name=text[start:end], mention=make_span(text, start, end))
    return None


def status_and_source(article: Article, tok: Token) -> tuple[str, Source | None, str | None]:
    """(status, source, quote_id) for a fact whose evidence starts at token `tok`."""
    quote = quote_at(article, tok.idx)
    mod = modality(tok)
    source = quote.speaker if quote is not None else None
    quote_id = quote.id if quote is not None else None
    if source is None:
        source = according_to(tok, article.text)
    if mod is not None:
        return mod, source, quote_id
    return ("attributed" if source is not None else "asserted"), source, quote_id
