"""Counts: how many people were killed, injured, arrested, displaced, evacuated, or took part.

A count is a number ("4,500", "twenty", "three dozen", "thousands") tied by the parse to a word
that says what happened to the people counted ("were injured", "killed 20", "left six soldiers
dead", "the deaths are fourteen civilians", "attended by thousands", "protesters"). The qualifier
comes from the words before the number ("more than", "some", "at least"); the source from the
quote the count sits in, an "according to X", or the speech verb that reports it; none means
the outlet states it. Counts the words do not tie to people are left out (money, dates, votes).
Count.event is filled by the events extractor, which runs after this one.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import LEMMA, LIKE_NUM, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from .. import lexicons
from ..record import Article, Count, Source, make_span
from .count_numbers import group, is_group_head, is_number, numeric_words, value_of
from .entity_base import column
from .event_lexicon import count_cues, person_nouns, qualifiers, triggers
from .event_status import status_and_source

# Steps from the counted noun to the word that says what happened to it.
UP_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "conj", "appos", "advcl", "dative", "oprd"})
CHILD_CUE_DEPS = frozenset({"amod", "acl", "oprd", "acomp", "relcl"})
# A lone person ("He died today", "the journalist was shot dead") counts one.
PERSON_WORDS = frozenset({"he", "she"})
ONE_PERSON_NOUNS = frozenset({"individual", "person", "man", "woman", "child", "boy", "girl", "journalist", "soldier",
                              "officer", "policeman", "civilian", "protester", "resident", "student", "worker"})  # fmt: skip
MAX_SPAN_TOKENS = 10
# Predicative words that make a verb a casualty cue ("left six soldiers dead", "shot dead").
_STATE_WORDS = ("dead", "wounded", "injured", "missing")


def _cue_of(tok: Token) -> str | None:
    cues = count_cues()
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        what = cues.get((lemma, "verb"))
        if what:
            return what
        for child in tok.children:  # "left six soldiers dead", "shot dead"
            if child.dep_ in ("oprd", "acomp", "xcomp") and child.lower_ in _STATE_WORDS:
                return cues.get((child.lower_, "adj"))
        return None
    return cues.get((lemma, "noun")) or cues.get((tok.lower_, "noun")) or cues.get((tok.lower_, "adj"))


def _counted(head: Token) -> Token:
    """The noun the number counts: "225 people" -> people; "thousands of protesters" -> protesters."""
    if head.dep_ in ("nummod", "nmod") and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return head.head
    return head


# Categories that say who people are rather than what happened to them: an event word
# ("arrested") overrides them.
_WHO_THEY_ARE = frozenset({"protesters", "participants"})


def _what(noun: Token, number: Token) -> tuple[str | None, Token | None]:
    """(Count.what, the cue token): what happened to them beats who they are.

    "300 demonstrators were arrested" counts arrests; "300 demonstrators gathered" protesters.
    """
    own, own_cue = _own_cue(noun, number)
    if own is not None and own not in _WHO_THEY_ARE:
        return own, own_cue
    event, event_cue = _governing_cue(noun)
    if event is not None and (own is None or event not in _WHO_THEY_ARE):
        return event, event_cue
    return own, own_cue


def _own_cue(noun: Token, number: Token) -> tuple[str | None, Token | None]:
    for tok in (noun, number):
        what = _cue_of(tok) if tok.pos_ != "VERB" else None
        if what:
            return what, tok
        for child in tok.children:
            if child.dep_ in CHILD_CUE_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
                target = child
                if child.dep_ == "prep":
                    target = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if target is None or not is_number(target) and target.pos_ not in ("NOUN",):
                        continue
                if target is not None and (what := _cue_of(target)):
                    return what, target
    return None, None


def _governing_cue(noun: Token) -> tuple[str | None, Token | None]:
    cur = noun
    for _ in range(3):
        dep = cur.dep_
        if cur.head == cur:
            return None, None
        head = cur.head
        if dep == "pobj":
            nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
            if head.lower_ in ("to", "than") and nxt is not None and is_number(nxt):
                what = _cue_of(head.head)  # "arrested up to 300": the qualifier misread as a preposition
                return (what, head.head) if what else (None, None)
            if head.lower_ == "by" and head.dep_ == "agent":  # "attended by thousands"
                cur = head.head
                what = _cue_of(cur)
                return (what, cur) if what else (None, None)
            if head.lower_ == "of" and head.head.pos_ == "NOUN":  # "a toll of 27 dead"
                what = _cue_of(head.head)
                return (what, head.head) if what else (None, None)
            return None, None
        if dep not in UP_DEPS:
            return None, None
        what = _cue_of(head)
        if what:
            return what, head
        if head.lemma_ == "be":  # "the deaths are fourteen civilians"; "as were seventeen"
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c != cur), None)
            if subj is not None and (what := _cue_of(subj)):
                return what, subj
        cur = head
    return None, None


def _people(noun: Token, number: Token) -> Token | None:
    """The people a number counts when no word says what happened to them ("16 million people wanted ...",
    "hundreds of thousands of federal workers", "the 2.8 million who voted")."""
    persons = person_nouns()
    if noun.lemma_.lower() in persons:
        return noun
    if noun == number:
        for child in number.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in persons:
                        return obj
                    if obj.dep_ == "pobj" and is_number(obj):  # "hundreds of thousands of workers"
                        found = _people(obj, obj)
                        if found is not None:
                            return found
            if child.dep_ == "relcl" and any(g.lower_ == "who" for g in child.children):
                return number
    return None


def _qualifier(doc: Doc, first: int, vague: bool) -> tuple[str, int]:
    """(qualifier, index of its first token) from the words just before the number."""
    table = qualifiers()
    for width in (3, 2, 1):
        start = first - width
        if start < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start:first])
        if phrase in table:
            return table[phrase], start
    return ("at least" if vague else "exact"), first


def _speech_source(article: Article, cue: Token) -> Source | None:
    """Source of a count reported by a speech verb: "Mijares claimed 90 civilians were wounded"."""
    verbs = lexicons.words("cues.tsv")
    cur = cue
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "conj", "advcl") or cur.head == cur:
            return None
        cur = cur.head
        if cur.lemma_.lower() in verbs:
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ == "PRON":
                return None
            from .event_args import phrase_bounds

            i, j = phrase_bounds(subj)
            doc = cue.doc
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            return Source(name=article.text[start:end], mention=make_span(article.text, start, end))
    return None


def _one_person(tok: Token) -> Token | None:
    """A casualty verb whose subject is a single person: the count is one."""
    what = _cue_of(tok) if tok.pos_ == "VERB" else None
    if what not in ("killed", "injured", "arrested", "missing"):
        return None
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and tok.dep_ == "acl" and tok.tag_ == "VBN":  # headline: "Journalist X shot dead"
        subjects = [tok.head]
    for child in subjects:
        if child.lower_ in PERSON_WORDS or child.ent_type_ == "PERSON":
            return child
        if child.lemma_.lower() in ONE_PERSON_NOUNS and child.tag_ == "NN":
            return child
    return None


def _make(doc: Doc, article: Article, toks: list[Token], what: str, value: int, qualifier: str, cue: Token) -> Count:
    i, j = min(t.i for t in toks), max(t.i for t in toks)
    if j - i > MAX_SPAN_TOKENS:
        j = max(t.i for t in toks if t != cue)
        i = min(t.i for t in toks if t != cue)
    span = make_span(article.text, doc[i].idx, doc[j].idx + len(doc[j].text))
    status, source, _ = status_and_source(article, cue)
    if source is None:
        source = _speech_source(article, cue)
        if source is not None and status == "asserted":
            status = "attributed"
    return Count(id="", start=span.start, end=span.end, text=span.text, what=what, value=value,  # type: ignore[arg-type]
                 qualifier=qualifier, source=source, status=status)  # type: ignore[arg-type]  # fmt: skip


def extract(doc: Doc, article: Article) -> list[Count]:
    """Head counts in text order, one per (what, value, source) fact, ids c1, c2, ..."""
    out: list[Count] = []
    seen: set[tuple[str, int]] = set()
    for i in _candidates(doc):
        tok = doc[i]
        try:
            count = _from_number(doc, article, tok) if is_group_head(tok) else None
            if count is None and tok.pos_ == "VERB":
                count = _from_person(doc, article, tok)
        except Exception as exc:  # noqa: BLE001 - an odd parse must not lose the article's other counts
            article.warnings.append(f"count at offset {tok.idx} skipped: {type(exc).__name__}: {exc}")
            continue
        if count is None:
            continue
        key = (count.what, count.value)
        if key in seen:
            continue  # a figure repeated (headline and body) is one fact
        seen.add(key)
        out.append(count)
        out.extend(_distributed(doc, article, tok, count))
    for n, count in enumerate(out, 1):
        count.id = f"c{n}"
    return out


@cache
def _number_hashes() -> frozenset[int]:
    return frozenset(get_string_id(word) for word in numeric_words())


@cache
def _state_hashes() -> frozenset[int]:
    return frozenset(get_string_id(word) for word in _STATE_WORDS)


@cache
def _verb_cues() -> frozenset[str]:
    return frozenset(lemma for lemma, kind in count_cues() if kind == "verb")


# Whether a lemma (by its hash) lower-cases to a casualty verb: decided once per lemma for the process.
_VERB_CUE: dict[int, bool] = {}


def _candidates(doc: Doc) -> list[int]:
    """Indices of the tokens a count can start from, in text order, read off token attribute arrays.

    A superset of the tokens `extract` would keep: numbers (a number word, or like_num), and verbs
    that can be casualty cues (a cue lemma, or a "dead"/"wounded" complement). Every other token
    gives no count, so the Python Token objects of most of the text are never built.
    """
    if not len(doc):
        return []
    numbers, states = _number_hashes(), _state_hashes()
    lowers, likes, poss, lemmas = column(doc, LOWER), column(doc, LIKE_NUM), column(doc, POS), column(doc, LEMMA)
    if len(_VERB_CUE) > 500_000:  # a very long run: keep the table bounded
        _VERB_CUE.clear()
    cues, strings = _verb_cues(), doc.vocab.strings
    out = {i for i, (low, like) in enumerate(zip(lowers, likes, strict=True)) if like or low in numbers}
    for i, (pos, lemma) in enumerate(zip(poss, lemmas, strict=True)):
        if pos == VERB:
            known = _VERB_CUE.get(lemma)
            if known is None:
                known = _VERB_CUE[lemma] = strings[lemma].lower() in cues
            if known:
                out.add(i)
    out.update(doc[i].head.i for i, low in enumerate(lowers) if low in states)
    return sorted(out)


def _from_number(doc: Doc, article: Article, tok: Token) -> Count | None:
    toks = group(tok)
    value, vague = value_of(toks)
    if value is None:
        return None
    noun = _counted(tok)
    what, cue = _what(noun, tok)
    if what is None or cue is None:
        people = _people(noun, tok)
        if people is None or value < 2:
            return None
        what, cue = "other", people
        noun = people
    if tok.lower_ == "one" and noun == tok:
        return None
    if what == "participants" and _protest_gathering(cue):
        what = "protesters"  # "the vigil was attended by thousands": people at a protest are protesters
    qualifier, qstart = _qualifier(doc, toks[0].i, vague)
    span_toks = [*toks, noun, cue, doc[qstart]]
    return _make(doc, article, span_toks, what, value, qualifier, cue)


def _protest_gathering(cue: Token) -> bool:
    """Whether a gathering verb ("attend", "gather") is about a protest-type event (a vigil, a rally, a march):
    its subject, object or "for"/"in" complement is a PROTEST noun in the trigger lexicon."""
    lex = triggers()
    for child in cue.children:
        obj = child
        if child.dep_ == "prep" and child.lower_ in ("for", "in", "at"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ not in ("nsubjpass", "nsubj", "dobj"):
            continue
        if obj is None:
            continue
        rows = lex.get((obj.lemma_.lower(), "noun")) or lex.get((obj.lower_, "noun")) or ()
        if any(r.type == "PROTEST" and not r.requires for r in rows):
            return True
    return False


def _distributed(doc: Doc, article: Article, tok: Token, count: Count) -> list[Count]:
    """ "two each from the Coast Guard and the National Police": one more count per further group."""
    if not is_group_head(tok) or not any(c.lower_ == "each" for c in tok.children):
        return []
    extra = []
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for conj in obj.conjuncts:
                end = conj.right_edge
                span = make_span(article.text, count.start, end.idx + len(end.text))
                extra.append(count.model_copy(update={"start": span.start, "end": span.end, "text": span.text}))
    return extra


def _from_person(doc: Doc, article: Article, verb: Token) -> Count | None:
    person = _one_person(verb)
    if person is None:
        return None
    if any(c.dep_ in ("nummod",) or c.lower_ in ("two", "both") for c in person.children):
        return None
    what = _cue_of(verb) or "killed"
    return _make(doc, article, [person, verb], what, 1, "exact", verb)
