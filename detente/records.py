"""The event record: detente's stable output contract (docs/formats.md).

`event_record` turns a typed `Event` into the JSON-ready dict that the CLI prints, the
API returns and the store keeps. Keys listed in docs/formats.md are never removed or
renamed; new keys may be added.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from detente.types import Actor, Article, Event, Evidence, Place, Rejection


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "code": actor.code,
        "country": actor.country,
        "sectors": list(actor.sectors),
        "org": actor.org,
        "name": actor.name,
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "kind": actor.kind.value,
        "reason": actor.reason,
    }


def place_record(place: Place | None) -> dict[str, Any] | None:
    return asdict(place) if place is not None else None


def event_record(event: Event) -> dict[str, Any]:
    kind = event.event_type
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "source": actor_record(event.source),
        "target": actor_record(event.target),
        "cameo": kind.cameo,
        "cameo_root": kind.root,
        "cameo_name": kind.name,
        "quad_class": int(kind.quad_class),
        "goldstein": kind.goldstein,
        "plover": {"type": kind.plover_type, "mode": kind.plover_mode},
        "date": event.date.isoformat() if event.date else None,
        "date_granularity": event.date_granularity.value,
        "date_rule": event.date_rule,
        "location": place_record(event.location),
        "evidence": evidence_record(event.evidence),
        "confidence": event.confidence,
        "reason": event.reason,
        "mentions": [evidence_record(m) for m in event.mentions or (event.evidence,)],
    }


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
        "trigger": evidence.trigger,
        "trigger_start": evidence.trigger_start,
        "trigger_end": evidence.trigger_end,
    }


def article_record(article: Article) -> dict[str, Any]:
    dateline = article.dateline
    return {
        "article_id": article.article_id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "dateline": asdict(dateline) if dateline else None,
        "origin": article.origin,
        "metadata": dict(article.metadata),
    }


def rejection_record(rejection: Rejection) -> dict[str, Any]:
    return asdict(rejection)


# The flat columns of the CSV output and of `detente events`' table, in order.
FLAT_COLUMNS = (
    "event_id",
    "article_id",
    "date",
    "date_granularity",
    "source_code",
    "source_country",
    "source_text",
    "target_code",
    "target_country",
    "target_text",
    "cameo",
    "cameo_name",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "location_name",
    "location_country",
    "trigger",
    "evidence_text",
    "confidence",
    "reason",
)


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """One row of scalars for CSV and tables (GDELT/pandas-friendly)."""
    source = record.get("source") or {}
    target = record.get("target") or {}
    location = record.get("location") or {}
    evidence = record.get("evidence") or {}
    plover = record.get("plover") or {}
    return {
        "event_id": record["event_id"],
        "article_id": record["article_id"],
        "date": record.get("date"),
        "date_granularity": record.get("date_granularity"),
        "source_code": source.get("code"),
        "source_country": source.get("country"),
        "source_text": source.get("text"),
        "target_code": target.get("code"),
        "target_country": target.get("country"),
        "target_text": target.get("text"),
        "cameo": record["cameo"],
        "cameo_name": record.get("cameo_name"),
        "quad_class": record.get("quad_class"),
        "goldstein": record.get("goldstein"),
        "plover_type": plover.get("type"),
        "plover_mode": plover.get("mode"),
        "location_name": location.get("name"),
        "location_country": location.get("country"),
        "trigger": evidence.get("trigger"),
        "evidence_text": evidence.get("text"),
        "confidence": record.get("confidence"),
        "reason": record.get("reason"),
    }
