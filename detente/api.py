"""detente's Python API: the same operations, with the same names, as the CLI.

    import detente
    run = detente.code(["article.txt"], date="2016-08-12")
    summary = detente.ingest(["examples/"], db="detente.duckdb")
    rows = detente.events(db="detente.duckdb", actor="TUR", root="19")
    series = detente.dyad("TUR", "RUS", by="month", db="detente.duckdb")

The CLI commands and the REST routes are thin wrappers over these functions.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

# Imported here, not lazily: importing the `detente.bench` package after `detente.bench`
# (this module's function) is bound would rebind the name to the package.
from detente.bench.run import BenchResult
from detente.config import DEFAULT_DB, Settings
from detente.errors import OptionError
from detente.evaluation.articles import ArticleEvalResult
from detente.evaluation.metrics import EvalResult
from detente.ingest.normalize import build_article
from detente.ingest.sources import read_inputs
from detente.pipeline import ArticleCoder, Coder, Explanation, ParallelCoder
from detente.records import event_record
from detente.store.database import open_store, write_batch
from detente.store.queries import DyadPeriod, EventQuery, dyad_series, query_events, top_dyads
from detente.types import Article, CodedArticle, Rejection

Inputs = Iterable[str | Path] | str | Path
DateLike = date | str | None


@dataclass
class CodingRun:
    """What coding a set of inputs produced: coded articles and rejected inputs."""

    coded: list[CodedArticle] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def event_records(self) -> list[dict[str, Any]]:
        return [event_record(e) for c in self.coded for e in c.events]


@dataclass(frozen=True, slots=True)
class IngestSummary:
    db: str
    articles: int
    events: int
    rejected: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@cache
def get_coder(settings: Settings) -> Coder:
    """One loaded coder per settings, shared by every call in the process."""
    return Coder(settings)


def parse_date(value: DateLike, what: str = "--date") -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise OptionError(f"{what} {value!r} is not a date", fix="write it as YYYY-MM-DD") from None


def iter_code(
    inputs: Inputs,
    *,
    date: DateLike = None,
    settings: Settings | None = None,
    stdin_text: str | None = None,
    workers: int = 1,
    coder: ArticleCoder | None = None,
) -> Iterator[CodedArticle | Rejection]:
    """Code every article in `inputs`, yielding coded articles and rejections as they come.

    `workers` > 1 codes in that many processes (`ParallelCoder`), each loading its own
    model; the output is the same, in the same order. `coder` codes with one you already
    have (a started `ParallelCoder`, say) instead of the process's shared one.
    """
    settings = settings or Settings.from_env()
    if workers < 1:
        raise OptionError(f"--workers {workers}", fix="give 1 or more (at most one per core)")
    items = read_inputs(
        _paths(inputs),
        max_chars=settings.max_chars,
        default_date=parse_date(date),
        stdin_text=stdin_text,
    )
    rejected: list[Rejection] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejection):
                rejected.append(item)
            else:
                yield item

    with ExitStack() as stack:
        if coder is None:
            coder = (
                stack.enter_context(ParallelCoder(settings, workers))
                if workers > 1
                else get_coder(settings)
            )
        # Rejections are read ahead of the articles being coded; each comes out before
        # the next coded article, so the output order depends only on the input.
        for coded in coder.code_articles(articles()):
            while rejected:
                yield rejected.pop(0)
            yield coded
        yield from rejected


def code(
    inputs: Inputs, *, date: DateLike = None, settings: Settings | None = None, workers: int = 1
) -> CodingRun:
    """Code articles from files, directories or `-` (stdin); nothing is stored."""
    run = CodingRun()
    for item in iter_code(inputs, date=date, settings=settings, workers=workers):
        if isinstance(item, Rejection):
            run.rejected.append(item)
        else:
            run.coded.append(item)
    return run


def code_text(
    text: str, *, date: DateLike = None, title: str | None = None, settings: Settings | None = None
) -> CodedArticle:
    """Code one article given as a string."""
    settings = settings or Settings.from_env()
    article = build_article(
        text,
        "<text>",
        max_chars=settings.max_chars,
        fields={"title": title},
        default_date=parse_date(date),
    )
    return next(get_coder(settings).code_articles([article]))


def explain(text: str, *, date: DateLike = None, settings: Settings | None = None) -> Explanation:
    """The parse, actors, candidate frames and decisions for one text."""
    settings = settings or Settings.from_env()
    article = build_article(
        text, "<explain>", max_chars=settings.max_chars, default_date=parse_date(date)
    )
    return get_coder(settings).explain(article)


def ingest(
    inputs: Inputs,
    *,
    db: str | Path = DEFAULT_DB,
    date: DateLike = None,
    settings: Settings | None = None,
    batch_articles: int = 200,
    on_progress: Callable[[int, int, int], None] | None = None,
    workers: int = 1,
    coder: ArticleCoder | None = None,
) -> IngestSummary:
    """Code and store articles; re-ingesting an article replaces its events.

    `on_progress(articles, events, rejected)` is called after every stored batch.
    `workers` > 1 codes in that many processes; this process alone writes the store.
    """
    started = time.perf_counter()
    con = open_store(db)
    counts = [0, 0, 0]
    coded: list[CodedArticle] = []
    rejected: list[Rejection] = []

    def flush() -> None:
        write_batch(con, coded, rejected)
        counts[0] += len(coded)
        counts[1] += sum(len(c.events) for c in coded)
        counts[2] += len(rejected)
        coded.clear()
        rejected.clear()
        if on_progress:
            on_progress(*counts)

    try:
        for item in iter_code(inputs, date=date, settings=settings, workers=workers, coder=coder):
            (rejected if isinstance(item, Rejection) else coded).append(item)  # type: ignore[arg-type]
            if len(coded) + len(rejected) >= batch_articles:
                flush()
        flush()
    finally:
        con.close()
    return IngestSummary(str(db), counts[0], counts[1], counts[2], time.perf_counter() - started)


def events(
    *,
    db: str | Path = DEFAULT_DB,
    actor: str | None = None,
    dyad: str | tuple[str, str] | None = None,
    root: str | None = None,
    code: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    article_id: str | None = None,
    min_confidence: float = 0.0,
    limit: int | None = 1000,
) -> list[dict[str, Any]]:
    """Stored events matching the filters, as event records."""
    query = EventQuery(
        actor=actor,
        dyad=_dyad(dyad),
        root=root,
        code=code,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        article_id=article_id,
        min_confidence=min_confidence,
        limit=limit,
    )
    con = open_store(db, read_only=True)
    try:
        return query_events(con, query)
    finally:
        con.close()


def dyad(a: str, b: str, *, by: str = "month", db: str | Path = DEFAULT_DB) -> list[DyadPeriod]:
    """The cooperation/conflict series of a pair of actors, per period."""
    con = open_store(db, read_only=True)
    try:
        return dyad_series(con, a, b, by)
    finally:
        con.close()


def dyads(*, db: str | Path = DEFAULT_DB, top: int = 10) -> list[dict[str, Any]]:
    """The most active pairs in the store, with counts per quad class and mean Goldstein."""
    con = open_store(db, read_only=True)
    try:
        return top_dyads(con, top)
    finally:
        con.close()


def evaluate(
    gold: str | Path, *, report: str | Path | None = None, settings: Settings | None = None
) -> EvalResult | ArticleEvalResult:
    """Score the coder against a gold file: sentence gold (PLOVER gold-standard or detente
    CAMEO JSONL) or article gold (stories with dates and places)."""
    from detente.evaluation.run import evaluate as run_evaluation

    coder = get_coder(settings or Settings.from_env())
    return run_evaluation(Path(gold), coder, Path(report) if report else None)


def bench(
    corpus: str | Path | None,
    *,
    limit: int | None = None,
    repeat: int = 1,
    workers: int = 1,
    report: str | Path | None = None,
    synthetic_events: int = 0,
    synthetic_store: str | Path | None = None,
    query_runs: int = 7,
) -> BenchResult:
    """Throughput and peak memory of the full pipeline and of the spaCy parse alone (1x and
    `repeat`x the corpus, 1 and `workers` processes), and query times on a store of
    `synthetic_events` synthetic events."""
    from detente.bench.run import run_bench

    return run_bench(
        Path(corpus) if corpus else None,
        limit=limit,
        repeat=repeat,
        workers=workers,
        report=Path(report) if report else None,
        synthetic_events=synthetic_events,
        synthetic_store=Path(synthetic_store) if synthetic_store else None,
        query_runs=query_runs,
    )


def _dyad(value: str | tuple[str, str] | None) -> tuple[str, str] | None:
    if value is None or isinstance(value, tuple):
        return value
    parts = value.split(":")
    if len(parts) != 2 or not all(parts):
        raise OptionError(f"--dyad {value!r}", fix="write SOURCE:TARGET, e.g. --dyad TUR:RUS")
    return parts[0], parts[1]


def _paths(inputs: Inputs) -> list[str | Path]:
    if isinstance(inputs, str | Path):
        return [inputs]
    return list(inputs)
