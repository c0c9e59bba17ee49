"""A people named by its nationality, "of" a place in another country, is a community of
that place: its civilians (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_a_people_of_a_place_in_another_country_are_its_civilians(code_one: Code) -> None:
    found = triples(
        code_one("The Serbs of northern Kosovo demanded autonomy from the Kosovo government.")
    )
    assert any(s == "KOSCVL" and c.startswith("104") for s, _, c in found), found


def test_a_people_at_home_or_of_no_place_keep_their_country(code_one: Code) -> None:
    found = triples(code_one("Albanians protested in Tirana on Monday."))
    assert any(s == "ALBCVL" for s, _, _ in found), found
    # "of" with no place at its head lends nothing: the chief is not Israel's
    found = triples(
        code_one(
            "Hezbollah guerrillas killed the deputy chief of Israel's militia ally in "
            "southern Lebanon on Sunday."
        )
    )
    killed = [t for _, t, c in found if c.startswith("18")]
    assert killed and all(t is not None and t.startswith("LBN") for t in killed), found


def test_a_surname_the_tagger_takes_for_a_town_names_no_place(code_one: Code) -> None:
    # "Oshima" is also a town in Japan; after a first name it is a surname
    found = triples(
        code_one(
            "Kenzo Oshima, the United Nations relief coordinator, demanded that the "
            "Sudanese government allow aid workers into Darfur."
        )
    )
    assert any(s is not None and s.startswith("IGOUNO") for s, _, _ in found), found
    assert not any(s is not None and s.startswith("JPN") for s, _, _ in found), found
