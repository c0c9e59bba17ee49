"""Each event takes the time of its own clause (texts written for these tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from detente.types import CodedArticle, DateGranularity

Code = Callable[..., CodedArticle]


def dated(coded: CodedArticle, cameo_root: str) -> list[tuple[date | None, str]]:
    return [
        (e.date, e.date_granularity.value) for e in coded.events if e.event_type.root == cameo_root
    ]


def test_a_statement_and_what_it_reports_have_their_own_dates(code_one: Code) -> None:
    coded = code_one(
        "Kenya's foreign minister told reporters on Friday that the ceasefire talks with Somalia "
        "were held on March 3.",
        date="2023-03-10",
    )
    assert (date(2023, 3, 3), "day") in dated(coded, "04")


def test_back_then_and_the_past_tense_narrative_carry_an_earlier_time(code_one: Code) -> None:
    coded = code_one(
        "Relations collapsed in November last year. Back then, Turkish jets shot down a Russian bomber "
        "over Syria. Rebels killed one of its pilots on the ground.",
        date="2016-08-12",
    )
    assert dated(coded, "19") == [(date(2015, 11, 1), "month")]
    assert (date(2015, 11, 1), "month") in dated(coded, "18")


def test_an_event_without_a_time_takes_the_publication_date(code_one: Code) -> None:
    [event] = code_one("Japan criticised China over the drills.", date="2021-05-04").events
    assert (event.date, event.date_granularity) == (date(2021, 5, 4), DateGranularity.REPORTED)
    assert event.date_rule == "no time expression: publication date"


def test_an_intention_is_dated_when_it_is_expressed(code_one: Code) -> None:
    coded = code_one(
        "Russia and Turkey agreed on Wednesday to hold talks next week.", date="2020-02-14"
    )
    intents = [e for e in coded.events if e.event_type.root == "03"]
    assert intents and all(e.date == date(2020, 2, 12) for e in intents)


def test_background_times_in_side_clauses_do_not_date_the_main_event(code_one: Code) -> None:
    coded = code_one(
        "The prime minister, whose cabinet has not met since October, condemned the rioters.",
        date="2021-12-10",
    )
    assert all(e.date == date(2021, 12, 10) for e in coded.events)


def test_a_year_that_names_a_thing_does_not_date_the_event(code_one: Code) -> None:
    coded = code_one(
        "Chile urged Peru to respect the 2014 maritime ruling.",
        date="2020-06-05",
    )
    assert dated(coded, "02") == [(date(2020, 6, 5), "reported")]


def test_a_year_on_the_event_noun_itself_dates_it(code_one: Code) -> None:
    coded = code_one(
        "Officials recalled the 2008 invasion of Georgia by Russia.", date="2020-06-05"
    )
    assert (date(2008, 1, 1), "year") in dated(coded, "19")
