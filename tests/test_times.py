"""Time expressions: spans, normalized values and anchors, on sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from conftest import GOLD_DEV, needs_shared
from dateline.extract import times
from dateline.pipeline import run_extractors
from dateline.record import Article, Published, TimeExpr


@pytest.fixture(scope="module")
def run(nlp):
    """Only the times extractor over one spaCy pass: `run(text, "2022-02-09")` -> list of TimeExpr."""

    def go(text: str, published: str | None = None) -> list[TimeExpr]:
        article = Article(id="t", text=text, published=Published(date=published, how="input") if published else None)
        run_extractors(nlp(text), article, [("times", times.extract)])
        assert not article.warnings, article.warnings
        for t in article.times:
            assert article.text[t.start : t.end] == t.text
        return article.times

    return go


def values(exprs: list[TimeExpr]) -> dict[str, str | None]:
    return {t.text: t.value for t in exprs}


# --------------------------------------------------------------------------- tense direction


def test_past_tense_weekday_is_on_or_before_the_story(run):
    # 2024-12-26 is a Thursday
    assert values(run("The two presidents met on Wednesday in the capital.", "2024-12-26")) == {
        "Wednesday": "2024-12-25"
    }


def test_future_tense_weekday_is_after_the_story(run):
    assert values(run("The two presidents will meet on Wednesday in the capital.", "2024-12-26")) == {
        "Wednesday": "2025-01-01"
    }


def test_yearless_date_follows_tense(run):
    past = values(run("The talks were held on December 28 in Geneva.", "2023-01-10"))
    future = values(run("The new bridge will open on January 5, officials say.", "2022-12-20"))
    assert past == {"December 28": "2022-12-28"}
    assert future == {"January 5": "2023-01-05"}


def test_tense_does_not_push_a_yearless_date_most_of_a_year_away(run):
    # a past verb would give last year's Nov. 20; a date without a year is written for one nearby
    assert values(run("The offer was extended to Nov. 20 by the board.", "1989-11-01")) == {"Nov. 20": "1989-11-20"}


def test_same_weekday_as_the_story_in_past_tense_is_that_day(run):
    # 2022-02-09 is a Wednesday: "on Wednesday" in the past tense is the same day, not a week before
    exprs = run("The letter was read out by the deputy minister on Wednesday.", "2022-02-09")
    assert values(exprs) == {"Wednesday": "2022-02-09"}
    assert exprs[0].anchor == "published"


def test_weekday_with_a_date_picks_the_year_it_fits(run):
    # Monday, December 30 is a Monday in 2019, the year before the story
    assert values(run("The court ruled on Monday, Dec. 30, that the law stands.", "2020-01-15")) == {
        "Monday, Dec. 30": "2019-12-30"
    }


# --------------------------------------------------------------------------- narrative anchoring


def test_a_few_days_later_is_a_range_after_the_date_in_force(run):
    exprs = run(
        "Riots started in the port on March 3, 2021, and the army arrived a few days later. "
        "The curfew was lifted two days later.",
        "2021-06-01",
    )
    by_text = {t.text: t for t in exprs}
    assert by_text["March 3, 2021"].value == "2021-03-03"
    assert by_text["a few days later"].value == "2021-03-04/2021-03-09"
    assert by_text["a few days later"].anchor == by_text["March 3, 2021"].id
    # a range is in force now: "two days later" counts from its end
    assert by_text["two days later"].value == "2021-03-11"


def test_days_earlier_counts_back_from_a_relative_day(run):
    # 2019-10-15 is a Tuesday: "on Sunday" is the 13th, seven days earlier the 6th
    exprs = run("On Sunday the troops withdrew, a move first announced seven days earlier.", "2019-10-15")
    assert values(exprs) == {"Sunday": "2019-10-13", "seven days earlier": "2019-10-06"}


def test_the_next_day_and_clock_times_use_the_day_in_force(run):
    exprs = run("The vote took place on May 4, 2018. The results came the next day at 9 a.m.", "2018-06-01")
    got = values(exprs)
    assert got["May 4, 2018"] == "2018-05-04"
    assert got["the next day"] == "2018-05-05"
    assert got.get("9 a.m.", "2018-05-05") == "2018-05-05"


def test_at_that_time_takes_the_range_in_force(run):
    exprs = run("The summit was held in the city on October 22-24. The leader was abroad at that time.", "2024-12-26")
    assert values(exprs) == {"October 22-24": "2024-10-22/2024-10-24", "that time": "2024-10-22/2024-10-24"}


def test_without_publication_date_relative_words_lean_on_an_earlier_absolute_date(run):
    exprs = run("Yesterday the council met again. The flood began on March 3, 2021. The water receded the next day.")
    got = values(exprs)
    assert got["Yesterday"] is None
    assert got["March 3, 2021"] == "2021-03-03"
    assert got["the next day"] == "2021-03-04"


# --------------------------------------------------------------------------- last / next / this


def test_deictic_words_against_the_publication_date(run):
    # 2020-01-08 is a Wednesday
    exprs = run(
        "The minister resigned yesterday. Parliament met last week and will vote tomorrow. "
        "Elections are due next month, the second this year, and a census follows next year. "
        "The deal was signed last Friday.",
        "2020-01-08",
    )
    assert values(exprs) == {
        "yesterday": "2020-01-07",
        "last week": "2020-W01",
        "tomorrow": "2020-01-09",
        "next month": "2020-02",
        "this year": "2020",
        "next year": "2021",
        "last Friday": "2020-01-03",
    }
    assert all(t.anchor == "published" for t in exprs)


def test_the_last_n_years_is_a_range_of_years(run):
    assert values(run("The festival has raised money for the last 27 years.", "2019-01-14")) == {
        "the last 27 years": "1992/2019"
    }


# --------------------------------------------------------------------------- what is not a date


def test_durations_ages_and_frequencies_are_not_emitted(run):
    exprs = run(
        "The siege lasted three months. A 42-year-old man, who had served for two years, was held for 24 hours. "
        "The fund is audited annually. He was 34.",
        "2020-01-08",
    )
    assert exprs == []


def test_lowercase_month_words_are_not_dates(run):
    assert run("Thousands will march to the square, and they may stay there.", "2019-03-28") == []


# --------------------------------------------------------------------------- vague and granularity


def test_vague_expressions_have_no_value(run):
    exprs = run("Over the past years the bloc has grown, and recently it admitted a new member.", "2022-02-09")
    assert values(exprs) == {"the past years": None, "recently": None}
    assert all(t.anchor is None for t in exprs)


def test_granularity_is_kept(run):
    exprs = run(
        "The unrest calmed at the start of 2022. Talks began in May 2019 and resumed in 2016-style format in 2016. "
        "Output fell in late 2019 and in the first half of 2020.",
        "2022-02-09",
    )
    got = values(exprs)
    assert got["the start of 2022"] == "2022-01"
    assert got["May 2019"] == "2019-05"
    assert got["2016"] == "2016"
    assert got["late 2019"] == "2019-09/2019-12"
    assert got["the first half of 2020"] == "2020-01/2020-06"


def test_month_without_year_is_the_nearest_in_the_tense_direction(run):
    assert values(run("The president visited Moscow in May.", "2024-12-26")) == {"May": "2024-05"}
    assert values(run("The president will visit Moscow in May.", "2024-12-26")) == {"May": "2025-05"}


# --------------------------------------------------------------------------- spans


def test_prepositions_are_not_part_of_the_span(run):
    text = "By January 7, the situation had stabilized, and on January 19 the emergency was lifted."
    exprs = run(text, "2022-02-09")
    assert [(t.text, t.value) for t in exprs] == [("January 7", "2022-01-07"), ("January 19", "2022-01-19")]
    for t in exprs:
        assert text[t.start : t.end] == t.text
    assert [t.id for t in exprs] == ["T1", "T2"]


def test_odd_input_does_not_crash(run, nlp):
    got = values(run("On February 30 nothing happened, and 2019-13-45 is no date either.", "2020-01-08"))
    assert got.get("February 30") is None and "2019-13-45" not in got
    article = Article(id="bad", text="Talks resumed on Monday.", published=Published(date="not-a-date", how="input"))
    out = times.extract(nlp(article.text), article)
    assert [(t.text, t.value) for t in out] == [("Monday", None)]
    assert article.warnings


# --------------------------------------------------------------------------- the reference article


@needs_shared(GOLD_DEV)
def test_reference_article_times(extract):
    text = (GOLD_DEV / "tass-2022-02-09-csto.txt").read_text(encoding="utf-8")
    article = extract(text, published="2022-02-09")
    gold = json.loads((GOLD_DEV / "tass-2022-02-09-csto.json").read_text(encoding="utf-8"))["times"]
    got = values(article.times)
    for item in gold:
        assert got.get(item["text"], "missing") == item["value"], item


def test_quarters_and_the_year_ago_quarter(run):
    exprs = run("Profit rose 5% in the third quarter from a year earlier, and sales in the quarter fell.", "1989-10-30")
    assert values(exprs) == {
        "the third quarter": "1989-07/1989-09",
        "a year earlier": "1988-07/1988-09",
        "the quarter": "1989-07/1989-09",
    }


def test_the_weekend_told_in_the_past_is_the_last_one(run):
    # 2019-10-15 is a Tuesday
    assert values(run("Officials met over the weekend to discuss the deal.", "2019-10-15")) == {
        "the weekend": "2019-10-12/2019-10-13"
    }
