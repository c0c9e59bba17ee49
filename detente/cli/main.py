"""The `detente` command: thin wrappers over the Python API (detente.api).

Every command turns detente's errors into a one-paragraph message on stderr (what input,
what went wrong, the fix) and exit status 2; nothing prints a traceback for bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from detente import api
from detente.cli.output import OutputFormat, print_dyad, print_events
from detente.config import DEFAULT_DB, Settings
from detente.errors import DetenteError, OptionError
from detente.types import Rejection

app = typer.Typer(
    name="detente",
    help="Political event data from news text: who did what to whom, when and where (CAMEO and PLOVER).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Tables are read in terminals and in logs; a pipe gets a wide fixed width, not 80 columns.
console = Console(width=None if sys.stdout.isatty() else 180)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 180)

DbOption = Annotated[
    str, typer.Option("--db", help="DuckDB file of the store.", envvar="DETENTE_DB")
]
FormatOption = Annotated[
    str,
    typer.Option("--format", "-f", help="Output format: table, jsonl or csv.", show_default=True),
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none."),
]


@contextmanager
def _reported_errors() -> Iterator[None]:
    try:
        yield
    except DetenteError as exc:
        err.print(f"[bold red]error[/] {exc.render()}", highlight=False, markup=True)
        raise typer.Exit(2) from None


def _format(value: str) -> OutputFormat:
    try:
        return OutputFormat(value.lower())
    except ValueError:
        raise OptionError(
            f"unknown --format {value!r}", fix="use --format table, --format jsonl or --format csv"
        ) from None


MaxCharsOption = Annotated[
    int | None,
    typer.Option(
        "--max-chars", help="Reject articles longer than this many characters (default 1,000,000)."
    ),
]


def _settings(
    min_confidence: float | None = None,
    actors: list[Path] | None = None,
    lexicon: list[Path] | None = None,
    max_chars: int | None = None,
) -> Settings:
    return Settings.from_env(
        min_confidence=min_confidence,
        actor_files=tuple(actors) if actors else None,
        lexicon_files=tuple(lexicon) if lexicon else None,
        max_chars=max_chars,
    )


def _report_rejections(rejected: list[Rejection]) -> None:
    for item in rejected:
        err.print(f"[yellow]rejected[/] {item.reason}", highlight=False)


@app.command("code")
def code_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (.txt, .jsonl, .html), directories, or - for stdin.")
    ],
    date: DateOption = None,
    fmt: FormatOption = "table",
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Drop events below this confidence.")
    ] = 0.0,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor dictionary (TSV), repeatable."),
    ] = None,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="Extra event pattern file (TSV), repeatable."),
    ] = None,
    max_chars: MaxCharsOption = None,
) -> None:
    """Code articles and print their events (nothing is stored)."""
    with _reported_errors():
        output = _format(fmt)
        settings = _settings(min_confidence, actors, lexicon, max_chars)
        run = api.code(inputs, date=date, settings=settings)
        records = run.event_records()
        print_events(records, output, console)
        _report_rejections(run.rejected)
        if output is OutputFormat.table:
            err.print(
                f"{len(run.coded)} articles, {len(records)} events, {len(run.rejected)} rejected"
            )


@app.command("ingest")
def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    date: DateOption = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (TSV).")
    ] = None,
    lexicon: Annotated[
        list[Path] | None, typer.Option("--lexicon", help="Extra event pattern file (TSV).")
    ] = None,
    max_chars: MaxCharsOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Code in N processes, each with its own model (about 600 MB each; one per core).",
        ),
    ] = 1,
) -> None:
    """Code articles and store them, their events and any rejected inputs in DuckDB."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from detente.ingest.sources import estimate_articles

    with _reported_errors():
        total = estimate_articles(inputs)
        columns = (
            TextColumn("[bold]coding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TextColumn("{task.fields[events]} events"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task("coding", total=total, rate=0.0, events=0)
            started = _clock()

            def on_progress(articles: int, events: int, rejected: int) -> None:
                elapsed = _clock() - started
                done = articles + rejected
                progress.update(
                    task, completed=done, rate=done / elapsed if elapsed else 0.0, events=events
                )

            summary = api.ingest(
                inputs,
                db=db,
                date=date,
                settings=_settings(None, actors, lexicon, max_chars),
                on_progress=on_progress,
                workers=workers,
            )
        console.print(
            f"stored {summary.articles} articles, {summary.events} events, {summary.rejected} rejected "
            f"in {summary.db} ({summary.articles_per_second:.1f} articles/s)"
        )


@app.command("events")
def events_command(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor on either side: TUR, TURMIL, NATO...")
    ] = None,
    dyad: Annotated[
        str | None, typer.Option("--dyad", help="SOURCE:TARGET, e.g. TUR:RUS (directed).")
    ] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root, 01 to 20.")] = None,
    code: Annotated[
        str | None, typer.Option("--code", help="CAMEO code prefix, e.g. 19 or 195.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence")] = 0.0,
    limit: Annotated[
        int, typer.Option("--limit", help="At most this many events (0: all).")
    ] = 1000,
    fmt: FormatOption = "table",
) -> None:
    """Query stored events."""
    with _reported_errors():
        output = _format(fmt)
        records = api.events(
            db=db,
            actor=actor,
            dyad=dyad,
            root=root,
            code=code,
            since=since,
            until=until,
            min_confidence=min_confidence,
            limit=limit or None,
        )
        print_events(records, output, console)


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor, e.g. TUR.")],
    b: Annotated[str, typer.Argument(help="Second actor, e.g. RUS.")],
    by: Annotated[
        str, typer.Option("--by", help="Period: day, week, month, quarter or year.")
    ] = "month",
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "table",
) -> None:
    """The cooperation/conflict series of a pair of actors (both directions and each)."""
    with _reported_errors():
        output = _format(fmt)
        rows = api.dyad(a, b, by=by, db=db)
        print_dyad(rows, output, console, title=f"{a.upper()} and {b.upper()} by {by}")


@app.command("dyads")
def dyads_command(
    db: DbOption = DEFAULT_DB,
    top: Annotated[int, typer.Option("--top", help="How many pairs.")] = 10,
) -> None:
    """The most active pairs of countries/organisations in the store, with their balance."""
    from rich.table import Table

    with _reported_errors():
        rows = api.dyads(db=db, top=top)
        table = Table(title="Most active dyads", header_style="bold")
        for column in ("pair", "events", "v.coop", "m.coop", "v.conf", "m.conf", "Goldstein mean"):
            table.add_column(column, justify="left" if column == "pair" else "right")
        for row in rows:
            table.add_row(
                f"{row['a']} - {row['b']}",
                str(row["events"]),
                str(row["q1"]),
                str(row["q2"]),
                str(row["q3"]),
                str(row["q4"]),
                f"{row['goldstein_mean']:.2f}",
            )
        console.print(table)


@app.command("explain")
def explain_command(
    text: Annotated[
        str, typer.Argument(help="A sentence or short text to explain, or - for stdin.")
    ],
    date: DateOption = None,
) -> None:
    """Show how detente reads a text: parse, actors, candidate events and each decision."""
    from detente.cli.explain_view import print_explanation

    with _reported_errors():
        body = sys.stdin.read() if text == "-" else text
        print_explanation(api.explain(body, date=date), console)


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold file: PLOVER gold-standard JSONL or detente's CAMEO JSONL.")
    ],
    report: Annotated[
        Path | None, typer.Option("--report", help="Write the full JSON report here.")
    ] = None,
    worst: Annotated[int, typer.Option("--worst", help="How many worst misses to list.")] = 10,
) -> None:
    """Score the coder against a gold file: precision, recall and F1 at several levels."""
    from detente.evaluation.report import print_report

    with _reported_errors():
        result = api.evaluate(gold, report=report)
        print_report(result, console, worst=worst)
        if report:
            console.print(f"report written to {report}")


@app.command("bench")
def bench_command(
    corpus: Annotated[
        Path | None,
        typer.Argument(
            help="JSON Lines corpus (fields id, text, ...); optional with --synthetic-events."
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Use the first N articles (0: all).")] = 0,
    repeat: Annotated[
        int,
        typer.Option("--repeat", help="Also run on the corpus repeated N times with fresh ids."),
    ] = 1,
    workers: Annotated[
        int,
        typer.Option("--workers", help="Also run with N worker processes (one per core)."),
    ] = 1,
    synthetic_events: Annotated[
        int,
        typer.Option(
            "--synthetic-events",
            help="Time dyad and events queries on a store of N synthetic events (0: skip).",
        ),
    ] = 0,
    synthetic_store: Annotated[
        Path | None,
        typer.Option(
            "--synthetic-store",
            help="Keep the synthetic store in this file, and reuse it on the next run.",
        ),
    ] = None,
    runs: Annotated[int, typer.Option("--runs", help="Time each query this many times.")] = 7,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write the JSON report here.")
    ] = None,
) -> None:
    """Measure throughput and peak memory (full pipeline vs. the spaCy parse alone) and
    query speed."""
    from detente.bench.report import print_bench

    with _reported_errors():
        result = api.bench(
            corpus,
            limit=limit or None,
            repeat=repeat,
            workers=workers,
            report=report,
            synthetic_events=synthetic_events,
            synthetic_store=synthetic_store,
            query_runs=runs,
        )
        print_bench(result, console)


def _clock() -> float:
    import time

    return time.perf_counter()


def main() -> None:  # pragma: no cover - console entry point
    app()
