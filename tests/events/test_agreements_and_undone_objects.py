"""Agreements reached and event nouns that a verb undoes (sentences written for these tests).

- Agreeing on terms or reaching a deal commits the sides to cooperate (030, PLOVER AGREE);
  signing or ratifying it is 057 (PLOVER SUPPORT); agreeing to a truce declares it (0871).
- "lifted its sanctions", "ended the blockade", "lodged a protest": the verb's row says what
  was done to the thing the noun names; the noun is no new event of its own. Verbs that
  report on an event ("investigated the shelling", "accused X of the killing") leave it coded.
- A state that someone watches over ("monitor the ceasefire") was declared before.
"""

from __future__ import annotations

from collections.abc import Callable

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def test_an_agreement_reached_is_a_commitment_to_cooperate(code_one: Code) -> None:
    found = triples(code_one("Ghana and Togo agreed on a new customs pact on Friday."))
    assert {("GHA", "TGO", "030"), ("TGO", "GHA", "030")} <= found, found
    assert not any(c == "057" for _, _, c in found), found
    found = triples(code_one("Peru and Chile reached a compromise over fishing rights."))
    assert ("PER", "CHL", "030") in found, found
    assert not any(c == "057" for _, _, c in found), found


def test_signing_is_still_a_signed_agreement_and_a_truce_agreed_is_declared(
    code_one: Code,
) -> None:
    found = triples(code_one("Ghana and Togo signed a customs pact in Lome on Friday."))
    assert ("GHA", "TGO", "057") in found, found
    found = triples(code_one("Armenia and Azerbaijan agreed to a truce in the mountains."))
    assert ("ARM", "AZE", "0871") in found, found


def test_what_a_verb_undoes_is_no_new_event(code_one: Code) -> None:
    found = triples(code_one("Canada lifted its sanctions against Belarus on Tuesday."))
    assert ("CAN", "BLR", "085") in found, found
    assert not any(c.startswith("16") for _, _, c in found), found
    found = triples(code_one("The Egyptian navy ended its blockade of the Libyan port."))
    assert any(s.startswith("EGY") and c == "0872" for s, _, c in found if s), found
    assert not any(c == "191" for _, _, c in found), found
    found = triples(code_one("Vietnam lodged a protest with China over the island dispute."))
    assert ("VNM", "CHN", "114") in found, found
    assert not any(c.startswith("14") for _, _, c in found), found


def test_an_investigated_attack_still_happened(code_one: Code) -> None:
    found = triples(
        code_one(
            "Georgian prosecutors began investigating the Russian shelling of a school in Gori."
        )
    )
    assert any(c.startswith("09") for _, _, c in found), found
    assert any(s and s.startswith("RUS") and c.startswith("19") for s, _, c in found), found


def test_a_ceasefire_watched_over_is_not_declared_again(code_one: Code) -> None:
    found = triples(
        code_one(
            "Kenya agreed to send troops to Sudan, where observers monitor a ceasefire "
            "between the army and the rebels."
        )
    )
    assert not any(c == "0871" for _, _, c in found), found
    found = triples(code_one("The army and the rebels declared a ceasefire in Darfur."))
    assert any(c == "0871" for _, _, c in found), found
