"""Timing the store's queries as `detente dyad` and `detente events` run them.

Each query is timed two ways, median of `runs`:

- cold: through the Python API function the CLI command calls (`detente.api.dyad`,
  `detente.api.events`), which opens the store read-only, queries, converts the rows and
  closes it, so DuckDB's buffer cache starts empty each time (the operating system's file
  cache does not: it is warm after the first run);
- warm: the store's query function (`dyad_series`, `query_events`) on one open
  connection, after one untimed run.

Neither counts the CLI's own start-up (Python importing detente), which `time detente
dyad ...` would add.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sized
from dataclasses import asdict, dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import duckdb

from detente.store.database import open_store
from detente.store.queries import EventQuery, dyad_series, query_events

DYAD_TARGET_MS = 100.0
EVENTS_TARGET_MS = 200.0


@dataclass(frozen=True, slots=True)
class TimedQuery:
    """One query as a user types it, and the two ways to run it."""

    command: str
    target_ms: float
    cold: Callable[[Path], Sized]
    warm: Callable[[duckdb.DuckDBPyConnection], Sized]


@dataclass(frozen=True, slots=True)
class QueryTiming:
    command: str
    rows: int
    cold_ms: float
    warm_ms: float
    target_ms: float
    runs: int

    @property
    def meets_target(self) -> bool:
        return max(self.cold_ms, self.warm_ms) < self.target_ms

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "meets_target": self.meets_target}


def _dyad(a: str, b: str, by: str = "month") -> TimedQuery:
    def cold(db: Path) -> Sized:
        from detente import api  # not at import time: detente.api imports this package

        return api.dyad(a, b, by=by, db=db)

    return TimedQuery(
        f"detente dyad {a} {b} --by {by}",
        DYAD_TARGET_MS,
        cold,
        lambda con: dyad_series(con, a, b, by),
    )


def _events(command: str, query: EventQuery) -> TimedQuery:
    def cold(db: Path) -> Sized:
        from detente import api

        return api.events(
            db=db,
            actor=query.actor,
            dyad=query.dyad,
            root=query.root,
            code=query.code,
            since=query.since,
            until=query.until,
            limit=query.limit,
        )

    return TimedQuery(
        f"detente events {command}",
        EVENTS_TARGET_MS,
        cold,
        lambda con: query_events(con, query),
    )


# The commonest pair of the synthetic store, a mid-frequency one, and filtered event
# lists: narrow (actor, root and a year), broad (the commonest actor over ten years), and
# a directed dyad over two years.
QUERIES = (
    _dyad("USA", "RUS"),
    _dyad("TUR", "SYR"),
    _dyad("TURMIL", "SYR", "week"),
    _events(
        "--actor TUR --root 19 --since 2020-01-01 --until 2020-12-31 --limit 100",
        EventQuery(
            actor="TUR", root="19", since=date(2020, 1, 1), until=date(2020, 12, 31), limit=100
        ),
    ),
    _events("--actor USA --limit 100", EventQuery(actor="USA", limit=100)),
    _events(
        "--dyad ISR:PSE --since 2018-01-01 --until 2019-12-31 --limit 100",
        EventQuery(
            dyad=("ISR", "PSE"), since=date(2018, 1, 1), until=date(2019, 12, 31), limit=100
        ),
    ),
)


def time_queries(db: Path, runs: int = 7) -> list[QueryTiming]:
    """Cold and warm median times of `QUERIES` on the store at `db`."""
    timings = []
    con = open_store(db, read_only=True)
    try:
        for query in QUERIES:
            cold, rows = _median_ms(partial(query.cold, db), runs)
            query.warm(con)  # untimed: fills DuckDB's cache
            warm, _ = _median_ms(partial(query.warm, con), runs)
            timings.append(QueryTiming(query.command, rows, cold, warm, query.target_ms, runs))
    finally:
        con.close()
    return timings


def _median_ms(run: Callable[[], Sized], runs: int) -> tuple[float, int]:
    times = []
    rows = 0
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        rows = len(run())
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1), rows
