"""People resolve by the article's date: in office, former (ELI), or not yet in office."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.types import CodedArticle

Code = Callable[..., CodedArticle]


@pytest.mark.parametrize(
    ("text", "when", "code", "name"),
    [
        ("Erdogan criticised the European Union.", "2016-08-12", "TURGOV", "Recep Tayyip Erdogan"),
        ("Erdogan criticised the European Union.", "2010-05-01", "TURGOV", "Recep Tayyip Erdogan"),
        ("Obama criticised Russia.", "2012-03-01", "USAGOV", "Barack Obama"),
        ("Obama criticised Russia.", "2019-03-01", "USAELI", "Barack Obama"),
        ("Kofi Annan criticised Israel.", "2004-03-01", "IGOUNOGOV", "Kofi Annan"),
    ],
)
def test_a_bare_name_codes_by_the_article_date(
    code_one: Code, text: str, when: str, code: str, name: str
) -> None:
    coded = code_one(text, date=when)
    person = coded.actors[0]
    assert (person.code, person.name) == (code, name)
    assert "person '" in person.reason and (
        "in office" in person.reason or "former" in person.reason
    )


def test_a_former_office_holder_is_eli_with_a_modifier_too(code_one: Code) -> None:
    coded = code_one(
        "Former Kenyan President Mwai Kibaki criticised the police.", date="2018-01-01"
    )
    assert coded.actors[0].code == "KENELI"


def test_a_role_and_name_resolve_from_the_text_when_the_person_is_unknown(code_one: Code) -> None:
    coded = code_one(
        "Malian Defence Minister Ousmane Traorella condemned the attack.", date="2030-01-01"
    )
    actor = coded.actors[0]
    assert actor.code == "MLIGOV" and actor.name == "Ousmane Traorella"


def test_without_a_date_the_latest_office_is_used_and_said(code_one: Code) -> None:
    coded = code_one("Putin criticised NATO.", date=None)
    assert coded.actors[0].code == "RUSGOV"
    assert "no article date" in coded.actors[0].reason


def test_before_the_files_term_a_bare_name_is_its_country_but_a_role_in_the_text_counts(
    code_one: Code,
) -> None:
    """A story dated only by its year, or a namesake before the file's term: the text's
    "President" is believed, a bare name is only its country."""
    bare = code_one("Kostunica criticised NATO.", date="1998-01-01")
    assert bare.actors[0].code == "SRB"
    titled = code_one("Serbian President Vojislav Kostunica criticised NATO.", date="2000-01-01")
    assert titled.actors[0].code == "SRBGOV"


def test_a_known_surname_as_someone_elses_first_name_is_not_that_person(
    code_one: Code,
) -> None:
    """ "Abbas Mousavi" (Iran's foreign ministry spokesman in 2019) is not Mahmoud Abbas."""
    coded = code_one(
        "Iranian Foreign Ministry spokesman Abbas Mousavi criticised Washington on Thursday.",
        date="2019-06-27",
    )
    spokesman = next(a for a in coded.actors if "Mousavi" in a.text)
    assert spokesman.code == "IRNGOV", spokesman
    bare = code_one("Abbas criticised Israel on Monday.", date="2019-06-27")
    assert any(a.code == "PSEGOV" and a.text == "Abbas" for a in bare.actors)


def test_a_title_inside_a_persons_alias_is_the_texts_word_for_the_office(
    code_one: Code,
) -> None:
    """ "President Obama" is one alias in the file; in a story dated before his term the
    title the text writes is still believed, as a separate role word is."""
    coded = code_one("President Obama met Kenyan officials in Nairobi.", date="2000-01-01")
    obama = next(a for a in coded.actors if "Obama" in a.text)
    assert obama.code == "USAGOV", obama
    assert "role 'president'" in obama.reason
    bare = code_one("Obama met Kenyan officials in Nairobi.", date="2000-01-01")
    assert next(a for a in bare.actors if a.text == "Obama").code == "USA"


def test_after_the_files_term_a_title_in_the_text_still_names_the_office(
    code_one: Code,
) -> None:
    """An archived story dated after the term: "Kenyan President Mwai Kibaki" is the
    president the story speaks of; bare "Kibaki" is a former one, and so is he with
    "former"."""
    titled = code_one("Kenyan President Mwai Kibaki criticised the police.", date="2018-01-01")
    assert titled.actors[0].code == "KENGOV", titled.actors[0]
    bare = code_one("Kibaki criticised the police.", date="2018-01-01")
    assert bare.actors[0].code == "KENELI", bare.actors[0]


def test_a_military_title_before_a_name_is_the_military(code_one: Code) -> None:
    coded = code_one("General Ibrahim Doumbia ordered the arrest of two Malian ministers.")
    general = next(a for a in coded.actors if "Doumbia" in a.text)
    assert general.sectors == ("MIL",), general
    coded = code_one("Lt. Gen. Ibrahim Doumbia criticised the Malian government.")
    assert any("Doumbia" in a.text and a.code == "MLIMIL" for a in coded.actors), coded.actors
    # Not a title: "general" as an adjective or in another office.
    strike = code_one("Malian unions called a general strike in Bamako.")
    assert all("MIL" not in a.sectors for a in strike.actors), strike.actors
    attorney = code_one("The Malian attorney general charged two ministers.")
    assert any(a.code == "MLIGOV" for a in attorney.actors), attorney.actors


def test_bracketed_letters_after_a_name_abbreviate_it_and_are_no_person(
    code_one: Code,
) -> None:
    """ "AKK" is also the initials of a German defence minister in the people file."""
    coded = code_one(
        "Officials of the Tuzla Farmers Association (AKK) criticised the Bosnian government.",
        date="2020-01-01",
    )
    assert all(a.country != "DEU" for a in coded.actors), coded.actors
    alone = code_one("AKK criticised Russia.", date="2020-01-01")
    assert alone.actors[0].code == "DEUGOV"


def test_heads_of_state_beyond_the_major_powers_resolve_by_date(code_one: Code) -> None:
    in_office = code_one("Bouteflika pardoned hundreds of prisoners.", date="2005-06-01")
    assert in_office.actors[0].code == "DZAGOV", in_office.actors[0]
    zambia = code_one("Levy Mwanawasa met Chinese investors in Lusaka.", date="2004-03-01")
    assert any(a.code == "ZMBGOV" for a in zambia.actors), zambia.actors
