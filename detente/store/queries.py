"""Reading the store: filtered events, dyad series, counts.

An actor key such as `TUR`, `TURMIL` or `NATO` matches an event side when it equals the
side's country or organisation id, or begins its actor code (so `TUR` matches TURGOV and
TURMIL, `TURMIL` only the military). The key is tested against the `actors` table (one row
per distinct actor, migration 003), and events are selected by their sides' actor ids:
a few thousand string tests instead of six per stored event. Queries are built from fixed
SQL fragments; every value travels as a parameter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from detente.errors import OptionError

PERIODS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}

_KEY_MATCH = "coalesce(country = ? OR org = ? OR starts_with(code, ?), false)"
_SIDE_MATCH = f"{{side}}_actor_id IN (SELECT actor_id FROM actors WHERE {_KEY_MATCH})"


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None
    dyad: tuple[str, str] | None = None  # directed: source, target
    root: str | None = None
    code: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: str | None = None
    min_confidence: float = 0.0
    limit: int | None = 1000


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """Cooperation and conflict between two actors in one period and direction."""

    period: date
    direction: str  # "both", "A->B" or "B->A" with the actor keys written in
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float


def _side(side: str, key: str) -> tuple[str, list[str]]:
    return _SIDE_MATCH.format(side=side), [key, key, key]


def query_events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> list[dict[str, Any]]:
    """Events matching every given filter, as event records, oldest first."""
    where: list[str] = []
    params: list[Any] = []
    if query.actor:
        key = query.actor.upper()
        src, src_params = _side("source", key)
        tgt, tgt_params = _side("target", key)
        where.append(f"({src} OR {tgt})")
        params += src_params + tgt_params
    if query.dyad:
        src, src_params = _side("source", query.dyad[0].upper())
        tgt, tgt_params = _side("target", query.dyad[1].upper())
        where.append(f"{src} AND {tgt}")
        params += src_params + tgt_params
    if query.root:
        where.append("cameo_root = ?")
        params.append(_root(query.root))
    if query.code:
        where.append("starts_with(cameo, ?)")
        params.append(query.code)
    if query.since:
        where.append("date >= ?")
        params.append(query.since)
    if query.until:
        where.append("date <= ?")
        params.append(query.until)
    if query.article_id:
        where.append("article_id = ?")
        params.append(query.article_id)
    if query.min_confidence > 0:
        where.append("confidence >= ?")
        params.append(query.min_confidence)
    sql = "SELECT * FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, article_id, sentence_index, event_id"
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(query.limit)
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [_event_from_row(dict(zip(columns, row, strict=True))) for row in cursor.fetchall()]


def dyad_series(
    con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month"
) -> list[DyadPeriod]:
    """Per period: events by quad class and Goldstein sum/mean, both directions and each."""
    if by not in PERIODS:
        raise OptionError(f"unknown period {by!r}", fix=f"use one of {', '.join(PERIODS)}")
    a, b = a.upper(), b.upper()
    # `sides`: the few actors either key matches, and which; then one join over events.
    sql = f"""
        WITH sides AS (
            SELECT * FROM (
                SELECT actor_id, {_KEY_MATCH} AS is_a, {_KEY_MATCH} AS is_b FROM actors
            ) WHERE is_a OR is_b
        ),
        pair AS (
            SELECT date_trunc(?, e.date)::DATE AS period,
                   CASE WHEN s.is_a AND t.is_b THEN 'ab' ELSE 'ba' END AS dir,
                   e.quad_class, e.goldstein
            FROM events e
            JOIN sides s ON e.source_actor_id = s.actor_id
            JOIN sides t ON e.target_actor_id = t.actor_id
            WHERE e.date IS NOT NULL AND ((s.is_a AND t.is_b) OR (s.is_b AND t.is_a))
        )
        SELECT period, coalesce(dir, 'both') AS direction, count(*) AS n,
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               sum(goldstein), avg(goldstein)
        FROM pair
        GROUP BY GROUPING SETS ((period), (period, dir))
        ORDER BY period, direction = 'both' DESC, direction
    """
    params = [a, a, a, b, b, b, PERIODS[by]]
    labels = {"both": "both", "ab": f"{a}->{b}", "ba": f"{b}->{a}"}
    return [
        DyadPeriod(
            period=row[0],
            direction=labels[row[1]],
            events=row[2],
            verbal_cooperation=row[3],
            material_cooperation=row[4],
            verbal_conflict=row[5],
            material_conflict=row[6],
            goldstein_sum=round(float(row[7]), 2),
            goldstein_mean=round(float(row[8]), 2),
        )
        for row in con.execute(sql, params).fetchall()
    ]


def top_dyads(con: duckdb.DuckDBPyConnection, top: int = 10) -> list[dict[str, Any]]:
    """The most active unordered pairs of countries (or organisations) in the store."""
    sql = """
        WITH sides AS (
            SELECT coalesce(source_country, source_org) AS s, coalesce(target_country, target_org) AS t,
                   quad_class, goldstein
            FROM events
        )
        SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               avg(goldstein) AS goldstein_mean
        FROM sides WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
        GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?
    """
    cursor = con.execute(sql, [top])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def store_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = {}
    for table in ("articles", "events", "actor_mentions", "rejected"):
        counts[table] = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
    return counts


def rejections(con: duckdb.DuckDBPyConnection, limit: int = 100) -> list[dict[str, Any]]:
    cursor = con.execute(
        "SELECT origin, error_code, reason, article_id FROM rejected ORDER BY rejected_at, origin LIMIT ?",
        [limit],
    )
    return [
        dict(zip(("origin", "error_code", "reason", "article_id"), row, strict=True))
        for row in cursor.fetchall()
    ]


def _root(value: str) -> str:
    root = value.strip()
    if not root.isdigit() or not 1 <= int(root) <= 20:
        raise OptionError(f"CAMEO root {value!r}", fix="give a root from 01 to 20, e.g. --root 19")
    return f"{int(root):02d}"


def _actor_from_row(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    if row.get(f"{side}_code") is None:
        return None
    return {
        "code": row[f"{side}_code"],
        "country": row[f"{side}_country"],
        "sectors": list(row[f"{side}_sectors"] or []),
        "org": row[f"{side}_org"],
        "name": row[f"{side}_name"],
        "text": row[f"{side}_text"],
        "start": row[f"{side}_start"],
        "end": row[f"{side}_end"],
        "kind": row[f"{side}_kind"],
        "reason": row[f"{side}_reason"],
    }


def _event_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row back into the event record of detente.records.event_record."""
    return {
        "event_id": row["event_id"],
        "article_id": row["article_id"],
        "sentence_index": row["sentence_index"],
        "source": _actor_from_row(row, "source"),
        "target": _actor_from_row(row, "target"),
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "cameo_name": row["cameo_name"],
        "quad_class": int(row["quad_class"]),
        "goldstein": row["goldstein"],
        "plover": {"type": row["plover_type"], "mode": row["plover_mode"]},
        "date": row["date"].isoformat() if row["date"] else None,
        "date_granularity": row["date_granularity"],
        "date_rule": row["date_rule"],
        "location": json.loads(row["location"]) if row["location"] else None,
        "evidence": {
            "text": row["evidence_text"],
            "start": row["evidence_start"],
            "end": row["evidence_end"],
            "trigger": row["trigger_text"],
            "trigger_start": row["trigger_start"],
            "trigger_end": row["trigger_end"],
        },
        "confidence": row["confidence"],
        "reason": row["reason"],
        "mentions": json.loads(row["mentions"]) if row.get("mentions") else [],
    }
