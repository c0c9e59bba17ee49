"""Sending inspectors to a country investigates it (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_inspectors_sent_to_a_country_investigate_it(code_one: Code) -> None:
    found = triples(code_one("The IAEA dispatched inspectors to Iran on Monday."))
    assert ("IGOUNOIAE", "IRN", "090") in found


def test_inspectors_sent_to_no_actor_are_no_event(code_one: Code) -> None:
    # a factory names no one looked into
    assert not code_one("Pakistan sent inspectors to the textile factory.").events


def test_inspectors_sent_to_a_site_in_a_country_investigate_the_country(code_one: Code) -> None:
    # the parser hangs "in western Syria" on the sending verb, not on the site
    found = triples(
        code_one(
            "The OPCW sent inspectors to the Barzah Research Centre (BRC) in western Syria "
            "to check the stockpiles."
        )
    )
    assert any(code == "090" and target == "SYR" for _, target, code in found)


def test_a_hearing_into_what_someone_did_investigates_them(code_one: Code) -> None:
    found = triples(
        code_one("Kenya's high court opened a hearing into the killing of protesters by police.")
    )
    assert any(code == "090" and target == "KENCOP" for _, target, code in found), found
    assert not code_one("The Kenyan court held a hearing on Monday.").events


def test_a_hearing_opened_into_a_matter_investigates_though_the_matter_names_no_one(
    code_one: Code,
) -> None:
    found = triples(
        code_one(
            "Kenya's supreme court opened a hearing on Tuesday into the legality of the "
            "emergency decree."
        )
    )
    assert ("KENJUD", None, "090") in found, found
    found = triples(
        code_one("Kenya's supreme court opened a hearing into the legality of the decree.")
    )
    assert ("KENJUD", None, "090") in found, found
