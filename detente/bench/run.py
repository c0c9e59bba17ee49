"""Measuring throughput and memory (`detente bench`).

Each stage runs in a fresh worker process, so that its peak resident memory is its own
and one stage's caches do not flatter the next:

- `floor`: the spaCy parse alone (`nlp.pipe` over the article texts), the cost no coder
  built on this model can avoid;
- `full`: the whole pipeline, from reading the corpus file to events stored in a scratch
  DuckDB file.

Model loading is outside the timed part of both. `full/floor` is the ratio of their
article rates: 1.0 would mean coding and storing cost nothing beyond the parse.
"""

from __future__ import annotations

import json
import multiprocessing
import platform
import resource
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import OptionError


@dataclass(frozen=True, slots=True)
class StageResult:
    stage: str
    articles: int
    words: int
    events: int
    seconds: float
    peak_rss_mb: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def events_per_second(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "articles_per_second": round(self.articles_per_second, 2),
            "words_per_second": round(self.words_per_second, 1),
            "events_per_second": round(self.events_per_second, 2),
        }


@dataclass
class BenchResult:
    corpus: str
    repeat: int
    stages: list[StageResult] = field(default_factory=list)
    machine: dict[str, Any] = field(default_factory=dict)

    def ratio(self, full: str = "full", floor: str = "floor") -> float | None:
        by_name = {s.stage: s for s in self.stages}
        if full in by_name and floor in by_name and by_name[floor].articles_per_second:
            return by_name[full].articles_per_second / by_name[floor].articles_per_second
        return None

    def as_dict(self) -> dict[str, Any]:
        ratio = self.ratio()
        return {
            "corpus": self.corpus,
            "repeat": self.repeat,
            "machine": self.machine,
            "stages": [s.as_dict() for s in self.stages],
            "full_over_floor": round(ratio, 3) if ratio is not None else None,
        }


def run_bench(
    corpus: Path, *, limit: int | None = None, repeat: int = 1, report: Path | None = None
) -> BenchResult:
    if not corpus.exists():
        raise OptionError(f"no corpus at {corpus}", fix="give a JSON Lines file of articles")
    if repeat < 1:
        raise OptionError(f"--repeat {repeat}", fix="give 1 or more")
    result = BenchResult(str(corpus), repeat, machine=_machine())
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as scratch:
        work = Path(scratch) / "corpus.jsonl"
        _prepare_corpus(corpus, work, limit, repeat)
        context = multiprocessing.get_context("spawn")
        for stage in ("floor", "full"):
            with context.Pool(1) as pool:
                stats = pool.apply(
                    _run_stage, (stage, str(work), str(Path(scratch) / "bench.duckdb"))
                )
            result.stages.append(StageResult(**stats))
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
    return result


def _prepare_corpus(corpus: Path, work: Path, limit: int | None, repeat: int) -> None:
    """The corpus (first `limit` articles), repeated `repeat` times with fresh ids."""
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        lines = lines[:limit]
    with work.open("w", encoding="utf-8") as out:
        for copy in range(repeat):
            for number, line in enumerate(lines):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    out.write(line + "\n")  # kept: the pipeline must reject it as a user would see
                    continue
                if isinstance(record, dict):
                    record["id"] = (
                        f"{record.get('id', number)}#{copy}"
                        if repeat > 1
                        else record.get("id", number)
                    )
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _run_stage(stage: str, corpus: str, db: str) -> dict[str, Any]:
    """Runs in a fresh process: load, then time one stage; report its own peak memory."""
    from detente.config import Settings
    from detente.ingest.sources import read_inputs
    from detente.types import Article

    settings = Settings.from_env()
    texts = [
        a.text
        for a in read_inputs([corpus], max_chars=settings.max_chars)
        if isinstance(a, Article)
    ]
    words = sum(len(t.split()) for t in texts)
    events = 0
    if stage == "floor":
        from detente.nlp.pipeline import load_nlp

        nlp = load_nlp(settings.models, settings.max_chars)
        nlp("warm up")
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        seconds = time.perf_counter() - started
    else:
        from detente import api

        api.get_coder(settings).nlp("warm up")
        started = time.perf_counter()
        summary = api.ingest([corpus], db=db, settings=settings)
        seconds = time.perf_counter() - started
        events = summary.events
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "stage": stage,
        "articles": len(texts),
        "words": words,
        "events": events,
        "seconds": round(seconds, 3),
        "peak_rss_mb": round(peak, 1),
    }


def _machine() -> dict[str, Any]:
    import os

    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }
