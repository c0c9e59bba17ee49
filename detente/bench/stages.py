"""The two benchmark stages, each in a process of its own, measured a part at a time.

A process per stage keeps each stage's peak memory its own. It is a plain (non-daemon)
spawned process, because a stage with workers starts processes of its own, which a
`multiprocessing.Pool` worker may not do.

- `floor`: the spaCy parse alone over the corpus texts, in the coder's batches, in one
  process or in N worker processes each with its own model (the same `WorkerPool` the
  coder uses); the texts stream from a file of them, so that holding the corpus does not
  count towards the parse's memory;
- `full`: `detente.api.ingest` from the corpus file to events stored in a scratch DuckDB
  file, with one in-process coder or a `ParallelCoder` of N workers.

Both stage processes load first (model loading, in every worker, is not timed), then take
the corpus in parts, in turn: floor part 1, full part 1, full part 2, floor part 2, ...
(`run_stages`). On a shared machine the speed of the same work drifts by 10-20% from one
minute to the next; a floor measured over one stretch of time and the full pipeline over
the next turned that drift into the ratio between them. In turns, both meet the same
drift. The full stage stores every part into the same store, as an hourly intake would.

Articles and words are counted once, by the caller, outside the stage processes.
"""

from __future__ import annotations

import json
import multiprocessing
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
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
    corpus: tuple[str, ...]  # the prepared JSON Lines files, one a part (read by `full`)
    texts: tuple[str, ...]  # their articles' texts, one JSON string a line (read by `floor`)
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
    seconds: float  # the parts' times added up
    parts: int
    part_seconds: tuple[float, ...]  # each part's time, in order: the drift within a run
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


def run_stages(specs: list[StageSpec]) -> list[StageResult]:
    """Measure stages over the same parts, in turns (the order reversed every other part
    so that none always runs first), and return what each measured, in `specs` order."""
    parts = {len(spec.corpus) for spec in specs}
    if len(parts) != 1:
        raise ValueError("stages measured in turns need the same parts")
    processes = [_StageProcess(spec) for spec in specs]
    try:
        for process in processes:
            process.wait_ready()
        for part in range(parts.pop()):
            for process in processes if part % 2 == 0 else reversed(processes):
                process.run(part)
        return [process.finish() for process in processes]
    finally:
        for process in processes:
            process.kill()


class _StageProcess:
    """A stage's process, held loaded between parts."""

    def __init__(self, spec: StageSpec):
        self.spec = spec
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(spec, child), name=spec.stage)
        self._process.start()
        child.close()  # so that recv() sees EOF if the stage process dies

    def wait_ready(self) -> None:
        self._receive("ready")

    def run(self, part: int) -> None:
        self._connection.send(("run", part))
        self._receive("ran")

    def finish(self) -> StageResult:
        self._connection.send(("finish", None))
        payload = self._receive("finished")
        result = StageResult(**{**payload, "part_seconds": tuple(payload["part_seconds"])})
        self._process.join()
        return result

    def kill(self) -> None:
        if self._process.is_alive():
            self._process.kill()
            self._process.join()

    def _receive(self, expected: str) -> Any:
        try:
            outcome, payload = self._connection.recv()
        except EOFError:
            self._process.join()
            raise StageFailed(
                f"the {self.spec.stage} stage process died (exit code {self._process.exitcode})"
            ) from None
        if outcome != expected:
            raise StageFailed(f"the {self.spec.stage} stage failed:\n{payload}")
        return payload


def _serve(spec: StageSpec, connection: Any) -> None:
    try:
        with PeakMemory() as memory:  # from the start: loading counts towards the peak
            settings = Settings.from_env()
            runner = _Floor(spec, settings) if spec.stage == "floor" else _Full(spec, settings)
            part_seconds: list[float] = []
            try:
                connection.send(("ready", None))
                while True:
                    command, part = connection.recv()
                    if command != "run":
                        break
                    part_seconds.append(runner.run(part))
                    connection.send(("ran", None))
            finally:
                runner.close()
        result = StageResult(
            stage=spec.stage,
            copies=spec.copies,
            workers=spec.workers,
            articles=spec.articles,
            words=spec.words,
            events=runner.events,
            seconds=round(sum(part_seconds), 3),
            parts=len(spec.corpus),
            part_seconds=tuple(round(s, 3) for s in part_seconds),
            peak_rss_mb=round(memory.total_mb, 1),
            peak_pss_mb=round(memory.pss_mb, 1),
            largest_process_mb=round(memory.largest_process_mb, 1),
        )
        connection.send(("finished", asdict(result)))
    except Exception:
        connection.send(("failed", traceback.format_exc()))
    finally:
        connection.close()


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


class _Floor:
    """The parse alone, in `spec.workers` processes (1: this one), in the coder's batches."""

    events = 0

    def __init__(self, spec: StageSpec, settings: Settings):
        from detente.nlp.pipeline import load_nlp
        from detente.pipeline import BATCH_CHARS, WorkerPool, batches

        self.spec = spec
        self._batches: Callable[[Iterable[str]], Iterator[list[str]]] = lambda items: batches(
            items, settings.batch_size, len, BATCH_CHARS
        )
        self._nlp: Language | None = None
        self._pool: WorkerPool[Language, str, int] | None = None
        if spec.workers == 1:
            self._nlp = load_nlp(settings.models, settings.max_chars)
            self._nlp("warm up")
        else:
            self._pool = WorkerPool(_load_nlp, _parse_chunk, settings, spec.workers, self._batches)
            self._pool.wait_ready()

    def run(self, part: int) -> float:
        """Seconds to parse part `part`'s texts."""
        texts = _texts(self.spec.texts[part])
        started = time.perf_counter()
        if self._pool is not None:
            for _ in self._pool.map(texts):
                pass
        else:
            assert self._nlp is not None
            for batch in self._batches(texts):
                for _ in self._nlp.pipe(batch, batch_size=len(batch)):
                    pass
        return time.perf_counter() - started

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


class _Full:
    """The whole pipeline into one scratch store, with `spec.workers` coder processes."""

    def __init__(self, spec: StageSpec, settings: Settings):
        from detente import api
        from detente.pipeline import ParallelCoder

        self.spec, self.settings, self.events = spec, settings, 0
        self._parallel = ParallelCoder(settings, spec.workers) if spec.workers > 1 else None
        if self._parallel is not None:
            self._parallel.wait_ready()
        else:
            api.get_coder(settings).nlp("warm up")

    def run(self, part: int) -> float:
        """Seconds to ingest part `part` into the store."""
        from detente import api

        started = time.perf_counter()
        summary = api.ingest(
            [self.spec.corpus[part]], db=self.spec.db, settings=self.settings, coder=self._parallel
        )
        seconds = time.perf_counter() - started
        self.events += summary.events
        return seconds

    def close(self) -> None:
        if self._parallel is not None:
            self._parallel.close()


def _load_nlp(settings: Settings) -> Language:
    from detente.nlp.pipeline import load_nlp

    nlp = load_nlp(settings.models, settings.max_chars)
    nlp("warm up")
    return nlp


def _parse_chunk(nlp: Language, texts: list[str]) -> list[int]:
    """Parse, and send back only token counts: the floor is the parse, not the transfer."""
    return [len(doc) for doc in nlp.pipe(texts, batch_size=len(texts))]
