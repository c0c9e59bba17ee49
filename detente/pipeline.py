"""The coder assembled: parse articles and code their actors and events.

A `Coder` loads everything it needs once (spaCy model, ontology, actor dictionaries,
event lexicon) and then codes any number of articles, in batches through `nlp.pipe`.
Everything above it (the CLI, the Python API, the web service, the benchmark) codes
through this one class.

The parse is CPU-bound and holds the GIL, so more cores need more processes: a
`ParallelCoder` runs a `Coder` in each of N worker processes (`WorkerPool`), hands them
chunks of articles and gives the coded articles back in input order, so that its output
is the same as one `Coder`'s.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import queue
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.dictionary import ActorDictionary, load_dictionary
from detente.actors.matcher import ActorMatcher
from detente.actors.resolve import ActorResolver
from detente.config import Settings
from detente.errors import DetenteError, ErrorCode
from detente.events.coder import Candidate, EventCoder
from detente.events.lexicon import Lexicon, load_lexicon
from detente.events.ontology import Ontology, load_ontology
from detente.nlp.pipeline import load_nlp, parse
from detente.places.gazetteer import load_gazetteer
from detente.places.locate import Locator
from detente.types import Article, CodedArticle

T = TypeVar("T")
State = TypeVar("State")
In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything `detente explain` shows for one text."""

    article: Article
    doc: Doc
    coded: CodedArticle
    candidates: tuple[Candidate, ...]


class Coder:
    def __init__(self, settings: Settings | None = None, nlp: Language | None = None):
        self.settings = settings or Settings.from_env()
        self.nlp = nlp or load_nlp(self.settings.models, self.settings.max_chars)
        self.ontology: Ontology = load_ontology()
        self.dictionary: ActorDictionary = load_dictionary(self.settings.actor_files)
        self.lexicon: Lexicon = load_lexicon(self.ontology, self.settings.lexicon_files)
        gazetteer = load_gazetteer(tuple(sorted(self.dictionary.iso2_to_iso3.items())))
        matcher = ActorMatcher(
            self.dictionary, lambda text: [t.text for t in self.nlp.tokenizer(text)], gazetteer
        )
        resolver = ActorResolver(matcher, lambda lemma: self.lexicon.is_cue("report", lemma))
        self.events = EventCoder(
            self.ontology, self.lexicon, resolver, Locator(self.dictionary, gazetteer)
        )
        # The model, dictionaries, lexicon and gazetteer are some 500,000 Python objects
        # that live as long as the process; each full collection of the cyclic GC walked
        # them all (0.6 s at a time: 0.84 s of GC while ingesting fakes_syria's 804
        # articles, 0.32 s with them frozen; issue 6). Frozen, the collector skips them.
        gc.collect()
        gc.freeze()

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in order, parsing them in batches (`article_batches`)."""
        for batch in article_batches(articles, self.settings.batch_size):
            for doc, article in parse(self.nlp, ((a.text, a) for a in batch), len(batch)):
                yield self.code_doc(article, doc)

    def code_doc(self, article: Article, doc: Doc) -> CodedArticle:
        result = self.events.code(article, doc)
        events = [e for e in result.events if e.confidence >= self.settings.min_confidence]
        return CodedArticle(article, tuple(events), tuple(result.actors))

    def explain(self, article: Article) -> Explanation:
        doc = self.nlp(article.text)
        result = self.events.code(article, doc)
        coded = CodedArticle(article, tuple(result.events), tuple(result.actors))
        return Explanation(article, doc, coded, tuple(result.candidates))


# The parser and the entity recogniser hold arrays for every token of a batch at once, so
# a batch of 32 long articles briefly takes some 200 MB more than 32 short ones: the
# process's peak memory was set by its largest batch, and so grew with the corpus (issue
# 6). Capping a batch's characters too (about 16 average wire articles) halves the peak of
# the parse (530 -> 290 MB over fakes_syria.jsonl) at the same speed (docs/benchmarks.md).
BATCH_CHARS = 32_000


def batches(
    items: Iterable[T], max_items: int, size: Callable[[T], int], max_size: int
) -> Iterator[list[T]]:
    """Consecutive items in lists of at most `max_items` and, unless one item alone is
    larger, at most `max_size` in total `size`."""
    batch: list[T] = []
    total = 0
    for item in items:
        item_size = size(item)
        if batch and (len(batch) == max_items or total + item_size > max_size):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += item_size
    if batch:
        yield batch


def article_batches(
    articles: Iterable[Article], max_articles: int, max_chars: int = BATCH_CHARS
) -> Iterator[list[Article]]:
    """The batches articles are parsed in: `max_articles` and `max_chars` at most."""
    return batches(articles, max_articles, lambda a: len(a.text), max_chars)


class ArticleCoder(Protocol):
    """What the API needs of a coder: articles in, coded articles out, in the same order."""

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]: ...


class ParallelCoder:
    """Codes articles in `workers` processes, each with its own `Coder` (its own spaCy model).

    Articles go out in chunks, each one parse batch (`article_batches`; `chunk_size`
    articles at most, `settings.batch_size` by default), and come back in input order.
    Each worker costs a full coder's memory (about 450 MB with en_core_web_sm), so use at
    most one per core. Close it (or use it as a context manager) to stop the workers.
    """

    def __init__(self, settings: Settings, workers: int, chunk_size: int | None = None):
        self.settings = settings
        size = chunk_size or settings.batch_size
        self._pool: WorkerPool[Coder, Article, CodedArticle] = WorkerPool(
            _load_coder, _code_chunk, settings, workers, lambda a: article_batches(a, size)
        )

    def wait_ready(self) -> None:
        """Block until every worker has loaded its model (the benchmark times after this)."""
        self._pool.wait_ready()

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        return self._pool.map(articles)

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> ParallelCoder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _load_coder(settings: Settings) -> Coder:
    coder = Coder(settings)
    coder.nlp("warm up")
    return coder


def _code_chunk(coder: Coder, articles: list[Article]) -> list[CodedArticle]:
    return list(coder.code_articles(articles))


# Seconds between checks that the workers are still alive while waiting for a result, and
# the most a stopping worker is given to finish before it is ended.
_LIVENESS_CHECK = 1.0
_STOP_TIMEOUT = 10.0


class WorkerPool(Generic[State, In, Out]):
    """Worker processes that each build a state once (`load(settings)`: a coder, a spaCy
    model) and then apply `work(state, chunk)` to chunks of inputs (as `chunks` cuts
    them), results in input order.

    Unlike `multiprocessing.Pool.imap`, which reads its whole input ahead, at most two
    chunks per worker are out at a time, so memory stays flat however long the input is,
    and the input is read at points that depend only on the input (deterministic
    interleaving for a caller that records rejected inputs as they are read). Workers are
    spawned, not forked: a fork would copy the parent's threads and open DuckDB handles.
    """

    def __init__(
        self,
        load: Callable[[Settings], State],
        work: Callable[[State, list[In]], list[Out]],
        settings: Settings,
        workers: int,
        chunks: Callable[[Iterable[In]], Iterator[list[In]]],
    ):
        if workers < 1:
            raise DetenteError(
                f"a worker pool needs at least one worker (got {workers})",
                fix="give --workers 1 or more",
                code=ErrorCode.BAD_OPTION,
            )
        context = multiprocessing.get_context("spawn")
        self._chunks = chunks
        self._tasks: Any = context.Queue()
        self._results: Any = context.Queue()
        self._processes = [
            context.Process(
                target=_serve,
                args=(load, work, settings, self._tasks, self._results),
                name=f"detente-worker-{number}",
                daemon=True,
            )
            for number in range(workers)
        ]
        for process in self._processes:
            process.start()
        self._ready = 0
        self._sent = 0  # chunks numbered across calls, so that a result left over from
        self._done: dict[int, list[Out]] = {}  # an abandoned `map` is never taken for another

    def wait_ready(self) -> None:
        while self._ready < len(self._processes):
            self._receive()

    def map(self, items: Iterable[In]) -> Iterator[Out]:
        """`work` over `items`, in order. One `map` at a time per pool."""
        chunks = self._chunks(items)
        returned = self._sent
        in_flight = 2 * len(self._processes)
        exhausted = False
        while True:
            while not exhausted and self._sent - returned < in_flight:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    self._tasks.put((self._sent, chunk))
                    self._sent += 1
            if returned == self._sent:
                return
            while returned not in self._done:
                self._receive()
            yield from self._done.pop(returned)
            returned += 1

    def close(self) -> None:
        for process in self._processes:
            if process.is_alive():
                self._tasks.put(None)
        # A worker stopped early (the caller gave up, or failed) may still be writing
        # results nobody will read: drain them so it can exit, and end it if it will not.
        deadline = time.monotonic() + _STOP_TIMEOUT
        while any(p.is_alive() for p in self._processes) and time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                self._results.get(timeout=0.1)
        for process in self._processes:
            if process.is_alive():
                process.terminate()
            process.join()
        self._tasks.close()
        self._results.close()

    def _receive(self) -> None:
        while True:
            try:
                kind, number, payload = self._results.get(timeout=_LIVENESS_CHECK)
                break
            except queue.Empty:
                dead = [p for p in self._processes if p.exitcode is not None]
                if dead:
                    raise DetenteError(
                        f"worker process {dead[0].name} stopped unexpectedly "
                        f"(exit code {dead[0].exitcode}; -9 is the system's out-of-memory killer)",
                        fix="each worker loads its own model (about 600 MB): use fewer --workers "
                        "or free memory; any error the worker printed above says more",
                    ) from None
        if kind == "ready":
            self._ready += 1
        elif kind == "done":
            self._done[number] = payload
        elif kind == "error":
            message, fix, code = payload
            raise DetenteError(message, fix=fix, code=ErrorCode(code))
        else:  # a bug: the worker's own traceback says where
            raise RuntimeError(f"a detente worker process failed:\n{payload}")


def _serve(
    load: Callable[[Settings], Any],
    work: Callable[[Any, list[Any]], list[Any]],
    settings: Settings,
    tasks: Any,
    results: Any,
) -> None:
    """A worker's life: build the state, then work chunks until told to stop (None)."""
    # Ctrl-C reaches the whole process group; the parent handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        state = load(settings)
    except Exception as exc:
        results.put(_failure(-1, exc))
        return
    results.put(("ready", os.getpid(), None))
    while (task := tasks.get()) is not None:
        number, chunk = task
        try:
            results.put(("done", number, work(state, chunk)))
        except Exception as exc:
            results.put(_failure(number, exc))


def _failure(number: int, exc: Exception) -> tuple[str, int, Any]:
    """detente's own errors travel as (message, fix, code), so that the parent raises them
    as the user would see them without workers; anything else is a bug, sent with its
    traceback (exceptions themselves do not always survive pickling)."""
    if isinstance(exc, DetenteError):
        return "error", number, (exc.message, exc.fix, exc.code.value)
    return "bug", number, traceback.format_exc()
