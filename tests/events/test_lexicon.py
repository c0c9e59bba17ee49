"""The event lexicon: data files users can extend, checked line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events.lexicon import load_lexicon
from detente.events.ontology import load_ontology

HEADER = "# mine\n# version: 1\n# source: me\n# licence: CC0\ncode\ttrigger\tpos\tparticle\tobject\ttarget\tflags\n"


def test_every_root_is_reachable_from_the_bundled_lexicon() -> None:
    lexicon = load_lexicon(load_ontology())
    roots = {p.code[:2] for patterns in lexicon.patterns.values() for p in patterns}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_synsets_expand_into_patterns() -> None:
    lexicon = load_lexicon(load_ontology())
    assert lexicon.candidates("denounce", "VERB")[0].code == "111"
    assert lexicon.candidates("condemn", "VERB")[0].code == "111"


def test_intent_codes_use_the_longest_prefix() -> None:
    lexicon = load_lexicon(load_ontology())
    assert lexicon.intent_code("195") == "1384"
    assert lexicon.intent_code("190") == "1384"
    assert lexicon.intent_code("042") == "036"
    assert lexicon.intent_code("111") == "111"


def test_a_user_pattern_file_adds_triggers(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(HEADER + "111\tpillory\tVERB\t\t\tdobj\t\n", encoding="utf-8")
    lexicon = load_lexicon(load_ontology(), (mine,))
    [pattern] = lexicon.candidates("pillory", "VERB")
    assert pattern.code == "111" and pattern.where.endswith("mine.tsv:6")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("999\tattack\tVERB\t\t\tdobj\t", "unknown CAMEO code '999'"),
        ("190\tattack\tADVERB\t\t\tdobj\t", "pos 'ADVERB'"),
        ("190\tAttacked\tVERB\t\t\tdobj\t", "not a lower-case lemma"),
        ("190\t$NOPE\tVERB\t\t\tdobj\t", "unknown synset $NOPE"),
        ("190\tattack\tVERB\t\t\tdobj\tloud", "unknown flag"),
        ("190\tattack\tVERB\t\t\tdobj\t\textra\tcells", "cells but the header has"),
    ],
)
def test_bad_pattern_rows_name_the_file_line_and_fix(
    tmp_path: Path, row: str, message: str
) -> None:
    mine = tmp_path / "bad.tsv"
    mine.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_lexicon(load_ontology(), (mine,))
    assert f"{mine}:6" in str(caught.value)
    assert message in str(caught.value)
    assert "fix:" in str(caught.value)


def test_a_file_without_licence_metadata_is_refused(tmp_path: Path) -> None:
    mine = tmp_path / "bare.tsv"
    mine.write_text(
        "code\ttrigger\tpos\tparticle\tobject\ttarget\tflags\n190\tattack\tVERB\t\t\tdobj\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="licence"):
        load_lexicon(load_ontology(), (mine,))
