"""Coding in worker processes (issue 6): the same events, in the same order, as one
process; rejected inputs still reach the store; a worker's error reaches the caller."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from detente import api
from detente.config import Settings
from detente.errors import DetenteError, ModelMissingError
from detente.ingest.sources import read_inputs
from detente.pipeline import ParallelCoder, WorkerPool
from detente.types import Article, CodedArticle, Event
from tests.conftest import EXAMPLES


def example_articles(settings: Settings) -> list[Article]:
    items = read_inputs([EXAMPLES], max_chars=settings.max_chars)
    return [a for a in items if isinstance(a, Article)]


def test_two_workers_code_the_same_events_as_one_process(settings: Settings) -> None:
    articles = example_articles(settings)
    one = list(api.get_coder(settings).code_articles(articles))
    # Chunks of two articles, so that both workers get several and results interleave.
    with ParallelCoder(settings, workers=2, chunk_size=2) as coder:
        two = list(coder.code_articles(articles))
    assert [c.article.article_id for c in two] == [a.article_id for a in articles]
    assert [comparable(c) for c in two] == [comparable(c) for c in one]
    assert [c.actors for c in two] == [c.actors for c in one]
    assert sum(len(c.events) for c in two) > 20


def comparable(coded: CodedArticle) -> list[Event]:
    """Events with their mentions in trigger order: the merge step orders mentions of one
    sentence by set iteration (detente/events/merge.py), which string hashing makes
    differ from process to process, with or without workers."""
    return [
        replace(e, mentions=tuple(sorted(e.mentions, key=lambda m: (m.start, m.trigger_start))))
        for e in coded.events
    ]


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "k1", "text": "Kenyan police arrested Somali refugees.", "date": "2021-03-11"}\n'
        "{oops\n"
        '{"id": "k2", "text": "Turkey condemned the Syrian air strikes."}\n',
        encoding="utf-8",
    )
    inputs = [feed, EXAMPLES / "2020-02-14-turkey-russia-idlib.txt", tmp_path / "missing.txt"]
    tables = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        summary = api.ingest(inputs, db=db, workers=workers)
        assert (summary.articles, summary.rejected) == (3, 2)
        con = duckdb.connect(str(db), read_only=True)
        tables[workers] = [
            con.execute(
                "SELECT event_id, cameo, source_code, target_code FROM events ORDER BY event_id"
            ).fetchall(),
            con.execute("SELECT origin, error_code FROM rejected ORDER BY origin").fetchall(),
        ]
        con.close()
    assert tables[1] == tables[2]
    assert len(tables[2][0]) > 3


def test_workers_must_be_one_or_more() -> None:
    with pytest.raises(DetenteError, match="--workers"):
        api.code([EXAMPLES], workers=0)


def fail_to_load(settings: Settings) -> None:
    raise ModelMissingError("no model here", fix="install one")


def never_called(state: None, chunk: list[str]) -> list[str]:
    return chunk


def test_a_worker_error_reaches_the_caller_with_its_fix(settings: Settings) -> None:
    pool: WorkerPool[None, str, str] = WorkerPool(fail_to_load, never_called, settings, 1, 1)
    try:
        with pytest.raises(DetenteError, match="no model here") as raised:
            pool.wait_ready()
        assert raised.value.fix == "install one"
    finally:
        pool.close()
