"""Printing a benchmark result for people."""

from __future__ import annotations

import statistics

from rich.console import Console
from rich.table import Table

from detente.bench.run import BenchResult


def print_bench(result: BenchResult, console: Console) -> None:
    if result.stages:
        _print_stages(result, console)
    if result.queries:
        _print_queries(result, console)
    checks = result.checks()
    if checks:
        table = Table(title="Targets (issue 6)", header_style="bold")
        for column in ("check", "value", "target", ""):
            table.add_column(column, justify="left" if column == "check" else "right")
        for check in checks:
            verdict = "[green]met[/]" if check.passed else "[red]not met[/]"
            table.add_row(check.name, check.value, check.target, verdict)
        console.print(table)
    load = result.machine.get("load_average_at_start"), result.machine.get("load_average_at_end")
    console.print(
        f"{result.machine.get('cpus')} cores; load average at start {load[0]}, at end {load[1]} "
        "(a load above the core count means other work shared the machine)"
    )


def _print_stages(result: BenchResult, console: Console) -> None:
    table = Table(title=f"{result.corpus}", header_style="bold")
    for column in (
        "stage",
        "corpus",
        "workers",
        "articles",
        "words",
        "events",
        "seconds",
        "articles/s",
        "words/s",
        "events/s",
        "peak RSS MB",
        "peak PSS MB",
        "largest process MB",
    ):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for s in result.stages:
        table.add_row(
            s.stage,
            f"{s.copies}x",
            str(s.workers),
            str(s.articles),
            str(s.words),
            str(s.events),
            f"{s.seconds:.1f}",
            f"{s.articles_per_second:.2f}",
            f"{s.words_per_second:.0f}",
            f"{s.events_per_second:.1f}",
            f"{s.peak_rss_mb:.0f}",
            f"{s.peak_pss_mb:.0f}",
            f"{s.largest_process_mb:.0f}",
        )
    console.print(table)
    for copies in sorted({1, result.repeat}):
        for workers in sorted({1, result.workers}):
            ratio = result.ratio(copies, workers)
            if ratio is not None:
                console.print(
                    f"full / floor throughput, {copies}x, {workers} worker(s): {ratio:.3f}"
                    + _spread(result.part_ratios(copies, workers))
                )
        for stage in ("floor", "full"):
            scaling = result.scaling(stage, copies)
            if scaling is not None:
                console.print(
                    f"{stage}, {copies}x: {result.workers} workers / 1 worker: {scaling:.2f}"
                )


def _spread(ratios: list[float]) -> str:
    if len(ratios) < 2:
        return ""
    ordered = sorted(ratios)
    median = statistics.median(ordered)
    return f" (part by part: median {median:.3f}, {ordered[0]:.3f} to {ordered[-1]:.3f})"


def _print_queries(result: BenchResult, console: Console) -> None:
    store = result.synthetic
    title = "Queries"
    if store is not None:
        built = "reused" if store.reused else f"built in {store.seconds:.0f} s"
        title = f"Queries on {store.events:,} synthetic events ({built})"
    table = Table(title=title, header_style="bold")
    for column in ("command", "rows", "cold ms", "warm ms", "target ms"):
        table.add_column(column, justify="left" if column == "command" else "right")
    for q in result.queries:
        table.add_row(
            q.command, str(q.rows), f"{q.cold_ms:.1f}", f"{q.warm_ms:.1f}", f"{q.target_ms:.0f}"
        )
    console.print(table)
    console.print(
        f"median of {result.queries[0].runs} runs; cold: a fresh read-only connection per run "
        "(as the CLI does), warm: one open connection"
    )
