"""The `detente` command, end to end, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

STORY = """Date: 2020-02-14
Turkey Warns Syria Over Idlib

ANKARA (Reuters) - Turkish artillery shelled Syrian army positions near Idlib on Friday.

Turkey's foreign minister met Russia's foreign minister in Ankara.
"""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_code_prints_a_table_by_default(story: Path) -> None:
    result = runner.invoke(app, ["code", str(story)])
    assert result.exit_code == 0, result.output
    assert "TURMIL" in result.output and "SYRMIL" in result.output and "194" in result.output


def test_code_jsonl_follows_the_record_contract(story: Path) -> None:
    result = runner.invoke(app, ["code", str(story), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert records
    keys = {
        "event_id",
        "article_id",
        "sentence_index",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "cameo_name",
        "quad_class",
        "goldstein",
        "plover",
        "date",
        "date_granularity",
        "location",
        "evidence",
        "confidence",
        "reason",
    }
    for record in records:
        assert keys <= set(record)
        assert {"code", "country", "sectors", "org", "name", "text", "start", "end"} <= set(
            record["source"]
        )
        assert {"text", "start", "end", "trigger"} <= set(record["evidence"])
    shelling = next(r for r in records if r["cameo"] == "194")
    assert shelling["date"] == "2020-02-14" and shelling["plover"]["type"] == "ASSAULT"


def test_code_csv_has_one_row_per_event(story: Path) -> None:
    result = runner.invoke(app, ["code", str(story), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"source_code", "target_code", "cameo", "goldstein", "evidence_text"} <= set(
        rows[0]
    )


def test_code_reads_stdin_with_a_date() -> None:
    result = runner.invoke(
        app,
        ["code", "-", "--date", "2019-06-28", "--format", "jsonl"],
        input="Iran criticised Israel.",
    )
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert record["date"] == "2019-06-28" and record["cameo"] == "111"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "X", "--format", "xml"], "unknown --format 'xml'"),
        (["code", "-", "--date", "yesterday"], "--date 'yesterday' is not a date"),
        (["events", "--db", "missing.duckdb"], "no store at missing.duckdb"),
        (["dyad", "TUR", "RUS", "--by", "decade", "--db", "x.duckdb"], ""),
    ],
)
def test_bad_options_get_a_message_and_the_fix(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args, input="")
    assert result.exit_code == 2
    assert "fix:" in result.output or "Error" in result.output
    assert message in result.output


def test_bad_inputs_are_reported_and_the_rest_coded(story: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["code", str(empty), str(story)])
    assert result.exit_code == 0
    assert (
        "rejected" in result.output and "empty.txt" in result.output and "TURMIL" in result.output
    )


def test_ingest_then_query_then_dyad(story: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    first = runner.invoke(app, ["ingest", str(story), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert re.search(r"stored 1 articles, \d+ events, 0 rejected", first.output)
    again = runner.invoke(app, ["ingest", str(story), "--db", str(db)])
    assert again.exit_code == 0  # re-ingesting replaces: the ids below stay unique
    listed = runner.invoke(
        app, ["events", "--db", str(db), "--actor", "TUR", "--root", "19", "--format", "jsonl"]
    )
    records = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert len(records) == len({r["event_id"] for r in records}) >= 1
    assert all(r["cameo_root"] == "19" for r in records)
    dyad = runner.invoke(
        app, ["dyad", "TUR", "SYR", "--by", "month", "--db", str(db), "--format", "jsonl"]
    )
    rows = [json.loads(line) for line in dyad.stdout.splitlines() if line.startswith("{")]
    assert {r["direction"] for r in rows} >= {"both", "TUR->SYR"}
    summary = runner.invoke(app, ["dyads", "--db", str(db)])
    assert summary.exit_code == 0 and "SYR - TUR" in summary.output


def test_explain_shows_parse_candidates_and_decisions() -> None:
    result = runner.invoke(
        app, ["explain", "Turkey did not attack Russia. Iran criticised Israel."]
    )
    assert result.exit_code == 0, result.output
    assert "dropped: negated" in result.output
    assert "coded" in result.output and "111" in result.output


def test_every_command_has_help_and_is_documented() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = [c.name for c in app.registered_commands]
    assert {"code", "ingest", "events", "dyad", "dyads", "explain", "eval", "bench"} <= set(
        commands
    )
    for name in commands:
        result = runner.invoke(app, [str(name), "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
        assert f"## detente {name}" in docs, f"docs/cli.md does not document `detente {name}`"
