"""The record's invariants: spans agree with their offsets, one JSON form, a JSON Schema."""

import json

import pytest

from dateline.record import Article, Quote, Source, Span, json_schema, make_span


def test_make_span_agrees_with_text() -> None:
    text = "Lavrov said the talks went well."
    span = make_span(text, 0, 6)
    assert span.text == "Lavrov"
    with pytest.raises(ValueError):
        make_span(text, 10, 100)


def test_record_round_trips_through_json() -> None:
    text = '"We agree," Lavrov said.'
    article = Article(id="a", text=text)
    article.quotes.append(
        Quote(
            id="Q1",
            kind="direct",
            text="We agree,",
            content=[make_span(text, 1, 10)],
            cue=make_span(text, 19, 23),
            speaker=Source(name="Lavrov", mention=make_span(text, 12, 18)),
        )
    )
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article
    assert again.quotes[0].speaker.mention.text == "Lavrov"


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValueError):
        Span.model_validate({"start": 0, "end": 1, "text": "x", "oops": 1})


def test_schema_names_every_section() -> None:
    schema = json_schema()
    props = schema["properties"]
    for section in ("entities", "quotes", "times", "places", "events", "counts"):
        assert section in props
    json.dumps(schema)
