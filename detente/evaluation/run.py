"""Running the coder over a gold file and scoring it (`detente eval`)."""

from __future__ import annotations

import json
from pathlib import Path

from detente.evaluation.gold import read_gold
from detente.evaluation.metrics import EvalResult, score
from detente.ingest.normalize import build_article
from detente.pipeline import Coder
from detente.types import Event


def evaluate(gold_path: Path, coder: Coder, report: Path | None = None) -> EvalResult:
    """Code every gold sentence as an article of its own and score the events."""
    gold = read_gold(gold_path, coder.dictionary, coder.ontology)
    articles = [
        build_article(
            s.text,
            f"{gold_path}#{s.id}",
            max_chars=coder.settings.max_chars,
            fields={"id": s.id},
            default_date=s.date,
        )
        for s in gold
    ]
    predicted: list[list[Event]] = [list(c.events) for c in coder.code_articles(articles)]
    result = score(gold, predicted, str(gold_path))
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(
            json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return result
