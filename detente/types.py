"""The typed records that flow through detente.

Data flows one way: an `Article` is parsed into a spaCy `Doc`, actors are found as
`Actor` mentions (character offsets into `Article.text`), events are coded as `Event`s
that point at those mentions, and everything is stored and queried from there. Records
are frozen: a stage returns new records instead of mutating what it was given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum
from typing import Any


class QuadClass(IntEnum):
    """CAMEO quad classes as GDELT numbers them."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4


class DateGranularity(StrEnum):
    """How precisely an event's date is known.

    `REPORTED` means the text gave no time for the event, so it carries the publication
    date; `UNKNOWN` means there was no publication date either.
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    REPORTED = "reported"
    UNKNOWN = "unknown"


class ActorKind(StrEnum):
    """What an actor mention denotes."""

    COUNTRY = "country"  # a state or its organs (TUR, TURGOV, TURMIL)
    ORGANISATION = "organisation"  # IGO, NGO or armed group with a canonical id
    PERSON = "person"  # a named individual resolved to a role
    GROUP = "group"  # a sector without a known country ("rebels", "protesters")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens a wire story: where the reporter filed from, and for whom."""

    place: str
    region: str | None = None
    agency: str | None = None
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, normalised.

    `text` is the body after the title line and the dateline were taken off; every
    offset detente reports (actors, evidence) is a character offset into this text.
    """

    article_id: str
    text: str
    origin: str
    title: str | None = None
    date: date | None = None
    source: str | None = None
    url: str | None = None
    dateline: Dateline | None = None
    # Fields of the input that detente has no column for, kept as they came (read-only by
    # convention: a plain dict so that articles pickle across worker processes).
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be coded, with the reason and the fix."""

    origin: str
    error_code: str
    reason: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as mentioned in the text and resolved against the dictionaries."""

    code: str
    kind: ActorKind
    text: str
    start: int
    end: int
    reason: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    org: str | None = None
    name: str | None = None
    # The text named no country for this actor; it was taken from the context ("police").
    country_from_context: bool = False


@dataclass(frozen=True, slots=True)
class EventType:
    """One CAMEO event code with everything the ontology knows about it."""

    cameo: str
    name: str
    goldstein: float
    quad_class: QuadClass
    plover_type: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...] = ()

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an event was read from and the words that triggered it."""

    text: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened."""

    name: str
    country: str | None
    level: str
    resolved_name: str | None = None
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    feature: str | None = None
    rule: str | None = None  # how the place was chosen


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event: who did what to whom, when, where, and from which words."""

    event_id: str
    article_id: str
    sentence_index: int
    event_type: EventType
    source: Actor | None
    target: Actor | None
    date: date | None
    date_granularity: DateGranularity
    evidence: Evidence
    confidence: float
    reason: str
    location: Place | None = None
    date_rule: str | None = None
    # Every place in the article that states this same event (the first is `evidence`).
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with everything detente found in it."""

    article: Article
    events: tuple[Event, ...]
    actors: tuple[Actor, ...]
