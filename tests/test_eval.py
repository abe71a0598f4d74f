"""The evaluator: matching and scoring on hand-made gold/system pairs, and the `dateline eval` command."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import GOLD_DEV, needs_shared
from dateline.cli import app
from dateline.evaluate.dates import inside
from dateline.evaluate.match import best_first
from dateline.evaluate.normalize import fold, fold_name, token_f1
from dateline.evaluate.score import (
    coordinates_right,
    score_counts,
    score_document,
    score_entities,
    score_events,
    score_metadata,
    score_places,
    score_quotes,
    score_times,
    sum_scores,
)
from dateline.record import (
    Actor,
    Article,
    Count,
    Dateline,
    Entity,
    Event,
    Mention,
    Place,
    Published,
    Quote,
    Source,
    TimeExpr,
    make_span,
)

TEXT = (
    "MOSCOW, February 9. /TASS/. Foreign Minister Sergey Lavrov said on Wednesday that the talks went well. "
    "“We are satisfied with the results,” Lavrov told reporters. Some 225 people were killed in January, "
    "according to the authorities."
)


def span_of(phrase: str, text: str = TEXT):
    start = text.index(phrase)
    return make_span(text, start, start + len(phrase))


def quote(qid: str, content: str, speaker: str | None, cue: str = "said", kind: str = "indirect", **kw) -> Quote:
    return Quote(
        id=qid,
        kind=kind,
        text=content,
        content=[span_of(content)],
        cue=span_of(cue),
        speaker=Source(name=speaker) if speaker else None,
        **kw,
    )


def article(**fields) -> Article:
    return Article(id="t", text=TEXT, **fields)


# --------------------------------------------------------------------------- folding and matching


def test_fold_plain_quotes_case_space_and_edges():
    assert fold("  “The  Talks’ ”. ") == "the talks"
    assert fold("«Valdai\u00a0Club»") == fold('"valdai club"') == "valdai club"
    assert fold_name("the Mangystau Region") == fold_name("Mangystau Region")


def test_token_f1_threshold_boundary():
    assert token_f1("the talks went well", "the talks went well") == 1.0
    assert token_f1("a b c d e", "a b c") == pytest.approx(0.75)
    assert token_f1("a b c d e", "a b") < 0.6
    assert token_f1("", "a") == 0.0


def test_best_first_is_one_to_one_and_takes_the_best_pair_first():
    scores = {(0, 0): 0.7, (0, 1): 0.9, (1, 1): 0.8}
    pairs = best_first([0, 1], [0, 1], lambda g, s: scores.get((g, s)))
    # gold 0 takes system 1 (0.9); gold 1 cannot reuse it and has no other candidate
    assert pairs == [(0, 1, 0.9)]


# --------------------------------------------------------------------------- quotes


GOLD_ENTITIES = [{"name": "Sergey Lavrov", "type": "PERSON", "mentions": ["Lavrov", "Sergey Lavrov"], "titles": []}]


def test_quote_needs_token_f1_of_06_and_speaker_via_mentions():
    gold = [
        {"speaker": "Sergey Lavrov", "kind": "indirect", "text": "the talks went well", "cue": "said", "via": None},
        {
            "speaker": "Sergey Lavrov",
            "kind": "direct",
            "text": "We are satisfied with the results of it all",
            "cue": "told",
        },
    ]
    system = article(
        quotes=[
            quote("q1", "the talks went well", "Lavrov"),  # speaker by a mention of the gold entity
            quote("q2", "We are satisfied", "Lavrov", cue="told", kind="direct"),  # F1 0.5: no match
        ]
    )
    sc = score_quotes(gold, system, GOLD_ENTITIES)
    assert (sc.gold, sc.system, sc.found) == (2, 2, 1)
    assert sc.precision == 0.5 and sc.recall == 0.5
    assert sc.accuracy["speaker"].correct == 1
    assert sc.end_to_end == 1
    assert sc.accuracy["cue"].correct == 1 and sc.accuracy["via"].correct == 1
    assert any(n.startswith("MISS") for n in sc.notes) and any(n.startswith("SPURIOUS") for n in sc.notes)


def test_quote_speaker_wrong_counts_detection_but_not_end_to_end():
    gold = [{"speaker": "Sergey Lavrov", "kind": "indirect", "text": "the talks went well", "cue": "said"}]
    sc = score_quotes(gold, article(quotes=[quote("q1", "the talks went well", "reporters")]), GOLD_ENTITIES)
    assert sc.found == 1 and sc.end_to_end == 0
    assert sc.e2e() == (0.0, 0.0, 0.0)


def test_quote_speaker_accepts_the_mention_text_and_the_linked_entity():
    gold = [{"speaker": "Sergey Lavrov", "kind": "indirect", "text": "the talks went well", "cue": "said"}]
    lavrov = Entity(id="e1", name="Sergey Lavrov", type="PERSON")
    q = quote("q1", "the talks went well", "he")
    q.speaker = Source(name="the minister", entity="e1")
    sc = score_quotes(gold, article(quotes=[q], entities=[lavrov]), GOLD_ENTITIES)
    assert sc.accuracy["speaker"].correct == 1
    q.speaker = Source(name="the minister", mention=span_of("Lavrov told"))
    assert score_quotes(gold, article(quotes=[q]), GOLD_ENTITIES).accuracy["speaker"].correct == 0
    q.speaker = Source(name="the minister", mention=span_of("Sergey Lavrov"))
    assert score_quotes(gold, article(quotes=[q]), GOLD_ENTITIES).accuracy["speaker"].correct == 1


# --------------------------------------------------------------------------- entities


def test_entity_found_by_shared_mention_of_same_type_only():
    gold = GOLD_ENTITIES + [{"name": "TASS", "type": "ORG", "mentions": ["TASS"]}]
    system = article(
        entities=[
            Entity(id="e1", name="Lavrov", type="PERSON", mentions=[Mention(**span_of("Lavrov").model_dump())]),
            Entity(id="e2", name="TASS", type="GPE"),  # wrong type: not found, spurious
            Entity(id="e3", name="Sergey Lavrov", type="PERSON"),  # a duplicate: correct, but a split
        ]
    )
    sc = score_entities(gold, system)
    assert sc.found == 1 and sc.correct == 2 and sc.system == 3
    assert sc.counters["split"] == 1
    assert sc.recall == 0.5 and sc.precision == pytest.approx(2 / 3)


def test_pronoun_mentions_do_not_match():
    gold = [{"name": "Lavrov", "type": "PERSON", "mentions": ["he"]}]
    he = Mention(**span_of("Lavrov").model_dump() | {"text": "Lavrov"}, kind="pronoun")
    system = article(entities=[Entity(id="e1", name="Pankin", type="PERSON", mentions=[he])])
    assert score_entities(gold, system).found == 0


# --------------------------------------------------------------------------- times


def time(tid: str, phrase: str, value: str | None) -> TimeExpr:
    return TimeExpr(id=tid, value=value, **span_of(phrase).model_dump())


def test_times_fold_repeats_and_match_by_overlap():
    gold = [
        {"text": "February 9", "value": "2022-02-09"},
        {"text": "february 9", "value": "2022-02-09"},  # repeated text: folded to one
        {"text": "Wednesday", "value": "2022-02-09"},
        {"text": "January", "value": "2022-01"},
    ]
    system = article(
        times=[
            time("t1", "February 9", "2022-02-09"),
            time("t2", "on Wednesday", "2022-02-16"),  # contains the gold text; wrong value
            time("t3", "February 9", "2022-02-09"),  # the same text again: folded
        ]
    )
    sc = score_times(gold, system)
    assert (sc.gold, sc.system, sc.found) == (3, 2, 2)
    assert (sc.accuracy["value"].correct, sc.accuracy["value"].total) == (1, 2)


def test_times_do_not_pair_different_days_of_one_month():
    gold = [{"text": "January 2", "value": "2022-01-02"}]
    assert score_times(gold, article(times=[time("t1", "January", "2022-01")])).found == 1
    text = "On January 7 it ended."
    other = Article(
        id="t", text=text, times=[TimeExpr(id="t1", value="2022-01-07", **make_span(text, 3, 12).model_dump())]
    )
    assert score_times(gold, other).found == 0


# --------------------------------------------------------------------------- places


def test_coordinate_tolerance_depends_on_kind():
    moscow = {"kind": "city", "lat": 55.75, "lon": 37.62}
    assert coordinates_right(moscow, 55.76, 37.5) is True
    assert coordinates_right(moscow, 56.9, 37.62) is False  # ~128 km north: too far for a city
    assert coordinates_right(moscow | {"kind": "region"}, 56.9, 37.62) is True
    assert coordinates_right({"kind": "other", "lat": None, "lon": None}, 1.0, 1.0) is None
    assert coordinates_right(moscow, None, None) is False


def test_places_match_by_text_ignoring_the_and_check_country():
    gold = [{"text": "MOSCOW", "name": "Moscow", "country": "RU", "kind": "city", "lat": 55.75, "lon": 37.62}]
    place = Place(
        id="p1", name="Moscow", kind="city", country="US", lat=55.7, lon=37.6, **span_of("MOSCOW").model_dump()
    )
    sc = score_places(gold, article(places=[place]))
    assert sc.found == 1
    assert sc.accuracy["country"].correct == 0 and sc.accuracy["coordinates"].correct == 1


# --------------------------------------------------------------------------- events and counts


def test_date_inside_gold_range():
    assert inside("2022-01-05", "2022-01-02/2022-01-08")
    assert inside("2022-01", "2022-01")
    assert inside("2022-01-03/2022-01-04", "2022-01")
    assert not inside("2022-01", "2022-01-02")  # coarser than the gold: not inside
    assert not inside("2022-01-09", "2022-01-02/2022-01-08")
    assert inside("2019-01-09", "2019-W02")
    assert not inside(None, "2022-01")


def event(eid: str, etype: str, date: str | None, country: str | None = "KZ") -> Event:
    return Event(id=eid, type=etype, trigger=span_of("killed"), country=country, date=date)


def test_events_match_by_type_country_and_date():
    gold = [
        {"type": "ASSAULT", "trigger": "killed", "country": "KZ", "date": "2022-01-02/2022-01-08"},
        {"type": "PROTEST", "trigger": "protests", "country": "KZ", "date": "2022-01-02"},
    ]
    system = article(
        events=[
            event("v1", "ASSAULT", "2022-01-05"),
            event("v2", "PROTEST", "2022-01"),  # coarser date: miss
            event("v3", "ASSAULT", "2022-01-05", country="RU"),  # wrong country
        ]
    )
    sc = score_events(gold, system, [])
    assert (sc.gold, sc.system, sc.found) == (2, 3, 1)


def test_event_actor_accuracy_uses_aliases_and_overlap():
    gold = [
        {"type": "ASSAULT", "trigger": "killed", "actor": "Sergey Lavrov", "target": "police and army", "date": None}
    ]
    ev = event("v1", "ASSAULT", None)
    ev.actor = Actor(text="Lavrov")
    ev.target = Actor(text="police")  # token F1 0.5 against "police and army"
    sc = score_events(gold, article(events=[ev]), GOLD_ENTITIES)
    assert sc.found == 1
    assert sc.accuracy["actor"].correct == 1 and sc.accuracy["target"].correct == 1
    ev.target = Actor(text="army officers")
    assert score_events(gold, article(events=[ev]), GOLD_ENTITIES).accuracy["target"].correct == 0


def test_counts_match_by_what_and_value_then_qualifier_and_source():
    gold = [
        {
            "text": "Some 225 people were killed",
            "what": "killed",
            "value": 225,
            "qualifier": "about",
            "source": "the authorities",
        }
    ]
    count = Count(id="c1", what="killed", value=225, qualifier="exact", source=Source(name="authorities"),
                  **span_of("Some 225 people were killed").model_dump())  # fmt: skip
    sc = score_counts(gold, article(counts=[count]), [])
    assert sc.found == 1
    assert sc.accuracy["qualifier"].correct == 0 and sc.accuracy["source"].correct == 1
    assert score_counts(gold, article(counts=[count.model_copy(update={"value": 226})]), []).found == 0


# --------------------------------------------------------------------------- metadata and documents


def test_metadata_accuracies_and_boilerplate():
    gold = {
        "headline": "Talks “went well”",
        "published": "2022-02-09",
        "dateline": {"place": "Moscow", "agency": "TASS"},
        "boilerplate": ["told reporters", "Share this"],
    }
    text = "Talks \u201cwent well\u201d\n" + TEXT
    system = Article(
        id="t",
        text=text,
        headline=make_span(text, 0, text.index("\n")),
        published=Published(date="2022-02-09", how="dateline"),
        dateline=Dateline(place="MOSCOW", agency="TASS"),
    )
    sc = score_metadata(gold, system)
    assert {k: r.correct for k, r in sc.accuracy.items()} == {
        "headline": 1,
        "published": 1,
        "dateline": 1,
        "boilerplate": 1,
    }
    assert sc.counters["violations"] == 1
    # boilerplate is matched on word boundaries: "Reuter" is not inside "Reuters"
    system.text += " Reuters"
    assert score_metadata({"boilerplate": ["Reuter"]}, system).counters["violations"] == 0
    system.text += " Reuter"
    assert score_metadata({"boilerplate": ["Reuter"]}, system).counters["violations"] == 1
    # no dateline in the gold: a system dateline with a place is wrong, one with only an agency is fine
    assert score_metadata({"headline": None}, system).accuracy["dateline"].correct == 0
    system.dateline = Dateline(agency="TASS")
    assert score_metadata({"dateline": None}, system).accuracy["dateline"].correct == 1


def test_sections_without_output_score_zero_and_sum():
    gold = {"quotes": [{"speaker": "X", "text": "a b c"}], "times": [{"text": "May", "value": "2020-05"}]}
    doc = score_document("d", gold, None)
    assert set(doc.sections) == {"quotes", "times"}
    assert doc.sections["quotes"].f1 == 0.0 and doc.warnings
    micro = sum_scores([doc, doc])
    assert micro["quotes"].gold == 2 and micro["times"].gold == 2


# --------------------------------------------------------------------------- the command


@needs_shared(GOLD_DEV)
def test_cli_scores_a_gold_dir_and_prints_json(tmp_path):
    name = "tass-2022-02-09-csto"
    for ext in (".json", ".txt"):
        shutil.copy(GOLD_DEV / f"{name}{ext}", tmp_path / f"{name}{ext}")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "quotes" in result.output and "F1" in result.output
    result = runner.invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 1
    assert data["micro"]["quotes"]["gold"] == 9
    assert set(data["per_document"]) == {name}
    assert set(data["micro"]) == {"metadata", "entities", "quotes", "times", "places", "events", "counts"}
    result = runner.invoke(app, ["eval", str(tmp_path), "--verbose", "--section", "quotes", "--only", "csto"])
    assert result.exit_code == 0, result.output
    assert "section" in result.output
    assert "quotes" in result.output and "\nentities" not in result.output


def test_cli_verbose_lists_misses_with_gold_values(tmp_path):
    (tmp_path / "doc.txt").write_text(
        "Rain fell on the town.\n\nThe mayor said the roads were closed.\n", encoding="utf-8"
    )
    gold = {"id": "doc", "quotes": [{"speaker": "Nobody", "kind": "direct", "text": "zebra quantum xylophone"}]}
    (tmp_path / "doc.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "== doc" in result.output
    assert "MISS [direct] Nobody: “zebra quantum xylophone”" in result.output
    assert "metadata" not in result.output  # sections absent from the gold are not scored


def test_cli_bad_gold_dir_exits_2(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(tmp_path / "missing")])
    assert result.exit_code == 2
    result = runner.invoke(app, ["eval", str(tmp_path)])  # empty
    assert result.exit_code == 2
    result = runner.invoke(app, ["eval", str(tmp_path), "--section", "nonsense"])
    assert result.exit_code == 2 and "unknown section" in result.output
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "broken.txt").write_text("Some text.", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "broken.json" in result.output
