"""PLOVER modes read from the words of the event's clause (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events import modes
from detente.events.ontology import load_ontology
from detente.types import CodedArticle

Code = Callable[..., CodedArticle]


@pytest.mark.parametrize(
    ("sentence", "plover", "mode"),
    [
        ("Saudi warplanes struck Houthi positions near Saada.", "ASSAULT", "aerial"),
        ("A drone strike by American forces killed two militants in Yemen.", "ASSAULT", "drone"),
        ("Gunmen opened fire on a Nigerian army patrol.", "ASSAULT", "firearms"),
        ("Armenian artillery shelled Azerbaijani villages.", "ASSAULT", "heavy-weapons"),
        ("A suicide bomber attacked a Somali army base.", "ASSAULT", "suicide-attack"),
        ("Riot police fired tear gas at Kenyan protesters.", "ASSAULT", "crowd-control"),
        ("Thai authorities imposed a curfew on Bangkok.", "COERCE", "curfew"),
    ],
)
def test_the_clause_shows_the_mode(code_one: Code, sentence: str, plover: str, mode: str) -> None:
    events = code_one(sentence).events
    assert any(
        e.event_type.plover_type == plover and e.event_type.plover_mode == mode for e in events
    ), [(e.event_type.cameo, e.event_type.plover_mode) for e in events]


def test_the_reason_names_the_word_that_showed_the_mode(code_one: Code) -> None:
    [event] = code_one("Turkish warplanes attacked Kurdish militants in Iraq.").events
    assert event.event_type.cameo == "190"
    assert "PLOVER mode 'aerial' from 'warplane'" in event.reason


def test_words_describing_someone_are_no_weapon(code_one: Code) -> None:
    """ "the pilots of the jet were killed": the jet is not how they were killed."""
    events = code_one("The pilot of the Russian jet was killed by Syrian rebels.").events
    assert events and all(e.event_type.plover_mode != "aerial" for e in events)


@pytest.mark.parametrize(
    ("loader", "name", "header", "row", "message"),
    [
        (
            "load_mode_cues",
            "plover_modes.tsv",
            "type\tmode\twords\tnotes",
            "ASSAULT\tcavalry\thorse\t",
            "ASSAULT has no mode 'cavalry'",
        ),
        (
            "load_type_cues",
            "plover_types.tsv",
            "cameo\ttriggers\ttype\tmode\tnotes",
            "173\tindict\tACCUSE\tgossip\t",
            r"plover_types.tsv:5: ACCUSE has no mode 'gossip'",
        ),
    ],
)
def test_a_row_with_a_mode_its_type_does_not_have_is_refused(
    tmp_path: Path, monkeypatch, loader: str, name: str, header: str, row: str, message: str
) -> None:
    bad = tmp_path / name
    bad.write_text(
        f"# version: 1\n# source: test\n# licence: CC0\n{header}\n{row}\n", encoding="utf-8"
    )
    monkeypatch.setattr(modes, "bundled", lambda *parts: bad)
    load = getattr(modes, loader)
    load.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            load(load_ontology())
    finally:
        load.cache_clear()
