"""Printing records: Rich tables for people, JSON Lines and CSV for programs."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from detente.records import FLAT_COLUMNS, flat_record
from detente.store.queries import DyadPeriod


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def print_events(
    records: Iterable[dict[str, Any]],
    fmt: OutputFormat,
    console: Console,
    out: TextIO | None = None,
) -> int:
    """Print event records; return how many were printed."""
    out = out or sys.stdout  # looked up now, not at import, so redirection works
    rows = list(records)
    if fmt is OutputFormat.jsonl:
        for record in rows:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.csv:
        writer = csv.DictWriter(out, fieldnames=list(FLAT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for record in rows:
            writer.writerow(flat_record(record))
    else:
        console.print(events_table(rows))
    return len(rows)


def events_table(records: Sequence[dict[str, Any]]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for column in ("date", "source", "target", "CAMEO", "PLOVER", "evidence", "conf."):
        table.add_column(column, overflow="fold")
    for record in records:
        source = record.get("source") or {}
        target = record.get("target") or {}
        evidence = record["evidence"]
        date = record.get("date") or "unknown"
        if record.get("date_granularity") == "month" and date != "unknown":
            date = date[:7]
        elif record.get("date_granularity") == "year" and date != "unknown":
            date = date[:4]
        plover = record["plover"]
        table.add_row(
            date,
            source.get("code") or "-",
            target.get("code") or "-",
            f"{record['cameo']} {short_name(record['cameo_name'])}",
            " ".join(p for p in (plover.get("type"), plover.get("mode")) if p) or "-",
            _snippet(evidence["text"], evidence["trigger"]),
            f"{record['confidence']:.2f}",
        )
    return table


def dyad_table(rows: Sequence[DyadPeriod], title: str) -> Table:
    table = Table(title=title, header_style="bold")
    for column in (
        "period",
        "direction",
        "events",
        "v.coop",
        "m.coop",
        "v.conf",
        "m.conf",
        "Goldstein sum",
        "mean",
    ):
        table.add_column(
            column, justify="right" if column not in ("period", "direction") else "left"
        )
    for row in rows:
        table.add_row(
            row.period.isoformat(),
            row.direction,
            str(row.events),
            str(row.verbal_cooperation),
            str(row.material_cooperation),
            str(row.verbal_conflict),
            str(row.material_conflict),
            f"{row.goldstein_sum:.1f}",
            f"{row.goldstein_mean:.2f}",
        )
    return table


def print_dyad(
    rows: Sequence[DyadPeriod],
    fmt: OutputFormat,
    console: Console,
    title: str,
    out: TextIO | None = None,
) -> None:
    out = out or sys.stdout
    dicts = [_period_dict(r) for r in rows]
    if fmt is OutputFormat.jsonl:
        for row in dicts:
            out.write(json.dumps(row) + "\n")
    elif fmt is OutputFormat.csv:
        writer = csv.DictWriter(
            out, fieldnames=list(_period_dict(rows[0])) if rows else ["period"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(dicts)
    else:
        console.print(dyad_table(rows, title))


def _period_dict(row: DyadPeriod) -> dict[str, Any]:
    return {
        "period": row.period.isoformat(),
        "direction": row.direction,
        "events": row.events,
        "verbal_cooperation": row.verbal_cooperation,
        "material_cooperation": row.material_cooperation,
        "verbal_conflict": row.verbal_conflict,
        "material_conflict": row.material_conflict,
        "goldstein_sum": row.goldstein_sum,
        "goldstein_mean": row.goldstein_mean,
    }


def short_name(name: str) -> str:
    """CAMEO names without the codebook's ', not specified below' tail."""
    return name.replace(", not specified below", "")


def _snippet(sentence: str, trigger: str, width: int = 70) -> str:
    """The evidence sentence around its trigger, shortened for a table cell."""
    at = sentence.find(trigger)
    if len(sentence) <= width or at < 0:
        text = sentence if len(sentence) <= width else sentence[: width - 1] + "…"
    else:
        start = max(0, at - width // 3)
        text = (
            ("…" if start else "")
            + sentence[start : start + width]
            + ("…" if start + width < len(sentence) else "")
        )
    return text
