"""Reading plain text: headline, standfirst, dateline, date line, corpus header, chrome, sign-offs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GOLD_DEV, needs_shared
from dateline.reading import read
from dateline.reading.dates import infer_year
from dateline.record import Article, Document, iter_spans

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dateline" / "samples" / "wikinews"


def read_text(text: str | bytes, **kw) -> Article:
    article = read(Document(id=kw.pop("id", "t"), content=text, **kw))
    for span in iter_spans(article):
        assert article.text[span.start : span.end] == span.text
    return article


WIRE_STORIES = [
    (
        "TASS",
        "Russia, Belarus to hold joint drills\n\n"
        "MOSCOW, February 9. /TASS/. Russia and Belarus will hold joint military drills next week, the Russian "
        "Defense Ministry said on Wednesday.",
        "Moscow",
        "TASS",
        "MOSCOW, February 9. /TASS/.",
    ),
    (
        "Reuters",
        "Oil prices climb on supply worries\n\n"
        "LONDON, Feb 9 (Reuters) - Oil prices rose on Wednesday as worries about tight supply outweighed signs "
        "of progress in talks between Iran and world powers.",
        "London",
        "Reuters",
        "LONDON, Feb 9 (Reuters) -",
    ),
    (
        "Reuters 1980s",
        "U.S. TRADE DEFICIT NARROWS IN JANUARY\n\n"
        "WASHINGTON, March 3 - The U.S. trade deficit narrowed in January, the Commerce Department said,\n"
        "as imports of oil and cars fell sharply from the month before and\n"
        "exports held steady.\n"
        "    The department said the deficit was 10.4 billion dlrs.\n"
        " Reuter\n",
        "Washington",
        "Reuters",
        "WASHINGTON, March 3 -",
    ),
    (
        "AP",
        "Storm knocks out power across the South\n\n"
        "ATLANTA (AP) — A line of severe storms knocked out power to more than 200,000 homes across Georgia "
        "and Alabama on Tuesday, utilities said.",
        "Atlanta",
        "AP",
        "ATLANTA (AP) —",
    ),
    (
        "AP with state",
        "Earthquake shakes island\n\n"
        "SAN JUAN, Puerto Rico (AP) — A magnitude 5.1 earthquake shook the south of the island early Monday, "
        "but officials said there were no reports of damage.",
        "San Juan",
        "AP",
        "SAN JUAN, Puerto Rico (AP) —",
    ),
    (
        "AFP",
        "Kremlin rejects claims\n\n"
        "Moscow (AFP) - The Kremlin on Thursday rejected Western claims that it was preparing an attack, "
        "calling them hysteria.",
        "Moscow",
        "AFP",
        "Moscow (AFP) -",
    ),
    (
        "Xinhua",
        "China, Russia pledge closer ties\n\n"
        "BEIJING, Feb. 9 (Xinhua) -- Chinese and Russian officials pledged on Wednesday to deepen cooperation "
        "in trade and energy.",
        "Beijing",
        "Xinhua",
        "BEIJING, Feb. 9 (Xinhua) --",
    ),
    (
        "Interfax",
        "Ukraine gas transit steady\n\n"
        "KYIV. Feb 9 (Interfax-Ukraine) - Gas transit through Ukraine to Europe remained stable on Wednesday, "
        "the pipeline operator said.",
        "Kyiv",
        "Interfax-Ukraine",
        "KYIV. Feb 9 (Interfax-Ukraine) -",
    ),
    (
        "dpa",
        "German exports rise\n\n"
        "Berlin (dpa) - German exports rose more than expected in December, the Federal Statistical Office "
        "said on Wednesday.",
        "Berlin",
        "dpa",
        "Berlin (dpa) -",
    ),
    (
        "UPI",
        "Senate passes spending bill\n\n"
        "WASHINGTON, Feb. 9 (UPI) -- The Senate passed a stopgap spending bill late Wednesday, sending it to "
        "the president's desk.",
        "Washington",
        "UPI",
        "WASHINGTON, Feb. 9 (UPI) --",
    ),
]


@pytest.mark.parametrize(("label", "text", "place", "agency", "span"), WIRE_STORIES, ids=[w[0] for w in WIRE_STORIES])
def test_wire_datelines(label: str, text: str, place: str, agency: str, span: str) -> None:
    article = read_text(text)
    assert article.dateline is not None, label
    assert (article.dateline.place, article.dateline.agency) == (place, agency)
    assert article.dateline.span is not None and article.dateline.span.text == span
    assert article.headline is not None and article.headline.text == text.split("\n", 1)[0]
    assert article.body_start == article.dateline.span.start


def test_sentence_opening_is_not_a_dateline() -> None:
    article = read_text("Talks resume\n\nCOVID-19 cases rose again. The President said - as expected - no more.")
    assert article.dateline is None


@needs_shared(GOLD_DEV)
def test_tass_reference_article() -> None:
    path = GOLD_DEV / "tass-2022-02-09-csto.txt"
    article = read_text(path.read_bytes(), id="tass", origin=str(path))
    assert article.headline is not None
    assert article.headline.text.startswith("Valdai Club welcomed by Lavrov letter")
    assert article.text.startswith(article.headline.text)
    assert article.lede is not None and article.lede.text.startswith("According to the letter, the coordinated")
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("Moscow", "TASS")
    assert article.dateline.span is not None and article.dateline.span.text == "MOSCOW, February 9. /TASS/."
    # No year in the dateline: "at the start of 2022" and "on Wednesday" (Feb 9, 2022 was one) give it.
    assert article.published is not None and article.published.date == "2022-02-09"
    assert article.published.how == "dateline+weekday"
    assert "All news" not in article.text
    assert article.source == "TASS"


def test_given_date_wins_but_dateline_still_read() -> None:
    text = "Talks held\n\nMOSCOW, February 9. /TASS/. Officials met on Wednesday, at the start of 2022."
    article = read_text(text, published="2022-02-10T08:00:00Z")
    assert article.published is not None and (article.published.date, article.published.how) == ("2022-02-10", "input")
    assert article.dateline is not None and article.dateline.place == "Moscow"


def test_year_from_text_without_weekday() -> None:
    text = "Envoy hails invitation\n\nHAVANA, December 26. /TASS/. The partnership, which will take effect in "
    text += "January 2025, reflects the country's prestige, the ambassador said."
    article = read_text(text)
    assert article.published is not None
    assert (article.published.date, article.published.how) == ("2024-12-26", "dateline+year-from-text")


def test_year_unknown_warns() -> None:
    article = read_text("Talks held\n\nMOSCOW, February 9. /TASS/. Officials met on Wednesday.")
    assert article.published is None
    assert any("no year" in w for w in article.warnings)


def test_weekday_picks_between_years() -> None:
    # February 9 fell on a Thursday in 2023 and a Wednesday in 2022; the text names 2022 and 2023.
    text = "Since 2022, the group has met monthly; the 2023 plan says so. They met on Thursday."
    assert infer_year(2, 9, text) is not None
    date, how = infer_year(2, 9, text)  # type: ignore[misc]
    assert (date.isoformat(), how) == ("2023-02-09", "dateline+weekday")


@needs_shared(GOLD_DEV)
def test_reuters_caps_headline_and_signoff() -> None:
    path = GOLD_DEV / "reuters-1987-02-26-iran-announces-end-of-major-offensive-in.txt"
    article = read_text(path.read_bytes(), id="reuters")
    assert article.headline is not None
    assert article.headline.text == "IRAN ANNOUNCES END OF MAJOR OFFENSIVE IN GULF WAR"
    assert article.dateline is not None
    # The 1980s dateline names no agency: it comes from the trailing "Reuter" sign-off.
    assert (article.dateline.place, article.dateline.agency) == ("London", "Reuters")
    assert not article.text.rstrip().endswith("Reuter")
    # Hard-wrapped lines are joined into paragraphs.
    assert "Iran announced tonight that its major offensive against Iraq" in article.text
    assert article.published is not None and article.published.date == "1987-02-26"


def test_byline_and_standfirst() -> None:
    text = (
        "Ministers agree new fishing quotas\n\nThe deal ends months of wrangling over catches in the North Sea\n\n"
        "By Anna Berg and Tom Hale\n\nBRUSSELS, Dec 12 (Reuters) - European Union ministers agreed new fishing "
        "quotas on Tuesday after talks that ran through the night."
    )
    article = read_text(text)
    assert article.byline is not None and article.byline.text == "By Anna Berg and Tom Hale"
    assert article.lede is not None and article.lede.text.startswith("The deal ends months")
    assert article.dateline is not None and article.dateline.place == "Brussels"
    assert article.body_start == article.dateline.span.start  # type: ignore[union-attr]


def test_reporting_credit_dropped() -> None:
    text = (
        "Central bank holds rates\n\nLONDON, Feb 9 (Reuters) - The Bank of England kept interest rates "
        "unchanged on Wednesday, as expected.\n\nThe decision was unanimous. (Reporting by Jane Doe; Editing by "
        "John Roe)\n"
    )
    article = read_text(text)
    assert "Reporting by" not in article.text
    assert article.text.endswith("The decision was unanimous.")


def test_wikinews_date_line() -> None:
    text = (
        "Bombs kill at least 20 at cathedral\n\nMonday, January 28, 2019\n\nTwin bombings yesterday struck "
        "the cathedral, killing at least 20 people."
    )
    article = read_text(text)
    assert article.published is not None
    assert (article.published.date, article.published.how) == ("2019-01-28", "date-line")
    assert article.lede is not None and article.lede.text.startswith("Twin bombings")
    assert "Monday, January 28, 2019" in article.text


def test_corpus_header_is_metadata() -> None:
    path = sorted(SAMPLES.glob("wn_2019-01-23_*.txt"))[0]
    article = read_text(path.read_bytes(), id=path.stem)
    assert article.headline is not None
    assert article.headline.start == 0
    assert article.headline.text == "Germany bans Mahan Air of Iran, citing 'security'"
    assert article.published is not None
    assert (article.published.date, article.published.how) == ("2019-01-23", "input")
    assert article.url == "https://en.wikinews.org/wiki/Germany_bans_Mahan_Air_of_Iran,_citing_%27security%27"
    assert article.source == "Wikinews"
    assert "license:" not in article.text and "url:" not in article.text


def test_chrome_lines_dropped() -> None:
    text = (
        "All news\n\nCity council approves budget\n\nShare\n\nThe city council approved the budget on Monday "
        "after a long debate.\n\nAdvertisement\n\nCouncillors argued for hours.\n\n—Jane Smith on the vote\n\n"
        "Read more\n\nThe council chamber. Image: John Doe (flickr).\n\nHome > News > Local\n"
    )
    article = read_text(text)
    assert article.headline is not None and article.headline.text == "City council approves budget"
    for chrome in ("All news", "Share", "Advertisement", "—Jane Smith", "Read more", "Image: John Doe", "Home >"):
        assert chrome not in article.text
    assert "Councillors argued for hours." in article.text


@needs_shared(GOLD_DEV)
@pytest.mark.parametrize("gold_path", sorted(GOLD_DEV.glob("*.json")), ids=lambda p: p.stem[:40])
def test_gold_metadata(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    given = gold.get("input") or {}
    article = read_text(
        (GOLD_DEV / gold["document"]).read_bytes(),
        url=given.get("url"),
        published=given.get("published"),
        source=given.get("source"),
    )
    meta = gold["metadata"]
    assert article.headline is not None and article.headline.text.casefold() == meta["headline"].casefold()
    assert (article.published.date if article.published else None) == meta.get("published")
    if meta.get("dateline"):
        assert article.dateline is not None
        assert (article.dateline.place, article.dateline.agency) == (
            meta["dateline"]["place"],
            meta["dateline"]["agency"],
        )
    else:
        assert article.dateline is None
    for chrome in meta.get("boilerplate", []):
        assert chrome not in article.text


def test_story_without_headline() -> None:
    article = read_text(
        "LONDON, Feb 9 (Reuters) - Oil prices rose on Wednesday.\n\nTraders said supply was tight, and that "
        "talks with Iran had stalled."
    )
    assert article.headline is None
    assert article.dateline is not None and article.dateline.span is not None
    assert article.dateline.span.start == 0 and article.body_start == 0


def test_first_sentence_is_not_a_headline() -> None:
    article = read_text("The council approved the budget on Monday.\n\nCouncillors argued for hours before the vote.")
    assert article.headline is None
    assert article.lede is not None and article.lede.text == "The council approved the budget on Monday."


def test_cnn_style_dateline_without_separator() -> None:
    article = read_text(
        "Markets wobble on trade talk doubts\n\nHong Kong (CNN Business) A muddled view of trade talks weighed on "
        "investors on Tuesday."
    )
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("Hong Kong", "CNN Business")
    assert article.dateline.span is not None and article.dateline.span.text == "Hong Kong (CNN Business)"


@needs_shared(GOLD_DEV)
def test_pipeline_spans_index_clean_text(extract) -> None:
    text = (GOLD_DEV / "tass-2022-02-09-csto.txt").read_text(encoding="utf-8")
    article = extract(text)
    assert article.headline is not None and article.text.startswith(article.headline.text)
    assert article.dateline is not None and article.dateline.place == "Moscow"
    assert "All news" not in article.text
    for span in iter_spans(article):
        assert article.text[span.start : span.end] == span.text


def test_wire_archive_entities_and_control_characters() -> None:
    text = (
        "U.K. MONEY MARKET SHORTAGE FORECAST REVISED\n\nLONDON, March 3 - The Bank of England said it revised its\n"
        "forecast of the shortage in the money market to 450 mln stg\nfrom 400 mln, said &lt;Barclays Bank Plc> "
        "traders.\n    The bank added that it would not operate\nin the market this morning.\n Reuter\n&#3;"
    )
    article = read_text(text)
    assert "said <Barclays Bank Plc> traders." in article.text
    assert article.text.endswith("in the market this morning.")
    assert article.dateline is not None and article.dateline.agency == "Reuters"
    assert article.source == "Reuters"
