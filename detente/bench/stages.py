"""One benchmark stage, measured in a fresh process of its own.

A fresh process per stage keeps each stage's peak memory its own and stops one stage's
warm caches from flattering the next. The stage process is a plain (non-daemon) spawned
process, because a stage with workers starts processes of its own, which a
`multiprocessing.Pool` worker may not do.

- `floor`: the spaCy parse alone over the corpus texts, in the coder's batches, in one
  process or in N worker processes each with its own model (the same `WorkerPool` the
  coder uses); the texts stream from a file of them, so that holding the corpus does not
  count towards the parse's memory;
- `full`: `detente.api.ingest` from the corpus file to events stored in a scratch DuckDB
  file, with one in-process coder or a `ParallelCoder` of N workers.

Model loading (in every worker) finishes before the clock starts. Articles and words are
counted once, by the caller, outside the stage processes.
"""

from __future__ import annotations

import json
import multiprocessing
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.bench.memory import PeakMemory
from detente.config import Settings

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class StageSpec:
    stage: str  # "floor" or "full"
    corpus: str  # the prepared JSON Lines file (read by `full`)
    texts: str  # its articles' texts, one JSON string a line (read by `floor`)
    articles: int
    words: int
    copies: int  # how many times the source corpus is repeated in it
    workers: int
    db: str  # scratch store for `full`


@dataclass(frozen=True, slots=True)
class StageResult:
    stage: str
    copies: int
    workers: int
    articles: int
    words: int
    events: int
    seconds: float
    peak_rss_mb: float  # this process and its workers together (see bench/memory.py)
    peak_pss_mb: float  # the same, shared pages divided among the processes
    largest_process_mb: float  # the largest single process

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


class StageFailed(RuntimeError):
    """A stage process raised or died; the message carries its traceback or exit code."""


def run_stage(spec: StageSpec) -> StageResult:
    """Measure one stage in a fresh process and return what it measured."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_stage_process, args=(spec, sender), name=spec.stage)
    process.start()
    sender.close()  # so that recv() sees EOF if the stage process dies
    try:
        outcome, payload = receiver.recv()
    except EOFError:
        process.join()
        raise StageFailed(
            f"the {spec.stage} stage process died (exit code {process.exitcode})"
        ) from None
    process.join()
    if outcome != "done":
        raise StageFailed(f"the {spec.stage} stage failed:\n{payload}")
    return StageResult(**payload)


def _stage_process(spec: StageSpec, sender: Any) -> None:
    try:
        sender.send(("done", asdict(_measure(spec))))
    except Exception:
        sender.send(("failed", traceback.format_exc()))
    finally:
        sender.close()


def _measure(spec: StageSpec) -> StageResult:
    with PeakMemory() as memory:  # from the start: loading counts towards the peak
        settings = Settings.from_env()
        if spec.stage == "floor":
            seconds, events = _floor(spec.texts, settings, spec.workers), 0
        elif spec.stage == "full":
            seconds, events = _full(spec, settings)
        else:
            raise ValueError(f"unknown stage {spec.stage!r}")
    return StageResult(
        stage=spec.stage,
        copies=spec.copies,
        workers=spec.workers,
        articles=spec.articles,
        words=spec.words,
        events=events,
        seconds=round(seconds, 3),
        peak_rss_mb=round(memory.total_mb, 1),
        peak_pss_mb=round(memory.pss_mb, 1),
        largest_process_mb=round(memory.largest_process_mb, 1),
    )


def write_texts(corpus: Path, out: Path, max_chars: int) -> tuple[int, int]:
    """Write the texts of the corpus's articles as the pipeline reads them (dateline and
    title taken off) to `out`; return how many articles and words."""
    from detente.ingest.sources import read_inputs
    from detente.types import Article

    articles = words = 0
    with out.open("w", encoding="utf-8") as handle:
        for item in read_inputs([corpus], max_chars=max_chars):
            if isinstance(item, Article):
                handle.write(json.dumps(item.text, ensure_ascii=False) + "\n")
                articles += 1
                words += len(item.text.split())
    return articles, words


def _texts(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _floor(texts: str, settings: Settings, workers: int) -> float:
    """Seconds to parse the texts in `texts` in `workers` processes (1: this one), in the
    batches the coder parses in."""
    from detente.nlp.pipeline import load_nlp
    from detente.pipeline import BATCH_CHARS, WorkerPool, batches

    def text_batches(items: Iterable[str]) -> Iterator[list[str]]:
        return batches(items, settings.batch_size, len, BATCH_CHARS)

    if workers == 1:
        nlp = load_nlp(settings.models, settings.max_chars)
        nlp("warm up")
        started = time.perf_counter()
        for batch in text_batches(_texts(texts)):
            for _ in nlp.pipe(batch, batch_size=len(batch)):
                pass
        return time.perf_counter() - started
    pool: WorkerPool[Language, str, int] = WorkerPool(
        _load_nlp, _parse_chunk, settings, workers, text_batches
    )
    try:
        pool.wait_ready()
        started = time.perf_counter()
        for _ in pool.map(_texts(texts)):
            pass
        return time.perf_counter() - started
    finally:
        pool.close()


def _full(spec: StageSpec, settings: Settings) -> tuple[float, int]:
    """Seconds to ingest the corpus into a scratch store, and the events stored."""
    from detente import api
    from detente.pipeline import ParallelCoder

    parallel = ParallelCoder(settings, spec.workers) if spec.workers > 1 else None
    try:
        if parallel is not None:
            parallel.wait_ready()
        else:
            api.get_coder(settings).nlp("warm up")
        started = time.perf_counter()
        summary = api.ingest([spec.corpus], db=spec.db, settings=settings, coder=parallel)
        return time.perf_counter() - started, summary.events
    finally:
        if parallel is not None:
            parallel.close()


def _load_nlp(settings: Settings) -> Language:
    from detente.nlp.pipeline import load_nlp

    nlp = load_nlp(settings.models, settings.max_chars)
    nlp("warm up")
    return nlp


def _parse_chunk(nlp: Language, texts: list[str]) -> list[int]:
    """Parse, and send back only token counts: the floor is the parse, not the transfer."""
    return [len(doc) for doc in nlp.pipe(texts, batch_size=len(texts))]
