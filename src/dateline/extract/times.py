"""Time expressions, normalized against the publication date and the narrative's date in force.

One pass over the candidates in text order (time_spans finds them, time_grammar reads them):
- deictic words ("yesterday", "last week", "Wednesday", a date without a year) resolve against
  the reference date, `article.published.date`; a year-less date takes the year nearest the
  reference in the direction of its verb's tense (past: on or before, future: after);
- anaphoric ones ("a few days later", "the next day", "at that time", a bare clock time) resolve
  against the date in force: the last expression before them that named a day or a range of days;
- vague ones ("the past years", "recently") are emitted with value None;
- without a publication date, deictic ones lean on the last absolute date in the text, else None.
`anchor` records what each was resolved against: "published" or the id of another TimeExpr.

Conventions (the dev gold's where it shows one, TimeML's otherwise):
- granularity is kept: "next month" -> YYYY-MM, "last week" -> the ISO week YYYY-Www, "this year" -> YYYY;
- "the start/beginning of 2022" -> 2022-01, "the end of 2019" -> 2019-12; "early/mid/late 2019" ->
  2019-01/2019-04, 2019-05/2019-08, 2019-09/2019-12; "early/mid/late January" -> days 1-10, 11-20,
  21-end; halves, quarters and seasons -> month ranges; "the 1990s" -> 1990/1999;
- "a few days later" -> 1..6 days after the date in force ("several" 2..7, "a couple of" 2..3);
- "the last five years" -> 2014/2019 (unit granularity, up to the reference); "the past years" -> None;
- "now", "currently", "today" -> the reference day;
- durations ("for two years"), ages, frequencies ("annually") are not emitted; nor are "subsequently",
  "then", "later" alone (order, not time);
- a clock time is its day: the date in force, else the reference day.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from ..record import Article, TimeExpr, make_span
from . import time_calendar as cal
from .entity_base import children, sentence_chars, strings
from .time_grammar import Context, Reading, lexicon, parse
from .time_spans import calendar_word, candidates, names_capitalized, not_a_date

_OPENING = 12  # characters from a sentence's start within which a stated year governs the sentence
_SENTENCE_REACH = 1000  # a year further back than this is taken to be in another sentence (saves the lookup)
_SCHEDULE = {"plan", "schedule", "slate", "reschedule", "postpone"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_PAST_AUX = {"had", "was", "were", "did", "has", "have", "'d", "'ve"}


def _reference(article: Article) -> date | None:
    if article.published is None:
        return None
    try:
        return date.fromisoformat(article.published.date[:10])
    except ValueError:
        article.warnings.append(f"times: unreadable publication date {article.published.date!r}")
        return None


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.i not in range(span.start, span.end):
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def direction(doc: Doc, start: int, end: int) -> int:
    """Tense of the verb governing a span: -1 past, +1 future, 0 present or unknown."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0
    if span.root.dep_ in ("poss", "compound", "nmod", "amod"):
        return 0  # "Wednesday's ruling": the date names a thing, not when the verb happened
    if span.start > 0 and doc[span.start - 1].lower_ == "since":
        return -1
    verb = _governing_verb(doc, start, end)
    return 0 if verb is None else _tense(verb)


def _tense(verb: Token, depth: int = 0) -> int:
    planned = lexicon()["intent"]
    doc = verb.doc
    kids, dep, low = children(doc)[verb.i], strings(doc, DEP), strings(doc, LOWER)
    auxes = [doc[c] for c in kids if dep[c] in ("aux", "auxpass")]
    lowers = {low[c.i] for c in auxes}
    if lowers & _FUTURE_AUX or low[verb.i] in _FUTURE_AUX:
        return 1
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(dep[c] == "xcomp" for c in kids):
        return 1
    if verb.lemma_ in planned and any(c.tag_ in ("VBZ", "VBP") for c in auxes):
        return 1  # "is scheduled for Friday"
    if verb.lemma_ in _SCHEDULE:
        return 1  # "planned a rally on Saturday", "scheduled the vote for May 5": the plan lies ahead
    if any(c.tag_ == "VBD" for c in auxes) or lowers & _PAST_AUX:
        return -1
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes):
        return -1
    if any(c.tag_ == "MD" for c in auxes):
        return 1  # "would be ready to leave as soon as Tuesday", "could meet in March"
    if verb.tag_ == "VB" and "to" in lowers:
        head = verb.head
        if head == verb:
            return 1  # headline infinitive: "Lavrov to hold news conference on December 26"
        if head.lemma_ in planned or depth > 2:
            return 1  # "planned to leave on Thursday", "due to expire"
        if head.pos_ not in ("VERB", "AUX"):
            return 0  # "offers to acquire the company Friday": the date may belong to the clause above
        return _tense(head, depth + 1)  # "had been allowed to carry out an inspection since Jan. 13"
    return 0


def _sentence_start(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    return sentence_chars(doc, span.start)[0] if span is not None and doc.has_annotation("SENT_START") else 0


def _is_quarter(when: cal.When) -> bool:
    return when.gran == "month" and when.start.month in (1, 4, 7, 10) and when.end.month == when.start.month + 2


def _is_day_level(when: cal.When | None) -> bool:
    return when is not None and when.gran == "day"


def extract(doc: Doc, article: Article) -> list[TimeExpr]:
    """Every time expression of the article with its normalized value and anchor."""
    text = article.text
    published = _reference(article)
    out: list[TimeExpr] = []
    force: cal.When | None = cal.day(published) if published else None
    force_id = "published"
    ref, ref_id = published, "published"
    quarter: cal.When | None = None
    years: list[tuple[int, int, str]] = []  # (start, year, id) of expressions stating a year
    for cand in candidates(doc, text):
        span_text = text[cand.start : cand.end]
        if not names_capitalized(span_text) or re.fullmatch(r"\d{1,3}|\W*", span_text):
            continue
        # "In 2016, ... on June 23": a year opening the sentence sets the year of the dates after it
        hint = None
        if years and years[-1][0] >= cand.start - _SENTENCE_REACH:
            sent_start = _sentence_start(doc, cand.start, cand.end)
            hint = next(((y, i) for s, y, i in reversed(years) if sent_start <= s <= sent_start + _OPENING), None)
        ctx = Context(ref=ref, force=force, direction=direction(doc, cand.start, cand.end),
                      year_hint=hint[0] if hint else None, quarter=quarter)  # fmt: skip
        try:
            reading = parse(span_text, ctx)
        except (ValueError, OverflowError) as exc:  # a date past the calendar's ends: skip it, say so
            article.warnings.append(f"times: cannot resolve {span_text!r}: {exc}")
            continue
        if reading is None:
            if cand.source != "ner" or not_a_date(span_text) or not calendar_word(span_text):
                continue
            reading = Reading(None, "vague")
        tid = f"T{len(out) + 1}"
        anchor = _anchor(reading, ref_id, force_id, hint[1] if hint else None)
        span = make_span(text, cand.start, cand.end)
        when = reading.when
        out.append(TimeExpr(id=tid, start=span.start, end=span.end, text=span.text,
                            value=when.value() if when else None, anchor=anchor))  # fmt: skip
        if when is None:
            continue
        if reading.mode == "absolute" and when.start.year == when.end.year:
            years.append((cand.start, when.start.year, tid))
            if published is None and when.gran == "day" and not when.span:
                ref, ref_id = when.start, tid
        if _is_day_level(when) and reading.mode != "clock":
            force, force_id = when, tid
        if _is_quarter(when) and reading.mode != "anaphoric":
            quarter = when
    return out


def _anchor(reading: Reading, ref_id: str, force_id: str, hint_id: str | None) -> str | None:
    if reading.when is None or reading.mode in ("absolute", "vague"):
        return None
    if reading.mode == "hinted":
        return hint_id
    if reading.mode in ("anaphoric", "clock"):
        return force_id
    return ref_id
