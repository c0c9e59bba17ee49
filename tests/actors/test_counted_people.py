"""A bare number as an act's object counts people; after a parallel clause that names
what it counts, it counts the same (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_a_bare_number_arrested_is_that_many_people_of_the_country(code_one: Code) -> None:
    coded = code_one("Ugandan police broke up a rally in Kampala on Sunday, arresting 35.")
    arrests = [e for e in coded.events if e.event_type.cameo == "173"]
    assert [(e.source.code, e.target.code) for e in arrests if e.source and e.target] == [
        ("UGACOP", "UGACVL")
    ]
    assert arrests[0].target is not None and arrests[0].target.text == "35"
    assert "bare number counts people" in arrests[0].target.reason


def test_a_number_left_after_a_parallel_clause_counts_what_that_clause_counts(
    code_one: Code,
) -> None:
    found = triples(
        code_one("Ethiopian troops killed three Eritrean soldiers and wounded five near Badme.")
    )
    assert {("ETHMIL", "ERIMIL", "1823"), ("ETHMIL", "ERIMIL", "182")} <= found


def test_a_number_with_its_noun_is_read_from_the_noun(code_one: Code) -> None:
    found = triples(code_one("Bolivian police arrested 12 of the striking miners in La Paz."))
    assert ("BOLCOP", "BOLLAB", "173") in found
