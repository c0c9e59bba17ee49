"""Attempts, cyber attacks, requests for refuge, cuts of aid, moved objects and habitual
acts (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_trying_to_do_something_is_no_trial(code_one: Code) -> None:
    found = triples(
        code_one("Iranian hackers tried to break into the email accounts of Israeli diplomats.")
    )
    assert not any(code == "173" for _, _, code in found)


def test_a_court_trying_someone_is_still_a_legal_action(code_one: Code) -> None:
    found = triples(code_one("A Kenyan court tried two Somali militants for the bombing."))
    assert any(code == "173" and target == "SOMREB" for _, target, code in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Russian hackers tried to hack into the computers of Estonian defence officials.",
            ("RUSCRM", "ESTGOV", "170"),
        ),
        (
            "Chinese hackers defaced hundreds of Taiwanese government websites on Monday.",
            ("CHNCRM", "TWNGOV", "170"),
        ),
        (
            "Russian hackers launched a massive cyber attack on Estonian banks on Friday.",
            ("RUSCRM", "ESTCVL", "170"),
        ),
    ],
)
def test_a_cyber_attack_is_coercion_in_the_cyber_mode(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    coded = code_one(sentence)
    assert expected in triples(coded)
    event = next(e for e in coded.events if e.event_type.cameo == "170")
    assert (event.event_type.plover_type, event.event_type.plover_mode) == ("COERCE", "cyber")


def test_hacking_people_to_death_is_no_cyber_attack(code_one: Code) -> None:
    coded = code_one("Militiamen hacked three Congolese villagers to death near Beni on Sunday.")
    assert not any(e.event_type.plover_mode == "cyber" for e in coded.events)


def test_seeking_asylum_in_a_country_is_an_appeal_to_it(code_one: Code) -> None:
    found = triples(code_one("Some 5,000 Eritrean refugees sought asylum in Sudan last month."))
    assert ("ERIREF", "SDN", "023") in found


def test_prohibiting_aid_is_cutting_it(code_one: Code) -> None:
    found = triples(code_one("Norway prohibited all aid to Sudanese rebels on Tuesday."))
    assert ("NOR", "SDNREB", "162") in found


def test_an_object_moved_after_an_as_phrase_is_still_the_target(code_one: Code) -> None:
    found = triples(
        code_one("Greece on Friday denounced as a crime Turkey's suppression of Kurdish protests.")
    )
    assert ("GRC", "TUR", "111") in found


def test_acts_done_routinely_are_reported_events(code_one: Code) -> None:
    found = triples(
        code_one(
            "Kenyan police routinely beat up Somali detainees in Nairobi, a rights group said."
        )
    )
    assert ("KENCOP", "SOMCVL", "182") in found


def test_what_typically_happens_is_still_no_event(code_one: Code) -> None:
    coded = code_one("Police typically beat up detainees in overcrowded cells, the report said.")
    assert not coded.events


def test_launching_fire_against_camps_attacks_whoever_holds_them(code_one: Code) -> None:
    coded = code_one(
        "Ethiopian forces launched artillery fire against Eritrean rebel camps near the "
        "Sudanese border."
    )
    assert ("ETHMIL", "ERIREB", "190") in triples(coded)
    assert coded.events[0].event_type.plover_mode == "heavy-weapons"
