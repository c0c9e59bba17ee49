"""Sentence-level helpers the coder leans on: paragraphs, clauses, entities."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.nlp.clauses import clause_chain, entity_around, same_paragraph
from detente.pipeline import Coder


@pytest.fixture(scope="module")
def nlp(coder: Coder) -> Language:
    return coder.nlp


def test_paragraph_breaks_separate_sentences_and_spaces_do_not(nlp: Language) -> None:
    doc = nlp(
        "Kenya closed the border. Uganda protested.\n\nTanzania stayed silent.\n \nRwanda too."
    )
    first, second, third, fourth = list(doc.sents)
    assert same_paragraph(first, second)
    assert not same_paragraph(second, third)
    assert not same_paragraph(third, fourth)


def test_a_clause_chain_keeps_the_triggers_phrase_but_not_other_clauses(nlp: Language) -> None:
    doc = nlp("Turkish jets bombed the villages that the rebels had seized in Hasakah.")
    bombed = next(t for t in doc if t.lower_ == "bombed")
    chain = clause_chain(bombed)
    words = {doc[i].lower_ for i, distance in chain.items() if distance <= 1}
    assert {"jets", "villages"} <= words
    assert "seized" not in words and "hasakah" not in words  # the relative clause's own


def test_the_entity_around_a_token_is_the_whole_name(nlp: Language) -> None:
    doc = nlp("Officials in New York met delegates from South Sudan on Monday.")
    sudan = next(t for t in doc if t.text == "Sudan")
    found = entity_around(sudan)
    assert found is not None and found.text == "South Sudan"
    assert entity_around(next(t for t in doc if t.text == "met")) is None
