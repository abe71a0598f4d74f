"""Stances: attitudes, intentions and unquoted claims, kept apart from what sources said."""

from __future__ import annotations

from dateline.extract import stances
from dateline.record import iter_spans


def _by_cue(article):
    return {s.cue.text: s for s in article.stances}


def test_object_stance_with_its_holder(extract):
    a = extract("The governor endorsed the senator's re-election bid on Tuesday. Most voters oppose the new toll.")
    got = _by_cue(a)
    assert got["endorsed"].text.startswith("the senator's re-election bid")
    assert got["endorsed"].speaker.name == "The governor"
    assert got["oppose"].text == "the new toll"
    assert all(s.kind == "stance" for s in a.stances)
    assert not a.quotes  # nobody is reported as saying anything


def test_intention_and_pronoun_holder(extract):
    a = extract("Maria Lopez spoke to farmers in Fresno. She is pushing to expand the water subsidy next year.")
    s = _by_cue(a)["pushing"]
    assert s.text.startswith("to expand the water subsidy")
    assert s.speaker.name == "Maria Lopez"
    assert s.speaker.mention.text == "She"


def test_speech_stays_a_quote_and_stance_does_not_repeat_it(extract):
    a = extract('The minister said that the army would support the police. "We back them," she added.')
    assert [q.cue.text for q in a.quotes if q.cue] == ["said", "added"]
    said = a.quotes[0].content[0]
    for s in a.stances:  # "support" inside the reported clause belongs to the quote
        assert s.content[0].end <= said.start or s.content[0].start >= said.end


def test_negated_stance(extract):
    a = extract("The union did not endorse the proposal.")
    s = _by_cue(a)["endorse"]
    assert s.status == "negated"


def test_noun_cue_without_a_holder_only_where_training_says_so(extract):
    a = extract("Photos of the rally spread online. Her opposition to the toll surprised the party.")
    texts = {s.text for s in a.stances}
    assert "the rally" not in texts  # "photos of": nobody holds it
    s = _by_cue(a)["opposition to"]
    assert s.text == "the toll" and s.speaker.mention.text == "Her"
    # "questions about" was a cue in most of its holderless uses in training: a stance nobody is named for
    s = _by_cue(extract("There were questions about the cost of the stadium."))["questions about"]
    assert s.text == "the cost of the stadium" and s.speaker is None


def test_adjective_cue_with_its_holder(extract):
    s = _by_cue(extract("Several senators were critical of the trade deal with Mexico."))["critical of"]
    assert s.text == "the trade deal with Mexico"
    assert s.speaker.mention.text == "Several senators"


def test_as_clause_attributes_the_clause_around_it(extract):
    # "as ... noted" is a quote (speech); "as ... expect" an expectation, a stance, with the same content
    a = extract("The new tax plan, as many analysts expect, would cost far more than the White House claims.")
    s = _by_cue(a)["expect"]
    assert [c.text for c in s.content] == ["The new tax plan", "would cost far more than the White House claims"]
    assert s.speaker.mention.text == "many analysts"
    a = extract("The new tax plan, as several economists noted last week, would cost far more.")
    assert [(q.cue.text, [c.text for c in q.content]) for q in a.quotes] == [
        ("noted", ["The new tax plan", "would cost far more"])
    ]
    assert a.stances == []


def test_the_model_picks_the_frame_that_holds_the_content(extract):
    s = _by_cue(extract("Many Republicans doubt the accuracy of the polls."))["doubt"]
    assert s.text == "the accuracy of the polls" and s.speaker.mention.text == "Many Republicans"
    # "asked" + object is not the frame: what she asked about is
    s = _by_cue(extract("She asked him about the audit of the campaign."))["asked"]
    assert s.text == "the audit of the campaign"


def test_spans_index_the_text(extract):
    a = extract("Republicans in the House want to cut the budget, and the White House rejects the plan.")
    assert a.stances
    for span in iter_spans(a):
        assert a.text[span.start : span.end] == span.text


def test_cue_model_is_learned_data_scored_in_context(nlp):
    vocab, weights = stances.model()
    assert ("endorse", "VERB") in vocab and ("make", "VERB") in vocab and len(weights) > 1000

    def best(text: str, word: str) -> float:
        tok = next(t for t in nlp(text) if t.text == word)
        subj = stances.source_token(tok)
        return max(stances.score(tok, fr, comps, subj) for fr, comps in stances.frames(tok))

    assert best("The governor endorsed the plan.", "endorsed") >= stances.THRESHOLD
    assert best("The governor made the plan.", "made") < stances.THRESHOLD  # a cue in too few of its uses
    # the same word: an attitude with a holder, not when it is the object that worries
    assert best("Voters worry about the cost of the stadium.", "worry") >= stances.THRESHOLD
    assert best("The rise in prices worries economists.", "worries") < stances.THRESHOLD


def test_a_date_or_relative_pronoun_is_no_content(extract):
    a = extract("Reuters reported on Monday. The protesters, whom the mayor supported, left.")
    texts = {s.text for s in a.stances}
    assert "Monday" not in texts and "whom" not in texts


def test_holder_of_a_noun_object_and_of_an_adjective(extract):
    s = _by_cue(extract("The senator raised questions about the cost of the stadium."))["questions about"]
    assert s.text == "the cost of the stadium" and s.speaker.mention.text == "The senator"
    a = extract("With Democratic leaders increasingly worried about the polls, the party changed course.")
    s = _by_cue(a)["worried about"]
    assert s.text == "the polls" and s.speaker.mention.text == "Democratic leaders"


def test_the_frame_that_cues_wins(extract):
    # "ask" + object is rarely a cue in training, "ask" + about mostly is: the content is the "about" phrase
    a = extract("Moderators pressed Senator Jane Doe on trade and asked her about the audit of her campaign.")
    s = _by_cue(a)["asked"]
    assert s.text == "the audit of her campaign"
    assert s.speaker.mention.text == "Moderators"


def test_the_one_asked_holds_no_question(extract):
    article = extract("Asked about the plan, the minister said it would pass.")
    assert [s.cue.text for s in article.stances] == []
    assert [q.speaker.name for q in article.quotes] == ["the minister"]


def test_a_conviction_before_the_clause_is_its_subjects(extract):
    article = extract("Convinced that the plan would fail, the minister resigned.")
    assert [(s.speaker.name, s.cue.text) for s in article.stances] == [("the minister", "Convinced")]
