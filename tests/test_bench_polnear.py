"""The PolNeAR benchmark's reading of dateline's records: one attribution per cue, as PolNeAR marks it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "polnear.py"


@pytest.fixture(scope="module")
def polnear():
    spec = importlib.util.spec_from_file_location("polnear_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_quoted_phrase_inside_the_same_cues_clause_is_one_attribution(extract, polnear):
    text = (
        'Chief Roberts said the videos were "inconclusive" and that the footage did not show whether he had a gun. '
        "Cruz told reporters he was tired."
    )
    records = polnear.attributions(extract(text))
    said = [r for r in records if r["cue"] and text[slice(*r["cue"][0])] == "said"]
    assert len(said) == 2  # the indirect clause and the quoted word inside it (gold/FORMAT.md)

    attributions = polnear.as_attributions(records, text)
    merged = [a for a in attributions if a["cue"] == said[0]["cue"]]
    assert len(merged) == 1
    (content,) = merged[0]["content"]
    assert text[slice(*content)] == 'the videos were "inconclusive" and that the footage did not show whether he had a gun'
    assert [text[slice(*s)] for s in merged[0]["source"]] == ["Chief Roberts"]
    told = [a for a in attributions if a["cue"] and text[slice(*a["cue"][0])] == "told"]
    assert len(told) == 1 and text[slice(*told[0]["content"][0])] == "he was tired"


def test_pieces_of_a_split_quotation_stay_apart_and_speakers_unite(polnear):
    records = [
        {"source": [(0, 5)], "cue": [(20, 24)], "content": [(6, 18)]},
        {"source": [(10, 15)], "cue": [(20, 24)], "content": [(26, 40)]},
        {"source": [(50, 52)], "cue": [], "content": [(53, 60)]},
    ]
    merged = polnear.as_attributions(records, "x" * 60)
    assert len(merged) == 2
    assert merged[0] == {"source": [(0, 5), (10, 15)], "cue": [(20, 24)], "content": [(6, 18), (26, 40)]}


def test_speakers_of_one_cue_joined_by_a_conjunction_are_one_source(extract, polnear):
    text = "Developers and supporters in Congress say the program has brought jobs. Smith, not Jones, agreed."
    records = polnear.attributions(extract(text))
    say = [r for r in records if text[slice(*r["cue"][0])] == "say"]
    assert len(say) == 2  # one record per speaker
    (merged,) = [a for a in polnear.as_attributions(records, text) if a["cue"] == say[0]["cue"]]
    assert [text[slice(*s)] for s in merged["source"]] == ["Developers and supporters in Congress"]


def test_overlap_scoring_is_one_to_one(polnear):
    table = polnear.new_table()
    text = "x" * 100
    system = {"source": {(0, 5)}, "cue": {(6, 10)}, "content": {(11, 30), (31, 40)}}
    gold = {"source": {(0, 3)}, "cue": {(6, 10)}, "content": {(11, 40)}}
    polnear.score(text, system, gold, table)
    assert table["overlap"]["content"].prf()[:2] == (0.5, 1.0)
    assert table["exact"]["cue"].prf()[2] == 1.0
    assert table["exact"]["source"].tp == 0 and table["overlap"]["source"].tp == 1


def test_no_break_spaces_read_as_spaces_keep_offsets_and_the_speaker(extract, polnear, tmp_path):
    raw = (
        "Although those attacks happened in a country with restrictive gun controls, which\xa0include expanded "
        "background checks–thus demonstrating the impotency of such controls–the\xa0Daily News\xa0claims the NRA's "
        "refusal to support more gun control in the U.S. is absurd."
    )
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    text = polnear.read_text(path)
    assert len(text) == len(raw) and "\xa0" not in text
    records = polnear.attributions(extract(text))
    assert [text[slice(*r["source"][0])] for r in records if r["source"]] == ["the Daily News"]
