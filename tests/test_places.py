"""Places extractor on news-like sentences, through the real pipeline and spaCy model."""

from __future__ import annotations

import pytest

from dateline.extract import places
from dateline.record import Article


@pytest.fixture(scope="module")
def extract(nlp):
    """Places alone on a text, with no reading step, so other modules' choices cannot mask ours."""

    def run(text: str) -> Article:
        article = Article(id="test", text=text)
        article.places = places.extract(nlp(text), article)
        return article

    return run


def _places(article: Article) -> dict[str, object]:
    return {p.text: p for p in article.places}


def test_dateline_region_with_the_and_demonym(extract):
    text = (
        "Talks end in Kazakhstan\n\n"
        "MOSCOW, February 9. /TASS/. Protests broke out in the Mangystau Region of Kazakhstan on January 2, "
        "Kazakh officials told Russian reporters."
    )
    article = extract(text)
    found = _places(article)
    moscow = found["MOSCOW"]
    assert (moscow.name, moscow.kind, moscow.country) == ("Moscow", "city", "RU")
    assert abs(moscow.lat - 55.75) < 0.2 and moscow.gazetteer_id == "geonames:524901"
    region = found["Mangystau Region"]  # "the" left out of the span
    assert (region.name, region.kind, region.country, region.admin1) == ("Mangystau Region", "region", "KZ", "KZ-47")
    assert found["Kazakhstan"].kind == "country"
    assert "Kazakh" not in found and "Russian" not in found
    assert [p.id for p in article.places] == [f"P{i}" for i in range(1, len(article.places) + 1)]


def test_spans_index_the_text(extract):
    text = (
        "Storm hits Texas\n\nA storm struck Paris, a town in northeast Texas, and moved on to Dallas on Sunday. "
        "Officials in Saudi Arabia's capital Riyadh and in the United States' embassy said little."
    )
    article = extract(text)
    assert article.places
    for p in article.places:
        assert article.text[p.start : p.end] == p.text
        assert not p.text.startswith("the ") and not p.text.endswith("'s")


def test_context_resolves_ambiguous_names(extract):
    texas = _places(extract("Storm hits Texas\n\nA storm struck Paris in Texas on Sunday, the governor of Texas said."))
    assert texas["Paris"].country == "US" and texas["Paris"].admin1 == "US-TX"
    france = _places(extract("Summit ends\n\nLeaders met in Paris on Sunday before flying to Berlin."))
    assert france["Paris"].country == "FR"
    georgia = _places(extract("Vote in Tbilisi\n\nVoters in Tbilisi backed the government as Georgia heads to talks."))
    assert (georgia["Georgia"].kind, georgia["Georgia"].country) == ("country", "GE")


def test_compass_part_of_a_country_is_a_region(extract):
    found = _places(extract("Clashes\n\nFighting spread across southern Iraq and into Syria's northeast on Monday."))
    south = found["southern Iraq"]
    assert (south.kind, south.country) == ("region", "IQ")
    assert south.lat < 33.0  # south of Baghdad
    assert found["Syria's northeast"].country == "SY"


def test_dateline_with_region_between_slashes(extract):
    found = _places(extract("Leaders meet\n\nIGORA /Leningrad Region/, December 26. /TASS/. The presidents met."))
    region = found["Leningrad Region"]
    assert (region.kind, region.country, region.admin1) == ("region", "RU", "RU-LEN")
    igora = found["IGORA"]  # not in the gazetteer: located by its region
    assert (igora.kind, igora.country, igora.admin1) == ("other", "RU", "RU-LEN")


def test_nationality_words_and_organizations_are_not_places(extract):
    found = _places(extract("Talks\n\nThe Kazakh and Iranian delegations met Aramco executives and BRICS envoys."))
    assert not {"Kazakh", "Iranian", "Aramco", "BRICS"} & found.keys()


def test_odd_input_gives_no_places(extract):
    assert extract("???\n\n12345 ... ---").places == []
    assert extract(" ").places == []


def test_border_named_by_two_nationality_words(extract):
    found = _places(extract("Clashes\n\nTroops massed along the Syrian-Turkish border on Monday, Syrian media said."))
    border = found["Syrian-Turkish border"]
    assert (border.kind, border.country, border.name) == ("other", "SY", "Syria–Turkey border")
    assert "Syrian" not in found


def test_mismatched_doc_warns_instead_of_emitting_bad_spans(nlp):
    article = Article(id="t", text="Talks in Moscow.")
    assert places.extract(nlp("Talks in Paris today."), article) == []
    assert article.warnings
