"""According to whom, and how firmly: the assertion status of an event or a count.

An outlet asserts what it states in its own voice; a fact inside a quote's content is
attributed to the quote's speaker; "claimed"/"alleged" make it contested; "did not"
negates it; a modal ("could", "would") or an "if" clause makes it hypothetical, and
"will" makes it future. Negated and hypothetical facts are kept, only flagged.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..record import Article, Quote, Source, make_span

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


def _clause_head(tok: Token) -> Token:
    """The verb whose clause contains `tok` (itself when it is a verb)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            return cur
        cur = cur.head
    return cur


def modality(tok: Token) -> str | None:
    """'negated' | 'hypothetical' | 'future' | 'contested' | None for the clause of `tok`."""
    verb = _clause_head(tok)
    # (dep, word) of each dependent, read once: the tests below would otherwise fetch them from spaCy repeatedly.
    own = [(c.dep_, c.lower_) for c in list(verb.children) + list(tok.children)]
    if any(dep == "neg" for dep, _ in own) or any(
        c.lower_ in ("no", "never") and c.dep_ == "det" for c in tok.children
    ):
        return "negated"
    auxes = {low for dep, low in own if dep in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return "hypothetical"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    if auxes & FUTURE_AUX or (verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)):
        return "future"
    if any(low in CONTESTING_WORDS for _, low in own):
        return "contested"
    if any(c.dep_ == "amod" and c.lower_ in UNREALIZED for c in tok.children):
        return "hypothetical"  # "the proposed deal", "an imminent incursion": not (yet) happened
    # A governing clause: "could X", "if X", "will X", "claimed that X", "plans to X".
    cur = verb
    for _ in range(4):
        if cur.dep_ not in GOVERNED or cur.head == cur:
            break
        gov = cur.head
        if cur.dep_ in ("advcl",) and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in cur.children):
            return "hypothetical"
        if gov.lemma_.lower() in CONTESTING_VERBS and cur.dep_ == "ccomp":
            return "contested"
        if (gov.lemma_.lower() in FUTURE_VERBS or gov.lower_ in FUTURE_VERBS) and cur.dep_ == "xcomp":
            return "future"
        gov_aux = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
        if cur.dep_ in ("xcomp", "conj") and gov_aux & HYPOTHETICAL_AUX:
            return "hypothetical"
        if cur.dep_ in ("xcomp", "conj") and gov_aux & FUTURE_AUX:
            return "future"
        if cur.dep_ == "xcomp" and any(c.dep_ == "neg" for c in gov.children):
            return "negated"
        if cur.dep_ == "xcomp" and gov.lemma_.lower() in NEGATING_VERBS:
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
    from .entity_base import doc_text
    from .event_args import phrase_bounds

    sent = tok.sent
    if "according" not in doc_text(tok.doc)[sent.start_char : sent.end_char].lower():
        return None  # the test below needs a token "according": most sentences have none
    for word in sent:
        if word.lower_ != "according":
            continue
        for prep in word.children:
            if prep.lower_ != "to":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    i, j = phrase_bounds(obj)
                    doc = tok.doc
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
