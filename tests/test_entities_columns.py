"""The per-Doc token tables of `entity_base` answer exactly what spaCy's Token and Span objects do.

The extractors read heads, children, string attributes, sentences and entities from these tables
instead of building Tokens and Spans (for speed); a table that drifted from spaCy would change
every record silently, so each is checked against spaCy itself on real news text.
"""

from __future__ import annotations

from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_TITLE, IS_UPPER, LEMMA, LOWER, POS, TAG

from dateline.extract.entity_base import (
    children,
    column,
    doc_ents,
    heads,
    sentence_bounds,
    sentence_chars,
    sentence_starts,
    strings,
)

TEXT = (
    "MOSCOW, February 9. /TASS/. Russian Foreign Minister Sergey Lavrov said on Tuesday that the talks "
    'would not resume unless Kyiv withdrew its troops. "We have warned them," he told reporters in Geneva.\n\n'
    "The Collective Security Treaty Organization (CSTO) will hold drills in Kazakhstan's Mangystau Region, "
    "according to the ministry. Officials did not say how many soldiers were killed."
)


def test_heads_and_children_match_spacy(nlp) -> None:
    doc = nlp(TEXT)
    kids, head = children(doc), heads(doc)
    for tok in doc:
        assert head[tok.i] == tok.head.i
        assert kids[tok.i] == [c.i for c in tok.children]
    assert any(kids[tok.i] for tok in doc)  # the text has a parse: the check above compared something


def test_string_and_flag_columns_match_spacy(nlp) -> None:
    doc = nlp(TEXT)
    for attr, name in ((LOWER, "lower_"), (DEP, "dep_"), (POS, "pos_"), (LEMMA, "lemma_"), (ENT_TYPE, "ent_type_"),
                       (TAG, "tag_")):  # fmt: skip
        assert strings(doc, attr) == [getattr(t, name) for t in doc], name
    for attr, name in ((IS_TITLE, "is_title"), (IS_UPPER, "is_upper"), (IS_LOWER, "is_lower"), (IS_ALPHA, "is_alpha"),
                       (IS_PUNCT, "is_punct")):  # fmt: skip
        assert [bool(v) for v in column(doc, attr)] == [getattr(t, name) for t in doc], name


def test_sentences_and_entities_match_spacy(nlp) -> None:
    doc = nlp(TEXT)
    assert sentence_starts(doc) == [s.start for s in doc.sents]
    assert len(sentence_starts(doc)) >= 3
    for tok in doc:
        sent = tok.sent
        assert sentence_bounds(doc, tok.i) == (sent.start, sent.end)
        assert sentence_chars(doc, tok.i) == (sent.start_char, sent.end_char)
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]


def test_entities_cache_follows_a_reset_of_the_doc_entities(nlp) -> None:
    doc = nlp(TEXT)
    assert doc_ents(doc)
    doc.ents = []
    assert doc_ents(doc) == ()
