"""The Python API mirrors the CLI: the same operations under the same names."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

import detente
from tests.conftest import EXAMPLES


def test_the_cli_commands_exist_as_python_functions() -> None:
    for name in ("code", "ingest", "events", "dyad", "dyads", "explain", "eval", "bench"):
        assert callable(getattr(detente, name)), name
    assert detente.eval is detente.evaluate


def test_code_ingest_query_round_trip(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {"id": "k1", "text": "Kenyan police arrested Somali refugees.", "date": "2021-03-11"}
        )
        + "\n"
        + "{oops\n",
        encoding="utf-8",
    )
    run = detente.code([feed])
    assert [c.article.article_id for c in run.coded] == ["k1"]
    assert [r.origin for r in run.rejected] == [f"{feed}:2"]
    assert run.event_records()[0]["cameo"] == "173"

    db = tmp_path / "api.duckdb"
    summary = detente.ingest([feed], db=db)
    assert (summary.articles, summary.rejected) == (1, 1) and summary.events >= 1
    rows = detente.events(db=db, actor="KEN")
    assert rows and rows[0]["source"]["code"] == "KENCOP"
    assert detente.dyad("KEN", "SOM", by="year", db=db)[0].events >= 1
    with duckdb.connect(str(db), read_only=True) as con:
        [(origin, code, reason)] = con.execute(
            "SELECT origin, error_code, reason FROM rejected"
        ).fetchall()
    assert (origin, code) == (f"{feed}:2", "D104") and "fix:" in reason


def test_code_text_and_explain() -> None:
    coded = detente.code_text("Iran criticised Israel.", date="2019-06-28")
    assert [e.event_type.cameo for e in coded.events] == ["111"]
    explanation = detente.explain("Iran did not criticise Israel.")
    assert explanation.coded.events == ()
    assert any(c.outcome.startswith("dropped: negated") for c in explanation.candidates)


def test_bad_dates_are_refused_with_the_fix() -> None:
    with pytest.raises(detente.DetenteError, match="YYYY-MM-DD"):
        detente.code_text("Iran criticised Israel.", date="28/06/2019")


def test_the_bundled_examples_code_without_rejections() -> None:
    run = detente.code([EXAMPLES])
    assert len(run.coded) >= 10 and not run.rejected
    assert sum(len(c.events) for c in run.coded) >= 50
    undated = [c for c in run.coded if "undated" in c.article.origin]
    assert undated and all(e.date is None for c in undated for e in c.events)
