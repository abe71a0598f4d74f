"""PLOVER/POLECAT records and flat event rows: field names, values and evidence spans."""

from __future__ import annotations

from dateline.export.plover import event_rows, plover_records
from dateline.record import Actor, Article, Count, Event, Place, Published, make_span

TEXT = "Protests broke out in Almaty on January 2, and 225 people were killed."


def _article() -> Article:
    a = Article(id="a1", url="https://example.org/a1", source="Wire", text=TEXT,
                published=Published(date="2022-02-09", how="input"))  # fmt: skip
    a.places = [Place(id="p1", start=22, end=28, text="Almaty", name="Almaty", kind="city", country="KZ",
                      lat=43.25, lon=76.92)]  # fmt: skip
    killed = TEXT.index("225 people were killed")
    a.counts = [Count(id="c1", start=killed, end=killed + 22, text=TEXT[killed : killed + 22], what="killed",
                      value=225, qualifier="exact", event="ev1")]  # fmt: skip
    a.events = [
        Event(
            id="ev1",
            type="PROTEST",
            mode="demo",
            trigger=make_span(TEXT, 0, 18),
            actor=Actor(text="protesters", sector="CVL"),
            target=None,
            place="Almaty",
            place_id="p1",
            country="KZ",
            date="2022-01-02",
            counts=["c1"],
        )  # fmt: skip
    ]
    return a


def test_plover_record_fields():
    (rec,) = plover_records(_article())
    for key in ("event_id", "story_date", "event_type", "event_mode", "source_actor", "source_country", "source_agent",
                "target_actor", "target_country", "target_agent", "location", "country", "latitude", "longitude",
                "event_date", "event_text", "evidence_start", "evidence_end", "story_id", "url", "status"):  # fmt: skip
        assert key in rec, key
    assert rec["event_id"] == "a1:ev1" and rec["event_type"] == "PROTEST" and rec["event_mode"] == "demo"
    assert (rec["latitude"], rec["longitude"], rec["country"]) == (43.25, 76.92, "KZ")
    assert rec["source_agent"] == "CVL" and rec["target_actor"] is None
    assert TEXT[rec["evidence_start"] : rec["evidence_end"]] == rec["event_text"] == "Protests broke out"
    assert rec["counts"][0]["value"] == 225


def test_event_rows_are_flat_with_span():
    (row,) = event_rows(_article())
    assert all(not isinstance(v, list | dict) for v in row.values())
    assert (row["article_id"], row["url"], row["event_id"]) == ("a1", "https://example.org/a1", "ev1")
    assert TEXT[row["start"] : row["end"]] == row["trigger"]
    assert row["counts"] == "killed exact 225"


def test_pure_functions_of_the_article(extract):
    article = extract("Police arrested 30 protesters in Almaty on Friday.", published="2022-01-08")
    before = article.model_dump()
    rows, records = event_rows(article), plover_records(article)
    assert article.model_dump() == before
    assert len(rows) == len(records) == len(article.events) >= 1
    for row in rows:
        assert article.text[row["start"] : row["end"]] == row["trigger"]
