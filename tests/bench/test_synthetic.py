"""The synthetic store of the query benchmark (issue 6): N events in the real schema,
realistic shares, and dyad counts that agree with matching each event row directly."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest

from detente.bench.query_speed import QUERIES, time_queries
from detente.bench.synthetic import build_synthetic_store
from detente.errors import OptionError
from detente.store.database import open_store
from detente.store.queries import dyad_series

EVENTS = 20_000


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.duckdb"
    built = build_synthetic_store(path, EVENTS)
    assert (built.events, built.reused) == (EVENTS, False)
    return path


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(r[1], r[2]) for r in con.execute(f"PRAGMA table_info('{table}')").fetchall()]


def test_the_store_holds_n_events_in_the_real_schema(store: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    fresh = open_store(":memory:")
    assert columns(con, "events") == columns(fresh, "events")
    total, distinct, first, last, unidentified = (
        con.execute(
            """SELECT count(*), count(DISTINCT event_id), min(date), max(date),
                  count(*) FILTER (WHERE source_code IS NOT NULL AND source_actor_id IS NULL)
           FROM events"""
        ).fetchone()
        or ()
    )
    assert (total, distinct, unidentified) == (EVENTS, EVENTS, 0)
    assert first.year == 2014 and last.year == 2024  # ten years (a week's lead)


def test_actors_and_codes_follow_news_like_shares(store: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    countries = Counter(
        dict(
            con.execute(
                "SELECT source_country, count(*) FROM events "
                "WHERE source_country IS NOT NULL GROUP BY 1"
            ).fetchall()
        )
    )
    assert [c for c, _ in countries.most_common(2)] == ["USA", "RUS"]
    roots = Counter(
        dict(con.execute("SELECT cameo_root, count(*) FROM events GROUP BY 1").fetchall())
    )
    assert {r for r, _ in roots.most_common(2)} == {"01", "04"}
    assert roots["19"] > roots["20"] > 0


def test_dyad_series_agrees_with_matching_each_row(store: Path) -> None:
    """The actor-id query must count what testing every event's own columns counts."""
    con = duckdb.connect(str(store), read_only=True)
    rows = dyad_series(con, "USA", "RUS", "year")
    got = {(r.period.year, r.direction): r.events for r in rows}
    side = "({s}_country = '{k}' OR {s}_org = '{k}' OR starts_with({s}_code, '{k}'))"
    expected: dict[tuple[int, str], int] = {}
    for direction, (a, b) in {"USA->RUS": ("USA", "RUS"), "RUS->USA": ("RUS", "USA")}.items():
        for year, n in con.execute(
            f"SELECT year(date), count(*) FROM events WHERE date IS NOT NULL"
            f" AND {side.format(s='source', k=a)} AND {side.format(s='target', k=b)} GROUP BY 1"
        ).fetchall():
            expected[(year, direction)] = n
            expected[(year, "both")] = expected.get((year, "both"), 0) + n
    assert got == expected
    assert sum(n for (_, d), n in got.items() if d == "both") > 50


def test_an_existing_store_is_reused_only_if_it_is_the_same_size(store: Path) -> None:
    assert build_synthetic_store(store, EVENTS).reused
    with pytest.raises(OptionError, match="not a synthetic store of 5"):
        build_synthetic_store(store, 5)


def test_every_benchmarked_query_runs_and_finds_events(store: Path) -> None:
    timings = time_queries(store, runs=1)
    assert [t.command for t in timings] == [q.command for q in QUERIES]
    assert all(t.rows > 0 and t.cold_ms >= 0 and t.warm_ms >= 0 for t in timings)
