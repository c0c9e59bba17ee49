"""Printing a benchmark result for people."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from detente.bench.run import BenchResult


def print_bench(result: BenchResult, console: Console) -> None:
    title = f"{result.corpus}" + (f" x{result.repeat}" if result.repeat > 1 else "")
    table = Table(title=title, header_style="bold")
    for column in (
        "stage",
        "articles",
        "words",
        "events",
        "seconds",
        "articles/s",
        "words/s",
        "events/s",
        "peak RSS MB",
    ):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for s in result.stages:
        table.add_row(
            s.stage,
            str(s.articles),
            str(s.words),
            str(s.events),
            f"{s.seconds:.1f}",
            f"{s.articles_per_second:.2f}",
            f"{s.words_per_second:.0f}",
            f"{s.events_per_second:.1f}",
            f"{s.peak_rss_mb:.0f}",
        )
    console.print(table)
    ratio = result.ratio()
    if ratio is not None:
        console.print(f"full / floor throughput: {ratio:.3f}")
