"""Small helpers shared by tests."""

from __future__ import annotations

from datetime import date

from detente.events.ontology import load_ontology
from detente.types import Actor, ActorKind, CodedArticle, DateGranularity, Event, Evidence


def triples(coded: CodedArticle) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO code) of every event."""
    return {
        (
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.event_type.cameo,
        )
        for e in coded.events
    }


def make_actor(code: str, country: str | None, sectors: tuple[str, ...] = ()) -> Actor:
    """A country actor as the resolver would build it, for tests that need no parse."""
    return Actor(
        code=code,
        kind=ActorKind.COUNTRY,
        text=code,
        start=0,
        end=3,
        reason="test",
        country=country,
        sectors=sectors,
    )


def make_event(
    cameo: str,
    source: Actor | None,
    target: Actor | None,
    *,
    event_id: str | None = None,
    article_id: str = "a",
    day: date = date(2020, 1, 1),
    confidence: float = 0.8,
) -> Event:
    """An event of a real CAMEO code, for tests of storing and scoring."""
    return Event(
        event_id=event_id or cameo,
        article_id=article_id,
        sentence_index=0,
        event_type=load_ontology().event_type(cameo),
        source=source,
        target=target,
        date=day,
        date_granularity=DateGranularity.REPORTED,
        evidence=Evidence("s", 0, 1, "t", 0, 1),
        confidence=confidence,
        reason="test",
    )
