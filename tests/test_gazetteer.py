"""The offline gazetteer: lookups by name over the installed registry data."""

from __future__ import annotations

import pytest

from dateline.gazetteer import fold, gazetteer, strip_generic
from dateline.gazetteer.resolve import Context, best


@pytest.fixture(scope="module")
def g():
    return gazetteer()


def test_fold_handles_case_accents_and_dots():
    assert fold("GDAŃSK") == fold("Gdansk") == "gdansk"
    assert fold("U.S.") == "us"
    assert strip_generic(fold("the Mangystau Region")) == ("mangystau", True)
    assert strip_generic("state") == ("state", False)


def test_region_with_generic_word(g):
    choice = best(g.lookup("the Mangystau Region"), Context())
    assert choice is not None and choice.generic
    e = choice.entry
    assert (e.kind, e.country, e.admin1, e.gid) == ("region", "KZ", "KZ-47", "csc:state:KZ-47")
    assert abs(e.lat - 44.4) < 0.5 and abs(e.lon - 53.8) < 0.5


def test_moscow_is_the_russian_city(g):
    e = best(g.lookup("MOSCOW"), Context()).entry
    assert (e.name, e.kind, e.country, e.gid) == ("Moscow", "city", "RU", "geonames:524901")


def test_country_by_name_and_alias(g):
    assert best(g.lookup("Kazakhstan"), Context()).entry.gid == "iso:KZ"
    for alias in ("Britain", "U.K.", "United Kingdom"):
        assert best(g.lookup(alias), Context()).entry.country == "GB"


def test_country_beats_same_named_region(g):
    e = best(g.lookup("Georgia"), Context(home="US")).entry
    assert (e.kind, e.country) == ("country", "GE")


def test_alternate_name_finds_the_city(g):
    e = best(g.lookup("Basra"), Context()).entry
    assert (e.kind, e.country, e.name) == ("city", "IQ", "Basrah")
    assert best(g.lookup("Moskva"), Context()).entry.gid == "geonames:524901"


def test_large_regions_are_other_without_country(g):
    e = best(g.lookup("Eurasia"), Context()).entry
    assert (e.kind, e.country) == ("other", None)
    assert best(g.lookup("the Middle East"), Context()).entry.kind == "other"


def test_context_moves_a_small_city_not_a_world_city(g):
    assert best(g.lookup("Paris"), Context()).entry.country == "FR"
    assert best(g.lookup("Paris"), Context(home="US")).entry.country == "FR"


def test_unknown_names_find_nothing(g):
    assert g.lookup("Valdai Club") == []
    assert g.lookup("") == []


def test_compass_sector_lies_in_that_part(g):
    south = g.sector("IQ", "south")
    north = g.sector("IQ", "north")
    assert south is not None and north is not None and south[0] < north[0]


def test_repeated_lookups_give_equal_fresh_lists(g):
    # Answers are kept per name: a caller that filters or clears its list must not change the next answer.
    first = g.lookup("Nairobi")
    assert first and any(m.entry.country == "KE" for m in first)
    first.clear()
    again = g.lookup("Nairobi")
    assert again and again == g.lookup("Nairobi") and again is not g.lookup("Nairobi")
