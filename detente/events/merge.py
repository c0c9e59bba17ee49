"""One event, however often an article mentions it.

Wire stories repeat their news: the lead says "Turkey shot down a Russian jet in
November", a later paragraph "the downing of the jet by the Turkish military". Mentions
of one event are merged so nothing is double-counted in dyad series and nothing is lost
for provenance: the merged event keeps every mention as evidence (`Event.mentions`).

Two events are one when they have the same CAMEO code (or one, lacking a side, has the
generic code of the other's root: "was targeted" 190 beside "shot down" 195) and
- the same source and target, and the same date or, if one has no time of its own, it is
  named by a definite noun ("the shelling", "Turkey's downing of the jet"): it takes the
  stated date. Other undated repeats stay apart: "Iran again called on Britain" is often
  a new statement; or
- one lacks a side ("a failed coup in Turkey": no source) and its other side is the same
  country as in a fuller event ("the putsch attempt by officers against Ankara"): it
  takes the fuller event's actors, and the stated date if only one of them has one.

Where the two differ, the merged event keeps the fuller actors and the stated date.
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
        for index, earlier in enumerate(merged):
            if _same_event(earlier, event, refers_back):
                merged[index] = _combine(earlier, event)
                break
        else:
            merged.append(event)
    return merged


def _same_event(a: Event, b: Event, refers_back: Callable[[Event], bool]) -> bool:
    same_code = a.event_type.cameo == b.event_type.cameo
    same_actors = _code(a.source) == _code(b.source) and _code(a.target) == _code(b.target)
    if same_code and same_actors:
        # An undated repeat of the same dyad is often a new statement ("Iran again called on
        # Britain ..."); only a definite noun ("the shelling") surely names the same event.
        return (
            _same_date(a, b) or (_undated(b) and refers_back(b)) or (_undated(a) and refers_back(a))
        )
    partial_a, partial_b = _is_partial(a), _is_partial(b)
    if partial_a == partial_b:
        return False
    partial, full = (a, b) if partial_a else (b, a)
    # "the bomber had been targeted by military personnel" (190) retells "the military
    # shot down the jet" (195): a partial mention's generic code joins the specific one.
    generic = partial.event_type.cameo == full.event_type.root + "0"
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
    return replace(
        keeper,
        date=dated.date,
        date_granularity=dated.date_granularity,
        date_rule=dated.date_rule,
        mentions=mentions,
        confidence=max(a.confidence, b.confidence),
    )


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
