"""Events extractor on news-like sentences: triggers, participants, place, date and status.

Most tests run the events extractor alone on an Article whose places, times and quotes are
set by the test, so they pin this module's rules whatever the other extractors decide; the
last ones go through the whole pipeline.
"""

from __future__ import annotations

import re

import pytest

from dateline.extract import counts, events
from dateline.record import Article, Place, Published, Quote, Source, TimeExpr, make_span


@pytest.fixture(scope="module")
def run(nlp):
    """Events (and counts) on `text`, with places/times/quotes given as {text: value} maps."""

    def go(text: str, *, places: dict | None = None, times: dict | None = None, quotes: dict | None = None,
           published: str = "2022-02-09") -> Article:  # fmt: skip
        article = Article(id="t", text=text, published=Published(date=published, how="input"))
        for n, (word, (name, country)) in enumerate((places or {}).items()):
            for m in re.finditer(re.escape(word), text):
                article.places.append(Place(id=f"p{n}-{m.start()}", start=m.start(), end=m.end(), text=word,
                                            name=name, country=country))  # fmt: skip
        for n, (word, value) in enumerate((times or {}).items()):
            m = re.search(re.escape(word), text)
            article.times.append(TimeExpr(id=f"t{n}", start=m.start(), end=m.end(), text=word, value=value))
        for n, (content, speaker) in enumerate((quotes or {}).items()):
            i = text.index(content)
            article.quotes.append(Quote(id=f"q{n}", kind="direct", text=content,
                                        content=[make_span(text, i, i + len(content))], speaker=Source(name=speaker)))  # fmt: skip
        article.places.sort(key=lambda p: p.start)
        doc = nlp(text)
        article.counts = counts.extract(doc, article)
        article.events = events.extract(doc, article)
        return article

    return go


def _by_type(article: Article, type_: str):
    found = [e for e in article.events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger.text) for e in article.events]}"
    return found[0]


def test_nominal_trigger_with_support_verb_place_and_date(run):
    text = "Protests broke out in the Mangystau Region on January 2."
    a = run(text, places={"Mangystau Region": ("Mangystau Region", "KZ")}, times={"January 2": "2022-01-02"})
    ev = _by_type(a, "PROTEST")
    assert ev.trigger.text == "Protests broke out"
    assert ev.actor is not None and ev.actor.text == "protesters" and ev.actor.sector == "CVL"
    assert (ev.place, ev.country, ev.date, ev.status) == ("Mangystau Region", "KZ", "2022-01-02", "asserted")


def test_nominal_assault_target_from_against(run):
    text = "Protests broke out on January 2, escalating into attacks against police and military personnel."
    a = run(text, times={"January 2": "2022-01-02"})
    ev = _by_type(a, "ASSAULT")
    assert ev.trigger.text == "escalating into attacks"  # the support verb joins its noun
    assert ev.target is not None and ev.target.text == "police and military personnel"
    assert ev.target.sector == "COP"
    assert ev.date == "2022-01-02"  # the time of the clause this one continues


def test_passive_trigger_takes_target_from_subject_and_concede(run):
    text = "By January 7, the situation had stabilized, and on January 19, the state of emergency was canceled."
    a = run(text, times={"January 7": "2022-01-07", "January 19": "2022-01-19"})
    ev = _by_type(a, "CONCEDE")
    assert ev.trigger.text == "canceled" and ev.date == "2022-01-19"
    assert ev.target is None  # what was lifted is not a party


def test_passive_with_agent_gives_actor(run):
    text = "In Almaty, government buildings were ransacked by rioters on Wednesday."
    a = run(text, places={"Almaty": ("Almaty", "KZ")}, times={"Wednesday": "2022-01-05"})
    ev = _by_type(a, "ASSAULT")
    assert ev.actor is not None and ev.actor.text == "rioters"
    assert ev.target is not None and ev.target.text == "government buildings"
    assert (ev.country, ev.date) == ("KZ", "2022-01-05")


def test_verbal_trigger_actor_title_country_and_sector(run, monkeypatch):
    from dateline.extract import event_args

    monkeypatch.setattr(event_args, "demonym_country", lambda w: {"kazakh": "KZ"}.get(w.lower()))
    text = "Subsequently, Kazakh President Kassym-Jomart Tokayev claimed that it was an attempted insurrection."
    a = run(text)
    ev = _by_type(a, "ACCUSE")
    assert ev.actor is not None and ev.actor.text == "Kazakh President Kassym-Jomart Tokayev"
    assert (ev.actor.country, ev.actor.sector) == ("KZ", "GOV")
    assert ev.country == "KZ"  # a statement happens where its speaker is
    assert ev.date == "2022-02-09"  # no time in the story: the publication date


def test_help_reads_as_aid_with_owner_as_actor(run):
    text = "The alliance's peacekeeping forces' coordinated efforts helped stabilize the situation in Kazakhstan."
    a = run(text, places={"Kazakhstan": ("Kazakhstan", "KZ")})
    ev = _by_type(a, "AID")
    assert ev.actor is not None and ev.actor.text.endswith("peacekeeping forces") and ev.actor.sector == "MIL"
    assert ev.country == "KZ"


def test_governed_trigger_is_folded_into_its_governor(run):
    a = run("The minister condemned the attack on the embassy.")
    assert [e.type for e in a.events] == ["ACCUSE"]
    a = run("The governor urged residents to assist the police.")
    assert [e.type for e in a.events] == ["REQUEST"]
    assert a.events[0].target is not None and a.events[0].target.text == "residents"


def test_attributed_inside_quote(run):
    text = '"Our troops attacked the rebel base at dawn," the general said.'
    a = run(text, quotes={"Our troops attacked the rebel base at dawn,": "the general"})
    ev = _by_type(a, "ASSAULT")
    assert ev.status == "attributed" and ev.source is not None and ev.source.name == "the general"
    assert ev.quote_id == "q0"
    assert ev.actor is not None and ev.actor.sector == "MIL"


def test_negated_event_is_kept_and_flagged(run):
    a = run("The army did not attack the village.")
    ev = _by_type(a, "ASSAULT")
    assert ev.status == "negated"


def test_future_and_hypothetical_become_intent(run):
    a = run("The government will lift the curfew next week.")
    ev = _by_type(a, "AGREE")  # announced cooperation: PLOVER AGREE
    assert ev.status == "future"
    a = run("The rebels could attack the capital if talks fail.")
    ev = _by_type(a, "THREATEN")
    assert ev.status == "hypothetical" and ev.mode == "violence"


def test_threaten_to_reads_what_is_threatened(run):
    a = run("Russia threatened to cut ties with the alliance.")
    ev = _by_type(a, "THREATEN")
    assert ev.status == "asserted" and ev.actor is not None and ev.actor.text == "Russia"
    assert all(e.type != "SANCTION" for e in a.events)


def test_repeated_mentions_merge(run):
    text = "Bombs kill 20 in Jolo\n\nTwin bombings struck the cathedral in Jolo on Sunday, officials said."
    a = run(text, places={"Jolo": ("Jolo", "PH")}, times={"Sunday": "2019-01-27"}, published="2019-01-28")
    assaults = [e for e in a.events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].date == "2019-01-27"


def test_counts_are_linked_to_their_event(run):
    text = "Gunmen attacked a market in the town on Monday, and 12 people were killed."
    a = run(text, times={"Monday": "2022-02-07"})
    ev = _by_type(a, "ASSAULT")
    (count,) = a.counts
    assert count.event == ev.id and ev.counts == [count.id]


def test_spans_match_text(run):
    text = "Police arrested 30 protesters in the capital on Friday after clashes with riot officers."
    a = run(text, times={"Friday": "2022-02-04"})
    assert a.events
    for ev in a.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        for actor in (ev.actor, ev.target):
            if actor is not None and actor.span is not None:
                assert text[actor.span.start : actor.span.end] == actor.span.text == actor.text
    arrest = _by_type(a, "COERCE")
    assert arrest.mode == "arrest" and arrest.actor is not None and arrest.actor.sector == "COP"


def test_odd_input_does_not_crash(run):
    for text in ("...", "\n\n\n", "Attack!", "1,000,000,000,000,000 killed"):
        a = run(text)
        assert isinstance(a.events, list)


def test_whole_pipeline_reference_story(extract):
    text = (
        "MOSCOW, February 9. /TASS/. Protests broke out in the Mangystau Region as well as in other Kazakh "
        "cities on January 2. By January 7, the situation had stabilized, and on January 19, the state of "
        "emergency was canceled in all the country's regions. According to the authorities, more than 4,500 "
        "people were injured, and some 225 people were killed."
    )
    a = extract(text, published="2022-02-09")
    types = {e.type for e in a.events}
    assert {"PROTEST", "CONCEDE"} <= types
    protest = next(e for e in a.events if e.type == "PROTEST")
    assert protest.country == "KZ"
    assert {(c.what, c.value) for c in a.counts} == {("injured", 4500), ("killed", 225)}


def test_time_clause_and_participle_adjective_rules(run):
    text = "The rebels agreed to a truce after the army began an offensive on the town."
    a = run(text)
    assert {e.type for e in a.events} >= {"AGREE", "ASSAULT"}  # "after ...": a separate event, not folded
    a = run("Police questioned the captured militants and the banned party's leaders.")
    assert all(e.type != "COERCE" for e in a.events)  # participles used as adjectives are not events


def test_agree_needs_something_agreed(run):
    a = run("The governor agreed, saying the group was responsible.")
    assert all(e.type != "AGREE" for e in a.events)
    a = run("The two sides agreed to a ceasefire on Monday.", times={"Monday": "2022-03-07"})
    assert _by_type(a, "AGREE").date == "2022-03-07"


def test_deontic_modal_is_a_request_by_the_speaker(run):
    a = run("The minister said the rebels must release the hostages.")
    ev = _by_type(a, "REQUEST")
    assert ev.actor is not None and ev.actor.text == "The minister"
    assert ev.target is not None and ev.target.text == "the rebels"


def test_pronoun_doer_in_reported_speech_is_the_speaker(run):
    a = run("Syria says it will withdraw its troops from Lebanon.", places={"Lebanon": ("Lebanon", "LB")})
    ev = _by_type(a, "AGREE")
    assert ev.actor is not None and ev.actor.text == "Syria" and ev.status == "future"


def test_target_is_the_party_behind_a_thing(run):
    a = run("Berlin rejected recent calls by Belarus's rulers for economic aid.")
    ev = _by_type(a, "REJECT")
    assert ev.target is not None and ev.target.text == "Belarus's rulers" and ev.target.sector == "GOV"


def test_one_statement_per_speaker(run):
    a = run("Both the council and the government called for his death to be investigated.")
    requests = [e for e in a.events if e.type == "REQUEST"]
    assert sorted(e.actor.text for e in requests) == ["the council", "the government"]
    a = run("The presidents of Belarus and Russia met in Minsk on Monday.", times={"Monday": "2022-03-07"})
    assert len([e for e in a.events if e.type == "CONSULT"]) == 1  # a joint act stays one event


# --- rules added for reported accusations, reaction dates, places of statements and merging -----------------


def test_warning_about_others_is_criticism_own_deed_is_threat(run):
    a = run("The union warned that thousands of jobs could be lost because of the reform.")
    ev = _by_type(a, "ACCUSE")
    assert ev.trigger.text == "warned" and ev.actor is not None and ev.actor.text == "The union"
    assert not [e for e in a.events if e.type == "THREATEN"]
    b = run("The rebel commander warned that his fighters would strike the capital.")
    assert _by_type(b, "THREATEN").trigger.text == "warned"


def test_blame_predicate_in_reported_speech_is_an_accusation(run):
    a = run("The interior minister said a local militia was behind the bombing.")
    ev = _by_type(a, "ACCUSE")
    assert ev.trigger.text == "said"
    assert ev.target is not None and ev.target.text == "a local militia"
    b = run("Police said two brothers are the main suspects.")
    assert _by_type(b, "ACCUSE").target is not None
    c = run("The opposition said the new law was unacceptable.")
    assert _by_type(c, "ACCUSE").actor.text == "The opposition"
    d = run("The spokesman said the group was not behind the attack.")
    assert not [e for e in d.events if e.type == "ACCUSE"]  # a denial, not an accusation


def test_statements_of_condemnation_from_several_speakers(run):
    text = "Messages of condemnation have come from the Red Cross, the Arab League and the Vatican."
    a = run(text)
    accusers = sorted(e.actor.text for e in a.events if e.type == "ACCUSE" and e.actor is not None)
    assert accusers == ["the Arab League", "the Red Cross", "the Vatican"]


def test_reaction_without_own_time_is_dated_between_the_news_and_publication(run):
    text = (
        "Gunmen attacked a market yesterday. On Friday the government had announced new elections. "
        "The European Union condemned the attack."
    )
    a = run(text, times={"yesterday": "2022-03-06", "Friday": "2022-03-04"}, published="2022-03-07")
    ev = _by_type(a, "ACCUSE")
    assert ev.date == "2022-03-06/2022-03-07"  # not Friday: the background precedes the news


def test_place_in_another_statement_of_the_sentence_is_not_the_speakers(run):
    text = (
        "The Freedonian minister posted a message on Facebook blaming Sylvania, saying the drones came from Sylvania."
    )
    a = run(text, places={"Sylvania": ("Sylvania", "SV"), "Freedonian": ("Freedonia", "FD")})
    ev = _by_type(a, "ACCUSE")
    assert ev.actor is not None and ev.actor.text == "The Freedonian minister"  # not the medium
    assert ev.country == "FD"  # where the speaker is, not where the drones came from


def test_purpose_of_coming_is_a_mobilization_not_an_attack(run):
    a = run("The alliance sent warships to the gulf to fight pirates after the hijackers seized a tanker.")
    types = {e.type for e in a.events}
    assert "MOBILIZE" in types and _by_type(a, "MOBILIZE").trigger.text.startswith("sent")
    assert "COERCE" in types  # the seizure in the time clause stays an event of its own
    assert not [e for e in a.events if e.type == "ASSAULT" and e.trigger.text == "fight"]


def test_met_with_applause_is_no_meeting(run):
    a = run("The surgeon was met with applause when he left the hospital.")
    assert not [e for e in a.events if e.type == "CONSULT"]
    b = run("The envoy was met by the foreign minister in Cairo.")
    assert _by_type(b, "CONSULT")


def test_according_to_does_not_satisfy_a_required_word(run):
    a = run("The army entered the town yesterday according to state media.", times={"yesterday": "2022-02-08"})
    assert not [e for e in a.events if e.type == "AGREE"]


def test_pronoun_is_not_part_of_another_actor_and_crowds_merge(run):
    text = (
        "Thousands marched in Valparaiso on Saturday. Protesters marched from the port to the congress. "
        "The president and the senate could not agree on a budget. He resisted."
    )
    a = run(text, places={"Valparaiso": ("Valparaiso", "CL")}, times={"Saturday": "2022-02-05"})
    assert len([e for e in a.events if e.type == "PROTEST"]) == 1  # one crowd, told twice
    rejects = [e for e in a.events if e.type == "REJECT"]
    assert len(rejects) == 2  # "he" is not a word of "the president and the senate"


def test_outlet_home_country_is_the_last_guess(run, nlp):
    text = "The opposition dismissed the budget as desperate."
    article = Article(id="t", text=text, source="BBC News")
    doc = nlp(text)
    article.events = events.extract(doc, article)
    assert _by_type(article, "ACCUSE").country == "GB"


def test_author_of_a_placard_or_resolution_is_the_doer(run):
    a = run("Students carried placards urging the rector to resign.")
    ev = _by_type(a, "REQUEST")
    assert ev.actor is not None and ev.actor.text == "Students"
    assert ev.target is not None and ev.target.text == "the rector"
    b = run("The senate voted on a bill to expel the foreign advisers.", places={})
    ev = next(e for e in b.events if e.trigger.text == "expel")
    assert ev.actor is not None and ev.actor.text == "The senate"


def test_role_phrases_keep_whom_they_speak_for_and_their_name(run):
    a = run("Condemnation came from a spokesperson for the prime minister.")
    assert _by_type(a, "ACCUSE").actor.text == "a spokesperson for the prime minister"
    b = run("Statements of condemnation have come from Red Cross head Maria Lopez and the mayor.")
    assert sorted(e.actor.text for e in b.events if e.type == "ACCUSE") == ["Red Cross head Maria Lopez", "the mayor"]


def test_an_attack_noun_is_no_doer(run):
    a = run("Two refineries were hit by drone strikes on Saturday.", times={"Saturday": "2022-02-05"})
    ev = _by_type(a, "ASSAULT")
    assert ev.actor is None or "strikes" not in ev.actor.text


def test_dateline_is_not_the_subject(nlp):
    from dateline.record import Dateline

    text = "LIMA, March 3 - Peru could expel the ambassador if talks fail, a senator said."
    article = Article(id="t", text=text, published=Published(date="2022-03-03", how="input"))
    article.dateline = Dateline(place="LIMA", span=make_span(text, 0, 15))
    article.events = events.extract(nlp(text), article)
    ev = next(e for e in article.events if e.trigger.text == "expel")
    assert ev.actor is not None and ev.actor.text == "Peru"


def test_required_word_must_be_in_what_is_done_not_in_the_doer(run):
    a = run("The ambassador recalled that the island was an observer state.")
    assert not [e for e in a.events if e.type == "SANCTION"]
    b = run("Lithuania recalled its ambassador from Minsk.")
    assert _by_type(b, "SANCTION").trigger.text == "recalled"


def test_vote_or_protest_is_placed_in_its_doers_country(run):
    text = "Sylvania hosts a foreign base. Freedonian lawmakers boycotted the vote on it."
    a = run(text, places={"Freedonian": ("Freedonia", "FD"), "Sylvania": ("Sylvania", "SV")})
    assert _by_type(a, "PROTEST").country == "FD"
