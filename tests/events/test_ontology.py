"""The CAMEO/PLOVER ontology: complete, consistent, and strict about bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.data.tables import bundled
from detente.errors import DataFileError
from detente.events.ontology import load_ontology
from detente.types import QuadClass


def test_all_311_cameo_codes_with_scores_and_quads() -> None:
    ontology = load_ontology()
    assert len(ontology.codes) == 311
    assert len(ontology.roots()) == 20
    assert ontology.event_type("195").goldstein == -10.0
    assert ontology.event_type("030").quad_class is QuadClass.VERBAL_COOPERATION
    assert ontology.event_type("0871").quad_class is QuadClass.MATERIAL_COOPERATION
    assert ontology.event_type("112").quad_class is QuadClass.VERBAL_CONFLICT
    assert ontology.event_type("2041").quad_class is QuadClass.MATERIAL_CONFLICT


@pytest.mark.parametrize(
    ("code", "plover_type", "mode"),
    [
        ("030", "AGREE", None),
        ("041", "CONSULT", "phone"),
        ("084", "RETREAT", None),
        ("081", "CONCEDE", None),
        ("0311", "AGREE", None),  # inherited from 031
        ("111", "ACCUSE", "disapprove"),
        ("195", "ASSAULT", "heavy-weapons"),
        ("010", None, None),  # PLOVER does not code statements
        ("020", None, None),  # nor appeals
    ],
)
def test_cameo_codes_map_to_plover(code: str, plover_type: str | None, mode: str | None) -> None:
    event_type = load_ontology().event_type(code)
    assert (event_type.plover_type, event_type.plover_mode) == (plover_type, mode)


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ontology"
    shutil.copytree(bundled("ontology"), folder)
    return folder


def test_a_bad_quad_class_is_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    codes = folder / "cameo_event_codes.tsv"
    text = codes.read_text(encoding="utf-8").replace(
        "195\tEmploy aerial weapons\t-10.0\t4", "195\tEmploy aerial weapons\t-10.0\t2"
    )
    codes.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_ontology(folder)
    assert "cameo_event_codes.tsv:" in str(caught.value)
    assert "quad class 2 does not match root 19" in str(caught.value)


def test_an_unknown_plover_type_is_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    mapping = folder / "cameo_to_plover.txt"
    mapping.write_text(
        mapping.read_text(encoding="utf-8").replace("195: ASSAULT", "195: BOMBARD"),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_ontology(folder)
    assert "cameo_to_plover.txt:" in str(caught.value) and "BOMBARD" in str(caught.value)
