"""Which event a sentence is about when one event sits inside another's argument, what a
refusal or failure noun does to its infinitive, and whose "its" is (sentences written for
these tests)."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle, Event
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def _top(coded: CodedArticle) -> Event:
    return max(coded.events, key=lambda e: e.confidence)


def test_a_protest_outranks_the_decision_it_protests(code_one: Code) -> None:
    coded = code_one(
        "Hundreds of Eritrean migrants started a hunger strike on Tuesday to protest against "
        "Israel's decision to deport them to Rwanda."
    )
    assert _top(coded).event_type.cameo == "142"


def test_what_a_supported_resolution_would_do_ranks_below_the_support(code_one: Code) -> None:
    coded = code_one(
        "Poland said it will back a United Nations resolution that aims to impose an arms "
        "embargo on Belarus."
    )
    assert _top(coded).event_type.cameo == "032"
    # the embargo is still coded, as what the resolution intends
    assert ("IGOUNO", "BLR", "1312") in triples(coded)


def test_a_refused_act_keeps_its_rank(code_one: Code) -> None:
    coded = code_one("Pakistan has refused to send peacekeepers to Somalia and urged talks.")
    assert _top(coded).event_type.cameo == "1224"


def test_a_refusal_nouns_infinitive_is_refused_not_done(code_one: Code) -> None:
    found = triples(
        code_one(
            "Tibetan refugees are continuing a hunger strike in protest of the Nepalese "
            "government's refusal to grant them asylum."
        )
    )
    assert not any(code == "075" for _, _, code in found)
    assert ("NPLGOV", "NPLREF", "122") in found


def test_a_failure_nouns_infinitive_did_not_happen(code_one: Code) -> None:
    found = triples(code_one("Britain criticised Serbia's failure to arrest the suspects."))
    assert ("GBR", "SRB", "111") in found
    assert not any(code == "173" for _, _, code in found)


def test_its_on_a_verbs_object_is_the_subjects(code_one: Code) -> None:
    found = triples(
        code_one(
            "Pakistan has refused to send peacekeepers to Somalia and urged its citizens to leave."
        )
    )
    assert ("PAK", "PAKCVL", "020") in found


def test_its_after_a_verbs_object_stays_with_that_object(code_one: Code) -> None:
    found = triples(code_one("The UN condemned Iran over its crackdown on protesters."))
    assert ("IGOUNO", "IRN", "111") in found
    assert ("IRN", "IRNCVL", "175") in found


def test_her_is_not_bound_to_a_male_subject(code_one: Code) -> None:
    found = triples(
        code_one(
            "Sudan's army chief met a UN special envoy in Khartoum on Tuesday. "
            "He rejected her proposal for talks with the rebels."
        )
    )
    assert not any(code.startswith("12") and target is None for _, target, code in found)
