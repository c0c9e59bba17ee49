"""The actor dictionaries load, cover the world, and refuse bad entries with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors.dictionary import EntryKind, load_dictionary
from detente.errors import DataFileError

META = "# mine\n# version: 1\n# source: me\n# licence: CC0\n"


def test_bundled_dictionaries_cover_countries_roles_and_organisations() -> None:
    dictionary = load_dictionary()
    assert len(dictionary.countries) >= 249
    assert {e.kind for e in dictionary.names["Kremlin"]} == {EntryKind.METONYM}
    assert dictionary.names["Turkish"][0].country == "TUR"
    assert dictionary.names["Ankara"][0].sectors == ("GOV",)
    assert {e.country for e in dictionary.names["Congolese"]} == {"COD", "COG"}
    assert dictionary.names["Daesh"][0].org == "ISIL"
    assert dictionary.names["Hezbollah"][0].country == "LBN"
    assert "REB" in dictionary.roles["militant"][0].sectors
    assert dictionary.country_of_code("KOS") == "XKX"


def test_a_user_file_overrides_a_bundled_phrase(tmp_path: Path) -> None:
    mine = tmp_path / "orgs.tsv"
    mine.write_text(
        META + "id\tcode\tkind\tcountry\tsectors\tname\taliases\tnotes\n"
        "BLUE_FRONT\tXYZREBBLU\tARMED\tSYR\tREB\tBlue Front\tBlue Front|Daesh\t\n",
        encoding="utf-8",
    )
    dictionary = load_dictionary((mine,))
    assert [e.org for e in dictionary.names["Daesh"]] == ["BLUE_FRONT"]
    assert dictionary.names["Blue Front"][0].country == "SYR"


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        ("phrase\tsectors\trefers_to\tnotes", "Soldier\tMIL\tperson\t", "must be lower case"),
        (
            "phrase\tsectors\trefers_to\tnotes",
            "soldier\tARMY\tperson\t",
            "unknown sector code(s) ARMY",
        ),
        ("phrase\tsectors\trefers_to\tnotes", "soldier\tMIL\tsomeone\t", "refers_to 'someone'"),
        (
            "id\tcode\tkind\tcountry\tsectors\tname\taliases\tnotes",
            "X\tX\tCLUB\t\t\tX\tX\t",
            "kind 'CLUB'",
        ),
        (
            "id\tcode\tkind\tcountry\tsectors\tname\taliases\tnotes",
            "X\tX\tIGO\tTurkey\t\tX\tX\t",
            "country 'Turkey'",
        ),
        (
            "iso3\tcameo\tiso2\tname\tnames\tadjectives\tcapitals\tmetonyms\tother_codes",
            "TR\tTUR\tTR\tTurkey\tTurkey\tTurkish\tAnkara\t\t",
            "iso3 'TR'",
        ),
        (
            "iso3\tcameo\tiso2\tname\tnames\tadjectives\tcapitals\tmetonyms\tother_codes",
            "TUR\tTUR\tTR\tTurkey\tTurkey\tTurkish\tAnkara\tPalace\t",
            "metonym 'Palace'",
        ),
        ("who\twhat", "x\ty", "unrecognised dictionary header"),
    ],
)
def test_bad_entries_are_reported_with_file_line_and_fix(
    tmp_path: Path, header: str, row: str, message: str
) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(META + header + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_dictionary((mine,))
    assert str(mine) in str(caught.value)
    assert message in str(caught.value)
    assert "fix:" in str(caught.value)
