"""Time expressions resolved against the publication date (Friday 12 August 2016)."""

from __future__ import annotations

from datetime import date

import pytest

from detente.dates.expressions import resolve_expression
from detente.types import DateGranularity as G

PUBLISHED = date(2016, 8, 12)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected", "granularity"),
    [
        ("on Friday", date(2016, 8, 12), G.DAY),  # the publication day itself
        ("Thursday", date(2016, 8, 11), G.DAY),
        ("on Sunday", date(2016, 8, 7), G.DAY),  # the latest Sunday before
        ("last Friday", date(2016, 8, 5), G.DAY),
        ("Monday night", date(2016, 8, 8), G.DAY),
        ("late on Tuesday", date(2016, 8, 9), G.DAY),
        ("August 9", date(2016, 8, 9), G.DAY),
        ("Aug. 9", date(2016, 8, 9), G.DAY),
        ("9 August 2016", date(2016, 8, 9), G.DAY),
        ("2016-08-09", date(2016, 8, 9), G.DAY),
        ("December 3", date(2015, 12, 3), G.DAY),  # a month-day after publication is last year's
        ("yesterday", date(2016, 8, 11), G.DAY),
        ("today", date(2016, 8, 12), G.DAY),
        ("two days earlier", date(2016, 8, 10), G.DAY),
        ("3 days ago", date(2016, 8, 9), G.DAY),
        ("last week", date(2016, 8, 1), G.WEEK),
        ("last month", date(2016, 7, 1), G.MONTH),
        ("earlier this month", date(2016, 8, 1), G.MONTH),
        ("in November last year", date(2015, 11, 1), G.MONTH),
        ("in July this year", date(2016, 7, 1), G.MONTH),
        ("in November", date(2015, 11, 1), G.MONTH),
        ("mid-July", date(2016, 7, 1), G.MONTH),
        ("a year ago", date(2015, 8, 1), G.MONTH),
        ("September 2015", date(2015, 9, 1), G.MONTH),
        ("last year", date(2015, 1, 1), G.YEAR),
        ("since 2011", date(2011, 1, 1), G.YEAR),
        ("in 2014", date(2014, 1, 1), G.YEAR),
        ("early 2015", date(2015, 1, 1), G.YEAR),
        ("last September", date(2015, 9, 1), G.MONTH),
        ("this March", date(2016, 3, 1), G.MONTH),
        ("Sunday, 6 Apr 2014", date(2014, 4, 6), G.DAY),
        ("Wednesday 22", date(2016, 6, 22), G.DAY),  # the last 22nd that was a Wednesday
        ("on Wednesday 3", date(2016, 8, 3), G.DAY),
        ("December 11 and", date(2015, 12, 11), G.DAY),
        ("the first week of July", date(2016, 7, 1), G.MONTH),
    ],
)
def test_expressions_resolve_relative_to_publication(
    text: str, expected: date, granularity: G
) -> None:
    value = resolve_expression(text, PUBLISHED)
    assert value is not None
    assert (value.date, value.granularity) == (expected, granularity)
    assert text.strip() in value.rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Sunday", date(2016, 8, 14)),
        ("December", date(2016, 12, 1)),
        ("next week", date(2016, 8, 15)),
    ],
)
def test_future_tense_looks_forward(text: str, expected: date) -> None:
    value = resolve_expression(text, PUBLISHED, future=True)
    assert value is not None and value.date == expected


def test_days_earlier_count_from_the_last_day_the_story_named() -> None:
    value = resolve_expression("two days earlier", PUBLISHED, after=date(2016, 8, 9))
    assert value is not None and value.date == date(2016, 8, 7)
    assert "counted from 2016-08-09" in value.rule


@pytest.mark.parametrize(
    "text",
    # durations, ages and bare numbers: no day, however a date parser might read them
    ["the summer", "for hours", "eight months", "soon", "48-hour", "a 10-year-old", "24 hours",
     "55", "0914", "on Tuesdays"],
)  # fmt: skip
def test_vague_expressions_have_no_date(text: str) -> None:
    assert resolve_expression(text, PUBLISHED) is None
