"""A closing reporting clause and an infinitive stranded in a relative clause, which the
parser misreads, are mended before coding (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from detente.nlp.repairs import (
    mend_closing_reports,
    mend_fronted_subjects,
    mend_gerund_lists,
    mend_stranded_infinitives,
    mend_verbless_roots,
)
from detente.pipeline import Coder
from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


def _speech(lemma: str) -> bool:
    return lemma in {"say", "charge", "protest", "accuse"}


def test_a_common_noun_speaker_becomes_the_subject_of_the_speech_verb(coder: Coder) -> None:
    doc = coder.nlp(
        "Kenyan police beat dozens of detainees in Nairobi, a rights group charged on Monday."
    )
    assert mend_closing_reports(doc, _speech) == 1
    charged = next(t for t in doc if t.text == "charged")
    assert charged.dep_ == "ROOT"
    assert [c.text for c in charged.children if c.dep_ == "nsubj"] == ["group"]
    assert next(t for t in doc if t.text == "beat").head.i == charged.i
    assert len(list(doc.sents)) == 1


def test_a_participle_phrase_or_a_named_speaker_is_left_as_parsed(coder: Coder) -> None:
    described = coder.nlp("The minister met the envoy, a man accused of fraud.")
    named = coder.nlp("Kenyan police beat dozens of detainees, Amnesty International charged.")
    before = [(t.dep_, t.head.i) for t in named]
    assert mend_closing_reports(described, _speech) == 0
    assert mend_closing_reports(named, _speech) == 0
    assert [(t.dep_, t.head.i) for t in named] == before


def test_the_speaker_of_a_closing_charge_accuses_and_is_no_victim(code_one: Code) -> None:
    found = triples(
        code_one(
            "Ugandan soldiers beat dozens of detainees in Gulu, a human rights group "
            "charged on Monday."
        )
    )
    assert any(code == "112" and target == "UGAMIL" for _, target, code in found), found
    assert not any(target is not None and target.endswith("SOC") for _, target, _ in found), found
    protested = triples(
        code_one(
            "Bosnian authorities are failing to protect returning refugees, a human rights "
            "group protested on Friday."
        )
    )
    assert any(code == "111" and target == "BIHGOV" for _, target, code in protested), protested


def _controls(lemma: str) -> bool:
    return lemma in {"allow", "urge"}


def test_an_infinitive_closing_a_relative_clause_is_the_control_verbs(coder: Coder) -> None:
    doc = coder.nlp("Kenya allowed Somali refugees who had fled the drought to return home.")
    assert mend_stranded_infinitives(doc, _controls) == 1
    back = next(t for t in doc if t.text == "return")
    assert (back.head.text, back.dep_) == ("allowed", "xcomp")


def test_an_infinitive_inside_the_relative_clause_stays_there(coder: Coder) -> None:
    doc = coder.nlp("Kenya allowed refugees who wanted to leave the camps.")
    assert mend_stranded_infinitives(doc, _controls) == 0


def test_refugees_allowed_to_return_are_the_target_of_the_concession(code_one: Code) -> None:
    found = triples(
        code_one("Kenya allowed Somali refugees who had fled the drought to return home.")
    )
    assert ("KEN", "SOMREF", "080") in found, found


# Sentences the parser misreads, each used by a test of the mend and one of its effect.
_DONATED = (
    "Doctors from two Swiss aid groups donated and personally delivered 300 tents to "
    "Kabul University."
)
_LISTED = (
    "Human Rights Watch accused Uganda of detaining critics, defying court orders and "
    "silencing journalists."
)


def test_a_participle_with_an_object_in_a_verbless_sentence_is_its_verb(coder: Coder) -> None:
    doc = coder.nlp(_DONATED)
    assert mend_verbless_roots(doc) == 1
    donated = next(t for t in doc if t.text == "donated")
    assert donated.dep_ == "ROOT"
    assert [c.text for c in donated.children if c.dep_ == "nsubj"] == ["Doctors"]


def test_a_headline_passive_without_an_object_is_left_alone(coder: Coder) -> None:
    doc = coder.nlp("Five Malian soldiers killed in an ambush near Gao.")
    assert mend_verbless_roots(doc) == 0


def test_aid_given_by_two_verbs_goes_to_whom_the_second_names(code_one: Code) -> None:
    found = triples(code_one(_DONATED))
    assert any(s == "CHEHLH" and t == "AFGEDU" and c.startswith("07") for s, t, c in found), found


def test_a_gerund_split_off_a_list_after_of_is_listed_again(coder: Coder) -> None:
    doc = coder.nlp(_LISTED)
    assert mend_gerund_lists(doc) == 1
    defying = next(t for t in doc if t.text == "defying")
    assert (defying.dep_, defying.head.text) == ("conj", "detaining")


def test_what_an_accusation_lists_is_not_done_by_the_accuser(code_one: Code) -> None:
    found = triples(code_one(_LISTED))
    assert any(c.startswith("11") for _, _, c in found), found
    assert not any(s and s.startswith("NGO") and not c.startswith("11") for s, _, c in found), found


def _misread_opening(coder: Coder) -> Doc:
    """The small model's reading of a subject after an opening phrase, as it gave it for a
    wire sentence: the subject hangs on the opening phrase's noun as one more item."""
    words = "With the signing of a memorandum , the government and the rebels have agreed ."
    heads = [13, 2, 0, 2, 5, 3, 5, 8, 5, 8, 11, 8, 13, 13, 13]
    deps = [
        "prep", "det", "pobj", "prep", "det", "pobj", "punct", "det", "conj", "cc", "det",
        "conj", "aux", "ROOT", "punct",
    ]  # fmt: skip
    pos = [
        "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "CCONJ", "DET",
        "NOUN", "AUX", "VERB", "PUNCT",
    ]  # fmt: skip
    return Doc(coder.nlp.vocab, words=words.split(), heads=heads, deps=deps, pos=pos)


def test_a_subject_swallowed_by_an_opening_phrase_is_given_back_to_its_verb(
    coder: Coder,
) -> None:
    doc = _misread_opening(coder)
    assert mend_fronted_subjects(doc) == 1
    agreed = doc[13]
    assert [c.text for c in agreed.children if c.dep_ == "nsubj"] == ["government"]
    assert [c.text for c in doc[8].conjuncts] == ["rebels"]


def test_a_verb_with_its_subject_is_left_as_parsed(coder: Coder) -> None:
    doc = coder.nlp("After the talks in Doha, the two sides agreed to meet again in March.")
    before = [(t.dep_, t.head.i) for t in doc]
    assert mend_fronted_subjects(doc) == 0
    assert [(t.dep_, t.head.i) for t in doc] == before
