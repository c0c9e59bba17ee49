"""Orders: "X ordered Y to do Z" is X's demand of Y (the demand code of Z); an order to
one's own forces is done by them; an order whose content is no event is a plain demand
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_an_order_is_a_demand_of_what_it_orders(code_one: Code) -> None:
    found = triples(
        code_one("The Kenyan president ordered the rebels to withdraw from the border.")
    )
    assert ("KENGOV", "KENREB", "106") in found, found
    found = triples(
        code_one("A Kenyan court ordered the government to release the opposition leader.")
    )
    assert ("KENJUD", "KENGOV", "1053") in found, found


def test_an_order_to_ones_own_forces_is_done_by_them(code_one: Code) -> None:
    found = triples(code_one("The Malian army chief ordered his troops to pull out of Gao."))
    assert any(s == "MLIMIL" and c.startswith("087") for s, _, c in found), found
    assert not any(c.startswith("15") for _, _, c in found), found


def test_an_order_with_no_event_in_it_is_a_plain_demand(code_one: Code) -> None:
    found = triples(
        code_one("A Peruvian judge ordered the former president to appear for questioning.")
    )
    assert ("PERJUD", "PERELI", "100") in found, found


def test_troops_ordered_somewhere_are_still_deployed_and_an_order_denied_is_none(
    code_one: Code,
) -> None:
    found = triples(code_one("Russia ordered troops to the Ukrainian border."))
    assert any(c == "154" for _, _, c in found), found
    denied = triples(code_one("The Kenyan president did not order the rebels to withdraw."))
    assert not any(c.startswith("10") for _, _, c in denied), denied


def test_commanding_units_is_leading_them_not_an_order(code_one: Code) -> None:
    found = triples(code_one("The Malian colonel commanded two army battalions near Gao."))
    assert not any(c.startswith("10") for _, _, c in found), found


def test_an_order_to_do_what_no_demand_names_is_the_act_of_who_gives_it(code_one: Code) -> None:
    """No CAMEO demand code names "demand a closure": ordering a newspaper to stop printing
    is the government restricting it, as "closed the newspaper" would be."""
    found = triples(
        code_one(
            "Zimbabwe's government ordered two private radio stations to suspend their broadcasts."
        )
    )
    assert any(code == "1721" and source == "ZWEGOV" for source, _, code in found), found
    # an order whose act has a demand code stays a demand of the one ordered
    demanded = triples(
        code_one("The Kenyan president ordered Uganda to withdraw its troops from the border.")
    )
    assert not any(code.startswith("087") for _, _, code in demanded), demanded
