"""Measuring throughput, memory and query speed (`detente bench`).

Throughput: for the corpus as given (1x) and, with `repeat` K > 1, repeated K times with
fresh ids (bench/corpus.py), and for 1 and `workers` processes, two stages each in a
process of its own, measured over the same parts of the corpus in turns (bench/stages.py):

- `floor`: the spaCy parse alone, the cost no coder built on this model can avoid;
- `full`: the whole pipeline, from reading the corpus file to events stored in a scratch
  DuckDB file.

`full/floor` is the ratio of their article rates: 1.0 would mean coding and storing cost
nothing beyond the parse. Peak memory counts a stage's worker processes too.

Queries: with `synthetic_events` N > 0, a store of N synthetic events (bench/synthetic.py)
and the cold and warm times of `detente dyad` and `detente events` on it
(bench/query_speed.py).

`BenchResult.checks()` compares the figures with the targets of issue 6.
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from detente.bench.corpus import read_corpus_lines, split_corpus, write_repeated_corpus
from detente.bench.query_speed import QueryTiming, time_queries
from detente.bench.stages import StageResult, StageSpec, run_stages, write_texts
from detente.bench.synthetic import SyntheticStore, build_synthetic_store
from detente.config import Settings
from detente.errors import OptionError

# The targets of issue 6.
MIN_FULL_OVER_FLOOR = 0.8
MIN_ARTICLES_PER_SECOND = 12.0  # about a million articles a day
MAX_RSS_GROWTH = 0.10  # peak memory at K copies vs 1 copy
MAX_RSS_MB = 1536.0


@dataclass(frozen=True, slots=True)
class Check:
    """One target of the issue, and whether this run met it."""

    name: str
    value: str
    target: str
    passed: bool


@dataclass
class BenchResult:
    corpus: str | None
    repeat: int
    workers: int
    stages: list[StageResult] = field(default_factory=list)
    synthetic: SyntheticStore | None = None
    queries: list[QueryTiming] = field(default_factory=list)
    machine: dict[str, Any] = field(default_factory=dict)

    def stage(self, name: str, copies: int = 1, workers: int = 1) -> StageResult | None:
        return next(
            (s for s in self.stages if (s.stage, s.copies, s.workers) == (name, copies, workers)),
            None,
        )

    def ratio(self, copies: int = 1, workers: int = 1) -> float | None:
        """Full pipeline over parse-only article rate, for one corpus size and worker count."""
        full, floor = self.stage("full", copies, workers), self.stage("floor", copies, workers)
        if full is None or floor is None or not floor.articles_per_second:
            return None
        return full.articles_per_second / floor.articles_per_second

    def part_ratios(self, copies: int = 1, workers: int = 1) -> list[float]:
        """full/floor part by part (the same articles, measured back to back): their
        spread shows how much of a run's ratio is the machine's drift."""
        full, floor = self.stage("full", copies, workers), self.stage("floor", copies, workers)
        if full is None or floor is None:
            return []
        return [
            parsed / coded
            for parsed, coded in zip(floor.part_seconds, full.part_seconds, strict=True)
            if coded
        ]

    def scaling(self, stage: str = "full", copies: int = 1) -> float | None:
        """Article rate with `workers` processes over the rate with one."""
        one, many = self.stage(stage, copies, 1), self.stage(stage, copies, self.workers)
        if self.workers == 1 or one is None or many is None or not one.articles_per_second:
            return None
        return many.articles_per_second / one.articles_per_second

    def rss_growth(self, stage: str, workers: int = 1) -> float | None:
        """Peak memory at `repeat` copies over peak memory at one copy, minus one."""
        small, large = self.stage(stage, 1, workers), self.stage(stage, self.repeat, workers)
        if self.repeat == 1 or small is None or large is None or not small.peak_rss_mb:
            return None
        return large.peak_rss_mb / small.peak_rss_mb - 1

    def checks(self) -> list[Check]:
        checks = []
        for s in self.stages:
            if s.stage != "full":
                continue
            ratio = self.ratio(s.copies, s.workers)
            if ratio is not None:
                checks.append(
                    Check(
                        f"full/floor, {s.copies}x, {s.workers} worker(s)",
                        f"{ratio:.3f}",
                        f">= {MIN_FULL_OVER_FLOOR}",
                        ratio >= MIN_FULL_OVER_FLOOR,
                    )
                )
        best = max(
            (s for s in self.stages if s.stage == "full"),
            key=lambda s: s.articles_per_second,
            default=None,
        )
        if best is not None:
            checks.append(
                Check(
                    f"full pipeline articles/s, {best.workers} worker(s)",
                    f"{best.articles_per_second:.2f}",
                    f">= {MIN_ARTICLES_PER_SECOND:.0f}",
                    best.articles_per_second >= MIN_ARTICLES_PER_SECOND,
                )
            )
        for s in self.stages:
            growth = self.rss_growth(s.stage, s.workers) if s.copies == self.repeat else None
            if growth is not None:
                checks.append(
                    Check(
                        f"peak RSS {s.stage} {self.repeat}x vs 1x, {s.workers} worker(s)",
                        f"{growth:+.1%}",
                        f"within {MAX_RSS_GROWTH:.0%}",
                        abs(growth) <= MAX_RSS_GROWTH,
                    )
                )
        if self.stages:
            # Judged on PSS: an RSS sum counts the libraries workers share once per worker.
            peak = max(self.stages, key=_job_memory_mb)
            checks.append(
                Check(
                    f"largest peak memory, PSS sum ({peak.stage} {peak.copies}x, "
                    f"{peak.workers} worker(s); RSS sum {peak.peak_rss_mb:.0f} MB)",
                    f"{_job_memory_mb(peak):.0f} MB",
                    f"< {MAX_RSS_MB:.0f} MB",
                    _job_memory_mb(peak) < MAX_RSS_MB,
                )
            )
        for q in self.queries:
            checks.append(
                Check(
                    q.command,
                    f"{max(q.cold_ms, q.warm_ms):.0f} ms",
                    f"< {q.target_ms:.0f} ms",
                    q.meets_target,
                )
            )
        return checks

    def as_dict(self) -> dict[str, Any]:
        ratio = self.ratio()
        return {
            "corpus": self.corpus,
            "repeat": self.repeat,
            "workers": self.workers,
            "machine": self.machine,
            "stages": [s.as_dict() for s in self.stages],
            "full_over_floor": round(ratio, 3) if ratio is not None else None,
            "full_over_floor_by_part": {
                f"{s.copies}x, {s.workers} worker(s)": [
                    round(r, 3) for r in self.part_ratios(s.copies, s.workers)
                ]
                for s in self.stages
                if s.stage == "full"
            },
            "synthetic_store": (
                {"events": self.synthetic.events, "build_seconds": self.synthetic.seconds}
                if self.synthetic
                else None
            ),
            "queries": [q.as_dict() for q in self.queries],
            "checks": [
                {"name": c.name, "value": c.value, "target": c.target, "passed": c.passed}
                for c in self.checks()
            ],
        }


def _job_memory_mb(stage: StageResult) -> float:
    return stage.peak_pss_mb or stage.peak_rss_mb  # no PSS where /proc has none


def run_bench(
    corpus: Path | None,
    *,
    limit: int | None = None,
    repeat: int = 1,
    workers: int = 1,
    report: Path | None = None,
    synthetic_events: int = 0,
    synthetic_store: Path | None = None,
    query_runs: int = 7,
) -> BenchResult:
    """Run the throughput stages (given a corpus) and the query benchmark (given
    `synthetic_events`); write the JSON report if asked."""
    if corpus is None and not synthetic_events:
        raise OptionError(
            "nothing to measure",
            fix="give a corpus (detente bench CORPUS.jsonl) or --synthetic-events N",
        )
    if repeat < 1:
        raise OptionError(f"--repeat {repeat}", fix="give 1 or more")
    if workers < 1:
        raise OptionError(f"--workers {workers}", fix="give 1 or more (at most one per core)")
    result = BenchResult(str(corpus) if corpus else None, repeat, workers, machine=_machine())
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        if corpus is not None:
            result.stages = _throughput(corpus, scratch, limit, repeat, workers)
        if synthetic_events:
            store = synthetic_store or scratch / "synthetic.duckdb"
            result.synthetic = build_synthetic_store(store, synthetic_events)
            result.queries = time_queries(store, query_runs)
    result.machine["load_average_at_end"] = _load_average()
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
    return result


# The corpus is measured in parts, floor and full in turns (bench/stages.py): at least
# this many, and one a copy at K copies.
MIN_PARTS = 4


def _throughput(
    corpus: Path, scratch: Path, limit: int | None, repeat: int, workers: int
) -> list[StageResult]:
    lines = read_corpus_lines(corpus, limit)
    max_chars = Settings.from_env().max_chars
    stages = []
    for copies in sorted({1, repeat}):
        work = write_repeated_corpus(lines, scratch / f"corpus-{copies}x.jsonl", copies)
        parts = split_corpus(work.path, scratch / f"parts-{copies}x", max(MIN_PARTS, copies))
        texts = [part.with_suffix(".texts") for part in parts]
        counted = [
            write_texts(part, text, max_chars) for part, text in zip(parts, texts, strict=True)
        ]
        articles, words = sum(c[0] for c in counted), sum(c[1] for c in counted)
        for count in sorted({1, workers}):
            db = scratch / f"full-{copies}x-{count}w.duckdb"
            specs = [
                StageSpec(
                    stage,
                    tuple(map(str, parts)),
                    tuple(map(str, texts)),
                    articles,
                    words,
                    copies,
                    count,
                    str(db),
                )
                for stage in ("floor", "full")
            ]
            stages.extend(run_stages(specs))
            db.unlink(missing_ok=True)  # the 10x store is big; nobody reads it again
    return stages


def _machine() -> dict[str, Any]:
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        # Other work on the machine slows every figure; a load above the core count at
        # the start or the end says the run was not alone.
        "load_average_at_start": _load_average(),
    }


def _load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None
