"""Wire datelines: place, region, agency and date are read, and the story starts after them."""

from __future__ import annotations

import pytest

from detente.ingest.datelines import split_dateline


@pytest.mark.parametrize(
    ("text", "place", "region", "agency", "date_text", "rest"),
    [
        ("TEHRAN (Tasnim) – Iran said", "TEHRAN", None, "Tasnim", None, "Iran said"),
        ("ANKARA (Reuters) - Turkey said", "ANKARA", None, "Reuters", None, "Turkey said"),
        (
            "BEIJING, March 3 (Xinhua) -- China said",
            "BEIJING",
            None,
            "Xinhua",
            "March 3",
            "China said",
        ),
        ("NAIROBI, Kenya (AP) — Police said", "NAIROBI", "Kenya", "AP", None, "Police said"),
        ("UNITED NATIONS (AP) — The council", "UNITED NATIONS", None, "AP", None, "The council"),
        (
            "PORT-AU-PRINCE, Haiti (Reuters) - Gangs",
            "PORT-AU-PRINCE",
            "Haiti",
            "Reuters",
            None,
            "Gangs",
        ),
        ("WASHINGTON — The Pentagon said", "WASHINGTON", None, None, None, "The Pentagon said"),
        ("GENEVA, Aug. 9, 2016 (AFP) - Talks", "GENEVA", None, "AFP", "Aug. 9, 2016", "Talks"),
    ],
)
def test_datelines_are_parsed_and_removed(
    text: str, place: str, region: str | None, agency: str | None, date_text: str | None, rest: str
) -> None:
    dateline, start = split_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.region, dateline.agency, dateline.date_text) == (
        place,
        region,
        agency,
        date_text,
    )
    assert text[start:] == rest


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will do everything needed for cooperation.",
        "UPDATE: the talks resumed.",
        "US - China talks resumed on Monday.",
        "The Kremlin (Russia's seat of power) said nothing.",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert split_dateline(text) == (None, 0)
