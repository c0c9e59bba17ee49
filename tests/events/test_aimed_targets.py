"""Whom an act is aimed at when its object is a thing: the party a truce, a refusal, an act
of defiance, an alert or a mobilisation is about (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_a_demanded_truce_is_demanded_of_whom_it_is_with(code_one: Code) -> None:
    found = triples(code_one("Chadian rebels demanded a truce with government troops."))
    assert ("TCDREB", "TCDMIL", "107") in found, found


def test_a_refusal_of_entry_to_a_people_is_aimed_at_them(code_one: Code) -> None:
    found = triples(code_one("Togo was still refusing admittance to Nigerians on Monday."))
    assert ("TGO", "NGA", "120") in found, found


def test_an_act_in_defiance_of_someone_is_aimed_at_them(code_one: Code) -> None:
    found = triples(
        code_one("Thousands of students blocked roads in Lahore in defiance of the Pakistani army.")
    )
    assert any(t == "PAKMIL" and c.startswith("14") for _, t, c in found), found
    # without it, the place is the target, as before
    plain = triples(code_one("Thousands of students blocked roads in Lahore."))
    assert not any(t == "PAKMIL" for _, t, _ in plain), plain


def test_forces_on_alert_somewhere_are_aimed_at_that_place(code_one: Code) -> None:
    found = triples(
        code_one("Indian troops remained on alert in Kashmir today to prevent more violence.")
    )
    assert ("INDMIL", "IND", "152") in found, found
    # an event named as what came before is no place of the verb
    before = triples(
        code_one("Forty Malian rebels surrendered in Gao following an army offensive.")
    )
    assert not any(c.startswith("19") and t == "MLICVL" for _, t, c in before), before


def test_a_mobilisation_for_a_war_is_aimed_at_the_enemy(code_one: Code) -> None:
    found = triples(code_one("Armenia mobilised its reserves for a war against Azerbaijan."))
    assert ("ARM", "AZE", "154") in found, found


def test_calling_off_a_strike_is_aimed_at_the_strikers_government(code_one: Code) -> None:
    found = triples(code_one("Kenyan doctors called off their strike on Monday."))
    assert ("KENHLH", "KENGOV", "082") in found, found
    # a government calling off its own rally aims it at no one
    own = triples(code_one("The Kenyan government called off the rally."))
    assert ("KENGOV", None, "082") in own, own


def test_a_mediation_effort_is_between_whom_its_verb_names(code_one: Code) -> None:
    """The parser hangs "between" on the verb, past the noun "mediation" modifies."""
    found = triples(
        code_one(
            "Kuwait's emir launched a mediation effort on Saturday between Qatar and Saudi Arabia."
        )
    )
    assert {("KWTGOV", "QAT", "045"), ("KWTGOV", "SAU", "045")} <= found, found


def test_a_release_frees_its_object_not_what_the_object_shows(code_one: Code) -> None:
    assert triples(code_one("Syria released 24 Turkish sailors in Damascus.")) == {
        ("SYR", "TURMIL", "0841")
    }
    shown = triples(
        code_one("The White Helmets released pictures of four rescue workers in Aleppo.")
    )
    assert not any(c.startswith("084") for _, _, c in shown), shown


def test_standing_down_at_home_is_aimed_at_no_one_there(code_one: Code) -> None:
    """A surrender, retreat or truce "in" one's own country says where, not before whom."""
    found = triples(code_one("Two hundred Congolese rebels surrendered in the town of Beni."))
    assert ("CODREB", None, "0874") in found, found
    found = triples(
        code_one("The Kurdish PKK declared a unilateral ceasefire in southeast Turkey.")
    )
    assert not any(t == "TUR" and c == "0871" for _, t, c in found), found
    # a retreat from another country's town is still aimed at that country
    found = triples(code_one("Syrian troops withdrew from the Lebanese town of Zahle."))
    assert ("SYRMIL", "LBN", "0874") in found, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an aid body expelled is 1663 (expel aid agencies), not 174 (deport individuals)
        ("Sudan expelled Doctors Without Borders from Darfur.", ("SDN", "NGOHLHMSF", "1663")),
        ("Eritrea expelled the Norwegian Refugee Council.", ("ERI", "NGOREFNRC", "1663")),
        # people expelled stay deported individuals
        ("Chad expelled two French journalists.", ("TCD", "FRAMED", "174")),
    ],
)
def test_an_organisation_expelled_is_withdrawn_not_deported(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(code_one(sentence))
