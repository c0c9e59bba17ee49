"""An order is a demand whatever it orders, even with an event deep in what it orders; the
people a follow-on "killing ..." clause counts are of the country the attack struck; a
verb with no object shares the object of the verb "or"-ed to it; pressing someone to act
is a demand; a protest continued is a protest; patrols by one country's forces are no
cooperation (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_an_order_with_an_event_only_in_a_modifier_of_its_content_is_a_demand(
    code_one: Code,
) -> None:
    # the inquiry is where the questioning happens, not what was ordered, and no one is
    # named who must hold it
    found = triples(
        code_one(
            "A Chilean judge ordered former president Ramon Vidal to appear for questioning in "
            "an inquiry into illegal arms sales to Peru and Bolivia."
        )
    )
    assert ("CHLJUD", "CHLELI", "100") in found, found


def test_a_promise_whose_content_codes_nothing_is_still_no_cooperation(code_one: Code) -> None:
    found = triples(
        code_one(
            "The Iraqi militia vowed on Sunday to make Turkey pay for the killing of its commander."
        )
    )
    assert not any(c.startswith("03") for _, _, c in found), found


def test_a_country_deep_in_nested_noun_phrases_lends_no_country_to_a_role(
    code_one: Code,
) -> None:
    coded = code_one(
        "A Chilean judge ordered former president Ramon Vidal to appear for questioning in an "
        "inquiry into illegal arms sales to Peru and Bolivia."
    )
    ordered = [e for e in coded.events if e.event_type.cameo == "100"]
    assert ordered and ordered[0].target is not None
    assert ordered[0].target.country == "CHL", ordered[0].target.reason


def test_people_killed_after_an_attack_are_of_the_country_it_struck(code_one: Code) -> None:
    found = triples(
        code_one(
            "A camp for Sudanese refugees was attacked by Chadian gunmen on Monday, killing "
            "at least 40 people."
        )
    )
    assert any(c.startswith("18") or c.startswith("20") for *_, c in found), found
    assert not any(t == "TCDCVL" for _, t, _ in found), found
    assert any(t == "SDNCVL" for _, t, _ in found), found


def test_a_verb_with_no_object_shares_the_object_of_the_verb_ored_to_it(code_one: Code) -> None:
    found = triples(
        code_one(
            "Ethiopian artillery shelled Eritrean army positions near Badme, killing or "
            "wounding 30."
        )
    )
    assert ("ETHMIL", "ERIMIL", "1823") in found or ("ETHMIL", "ERICVL", "1823") in found, found
    assert not any(c == "1823" and t is None for _, t, c in found), found


def test_pressing_someone_to_act_is_a_demand_not_an_appeal(code_one: Code) -> None:
    found = triples(
        code_one("Nigerian officials have been pressuring the dock workers to end their strike.")
    )
    assert ("NGAGOV", "NGALAB", "100") in found, found


def test_a_protest_continued_is_a_protest(code_one: Code) -> None:
    found = triples(code_one("Chilean students continued their protest on Monday."))
    assert any(s == "CHLEDU" and c.startswith("14") for s, _, c in found), found


def test_patrols_by_one_countrys_police_and_soldiers_are_no_cooperation(code_one: Code) -> None:
    found = triples(
        code_one("The Kenyan government ordered patrols by police and soldiers in Garissa.")
    )
    assert not any(c.startswith("06") for _, _, c in found), found
    joint = triples(code_one("Russian and Chinese warships held joint patrols in the Pacific."))
    assert ("RUSMIL", "CHNMIL", "062") in joint, joint


def test_sanctions_lifted_on_sales_to_countries_are_lifted_for_them(code_one: Code) -> None:
    found = triples(
        code_one("The European Union agreed to lift its embargo on arms sales to Libya and Sudan.")
    )
    assert {("IGOEUREEC", "LBY", "0354"), ("IGOEUREEC", "SDN", "0354")} <= found, found
    extended = triples(code_one("The EU extended its sanctions to Belarus on Monday."))
    assert ("IGOEUREEC", "BLR", "163") in extended, extended


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        # an order of an action, not of someone to act, is no demand
        (
            "The Kenyan president ordered the first direct military action against the "
            "militants in response to the attack on the border post.",
            "10",
        ),
        # a war that began with protests stages no protest
        (
            "Thousands have been killed since the conflict began in 2011 with protests "
            "against President Bashar al-Assad.",
            "14",
        ),
    ],
)
def test_what_only_looks_like_an_order_or_a_protest_codes_none(
    code_one: Code, sentence: str, root: str
) -> None:
    found = triples(code_one(sentence))
    assert not any(c.startswith(root) for _, _, c in found), found


def test_only_the_next_event_verb_lends_its_object(code_one: Code) -> None:
    # the church torched and the officers abducted later were not killed
    found = triples(
        code_one(
            "Gunmen killed and wounded five Kenyan villagers, torched a church and abducted "
            "two Kenyan police officers."
        )
    )
    killed = {t for _, t, c in found if c == "1823"}
    assert killed == {"KENCVL"}, found
