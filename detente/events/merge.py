"""One event, however often an article mentions it.

Wire stories repeat their news: the lead says "Turkey shot down a Russian jet", a later
paragraph "the downing of the Russian jet". Events with the same source, target, CAMEO
code and date are one event: the first mention stands for it and every mention is kept
as evidence (`Event.mentions`), so nothing is double-counted in dyad series and nothing
is lost for provenance.
"""

from __future__ import annotations

from dataclasses import replace

from detente.types import Event


def merge_repeated(events: list[Event]) -> list[Event]:
    merged: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (
            event.source.code if event.source else None,
            event.target.code if event.target else None,
            event.event_type.cameo,
            event.date,
            event.date_granularity,
        )
        first = merged.get(key)
        if first is None:
            merged[key] = replace(event, mentions=(event.evidence,))
        else:
            merged[key] = replace(
                first,
                mentions=(*first.mentions, event.evidence),
                confidence=max(first.confidence, event.confidence),
            )
    return list(merged.values())
