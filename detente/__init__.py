"""detente: political event data from news text.

The Python API mirrors the `detente` command: `code`, `ingest`, `events`, `dyad`,
`dyads`, `explain`, `eval` (also `evaluate`) and `bench`. See detente.api.
"""

from __future__ import annotations

from detente.api import (
    CodingRun,
    IngestSummary,
    bench,
    code,
    code_text,
    dyad,
    dyads,
    evaluate,
    events,
    explain,
    ingest,
    iter_code,
)
from detente.config import Settings
from detente.errors import DetenteError
from detente.types import Actor, Article, CodedArticle, Event, EventType, Rejection

__version__ = "0.1.0"

# `detente eval` as a Python name, as the brief asks for the same names in both surfaces.
eval = evaluate  # noqa: A001

__all__ = [
    "Actor",
    "Article",
    "CodedArticle",
    "CodingRun",
    "DetenteError",
    "Event",
    "EventType",
    "IngestSummary",
    "Rejection",
    "Settings",
    "__version__",
    "bench",
    "code",
    "code_text",
    "dyad",
    "dyads",
    "eval",
    "evaluate",
    "events",
    "explain",
    "ingest",
    "iter_code",
]
