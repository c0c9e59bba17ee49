"""The DuckDB store: migrations, replacing writes, rejected inputs, queries and dyads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from detente.errors import OptionError, StoreError
from detente.store.database import migrate, migrations, open_store, write_batch
from detente.store.queries import EventQuery, dyad_series, query_events, store_counts, top_dyads
from detente.types import Actor, Article, CodedArticle, Event, Rejection
from tests.helpers import make_actor as actor
from tests.helpers import make_event


def event(
    event_id: str, article_id: str, cameo: str, source: Actor, target: Actor, day: date
) -> Event:
    return make_event(cameo, source, target, event_id=event_id, article_id=article_id, day=day)


def coded(article_id: str, *events: Event) -> CodedArticle:
    article = Article(
        article_id=article_id, text="s", origin=f"{article_id}.txt", date=date(2020, 1, 1)
    )
    return CodedArticle(article, events, (actor("TUR", "TUR"),))


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    return open_store(":memory:")


def test_migrations_are_numbered_and_applied_once(con: duckdb.DuckDBPyConnection) -> None:
    assert [m[0] for m in migrations()] == list(range(1, len(migrations()) + 1))
    assert migrate(con) == []
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert {"articles", "events", "actor_mentions", "rejected", "schema_migrations"} <= tables


def test_rewriting_an_article_replaces_its_events(con: duckdb.DuckDBPyConnection) -> None:
    tur, rus = actor("TURMIL", "TUR", ("MIL",)), actor("RUSGOV", "RUS", ("GOV",))
    write_batch(con, [coded("a1", event("e1", "a1", "040", tur, rus, date(2020, 1, 5)))], [])
    write_batch(con, [coded("a1", event("e1", "a1", "040", tur, rus, date(2020, 1, 5)))], [])
    assert store_counts(con) == {"articles": 1, "events": 1, "actor_mentions": 1, "rejected": 0}
    write_batch(con, [coded("a1")], [])
    assert store_counts(con)["events"] == 0


def test_a_rejection_is_kept_once_and_cleared_when_the_input_codes(
    con: duckdb.DuckDBPyConnection,
) -> None:
    bad = Rejection("a1.txt", "D101", "a1.txt: the input is empty")
    write_batch(con, [], [bad])
    write_batch(con, [], [bad])
    assert store_counts(con)["rejected"] == 1
    write_batch(con, [coded("a1")], [])
    assert store_counts(con)["rejected"] == 0


@pytest.fixture
def filled(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    tur, rus, syr = (
        actor("TURMIL", "TUR", ("MIL",)),
        actor("RUSGOV", "RUS", ("GOV",)),
        actor("SYR", "SYR"),
    )
    write_batch(
        con,
        [
            coded(
                "a1",
                event("e1", "a1", "040", tur, rus, date(2020, 1, 5)),
                event("e2", "a1", "194", rus, tur, date(2020, 1, 20)),
            ),
            coded(
                "a2",
                event("e3", "a2", "194", tur, syr, date(2020, 2, 2)),
                event("e4", "a2", "040", rus, tur, date(2020, 2, 9)),
            ),
        ],
        [],
    )
    return con


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (EventQuery(), ["e1", "e2", "e3", "e4"]),
        (EventQuery(actor="TUR"), ["e1", "e2", "e3", "e4"]),
        (EventQuery(actor="TURMIL"), ["e1", "e2", "e3", "e4"]),
        (EventQuery(actor="SYR"), ["e3"]),
        (EventQuery(dyad=("TUR", "RUS")), ["e1"]),
        (EventQuery(dyad=("RUS", "TUR")), ["e2", "e4"]),
        (EventQuery(root="19"), ["e2", "e3"]),
        (EventQuery(root="4"), ["e1", "e4"]),
        (EventQuery(since=date(2020, 2, 1)), ["e3", "e4"]),
        (EventQuery(until=date(2020, 1, 31)), ["e1", "e2"]),
        (EventQuery(limit=1), ["e1"]),
    ],
)
def test_event_filters(
    filled: duckdb.DuckDBPyConnection, query: EventQuery, ids: list[str]
) -> None:
    assert [r["event_id"] for r in query_events(filled, query)] == ids


def test_stored_events_come_back_as_event_records(filled: duckdb.DuckDBPyConnection) -> None:
    [record] = query_events(filled, EventQuery(dyad=("TUR", "RUS")))
    assert record["source"]["code"] == "TURMIL" and record["source"]["sectors"] == ["MIL"]
    assert record["cameo"] == "040" and record["plover"] == {"type": "CONSULT", "mode": None}
    assert record["date"] == "2020-01-05" and record["quad_class"] == 1


def test_dyad_series_counts_both_directions_and_each(filled: duckdb.DuckDBPyConnection) -> None:
    rows = dyad_series(filled, "TUR", "RUS", "month")
    by_key = {(r.period.isoformat(), r.direction): r for r in rows}
    january_both = by_key[("2020-01-01", "both")]
    assert (
        january_both.events,
        january_both.verbal_cooperation,
        january_both.material_conflict,
    ) == (2, 1, 1)
    assert january_both.goldstein_sum == -9.0 and january_both.goldstein_mean == -4.5
    assert by_key[("2020-01-01", "TUR->RUS")].events == 1
    assert by_key[("2020-01-01", "RUS->TUR")].material_conflict == 1
    assert by_key[("2020-02-01", "both")].events == 1
    assert ("2020-02-01", "TUR->RUS") not in by_key


def test_dyad_rejects_an_unknown_period(filled: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(OptionError, match="fortnight"):
        dyad_series(filled, "TUR", "RUS", "fortnight")


def test_top_dyads_are_unordered_pairs(filled: duckdb.DuckDBPyConnection) -> None:
    [first, second] = top_dyads(filled)
    assert (first["a"], first["b"], first["events"]) == ("RUS", "TUR", 3)
    assert (second["a"], second["b"], second["events"]) == ("SYR", "TUR", 1)


def test_reading_a_missing_store_says_how_to_fill_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="detente ingest"):
        open_store(tmp_path / "none.duckdb", read_only=True)


def test_a_file_store_keeps_a_small_buffer_pool_that_fits_the_batch(tmp_path: Path) -> None:
    # Open item "memory of the full pipeline grows with the corpus" (docs/benchmarks.md):
    # DuckDB's default pool kept the whole store file, so the ingest grew with the store.
    con = open_store(tmp_path / "store.duckdb")
    write_batch(con, [coded("a1")], [])
    assert con.execute("SELECT current_setting('memory_limit')").fetchone() == ("32.0 MiB",)
    long = Article(article_id="a2", text="x" * 60_000_000, origin="a2.txt")
    write_batch(con, [CodedArticle(long, (), ())], [])
    assert store_counts(con)["articles"] == 2
