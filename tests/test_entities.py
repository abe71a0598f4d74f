"""Entities extractor on news-like sentences written for these tests, with the real spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract import entities
from dateline.record import Article, Entity


@pytest.fixture(scope="module")
def run(nlp):
    """Entities of a text: (article, entities) with only the entities extractor run."""

    def go(text: str) -> tuple[Article, list[Entity]]:
        article = Article(id="t", text=text)
        article.entities = entities.extract(nlp(text), article)
        return article, article.entities

    return go


def by_name(ents: list[Entity], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert found, f"no entity named {name!r} in {[(e.name, e.type) for e in ents]}"
    return found[0]


def texts(ent: Entity, kind: str | None = None) -> list[str]:
    return [m.text for m in ent.mentions if kind is None or m.kind == kind]


MINISTER = (
    "BERLIN, March 3. German Foreign Minister Annalena Baerbock arrived in Warsaw on Tuesday for talks on "
    "border security. Baerbock met Polish officials at the presidential palace. The top diplomat said the "
    'talks had been useful. "We agreed on a plan," she told reporters. Baerbock\'s visit follows a call '
    "between the two governments last week."
)


def test_title_is_split_from_the_person(run):
    _, ents = run(MINISTER)
    person = by_name(ents, "Annalena Baerbock")
    assert person.type == "PERSON"
    assert person.titles == ["German Foreign Minister"]
    assert person.country == "DE"
    assert "German Foreign Minister Annalena Baerbock" in texts(person, "title")
    assert not any(e.type == "ORG" and "Baerbock" in e.name for e in ents)


def test_surname_and_possessive_join_the_full_name(run):
    _, ents = run(MINISTER)
    person = by_name(ents, "Annalena Baerbock")
    names = texts(person, "name")
    assert names.count("Baerbock") == 2  # "Baerbock met", "Baerbock's visit" without the 's
    assert len([e for e in ents if "Baerbock" in e.name]) == 1


def test_nominal_and_pronoun_resolve_to_the_minister(run):
    _, ents = run(MINISTER)
    person = by_name(ents, "Annalena Baerbock")
    assert "The top diplomat" in texts(person, "nominal")
    assert "she" in texts(person, "pronoun")


def test_demonym_is_norp_with_country_not_a_place(run):
    _, ents = run(MINISTER)
    polish = [e for e in ents if e.name == "Polish"]  # "Polish officials"
    assert polish and polish[0].type == "NORP" and polish[0].country == "PL"
    assert not any(e.type in ("GPE", "LOC") and e.name in ("German", "Polish") for e in ents)
    # "German" only opens the minister's title: it names her post's state, not a group of its own
    assert not any(e.name == "German" for e in ents)


def test_dateline_place_is_title_cased(run):
    _, ents = run(MINISTER)
    berlin = by_name(ents, "Berlin")
    assert berlin.type == "GPE"
    assert texts(berlin) == ["BERLIN"]


def test_one_label_per_name_and_honorific(run):
    text = (
        "Mr Okonkwo, the finance minister, presented the budget to parliament on Monday. Chidi Okonkwo said "
        "spending on roads would double. Critics said Okonkwo had ignored inflation."
    )
    _, ents = run(text)
    people = [e for e in ents if "Okonkwo" in e.name]
    assert len(people) == 1
    person = people[0]
    assert person.type == "PERSON" and person.name == "Chidi Okonkwo"
    assert "Mr Okonkwo" in texts(person)


def test_acronym_defined_in_brackets_joins_the_long_name(run):
    text = (
        "Leaders of the Shanghai Cooperation Organisation (SCO) met in Astana on Thursday. The SCO was founded "
        "in 2001. The organisation now has nine members."
    )
    _, ents = run(text)
    org = by_name(ents, "Shanghai Cooperation Organisation")
    assert org.type == "ORG"
    assert texts(org, "acronym") == ["SCO", "The SCO"]
    assert "The organisation" in texts(org, "nominal")


def test_acronym_from_initials_of_a_named_org(run):
    text = (
        "The Eurasian Development Bank approved a loan to Armenia. A spokesman for the EDB said the money "
        "would be paid in May."
    )
    _, ents = run(text)
    bank = by_name(ents, "Eurasian Development Bank")
    assert "the EDB" in texts(bank, "acronym")


def test_ministry_description_joins_the_ministry(run):
    text = (
        "The Japanese Foreign Ministry summoned the Chinese ambassador on Friday. The ministry said the "
        "incursion was unacceptable."
    )
    _, ents = run(text)
    ministry = [e for e in ents if e.type == "ORG" and "Ministry" in e.name]
    assert ministry, [(e.name, e.type) for e in ents]
    assert "The ministry" in texts(ministry[0], "nominal")


def test_he_goes_to_the_subject_of_the_previous_sentence(run):
    text = (
        "Brazilian President Luiz Inacio Lula da Silva met farmers in Goias on Wednesday. "
        "He promised new credit lines for small producers."
    )
    _, ents = run(text)
    lula = [e for e in ents if e.type == "PERSON"][0]
    assert lula.country == "BR"
    assert "He" in texts(lula, "pronoun")


def test_pronoun_unresolved_when_gender_disagrees(run):
    text = "Ms Haddad, the trade minister, opened the fair in Beirut. He said nothing about tariffs."
    _, ents = run(text)
    haddad = [e for e in ents if "Haddad" in e.name][0]
    assert "He" not in texts(haddad)


def test_all_spans_match_the_text_and_ids_are_sequential(run):
    article, ents = run(MINISTER)
    assert [e.id for e in ents] == [f"E{i}" for i in range(1, len(ents) + 1)]
    for ent in ents:
        assert ent.type in ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT")
        for m in ent.mentions:
            assert article.text[m.start : m.end] == m.text


def test_entity_at_prefers_exact_then_containing_then_overlap(run):
    article, _ = run(MINISTER)
    text = article.text
    start = text.index("Baerbock's")
    ent = entities.entity_at(article, start, start + len("Baerbock's"))
    assert ent is not None and ent.name == "Annalena Baerbock"
    she = text.index(" she ") + 1
    assert entities.entity_at(article, she, she + 3).name == "Annalena Baerbock"
    polish = text.index("Polish")
    assert entities.entity_at(article, polish, polish + len("Polish")).type == "NORP"
    german = text.index("German")  # inside the title mention: the person
    assert entities.entity_at(article, german, german + len("German")).name == "Annalena Baerbock"
    assert entities.entity_at(article, 0, 0) is None or entities.entity_at(article, 0, 0).name == "Berlin"


def test_demonym_country_table():
    assert entities.demonym_country("Kazakh") == "KZ"
    assert entities.demonym_country("Russian") == "RU"
    assert entities.demonym_country("Iranian") == "IR"
    assert entities.demonym_country("Russians") == "RU"
    assert entities.demonym_country("Britons") == "GB"
    assert entities.demonym_country("Filipinos") == "PH"
    assert entities.demonym_country("Table") is None


def test_split_title_helper():
    assert entities.split_title("Kyrgyz President Sadyr Japarov") == ("Kyrgyz President", "Sadyr Japarov")
    assert entities.split_title("Deputy Foreign Minister Anna Lind") == ("Deputy Foreign Minister", "Anna Lind")
    assert entities.split_title("Anna Lind") == (None, "Anna Lind")


def test_text_without_names_gives_no_entities(run):
    _, ents = run("It rained all day and the roads were closed.")
    assert ents == []


def test_doc_text_mismatch_warns_instead_of_crashing(nlp):
    article = Article(id="t", text="Something else entirely.")
    assert entities.extract(nlp("Kyrgyz President Sadyr Japarov spoke."), article) == []
    assert article.warnings


def test_wire_dateline_place_and_agency(run):
    text = "ASTANA, June 12. /Kazinform/. Kazakhstan will host the forum next year, officials said."
    _, ents = run(text)
    astana = by_name(ents, "Astana")
    assert astana.type == "GPE" and texts(astana) == ["ASTANA"]
    agency = by_name(ents, "Kazinform")
    assert agency.type == "ORG"


def test_title_after_the_name_and_nominal_from_it(run):
    text = (
        "The deal was signed by Tomas Varga, the Slovak Defence Minister, in Bratislava on Monday. "
        "Opposition leaders criticised the minister for the cost."
    )
    _, ents = run(text)
    person = by_name(ents, "Tomas Varga")
    assert person.titles == ["Slovak Defence Minister"]
    assert person.country == "SK"
    assert "the minister" in texts(person, "nominal")


def test_deputy_title_does_not_take_the_plain_role(run):
    text = (
        "Indian Foreign Minister Ravi Menon wrote to the summit. The letter was read by Indian Deputy Foreign "
        "Minister Kiran Das on Friday. The top diplomat said cooperation would grow."
    )
    _, ents = run(text)
    assert "The top diplomat" in texts(by_name(ents, "Ravi Menon"), "nominal")
    assert "The top diplomat" not in texts(by_name(ents, "Kiran Das"))


def test_government_of_a_country_is_an_organization(run):
    text = (
        "The Peruvian government declared a state of emergency in Lima. Critics said the government had acted too late."
    )
    _, ents = run(text)
    gov = [e for e in ents if e.type == "ORG" and "government" in e.name.lower()]
    assert len(gov) == 1 and gov[0].country == "PE"
    assert [m.text for m in gov[0].mentions] == ["The Peruvian government", "the government"]


def test_event_and_region_words_fix_the_type(run):
    text = (
        "Hurricane Otis hit the Guerrero region on Tuesday. Officials in the Sverdlovsk Region said the "
        "G20 Summit would go ahead."
    )
    _, ents = run(text)
    assert by_name(ents, "Hurricane Otis").type == "EVENT"
    assert by_name(ents, "Sverdlovsk Region").type == "GPE"


def test_quoted_mentions_do_not_take_the_narrative_pronoun(run):
    text = (
        'Ms Osei, the health minister, spoke in Accra. "President Mahama will decide," she said. '
        "She did not give a date."
    )
    _, ents = run(text)
    osei = [e for e in ents if "Osei" in e.name][0]
    assert texts(osei, "pronoun") == ["she", "She"]


def test_acronym_spelled_out_after_it(run):
    text = (
        "Fighters of the RSF (Rapid Support Forces) entered the town on Sunday. The Sudanese army said the RSF "
        "had looted shops."
    )
    _, ents = run(text)
    rsf = by_name(ents, "Rapid Support Forces")
    assert rsf.type == "ORG"
    assert {"RSF", "the RSF"} <= set(texts(rsf))


def test_national_body_forms_are_one_entity(run):
    text = (
        "The Kenyan Parliament passed the finance bill on Tuesday. Protesters gathered outside Parliament, and "
        "the Parliament of Kenya was briefly evacuated."
    )
    _, ents = run(text)
    bodies = [e for e in ents if e.type == "ORG" and "Parliament" in e.name]
    assert len(bodies) == 1, [(e.name, texts(e)) for e in bodies]
    assert bodies[0].country == "KE"


def test_outlet_named_before_its_kind(run):
    text = "The minister spoke to the Kommersant newspaper on Friday about the new budget."
    _, ents = run(text)
    outlet = by_name(ents, "Kommersant")
    assert outlet.type == "ORG"


def test_given_name_gender_picks_the_right_person(run):
    text = "Olga Petrenko met Carlos Ruiz in Madrid on Monday to discuss grain exports. She said the talks went well."
    _, ents = run(text)
    olga = by_name(ents, "Olga Petrenko")
    assert "She" in texts(olga, "pronoun")
    assert "She" not in texts(by_name(ents, "Carlos Ruiz"))


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Coos County Attorney John McCormick said the driver was charged.", "John McCormick", "Coos County Attorney"),
        ("U.S. Attorney Thomas T. Cullen said the doctor was arrested.", "Thomas T. Cullen", "U.S. Attorney"),
    ],
)
def test_a_prosecutors_title_is_no_part_of_the_name(run, text, name, title):
    _, ents = run(text)
    assert by_name(ents, name).titles == [title]


def test_honorific_picks_one_of_two_people_sharing_a_surname(run):
    text = (
        "Sofia Marsh and her husband Peter Marsh ran the family bakery for years. "
        "Mrs. Marsh said the new rent was too high. Marsh now sells bread online."
    )
    _, ents = run(text)
    assert texts(by_name(ents, "Sofia Marsh"), "name") == ["Sofia Marsh", "Mrs. Marsh", "Marsh"]
    assert texts(by_name(ents, "Peter Marsh"), "name") == ["Peter Marsh"]


def test_name_after_an_honorific_in_a_titles_complement_holds_no_title(run):
    # "the chairman of Mrs. Clinton's campaign" is Podesta's title, not Clinton's
    _, ents = run("Mr. Podesta is now the chairman of Mrs. Wilson's presidential campaign. He said the deal held.")
    wilson = by_name(ents, "Wilson")
    assert wilson.titles == [] and texts(wilson) == ["Mrs. Wilson"]
    assert "He" in texts(by_name(ents, "Podesta"), "pronoun")


SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dateline" / "samples" / "wikinews"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt"))[:3], ids=lambda p: p.stem[:30])
def test_whole_pipeline_on_bundled_samples_gives_consistent_entities(extract, path):
    article = extract(path.read_text(encoding="utf-8"))
    assert article.entities, "a news article names something"
    assert not [w for w in article.warnings if w.startswith("entities")]
    ids = [e.id for e in article.entities]
    assert ids == [f"E{i}" for i in range(1, len(ids) + 1)]
    for ent in article.entities:
        assert ent.mentions and ent.name
        for m in ent.mentions:
            assert article.text[m.start : m.end] == m.text
        assert all(m.kind != "title" for m in ent.mentions) or ent.type == "PERSON"


def test_organization_pronouns_only_when_clear(run):
    _, ents = run("The Football Association said on Monday that it would appeal. They said the ruling was unfair.")
    assert "They" in texts(by_name(ents, "Football Association"), "pronoun")
    text = "Amnesty International said that its researchers had found evidence of abuse. They called for an inquiry."
    _, ents = run(text)
    amnesty = by_name(ents, "Amnesty International")
    assert "its" in texts(amnesty, "pronoun")
    assert "They" not in texts(amnesty)  # "researchers" stands between: they may be the researchers


def test_a_surname_the_tagger_missed_is_still_its_persons_mention(extract) -> None:
    article = extract(
        "Actress Doris Day dies at 97\n\n"
        "American actress Doris Day died on Monday at her home in California. "
        "Day had one child, record producer Terry Melcher, with her first husband, musician Al Jorden. "
        "She was also married to George Weidler."
    )
    day = next(e for e in article.entities if e.name == "Doris Day")
    jorden = next(e for e in article.entities if e.name == "Al Jorden")
    assert any(m.text == "Day" for m in day.mentions)
    assert not any(m.text == "She" for m in jorden.mentions)


def test_the_first_of_two_surnames_names_the_person(run):
    _, ents = run(
        "Governor Ricardo Rosselló Nevares resigned on Friday. Rosselló said he would leave office. "
        "Secretary of Justice Wanda Vázquez Garced will succeed him. Vázquez said she was ready."
    )
    assert "Rosselló" in {m.text for m in by_name(ents, "Ricardo Rosselló Nevares").mentions}
    assert "Vázquez" in {m.text for m in by_name(ents, "Wanda Vázquez Garced").mentions}
    # a name with an initial, a middle name or a generation added is the same person's
    _, ents = run("Former Representative John James Conyers Jr. died on Sunday. John Conyers served for decades.")
    assert "John Conyers" in {m.text for m in by_name(ents, "John James Conyers Jr.").mentions}
    # not when two fuller names fit, nor one initial for another
    _, ents = run("George H. W. Bush served one term. George W. Bush served two. George Bush said the war was just.")
    assert "George W. Bush" not in {m.text for m in by_name(ents, "George H. W. Bush").mentions}
    # a middle given name is no surname: "Walker" alone is someone else
    _, ents = run("George Walker Bush spoke on Monday. Walker said the plan had failed.")
    assert "Walker" not in {m.text for m in by_name(ents, "George Walker Bush").mentions}


def test_abbreviated_titles_are_split_and_spelled_out_for_roles(run):
    _, ents = run(
        "The call highlighted Sen. Bernie Sanders' record on guns. Gov. Jerry Brown said the state would sue. "
        "Lt. Gen. Michael Flynn said he agreed. The senator said he would vote against the bill."
    )
    sanders = by_name(ents, "Bernie Sanders")
    assert sanders.titles == ["Sen."]
    assert "The senator" in {m.text for m in sanders.mentions}
    assert by_name(ents, "Jerry Brown").titles == ["Gov."]
    assert "Gen." in by_name(ents, "Michael Flynn").titles[0]
