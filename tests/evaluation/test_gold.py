"""Gold files: both formats read, legacy codes normalised, bad files refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.actors.dictionary import load_dictionary
from detente.errors import GoldFileError
from detente.evaluation.gold import read_gold
from detente.events.ontology import load_ontology


def write(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
        encoding="utf-8",
    )
    return path


def test_plover_records_map_draft_names_and_legacy_country_codes(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "id": "p1",
            "text": "Tokyo protested.",
            "event": "DISAPPROVE",
            "date": "2000-01-01",
            "source": [{"actorText": "Tokyo", "code": "JAP", "sector": "GOV"}],
            "target": "",
        },
        {
            "id": "p2",
            "text": "Reporters were hurt.",
            "event": "FIGHT",
            "source": [{"code": "IGO"}],
            "target": [{"code": "ITL", "sector": "JRN"}],
        },
    )
    first, second = read_gold(path, load_dictionary(), load_ontology())
    assert first.events[0].plover == "ACCUSE"
    assert (
        first.events[0].sources[0].country == "JPN" and first.events[0].sources[0].sector == "GOV"
    )
    assert first.events[0].targets == ()
    assert second.events[0].plover == "ASSAULT"
    assert second.events[0].sources[0].country == "IGO"
    assert (
        second.events[0].targets[0].country == "ITA" and second.events[0].targets[0].sector == "MED"
    )


def test_cameo_records_split_country_and_sector(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "id": "c1",
            "text": "x",
            "date": "2020-01-01",
            "expected": [{"source": "TURGOV", "target": "IGOWSTNAT", "code": "030"}],
        },
        {"id": "c2", "text": "y", "expected": [{"source": "REB", "target": None, "code": "190"}]},
        {"id": "c3", "text": "z", "expected": []},
    )
    first, second, third = read_gold(path, load_dictionary(), load_ontology())
    assert first.events[0].sources[0].label() == "TURGOV"
    assert first.events[0].targets[0].country == "IGO"
    assert first.events[0].plover == "AGREE"
    assert (
        second.events[0].sources[0].country is None and second.events[0].sources[0].sector == "REB"
    )
    assert third.events == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{broken", "malformed JSON"),
        (json.dumps({"id": "x"}), "needs a 'text' field"),
        (json.dumps({"text": "x"}), "neither format"),
        (json.dumps({"text": "x", "expected": [{"code": "999"}]}), "unknown CAMEO code '999'"),
    ],
)
def test_bad_gold_lines_are_named(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, line)
    with pytest.raises(GoldFileError) as caught:
        read_gold(path, load_dictionary(), load_ontology())
    assert f"{path}:1" in str(caught.value) and message in str(caught.value)
