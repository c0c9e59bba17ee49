"""Patrols ordered or stepped up are a show of force (151), but peacekeepers' patrols are
peacekeeping (074); a deployment named by the troops it moves is theirs, going where the
sentence sends them; a force demobilized with no doer named stood down itself (sentences
written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_patrols_ordered_or_stepped_up_are_a_show_of_force(code_one: Code) -> None:
    found = triples(
        code_one("The Kenyan government ordered patrols by police and soldiers in Garissa.")
    )
    assert any(s == "KENGOV" and c == "151" for s, _, c in found), found
    found = triples(code_one("Ugandan police stepped up patrols in Kampala after the bombing."))
    assert any(s == "UGACOP" and c == "151" for s, _, c in found), found


def test_peacekeepers_stepping_up_patrols_keep_the_peace(code_one: Code) -> None:
    coded = code_one("UN peacekeepers stepped up patrols in eastern Congo on Monday.")
    codes = {e.event_type.cameo for e in coded.events}
    assert "074" in codes and not any(c.startswith("15") for c in codes), codes
    event = next(e for e in coded.events if e.event_type.cameo == "074")
    assert "peacekeepers" in event.reason


def test_a_deployment_named_by_its_troops_is_theirs(code_one: Code) -> None:
    found = triples(code_one("The deployment of Russian troops to Belarus began on Monday."))
    assert ("RUSMIL", "BLR", "154") in found, found
    found = triples(
        code_one("The first deployment of NATO peacekeeping troops has arrived in Bosnia.")
    )
    assert any(c == "074" and t == "BIH" for _, t, c in found), found


def test_bare_troops_deployed_borrow_no_doer_from_where_they_go(code_one: Code) -> None:
    found = triples(code_one("Officials announced the deployment of troops to Belarus."))
    assert not any(s is not None and s.startswith("BLR") for s, _, _ in found), found


def test_a_force_demobilized_with_no_doer_named_stood_down_itself(code_one: Code) -> None:
    found = triples(code_one("One third of the Colombian guerrillas have been demobilized."))
    assert ("COLREB", None, "0873") in found, found
    found = triples(code_one("Half of the Colombian rebels were disarmed last year."))
    assert any(s == "COLREB" and c == "0873" for s, _, c in found), found
