"""Repeated mentions of one event become one event with every mention as evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from detente.events.merge import merge_repeated
from detente.types import CodedArticle, DateGranularity, Evidence
from tests.helpers import make_actor, make_event

Code = Callable[..., CodedArticle]
TUR, TURMIL, TURGOV = (
    make_actor("TUR", "TUR"),
    make_actor("TURMIL", "TUR"),
    make_actor("TURGOV", "TUR"),
)


def _at(start: int) -> Evidence:
    return Evidence(f"sentence {start}", start, start + 10, "w", start, start + 1)


def test_an_article_repeating_an_event_codes_it_once_with_both_mentions(code_one: Code) -> None:
    coded = code_one(
        "Syrian troops shelled the town of Maarat on Monday. Residents said the shelling by "
        "Syrian troops lasted all night.",
        date="2019-05-08",
    )
    shelling = [e for e in coded.events if e.event_type.cameo == "194"]
    assert len(shelling) == 1
    assert [m.trigger for m in shelling[0].mentions] == ["shelled", "shelling"]


def test_a_mention_missing_a_side_joins_the_fuller_event_and_lends_its_date() -> None:
    month = dict(date=date(2016, 7, 1), date_granularity=DateGranularity.MONTH)
    coup = replace(make_event("190", None, TUR), evidence=_at(0), **month)
    putsch = replace(make_event("190", TURMIL, TURGOV), evidence=_at(50))
    [merged] = merge_repeated([coup, putsch])
    assert (merged.source, merged.target) == (TURMIL, TURGOV)
    assert (merged.date, merged.date_granularity) == (date(2016, 7, 1), DateGranularity.MONTH)
    assert [m.start for m in merged.mentions] == [0, 50]


def test_different_dates_or_other_countries_stay_separate_events() -> None:
    first = replace(make_event("190", TURMIL, TURGOV), evidence=_at(0))
    later = replace(first, evidence=_at(50), date=date(2020, 2, 1))
    elsewhere = replace(make_event("190", None, make_actor("SYR", "SYR")), evidence=_at(90))
    assert len(merge_repeated([first, later, elsewhere])) == 3


def test_a_partial_generic_retelling_joins_the_specific_event() -> None:
    rus = make_actor("RUSMIL", "RUS")
    shoot_down = replace(make_event("195", TURMIL, rus), evidence=_at(0))
    targeted = replace(make_event("190", TURMIL, None), evidence=_at(80))
    [merged] = merge_repeated([shoot_down, targeted])
    assert merged.event_type.cameo == "195" and merged.target == rus
    assert [m.start for m in merged.mentions] == [0, 80]


def test_mentions_in_one_sentence_are_listed_in_the_order_they_are_written() -> None:
    # "Militants killed a guard; the killing, the murder, the slaying and the execution
    # were filmed": one sentence, five mentions of one event. Their order must not depend
    # on the run (a set of them once decided it, hash order).
    sentence = "Militants killed a guard; the killing, murder, slaying and execution were filmed."
    words = ["killed", "killing", "murder", "slaying", "execution"]
    mentions = [
        Evidence(sentence, 0, len(sentence), w, sentence.index(w), sentence.index(w) + len(w))
        for w in words
    ]
    rebels, guard = make_actor("REB", None), make_actor("SYRCOP", "SYR")
    for order in (mentions, mentions[::-1], mentions[2:] + mentions[:2]):
        events = [replace(make_event("1823", rebels, guard), evidence=e) for e in order]
        [merged] = merge_repeated(events)
        assert [m.trigger for m in merged.mentions] == words


def test_a_fuller_mention_that_joins_one_partial_takes_in_the_others_too() -> None:
    """ "Iran threatened (130, no target) to launch an offensive (1384, no target) in its war
    with Iraq (1384 -> IRQ)": the last mention states the dyad the first two lacked."""
    irn, irq = make_actor("IRN", "IRN"), make_actor("IRQ", "IRQ")
    threatened = replace(make_event("130", irn, None), evidence=_at(0))
    offensive = replace(make_event("1384", irn, None), evidence=_at(30))
    war = replace(make_event("1384", irn, irq), evidence=_at(60))
    [merged] = merge_repeated([threatened, offensive, war])
    assert (merged.event_type.cameo, merged.target) == ("1384", irq)
    assert [m.start for m in merged.mentions] == [0, 30, 60]


def test_a_partial_mention_of_a_code_the_fuller_one_refines_joins_it() -> None:
    eu, rou = make_actor("IGOEUREEC", None), make_actor("ROU", "ROU")
    aid = replace(make_event("033", eu, None), evidence=_at(0))
    provide = replace(make_event("0331", eu, rou), evidence=_at(40))
    [merged] = merge_repeated([aid, provide])
    assert (merged.event_type.cameo, merged.target) == ("0331", rou)


def test_a_generic_and_a_specific_code_of_one_dyad_in_one_sentence_are_one_event() -> None:
    """ "Pakistan threatened (130) to break off relations with Congo (1313)": one threat,
    kept with its specific code; in two sentences they stay two events."""
    pak, cod = make_actor("PAK", "PAK"), make_actor("COD", "COD")
    threatened = replace(make_event("130", pak, cod), evidence=_at(0))
    break_off = replace(make_event("1313", pak, cod), evidence=_at(20))
    [merged] = merge_repeated([threatened, break_off])
    assert merged.event_type.cameo == "1313"
    assert [m.start for m in merged.mentions] == [0, 20]
    later = replace(break_off, sentence_index=3)
    assert len(merge_repeated([threatened, later])) == 2
