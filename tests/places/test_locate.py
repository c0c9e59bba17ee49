"""Events are placed where they happened, never by the dateline alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from detente.types import CodedArticle, Event

Code = Callable[..., CodedArticle]


def placed(coded: CodedArticle, root: str) -> Event:
    return next(e for e in coded.events if e.event_type.root == root)


@pytest.mark.parametrize(
    ("text", "root", "country", "level"),
    [
        ("Syrian rebels shelled government positions in Aleppo on Monday.", "19", "SYR", "city"),
        ("Russian troops withdrew from Kherson in November.", "08", "UKR", "city"),
        ("Turkish jets shot down a Russian bomber over Syria.", "19", "SYR", "country"),
        ("Rebels attacked an army base in Idlib province.", "19", "SYR", "region"),
        (
            "Israeli artillery shelled a farm outside the Lebanese village of Kfar Xyzzy.",
            "19",
            "LBN",
            "country",
        ),
        # a part of a place is in it
        (
            "Gunmen attacked a Lebanese army post in a residential sector of Beirut.",
            "19",
            "LBN",
            "city",
        ),
    ],
)
def test_locative_phrases_place_the_event(
    code_one: Code, text: str, root: str, country: str, level: str
) -> None:
    event = placed(code_one(text), root)
    assert event.location is not None
    assert (event.location.country, event.location.level) == (country, level)
    assert event.location.rule


def test_city_places_carry_coordinates_and_region(code_one: Code) -> None:
    event = placed(
        code_one("Syrian rebels shelled government positions in Aleppo on Monday."), "19"
    )
    place = event.location
    assert place is not None and place.geonameid and place.latitude and place.longitude
    assert place.resolved_name == "Aleppo" and place.admin1 == "Aleppo"


def test_tripoli_follows_the_story(code_one: Code) -> None:
    lebanon = code_one(
        "Lebanese soldiers arrested 14 rioters in Tripoli on Wednesday, Lebanon's army said."
    )
    libya = code_one(
        "Libyan militias clashed with government forces in Tripoli, Libya's interior ministry said."
    )
    assert placed(lebanon, "17").location.country == "LBN"  # type: ignore[union-attr]
    assert placed(libya, "19").location.country == "LBY"  # type: ignore[union-attr]


def test_georgia_after_a_place_name_is_the_us_state(code_one: Code) -> None:
    coded = code_one(
        "Georgian soldiers trained with U.S. troops at Fort Stewart, Georgia, in July."
    )
    places = {e.location.country for e in coded.events if e.location}
    assert places == {"USA"}


def test_the_dateline_is_recorded_but_not_used_as_a_place(code_one: Code) -> None:
    coded = code_one("TEHRAN (Tasnim) - Iran criticised Israel on Friday.")
    assert coded.article.dateline is not None and coded.article.dateline.place == "TEHRAN"
    assert [e.location for e in coded.events] == [None]


def test_here_means_the_dateline_city(code_one: Code) -> None:
    coded = code_one(
        "BEIJING (Xinhua) - China's foreign minister held talks here with Pakistan's foreign minister."
    )
    assert any(
        e.location and e.location.country == "CHN" and e.location.name == "here"
        for e in coded.events
    )


def test_a_named_place_missing_from_the_gazetteer_falls_back_to_the_storys_country(
    code_one: Code,
) -> None:
    coded = code_one(
        "Kenyan police clashed with gunmen near the village of Qwertyville in Kenya's north."
    )
    event = placed(coded, "19")
    assert event.location is not None and event.location.country == "KEN"
    assert "not in the gazetteer" in (event.location.rule or "")


def test_a_town_sharing_a_capitals_name_is_no_government(code_one: Code) -> None:
    """ "the northern city of Tripoli" in a Lebanese story: neither Libya's government nor
    a reason to make the protesters Libyan."""
    coded = code_one(
        "Lebanese police detained 20 people in the northern city of Tripoli on Monday. "
        "Protesters threw stones at the police station.",
        date="2022-01-05",
    )
    assert not any(a.country == "LBY" for a in coded.actors)
    assert all(e.location is not None and e.location.country == "LBN" for e in coded.events)


def test_talks_with_no_place_reported_from_one_sides_capital_were_held_there(
    code_one: Code,
) -> None:
    coded = code_one(
        "NAIROBI (Reuters) - Kenya's foreign minister met Uganda's foreign minister on Friday.\n\n"
        "Following the talks, the two sides signed a border agreement."
    )
    signed = [e for e in coded.events if e.event_type.cameo == "057"]
    assert signed and all(e.location and e.location.country == "KEN" for e in signed)
    criticised = code_one("NAIROBI (Reuters) - Egypt criticised Ethiopia on Friday.")
    assert [e.location for e in criticised.events] == [None]


def test_a_places_own_name_beats_another_places_alternate_spelling(code_one: Code) -> None:
    """ "Puno" is Peru's Puno, not an old spelling of India's much larger Pune."""
    coded = code_one("Police arrested dozens of protesters in Puno on Monday.", date="2023-01-10")
    assert [e.location.country for e in coded.events if e.location] == ["PER"]


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        # GeoNames writes "Ţūlkarm" and "Şırnak"; wire copy writes them plain
        ("Israeli troops arrested twelve men in Tulkarm on Tuesday.", "PSE"),
        ("Turkish police detained 30 protesters in Sirnak on Sunday.", "TUR"),
    ],
)
def test_a_place_written_without_its_accents_is_found(
    code_one: Code, sentence: str, country: str
) -> None:
    coded = code_one(sentence, date="2023-05-02")
    located = [e.location for e in coded.events if e.location and e.location.name]
    assert located and all(place.country == country for place in located), located


def test_a_region_from_the_supplement_places_the_event(code_one: Code) -> None:
    coded = code_one(
        "Sudanese soldiers arrested 40 protesters in Darfur on Monday.", date="2021-03-02"
    )
    assert [e.location.country for e in coded.events if e.location] == ["SDN"]
    assert all(e.location.name == "Darfur" for e in coded.events if e.location)


def test_a_bad_supplement_row_names_the_line_and_the_fix(tmp_path: Path) -> None:
    from detente.errors import DataFileError
    from detente.places.gazetteer import read_supplement

    bad = tmp_path / "supplement.tsv"
    bad.write_text(
        "# places\n# version: 1\n# source: test\n# licence: CC0\n"
        "name\taliases\tcountry\tfeature\tlatitude\tlongitude\tnotes\n"
        "Darfur\t\tSDN\tprovince\t13.5\t24.0\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as raised:
        read_supplement(frozenset({"SDN"}), bad)
    assert "supplement.tsv:6" in str(raised.value) and "city or region" in str(raised.value)
