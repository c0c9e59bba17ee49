"""One event, however often an article mentions it.

Wire stories repeat their news: the lead says "Turkey shot down a Russian jet in
November", a later paragraph "the downing of the jet by the Turkish military". Mentions
of one event are merged so nothing is double-counted in dyad series and nothing is lost
for provenance: the merged event keeps every mention as evidence (`Event.mentions`).

Two events are one when they have the same CAMEO code (or one, lacking a side, has the
generic code of the other's root, "was targeted" 190 beside "shot down" 195, or a code the
other's refines, 033 beside 0331; in one sentence also a generic and a specific code of
one root with the same sides: "threatened (130) to break off relations (1313)" is one
threat) and
- the same source and target, and the same date or, if one has no time of its own, it is
  named by a definite noun ("the shelling", "Turkey's downing of the jet"): it takes the
  stated date. Other undated repeats stay apart: "Iran again called on Britain" is often
  a new statement; or
- one lacks a side ("a failed coup in Turkey": no source) and its other side is the same
  country as in a fuller event ("the putsch attempt by officers against Ankara"): it
  takes the fuller event's actors, and the stated date if only one of them has one.

Where the two differ, the merged event keeps the fuller actors, the stated date and the
more specific code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from detente.types import Actor, DateGranularity, Event


def merge_repeated(
    events: list[Event], refers_back: Callable[[Event], bool] = lambda event: False
) -> list[Event]:
    """Merge mentions of one event; `refers_back` tells an event named by a definite noun
    ("the shelling"), which may join a dated event of the same dyad though undated itself."""
    merged: list[Event] = []
    for event in events:
        event = replace(event, mentions=event.mentions or (event.evidence,))
        index = _first_same(merged, event, refers_back)
        if index is None:
            merged.append(event)
            continue
        merged[index] = _combine(merged[index], event)
        # The combined event may now state what another earlier mention lacked: "threatened"
        # (130, no target) took in "war with Iraq" (1384), which takes in "offensive" (1384).
        while (other := _first_same(merged, merged[index], refers_back, but=index)) is not None:
            merged[min(index, other)] = _combine(merged[index], merged[other])
            del merged[max(index, other)]
            index = min(index, other)
    return merged


def _first_same(
    merged: list[Event],
    event: Event,
    refers_back: Callable[[Event], bool],
    but: int | None = None,
) -> int | None:
    return next(
        (
            i
            for i, earlier in enumerate(merged)
            if i != but and _same_event(earlier, event, refers_back)
        ),
        None,
    )


def _same_event(a: Event, b: Event, refers_back: Callable[[Event], bool]) -> bool:
    same_code = a.event_type.cameo == b.event_type.cameo
    same_actors = _code(a.source) == _code(b.source) and _code(a.target) == _code(b.target)
    if same_code and same_actors:
        # An undated repeat of the same dyad is often a new statement ("Iran again called on
        # Britain ..."); only a definite noun ("the shelling") surely names the same event.
        return (
            _same_date(a, b) or (_undated(b) and refers_back(b)) or (_undated(a) and refers_back(a))
        )
    one_sentence = a.sentence_index == b.sentence_index
    if same_actors and one_sentence and (_root_generic(a, b) or _root_generic(b, a)):
        # "Pakistan threatened (130) to break off relations with Congo (1313)": one threat
        return True
    partial_a, partial_b = _is_partial(a), _is_partial(b)
    if partial_a == partial_b:
        return False
    partial, full = (a, b) if partial_a else (b, a)
    # "the bomber had been targeted by military personnel" (190) retells "the military
    # shot down the jet" (195): a partial mention's generic code joins the specific one,
    # as does a code the fuller one refines ("aid", 033, beside "provide aid for Romania",
    # 0331).
    generic = _root_generic(partial, full) or full.event_type.cameo.startswith(
        partial.event_type.cameo
    )
    return (
        (same_code or generic)
        and _fits(partial.source, full.source)
        and _fits(partial.target, full.target)
        and (_same_date(a, b) or _undated(partial) or _undated(full))
    )


def _combine(a: Event, b: Event) -> Event:
    """The event both mentions state: fuller actors, stated date, every mention."""
    keeper = b if _is_partial(a) and not _is_partial(b) else a
    dated = b if _undated(a) and not _undated(b) else a
    # by sentence, then by trigger: two mentions in one sentence came out of the set in
    # an order that changed from run to run
    mentions = tuple(
        sorted({*a.mentions, *b.mentions}, key=lambda m: (m.start, m.trigger_start, m.end))
    )
    other = b if keeper is a else a
    # the more specific of a generic and a specific code of one root
    event_type = other.event_type if _root_generic(keeper, other) else keeper.event_type
    return replace(
        keeper,
        event_type=event_type,
        date=dated.date,
        date_granularity=dated.date_granularity,
        date_rule=dated.date_rule,
        mentions=mentions,
        confidence=max(a.confidence, b.confidence),
    )


def _root_generic(generic: Event, specific: Event) -> bool:
    """Whether the first event's code is the "not specified" code of the second's root
    (190 beside 195, 130 beside 1313) and the second's is not."""
    code = generic.event_type.cameo
    return code == specific.event_type.root + "0" and specific.event_type.cameo != code


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor else None


def _is_partial(event: Event) -> bool:
    return event.source is None or event.target is None


def _fits(side: Actor | None, fuller: Actor | None) -> bool:
    """A missing side fits anything; a present one must name the same country or body."""
    if side is None:
        return True
    if fuller is None:
        return False
    if side.country and side.country == fuller.country:
        return True
    return side.code == fuller.code


def _same_date(a: Event, b: Event) -> bool:
    return a.date == b.date and a.date_granularity == b.date_granularity


def _undated(event: Event) -> bool:
    """The sentence stated no time: the event only carries the publication date."""
    return event.date_granularity in {DateGranularity.REPORTED, DateGranularity.UNKNOWN}
