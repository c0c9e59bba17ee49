"""The DuckDB store: opening it, migrating its schema, writing coded articles.

Only `detente.store` speaks SQL. Schema changes are numbered files in
`store/migrations/` applied in order and recorded in `schema_migrations`. Writes replace
an article's rows (delete, then insert, in one transaction), so ingesting the same article
twice never duplicates its events.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from detente.errors import StoreError
from detente.records import actor_record, evidence_record, place_record
from detente.types import Actor, CodedArticle, Event, Rejection

_MIGRATION_FILE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def open_store(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and migrate the store at `path` (":memory:" for a scratch one)."""
    target = str(path)
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(
            f"no store at {target}",
            fix="ingest articles first (`detente ingest PATH --db FILE`) or pass the right --db",
        )
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(
            f"cannot open the store {target}: {exc}",
            fix="check the path, and that no other process holds the file open for writing",
        ) from exc
    if not read_only:
        migrate(con)
    return con


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every bundled migration, in order."""
    folder = resources.files("detente.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_FILE.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations this store has not seen yet; return their numbers."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for number, name, sql in migrations():
        if number in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [number, name, _now()])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"migration {number:03d}_{name} failed: {exc}", fix="report this as a bug"
            ) from exc
        applied.append(number)
    return applied


def write_batch(
    con: duckdb.DuckDBPyConnection, coded: Sequence[CodedArticle], rejected: Sequence[Rejection]
) -> None:
    """Store coded articles (replacing earlier versions) and rejected inputs, atomically."""
    ids = [c.article.article_id for c in coded]
    origins = [c.article.origin for c in coded] + [r.origin for r in rejected]
    now = _now()
    _limit_buffer_pool(con, coded)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("events", "actor_mentions", "articles"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
        # A fixed input that now codes clears its earlier rejection; re-reading a still-bad
        # input replaces it: one row per input either way.
        con.execute("DELETE FROM rejected WHERE origin IN (SELECT unnest(?))", [origins])
        _insert(con, "articles", [_article_row(c, now) for c in coded])
        _insert_events(con, [_event_row(e) for c in coded for e in c.events])
        _insert(
            con,
            "actor_mentions",
            [_mention_row(c.article.article_id, a) for c in coded for a in c.actors],
        )
        _insert(con, "rejected", [_rejection_row(r, now) for r in rejected])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(
            f"writing to the store failed: {exc}", fix="check disk space and permissions"
        ) from exc


# DuckDB keeps the blocks it writes (at every checkpoint) and reads in its buffer pool until
# the pool reaches `memory_limit`, 80% of RAM by default, so a writing process held the
# whole store file and grew with it: 540 -> 665 MB peak from a 1x to a 10x corpus, while
# malloc_trim and other allocators changed nothing (docs/benchmarks.md). A limit well
# under that keeps the pool to a few blocks. A batch's own uncommitted rows cannot be
# evicted (200 articles of 1M characters need some 200 MB), so the limit grows with the
# batch. A store in memory is all buffer pool and keeps the default.
_POOL_FLOOR = 32 * 2**20


def _limit_buffer_pool(con: duckdb.DuckDBPyConnection, coded: Sequence[CodedArticle]) -> None:
    in_memory = con.execute(
        "SELECT path IS NULL FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    if in_memory is None or in_memory[0]:
        return
    batch_bytes = sum(len(c.article.text.encode()) for c in coded)
    con.execute(f"SET memory_limit = '{(_POOL_FLOOR + 2 * batch_bytes) // 2**20}MiB'")


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = _columns(con, table)
    batch = pa.table({c: [row.get(c) for row in rows] for c in columns})  # noqa: F841 - read by DuckDB
    quoted = ", ".join(f'"{c}"' for c in columns)
    con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM batch")


_ACTOR_ID_COLUMNS = ("source_actor_id", "target_actor_id")

# Actors of the batch that the store has not seen yet get ids (migration 003).
_REGISTER_ACTORS = """
    INSERT INTO actors
    SELECT nextval('actor_ids'), code, country, org
    FROM (
        SELECT source_code AS code, source_country AS country, source_org AS org FROM {rows}
        UNION
        SELECT target_code, target_country, target_org FROM {rows}
    ) AS named
    WHERE (code IS NOT NULL OR country IS NOT NULL OR org IS NOT NULL)
      AND NOT EXISTS (
          SELECT 1 FROM actors a
          WHERE a.code IS NOT DISTINCT FROM named.code
            AND a.country IS NOT DISTINCT FROM named.country
            AND a.org IS NOT DISTINCT FROM named.org
      )
"""
_SAME_ACTOR = """
    LEFT JOIN actors {alias} ON {alias}.code IS NOT DISTINCT FROM b.{side}_code
        AND {alias}.country IS NOT DISTINCT FROM b.{side}_country
        AND {alias}.org IS NOT DISTINCT FROM b.{side}_org
"""


def _insert_events(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Insert event rows with their sides' actor ids, registering new actors first."""
    if not rows:
        return
    columns = [c for c in _columns(con, "events") if c not in _ACTOR_ID_COLUMNS]
    batch = pa.table({c: [row.get(c) for row in rows] for c in columns})  # noqa: F841 - read by DuckDB
    con.execute(_REGISTER_ACTORS.format(rows="batch"))
    quoted = ", ".join(f'"{c}"' for c in columns)
    from_batch = ", ".join(f'b."{c}"' for c in columns)
    con.execute(
        f"INSERT INTO events ({quoted}, source_actor_id, target_actor_id) "
        f"SELECT {from_batch}, s.actor_id, t.actor_id FROM batch b"
        + _SAME_ACTOR.format(alias="s", side="source")
        + _SAME_ACTOR.format(alias="t", side="target")
    )


def assign_actor_ids(con: duckdb.DuckDBPyConnection) -> None:
    """Give ids to the actors of events inserted without them (bulk loads such as the
    benchmark's synthetic store); `write_batch` assigns them as it inserts."""
    con.execute(_REGISTER_ACTORS.format(rows="events"))
    for side in ("source", "target"):
        con.execute(
            f"""
            UPDATE events SET {side}_actor_id = a.actor_id
            FROM actors a
            WHERE events.{side}_actor_id IS NULL
              AND a.code IS NOT DISTINCT FROM events.{side}_code
              AND a.country IS NOT DISTINCT FROM events.{side}_country
              AND a.org IS NOT DISTINCT FROM events.{side}_org
            """
        )


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA table_info('{table}')").fetchall()]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _article_row(coded: CodedArticle, now: datetime) -> dict[str, Any]:
    article = coded.article
    dateline = article.dateline
    return {
        "article_id": article.article_id,
        "title": article.title,
        "text": article.text,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "dateline_place": dateline.place if dateline else None,
        "dateline_region": dateline.region if dateline else None,
        "dateline_agency": dateline.agency if dateline else None,
        "dateline_date": dateline.date_text if dateline else None,
        "origin": article.origin,
        "metadata": json.dumps(dict(article.metadata), ensure_ascii=False, default=str),
        "n_events": len(coded.events),
        "coded_at": now,
    }


def _actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    record = actor_record(actor) or {}
    return {
        f"{prefix}_{key}": record.get(key)
        for key in (
            "code",
            "country",
            "sectors",
            "org",
            "name",
            "text",
            "start",
            "end",
            "kind",
            "reason",
        )
    }


def _event_row(event: Event) -> dict[str, Any]:
    kind = event.event_type
    location = event.location
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "date": event.date,
        "date_granularity": event.date_granularity.value,
        "date_rule": event.date_rule,
        **_actor_columns("source", event.source),
        **_actor_columns("target", event.target),
        "cameo": kind.cameo,
        "cameo_root": kind.root,
        "cameo_name": kind.name,
        "quad_class": int(kind.quad_class),
        "goldstein": kind.goldstein,
        "plover_type": kind.plover_type,
        "plover_mode": kind.plover_mode,
        "location": json.dumps(place_record(location)) if location else None,
        "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "trigger_text": event.evidence.trigger,
        "trigger_start": event.evidence.trigger_start,
        "trigger_end": event.evidence.trigger_end,
        "confidence": event.confidence,
        "reason": event.reason,
        "mentions": json.dumps([evidence_record(m) for m in event.mentions or (event.evidence,)]),
        "mention_count": max(1, len(event.mentions)),
    }


def _mention_row(article_id: str, actor: Actor) -> dict[str, Any]:
    return {"article_id": article_id, **(actor_record(actor) or {})}


def _rejection_row(rejection: Rejection, now: datetime) -> dict[str, Any]:
    return {
        "origin": rejection.origin,
        "error_code": rejection.error_code,
        "reason": rejection.reason,
        "article_id": rejection.article_id,
        "rejected_at": now,
    }
