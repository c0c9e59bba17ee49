"""Actor ids (migration 003, issue 6): queries by actor key select events through the
`actors` table; the answers must be those of matching the key against each event's own
country, organisation and code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from detente.store.database import migrations, open_store, write_batch
from detente.store.queries import EventQuery, dyad_series, query_events
from detente.types import Actor, ActorKind, Article, CodedArticle, Event
from tests.helpers import make_actor, make_event

UN = Actor("IGOUNO", ActorKind.ORGANISATION, "UN", 0, 2, "test", org="UN")
# Kosovo: CAMEO code KOS, ISO country XKX; the key KOS matches by code prefix alone.
KOSOVO_POLICE = make_actor("KOSCOP", "XKX", ("COP",))
TURKISH_ARMY = make_actor("TURMIL", "TUR", ("MIL",))
RUSSIA = make_actor("RUS", "RUS")


def coded(article_id: str, *events: Event) -> CodedArticle:
    article = Article(article_id, "s", f"{article_id}.txt", date=date(2021, 1, 1))
    return CodedArticle(article, events, ())


def stored_event(event_id: str, source: Actor | None, target: Actor | None, day: int) -> Event:
    return make_event(
        "040", source, target, event_id=event_id, article_id="a1", day=date(2021, 1, day)
    )


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = open_store(":memory:")
    write_batch(
        con,
        [
            coded(
                "a1",
                stored_event("e1", UN, TURKISH_ARMY, 1),
                stored_event("e2", KOSOVO_POLICE, RUSSIA, 2),
                stored_event("e3", TURKISH_ARMY, None, 3),
                stored_event("e4", None, UN, 4),
            )
        ],
        [],
    )
    return con


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (EventQuery(actor="UN"), ["e1", "e4"]),  # organisation id
        (EventQuery(actor="IGO"), ["e1", "e4"]),  # code prefix
        (EventQuery(actor="XKX"), ["e2"]),  # country
        (EventQuery(actor="KOS"), ["e2"]),  # code prefix, another country code
        (EventQuery(actor="TURMIL"), ["e1", "e3"]),
        (EventQuery(actor="TURGOV"), []),
        (EventQuery(dyad=("UN", "TUR")), ["e1"]),
        (EventQuery(dyad=("TUR", "UN")), []),
    ],
)
def test_actor_keys_match_country_organisation_and_code_prefix(
    con: duckdb.DuckDBPyConnection, query: EventQuery, ids: list[str]
) -> None:
    assert [r["event_id"] for r in query_events(con, query)] == ids


def test_each_actor_gets_one_id_however_often_it_is_written(
    con: duckdb.DuckDBPyConnection,
) -> None:
    write_batch(con, [coded("a2", replace(stored_event("e5", UN, RUSSIA, 5), article_id="a2"))], [])
    write_batch(con, [coded("a2", replace(stored_event("e5", UN, RUSSIA, 5), article_id="a2"))], [])
    actors = con.execute("SELECT code, country, org FROM actors").fetchall()
    expected = [
        ("IGOUNO", None, "UN"),
        ("KOSCOP", "XKX", None),
        ("RUS", "RUS", None),
        ("TURMIL", "TUR", None),
    ]
    assert sorted(actors, key=str) == sorted(expected, key=str)
    missing = con.execute(
        "SELECT count(*) FROM events WHERE (source_code IS NOT NULL AND source_actor_id IS NULL)"
        " OR (target_code IS NOT NULL AND target_actor_id IS NULL)"
    ).fetchone()
    assert missing == (0,)


def test_dyad_series_matches_by_organisation_and_code_prefix(
    con: duckdb.DuckDBPyConnection,
) -> None:
    rows = {(r.direction, r.events) for r in dyad_series(con, "IGO", "TUR", "year")}
    assert rows == {("both", 1), ("IGO->TUR", 1)}
    assert {(r.direction, r.events) for r in dyad_series(con, "RUS", "KOS")} == {
        ("both", 1),
        ("KOS->RUS", 1),
    }


def test_migration_3_gives_ids_to_the_actors_of_an_older_store(tmp_path: Path) -> None:
    """A store written before migration 003 answers the same queries after it."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(
        "CREATE TABLE schema_migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP)"
    )
    for number, name, sql in migrations():
        if number < 3:
            old.execute(sql)
            old.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [number, name])
    old.execute(
        """INSERT INTO events (event_id, article_id, date, source_code, source_country,
                               target_code, target_org, cameo, cameo_root, quad_class, goldstein)
           VALUES ('e1', 'a1', DATE '2021-01-01', 'TURMIL', 'TUR', 'IGOUNO', 'UN', '190', '19', 4, -10),
                  ('e2', 'a1', DATE '2021-01-02', 'TURMIL', 'TUR', NULL, NULL, '010', '01', 1, 0)"""
    )
    old.close()
    con = open_store(path)
    assert con.execute("SELECT count(*) FROM actors").fetchone() == (2,)
    assert [r["event_id"] for r in query_events(con, EventQuery(dyad=("TUR", "UN")))] == ["e1"]
    assert [r["event_id"] for r in query_events(con, EventQuery(actor="TUR"))] == ["e1", "e2"]
