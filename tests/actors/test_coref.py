"""Coreference inside an article, on texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import Actor, CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def actors_named(coded: CodedArticle, text: str) -> list[Actor]:
    return [a for a in coded.actors if a.text == text]


def test_he_refers_to_the_last_named_person(code_one: Code) -> None:
    coded = code_one(
        "Ghana's Foreign Minister Ama Boateng arrived in Lome on Monday. He met Togolese officials."
    )
    [he] = actors_named(coded, "He")
    assert he.code == "GHAGOV" and he.name == "Ama Boateng"
    assert "'He' refers to" in he.reason


def test_we_in_a_quote_is_the_speakers_government(code_one: Code) -> None:
    coded = code_one(
        "Kenya's Interior Minister Kofi Njoroge spoke on Friday. \"We will not negotiate with "
        'kidnappers," he said.'
    )
    [we] = actors_named(coded, "We")
    assert we.code == "KENGOV" and we.name is None
    assert "quotation" in we.reason


def test_the_minister_refers_to_the_minister_named_before(code_one: Code) -> None:
    coded = code_one(
        "Chile's Defence Minister Marta Rojas visited the base. Later the minister criticised Peru."
    )
    [minister] = actors_named(coded, "the minister")
    assert minister.code == "CHLGOV" and minister.name == "Marta Rojas"
    assert any(
        e.source and e.source.code == "CHLGOV" and e.event_type.cameo == "111" for e in coded.events
    )


def test_the_group_refers_to_the_armed_group(code_one: Code) -> None:
    coded = code_one(
        "Al-Shabaab fighters attacked a police post. The group later threatened Kenya."
    )
    [group] = actors_named(coded, "The group")
    assert group.org == "AL_SHABAAB"


def test_the_country_and_the_two_countries(code_one: Code) -> None:
    coded = code_one(
        "Armenia accused Azerbaijan of shelling border villages. The country also recalled its envoy. "
        "Talks between the two countries stalled."
    )
    [country] = actors_named(coded, "The country")
    assert country.code == "AZE" or country.code == "ARM"
    two = actors_named(coded, "the two countries")
    assert sorted(a.code for a in two) == ["ARM", "AZE"]


def test_a_role_without_a_country_takes_its_sentences_country(code_one: Code) -> None:
    coded = code_one("Kenyan police arrested dozens of protesters in Nairobi on Tuesday.")
    [protesters] = [a for a in coded.actors if "protesters" in a.text]
    assert protesters.code == "KENCVL"
    assert "country from context" in protesters.reason


def test_a_town_named_in_the_sentence_outweighs_the_other_sides_nationality(
    code_one: Code,
) -> None:
    coded = code_one("Russian air strikes killed twenty civilians in Idlib on Monday.")
    [civilians] = [a for a in coded.actors if "civilians" in a.text]
    assert civilians.code == "SYRCVL"


def test_bracketed_aliases_are_one_mention(code_one: Code) -> None:
    coded = code_one("The Islamic State of Iraq and the Levant (ISIL) claimed the attack.")
    isil = [a for a in coded.actors if a.org == "ISIL"]
    assert len(isil) == 1 and isil[0].text.endswith("(ISIL)")


def test_a_role_noun_with_nothing_to_refer_to_is_the_role(code_one: Code) -> None:
    """ "The rebel group" refers back where there is a group before; in a story's first
    sentence it is simply a rebel group (here Burundian, from its context)."""
    found = triples(code_one("The rebel group attacked Burundi's army on Sunday."))
    assert ("BDIREB", "BDIMIL", "190") in found


def test_a_named_group_with_a_role_word_before_it_is_an_it(code_one: Code) -> None:
    """ "The rebel Revolutionary United Front announced it will ...": a group, not a person."""
    found = triples(
        code_one(
            "The rebel Revolutionary United Front announced it will return weapons to Sierra Leone."
        )
    )
    assert any(s == "SLEREBRUF" and t == "SLE" and c.startswith("035") for s, t, c in found), found


def test_both_sides_are_the_two_actors_named_last(code_one: Code) -> None:
    found = triples(
        code_one(
            "Sudan's army and the Rapid Support Forces signed a truce in Jeddah. "
            "Guterres called on both sides to respect it."
        )
    )
    asked = {t for s, t, c in found if c.startswith("02")}
    assert asked == {"SDNMIL", "SDNREBRSF"}, found


def test_the_two_sides_are_the_pair_named_together_not_the_last_two_names(
    code_one: Code,
) -> None:
    """Others are named after the pair (a town, a ministry, the mediator): "the two sides"
    are still the ones named together, and a phrase that names no country is no side."""
    found = triples(
        code_one(
            "Armenia and Azerbaijan signed a ceasefire on Friday. Fighting had raged near "
            "the presidential palace in Stepanakert, the French foreign ministry said. "
            "Qatar began hosting talks between the two sides in Doha."
        )
    )
    assert ("QAT", "ARM", "045") in found and ("QAT", "AZE", "045") in found, found
    assert ("ARM", "AZE", "040") in found, found


def test_he_prefers_the_last_sentences_subject_and_her_skips_whom_he_named(
    code_one: Code,
) -> None:
    """The envoy is named last, but "he" continues the subject; "her" is then not him."""
    coded = code_one(
        "Kenya's president met an EU special envoy in Nairobi on Monday. "
        "He rejected her proposal for new elections."
    )
    [he] = actors_named(coded, "He")
    assert he.code == "KENGOV", he
    [her] = actors_named(coded, "her")
    assert her.code.startswith("IGOEU"), her
    assert ("KENGOV", her.code, "12") in {(s, t, c[:2]) for s, t, c in triples(coded)}


def test_its_in_a_passive_is_the_one_acted_on_not_the_by_agent(code_one: Code) -> None:
    coded = code_one(
        "Belarus was condemned by the European Parliament on Thursday over its crackdown "
        "on protesters."
    )
    assert any(s == "BLR" and c.startswith("17") for s, _, c in triples(coded)), triples(coded)


def test_it_can_be_a_body_named_by_its_role(code_one: Code) -> None:
    found = triples(
        code_one("The Islamist Nahda party has said it will boycott Tunisia's elections.")
    )
    assert ("TUNPTY", "TUN", "133") in found


def test_their_countries_are_the_two_named_together(code_one: Code) -> None:
    found = triples(
        code_one(
            "Senior Kenyan and Ugandan officials agreed on Monday that their countries should "
            "cooperate on border security."
        )
    )
    assert {("KEN", "UGA", "031"), ("UGA", "KEN", "031")} <= found


def test_a_statement_demands_what_its_issuer_demands(code_one: Code) -> None:
    found = triples(
        code_one(
            "The rebel Kurdistan Workers' Party issued a statement demanding that Ankara "
            "release prisoners."
        )
    )
    assert ("TURREBPKK", "TURGOV", "100") in found


def test_a_state_body_in_what_a_national_speaker_says_is_the_speakers(code_one: Code) -> None:
    found = triples(
        code_one(
            "India's defence minister said the army would push into Pakistani Kashmir "
            "unless the militants withdrew."
        )
    )
    assert any(source == "INDMIL" for source, _, _ in found)


def test_an_outside_source_reporting_afterwards_lends_no_country(code_one: Code) -> None:
    coded = code_one(
        "The army declared a state of emergency in Haiti on Saturday, a spokeswoman for the "
        "U.S. embassy said."
    )
    assert not any(a.country == "USA" for a in actors_named(coded, "The army"))


def test_the_two_neighbours_are_not_the_mediator_nor_the_speakers_own_country(
    code_one: Code,
) -> None:
    """The subject of the verb that controls "to mediate", and a name in an apposition
    the parser hangs the verb on, are not among "the two neighbours"."""
    found = triples(
        code_one(
            "Kenyan President Uhuru Kenyatta met Ethiopian Prime Minister Abiy Ahmed and "
            "Eritrean President Isaias Afwerki. Ugandan President Yoweri Museveni offered on "
            "Monday to mediate between the two neighbours. The chairman of the African Union "
            "Commission, Moussa Faki Mahamat, called on both countries to show restraint.",
            date="2019-03-01",
        )
    )
    mediated = {t for s, t, c in found if c == "039"}
    assert mediated == {"ETH", "ERI"}, found
    called = {t for s, t, c in found if c.startswith("02")}
    assert called == {"ETH", "ERI"}, found
    assert any(s == "IGOAFRAFUCOM" for s, _, c in found if c.startswith("02")), found


def test_they_in_a_relative_clause_is_not_whom_the_clause_describes(code_one: Code) -> None:
    """ "the aid workers, whom they had held for a month": "they" are not the aid workers,
    and "whom" is what was done to them."""
    found = triples(
        code_one(
            "Somali militants said they would free six Kenyan aid workers, whom they had "
            "kidnapped in March."
        )
    )
    assert any(
        s and s.startswith("SOMREB") and t == "KENSOC" and c == "181" for s, t, c in found
    ), found
    assert not any(s == "KENSOC" for s, _, _ in found), found
