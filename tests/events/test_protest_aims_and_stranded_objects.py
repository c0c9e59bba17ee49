"""Sides the parser hides: an act of protest inside a protest, an object the parser
strands, a counted object, a subject read as a participle's, riot acts (sentences
written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_an_act_of_protest_inside_a_protest_is_aimed_where_that_one_is(code_one: Code) -> None:
    found = triples(
        code_one("Kenyan youths hurled stones during protests against killings by Ugandan police.")
    )
    assert ("KENCVL", "UGACOP", "145") in found


def test_with_no_protest_around_it_a_riot_is_aimed_at_its_own_government(code_one: Code) -> None:
    found = triples(code_one("Palestinian youths threw stones on Friday, witnesses said."))
    assert ("PSECVL", "PSEGOV", "145") in found


def test_an_object_stranded_by_a_participle_is_still_the_target(code_one: Code) -> None:
    found = triples(
        code_one(
            "Ecuador granted asylum to three Bolivian opposition leaders holed up in its embassy in La Paz."
        )
    )
    assert ("ECU", "BOLOPP", "075") in found


def test_burning_tyres_is_rioting_and_setting_fire_to_offices_destroys_them(code_one: Code) -> None:
    assert ("KENEDU", "KENCOP", "145") in triples(
        code_one("Kenyan students burned tyres during protests against arrests by police.")
    )
    assert any(
        code == "1712" and source == "ISRMIL"
        for source, _, code in triples(
            code_one("Israeli soldiers set fire to the offices of a Palestinian charity in Hebron.")
        )
    )


def test_a_hyphenated_passive_after_be_is_still_a_passive(code_one: Code) -> None:
    found = triples(code_one("Protesters in Lagos were tear-gassed by police on Thursday."))
    assert ("NGACOP", "NGACVL", "175") in found


def test_a_threat_until_someone_acts_is_aimed_at_them(code_one: Code) -> None:
    found = triples(
        code_one(
            "Kenya's opposition leader vowed to hold nationwide protests every week until the "
            "government cut the price of maize flour."
        )
    )
    assert ("KENOPP", "KENGOV", "133") in found


def test_the_main_verb_after_a_relative_clause_is_the_subjects_act(code_one: Code) -> None:
    found = triples(
        code_one(
            "Nigerian police, who fired tear gas at students last week, deployed in large "
            "numbers in central Lagos on Tuesday."
        )
    )
    assert ("NGACOP", "NGA", "150") in found
    assert ("NGACOP", "NGAEDU", "175") in found


def test_an_object_counted_with_up_to_is_still_the_object(code_one: Code) -> None:
    # the parser reads "up" as a particle and the workers as the object of "to"
    coded = code_one("Chadian rebels have kidnapped up to 16 French aid workers from a market.")
    kidnappings = [e for e in coded.events if e.event_type.cameo == "181"]
    assert [e.target.country for e in kidnappings if e.target] == ["FRA"]


def test_a_speaker_described_by_a_participle_is_still_the_speaker(code_one: Code) -> None:
    # the parser makes "operating" the subject of "said", the Red Cross its subject
    coded = code_one(
        "The Red Cross operating in Lebanon said Israeli forces must ensure safe passage for "
        "ambulances."
    )
    demands = [e for e in coded.events if e.event_type.cameo == "100"]
    assert [(e.source.text, e.target.code) for e in demands if e.source and e.target] == [
        ("The Red Cross", "ISRMIL")
    ]


def test_a_protest_stated_in_a_clause_is_criticism_not_a_demonstration(code_one: Code) -> None:
    stated = triples(
        code_one("The Chilean government protested that Argentina had violated its airspace.")
    )
    assert ("CHLGOV", "ARG", "111") in stated
    assert not any(code.startswith("14") for _, _, code in stated)
    # a protest with no clause of its own is still a demonstration
    staged = triples(code_one("Chilean students protested against the government in Santiago."))
    assert any(code.startswith("14") for _, _, code in staged)


def test_a_group_of_people_is_those_people(code_one: Code) -> None:
    found = triples(
        code_one("A group of Kenyan teachers began a hunger strike in Nairobi on Monday.")
    )
    assert ("KENEDU", "KENGOV", "142") in found
