"""What a protest demands is what it is for, not a second event (sentences written for
these tests): CAMEO refines the protest's code by a political demand (1411 a march for a
leader's resignation, 1443 a blockade for rights), and PLOVER codes one PROTEST."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]
_MARCH = (
    "Thousands of Serbian students marched in Belgrade demanding the resignation of the "
    "prime minister."
)


@pytest.mark.parametrize(
    ("sentence", "protest"),
    [
        # a march demanding a resignation: one protest for leadership change
        (_MARCH, "1411"),
        # the demands a blockade is held to press: one protest for rights
        (
            "Young Tunisians blocked roads in Sfax to press their demands for greater freedom "
            "from the government.",
            "1443",
        ),
        # a demand CAMEO's protest codes do not name leaves the protest's own code
        (
            "Jailed Kurdish activists in Turkey began a hunger strike to demand the release "
            "of their leader.",
            "142",
        ),
    ],
)
def test_what_a_protest_demands_is_the_protest(code_one: Code, sentence: str, protest: str) -> None:
    codes = {c for _, _, c in triples(code_one(sentence))}
    assert protest in codes, codes
    assert not any(c.startswith(("10", "02")) for c in codes), codes


def test_a_demand_that_serves_no_protest_stays_a_demand(code_one: Code) -> None:
    found = triples(
        code_one("Serbian students demanded the resignation of the prime minister on Monday.")
    )
    assert any(c == "1041" for _, _, c in found), found


def test_whom_a_protest_is_against_outranks_where_it_was_held(code_one: Code) -> None:
    found = triples(
        code_one("Kenyan exiles staged rallies in London against the Kenyan president.")
    )
    assert any(t == "KENGOV" and c.startswith("14") for _, t, c in found), found
    assert not any(t == "GBR" for _, t, _ in found), found
    # with no one named, the place of a protest still says where it was aimed
    found = triples(code_one("Angry Kenyan farmers staged rallies in Uganda."))
    assert any(t == "UGA" and c.startswith("14") for _, t, c in found), found


def test_a_protest_is_against_whom_its_demand_is_made_of(code_one: Code) -> None:
    found = triples(
        code_one(
            "Kenyan teachers marched in Nairobi demanding pay rises from the education ministry."
        )
    )
    assert any(t == "KENGOVEDU" and c.startswith("14") for _, t, c in found), found


def test_a_refined_protest_takes_the_finer_codes_plover_context(code_one: Code) -> None:
    events = code_one(_MARCH).events
    march = next(e for e in events if e.event_type.cameo == "1411")
    assert march.event_type.plover_type == "PROTEST"
    assert "executive" in march.event_type.plover_contexts
