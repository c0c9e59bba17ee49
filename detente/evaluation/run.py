"""Running the coder over a gold file and scoring it (`detente eval`).

The gold file's first record says its format: sentence gold (PLOVER gold-standard records
or detente's CAMEO format, scored by evaluation/metrics.py) or article gold (whole stories
with dates and places, scored by evaluation/articles.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from detente.errors import GoldFileError
from detente.evaluation.articles import ArticleEvalResult, evaluate_articles, is_article_gold
from detente.evaluation.gold import read_gold
from detente.evaluation.metrics import EvalResult, score
from detente.ingest.normalize import build_article
from detente.pipeline import Coder
from detente.types import Event

AnyResult = EvalResult | ArticleEvalResult


def evaluate(gold_path: Path, coder: Coder, report: Path | None = None) -> AnyResult:
    """Score the coder on a gold file of either kind; write the JSON report if asked."""
    result: AnyResult
    if _first_record_is_article(gold_path):
        result = evaluate_articles(gold_path, coder)
    else:
        result = _evaluate_sentences(gold_path, coder)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(
            json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return result


def _evaluate_sentences(gold_path: Path, coder: Coder) -> EvalResult:
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
    return score(gold, predicted, str(gold_path))


def _first_record_is_article(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(
            f"{path}: cannot read ({exc})", fix="give a UTF-8 JSON Lines gold file"
        ) from exc
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False  # the sentence reader reports the bad line with its number
    return isinstance(record, dict) and is_article_gold(record)
