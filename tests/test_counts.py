"""Counts extractor: values, qualifiers, what was counted, and who gave the figure."""

from __future__ import annotations

import pytest

from dateline.extract import counts
from dateline.record import Article, Quote, Source, make_span


@pytest.fixture(scope="module")
def run(nlp):
    def go(text: str, quotes: dict | None = None) -> Article:
        article = Article(id="t", text=text)
        for n, (content, speaker) in enumerate((quotes or {}).items()):
            i = text.index(content)
            article.quotes.append(Quote(id=f"q{n}", kind="direct", text=content,
                                        content=[make_span(text, i, i + len(content))], speaker=Source(name=speaker)))  # fmt: skip
        article.counts = counts.extract(nlp(text), article)
        return article

    return go


def _facts(article: Article) -> set[tuple]:
    return {(c.what, c.value, c.qualifier) for c in article.counts}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("More than 4,500 people were injured in the clashes.", ("injured", 4500, "more than")),
        ("Some 225 people were killed in the unrest.", ("killed", 225, "about")),
        ("At least 20 were killed when the bombs exploded.", ("killed", 20, "at least")),
        ("Police arrested up to 300 demonstrators on Sunday.", ("arrested", 300, "up to")),
        ("Nearly twenty villagers died in the flood of violence.", ("killed", 20, "about")),
        ("The army evacuated three dozen residents from the town.", ("evacuated", 36, "exact")),
        ("Fighting has displaced 2.5 million people since March.", ("displaced", 2500000, "exact")),
        ("Dozens of protesters were detained by riot police.", ("arrested", 24, "at least")),
        ("Thousands marched through the capital on Saturday.", ("protesters", 2000, "at least")),
        ("Roughly one million people marched in London.", ("protesters", 1000000, "about")),
        ("The vigil was attended by hundreds.", ("protesters", 200, "at least")),
        ("The funeral was attended by hundreds.", ("participants", 200, "at least")),
        ("Hundreds gathered for a rally outside parliament.", ("protesters", 200, "at least")),
        ("A drone attack left six soldiers dead.", ("killed", 6, "exact")),
        ("Fewer than 50 people were hurt.", ("injured", 50, "less than")),
    ],
)
def test_value_qualifier_and_what(run, text, fact):
    article = run(text)
    assert fact in _facts(article)
    for c in article.counts:
        assert text[c.start : c.end] == c.text
        assert c.source is None and c.status == "asserted"


def test_numbers_that_are_not_head_counts(run):
    article = run("The 2019 budget of $50 million was cut by 20 percent on 3 May, and 81 tanks were destroyed.")
    assert article.counts == []


def test_according_to_gives_source(run):
    text = "According to the authorities, more than 4,500 people were injured, and some 225 people were killed."
    article = run(text)
    assert _facts(article) == {("injured", 4500, "more than"), ("killed", 225, "about")}
    for c in article.counts:
        assert c.source is not None and c.source.name == "the authorities" and c.status == "attributed"
        assert c.source.mention is not None and c.source.mention.text == "the authorities"


def test_inside_quote_source_is_speaker(run):
    text = '"Ten of our officers were wounded," the police chief said.'
    article = run(text, quotes={"Ten of our officers were wounded,": "the police chief"})
    (count,) = article.counts
    assert (count.what, count.value) == ("injured", 10)
    assert count.source is not None and count.source.name == "the police chief" and count.status == "attributed"


def test_reported_by_speech_verb(run):
    article = run("The governor claimed 90 civilians were wounded.")
    (count,) = article.counts
    assert count.source is not None and count.source.name == "The governor"


def test_single_person(run):
    article = run("The mayor was stabbed on stage. He died today.")
    assert ("killed", 1, "exact") in _facts(article)


def test_coordinated_figures_share_what(run):
    text = "The confirmed deaths are fourteen civilians, five soldiers, and one member of the Coast Guard."
    article = run(text)
    assert {("killed", 14), ("killed", 5), ("killed", 1)} <= {(c.what, c.value) for c in article.counts}


def test_hypothetical_count_flagged(run):
    article = run("Officials warned that as many as 500 people could be killed.")
    (count,) = article.counts
    assert (count.value, count.qualifier, count.status) == (500, "up to", "hypothetical")


def test_each_distributes_over_groups(run):
    text = "Seventeen soldiers were wounded, and two each from the Coast Guard and the National Police."
    article = run(text)
    twos = [c for c in article.counts if c.value == 2]
    assert len(twos) == 2 and all(c.what == "injured" for c in twos)
    assert twos[1].text.endswith("the National Police")


def test_people_without_casualty_word_are_other(run):
    article = run("Hundreds of thousands of federal workers are going without pay, and 16 million people voted.")
    assert {(c.what, c.value) for c in article.counts} == {("other", 200000), ("other", 16000000)}
    article = run("He leaves a wife and three daughters.")
    assert article.counts == []
