"""`detente bench` measures both stages at 1x and Kx and reports their ratio (timings are
never asserted: they belong to the benchmark, not to the tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from detente import api
from detente.bench.corpus import read_corpus_lines, write_repeated_corpus
from detente.bench.memory import PeakMemory, resident_mb
from detente.bench.run import run_bench
from detente.errors import OptionError

SENTENCE = "Turkish jets shot down a Syrian drone near the border."


def write_corpus(path: Path, records: list[dict[str, str]], extra: str = "") -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n" + extra, encoding="utf-8")
    return path


def test_repeat_gives_every_copy_fresh_ids_and_the_same_text(tmp_path: Path) -> None:
    """Issue 6: repeated copies must be new articles, or re-ingesting replaces the first."""
    corpus = write_corpus(
        tmp_path / "c.jsonl", [{"id": "a", "text": SENTENCE}, {"text": SENTENCE}], "{oops\n"
    )
    out = write_repeated_corpus(read_corpus_lines(corpus), tmp_path / "r.jsonl", 3)
    lines = out.path.read_text(encoding="utf-8").splitlines()
    assert out.records == len(lines) == 9
    records = [json.loads(line) for line in lines if line != "{oops"]
    assert [r.get("id") for r in records] == ["a", None, "a#1", "line-2#1", "a#2", "line-2#2"]
    assert {r["text"] for r in records} == {SENTENCE}
    assert lines.count("{oops") == 3  # every copy keeps its unreadable line, to be rejected


def test_repeated_copies_are_stored_as_distinct_articles(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": "a", "text": SENTENCE}])
    out = write_repeated_corpus(read_corpus_lines(corpus), tmp_path / "r.jsonl", 3)
    summary = api.ingest([out.path], db=tmp_path / "s.duckdb")
    assert (summary.articles, summary.events) == (3, 3)


def test_bench_runs_floor_and_full_at_1x_and_at_kx(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c.jsonl", [{"id": f"b{i}", "text": SENTENCE} for i in range(3)]
    )
    report = tmp_path / "bench.json"
    result = run_bench(corpus, repeat=2, report=report)
    assert [(s.stage, s.copies, s.workers) for s in result.stages] == [
        ("floor", 1, 1),
        ("full", 1, 1),
        ("floor", 2, 1),
        ("full", 2, 1),
    ]
    one, two = result.stage("full", 1), result.stage("full", 2)
    assert one is not None and two is not None
    assert (one.articles, one.events, two.articles, two.events) == (3, 3, 6, 6)
    # measured in parts, floor and full in turns: at most one part a line, at least 4
    assert [s.parts for s in result.stages] == [3, 3, 4, 4]
    # each part's time is kept, so that the report shows the ratio's spread
    assert [len(s.part_seconds) for s in result.stages] == [3, 3, 4, 4]
    assert sum(one.part_seconds) == pytest.approx(one.seconds, abs=0.01)
    assert len(result.part_ratios(2)) == 4 and all(r > 0 for r in result.part_ratios(2))
    assert one.peak_rss_mb > 50 and one.largest_process_mb > 50
    assert result.rss_growth("full") is not None
    saved = json.loads(report.read_text(encoding="utf-8"))
    assert saved["full_over_floor"] == round(result.ratio() or 0, 3)
    assert len(saved["full_over_floor_by_part"]["2x, 1 worker(s)"]) == 4
    assert {c["name"] for c in saved["checks"]} >= {
        "full/floor, 1x, 1 worker(s)",
        "peak RSS full 2x vs 1x, 1 worker(s)",
    }


def test_bench_needs_a_corpus_or_synthetic_events() -> None:
    with pytest.raises(OptionError, match="nothing to measure"):
        run_bench(None)


def test_peak_memory_counts_child_processes() -> None:
    """The stage's peak is the sum over its processes: a child holding 200 MB must show."""
    before = resident_mb(os.getpid())
    child_code = "import time; block = b'x' * 200_000_000; time.sleep(1.5)"
    with PeakMemory() as memory:
        subprocess.run([sys.executable, "-c", child_code], check=True)
    assert memory.processes >= 2
    assert memory.sampled_mb >= before + 180
