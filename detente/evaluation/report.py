"""Printing an evaluation result for people."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from detente.evaluation.articles import ArticleEvalResult
from detente.evaluation.metrics import EvalResult


def print_report(result: EvalResult | ArticleEvalResult, console: Console, worst: int = 10) -> None:
    if isinstance(result, ArticleEvalResult):
        _print_articles(result, console, worst)
        return
    type_name = "PLOVER type" if result.kind == "plover" else "CAMEO root"
    table = Table(
        title=f"{result.gold_path}: {result.sentences} sentences ({result.kind} gold)",
        header_style="bold",
    )
    for column in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "level" else "right")
    for level, counts in result.levels.items():
        name = level.replace("type", type_name) if "type" in level else level
        table.add_row(
            name,
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
        )
    console.print(table)
    ratio = result.top_type_accuracy
    console.print(f"top-{type_name} accuracy: {ratio.value:.3f} ({ratio.hits}/{ratio.total})")
    for name, value in sorted(result.actor_accuracy.items()):
        console.print(
            f"actor accuracy, {name} (on found events): {value.value:.3f} ({value.hits}/{value.total})"
        )
    if result.no_event_rate.total:
        rate = result.no_event_rate
        console.print(
            f"no-event sentences that produced an event: {rate.value:.3f} ({rate.hits}/{rate.total})"
        )
    per_type = Table(title=f"per {type_name}", header_style="bold")
    for column in ("type", "precision", "recall", "F1", "support"):
        per_type.add_column(column, justify="left" if column == "type" else "right")
    for name, counts in sorted(result.per_type.items()):
        per_type.add_row(
            name,
            f"{counts.precision:.2f}",
            f"{counts.recall:.2f}",
            f"{counts.f1:.2f}",
            str(counts.tp + counts.fn),
        )
    console.print(per_type)
    if worst:
        console.print(f"[bold]worst misses[/] (dyad+{type_name}):")
        for miss in sorted(result.misses, key=lambda m: -m.errors)[:worst]:
            console.print(f"  {miss.id}: {miss.text}", highlight=False)
            console.print(f"    expected: {', '.join(miss.expected) or 'nothing'}", highlight=False)
            console.print(
                f"    coded:    {', '.join(miss.predicted) or 'nothing'}", highlight=False
            )


def _print_articles(result: ArticleEvalResult, console: Console, worst: int) -> None:
    console.print(
        f"[bold]{result.gold_path}[/]: {result.articles} articles, {result.gold_events} gold events, "
        f"{result.coded_events} coded, {result.matched} matched "
        f"(recall {result.recall:.3f}, precision {result.precision:.3f})",
        highlight=False,
    )
    ratio = result.date_accuracy
    console.print(
        f"event-date accuracy at the gold granularity: {ratio.value:.3f} ({ratio.hits}/{ratio.total})"
    )
    for name, value in sorted(result.date_by_granularity.items()):
        console.print(f"  {name}: {value.value:.3f} ({value.hits}/{value.total})")
    place = result.location_country_accuracy
    console.print(f"location country accuracy: {place.value:.3f} ({place.hits}/{place.total})")
    for miss in result.misses[:worst]:
        console.print(
            f"  {miss['what']} miss in {miss['article']}: '{miss['evidence']}' gold {miss['gold_date']} "
            f"{miss['gold_place']}; coded {miss['coded_date']} {miss['coded_place']}",
            highlight=False,
        )
