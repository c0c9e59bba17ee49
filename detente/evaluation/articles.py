"""Article-level gold: whole stories with each event's date and place.

A third gold format, for what sentence gold cannot test (relative dates, background
events, places), one JSON object per article:

    {"article": "examples/2020-02-14-turkey-russia-idlib.txt"   (or "file.jsonl#id"),
     "date": "2020-02-14",
     "events": [{"source": "SYRMIL", "target": "TURMIL", "code": "194",
                 "date": "2020-02-10", "date_granularity": "day",
                 "location_country": "SYR", "location": "Saraqeb",
                 "evidence": "Syrian government artillery shelled a Turkish post"}]}

Dates are written at their granularity (`2015-11` for a month, `2015` for a year; a week
by its Monday). Each gold event is matched to a coded event whose evidence sentence holds
the gold evidence and whose CAMEO root agrees (one-to-one); dates and places are scored on
the matched pairs: a date is right when it agrees at the gold granularity, a place when its
country is the gold `location_country`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from detente.errors import GoldFileError
from detente.evaluation.metrics import Ratio
from detente.ingest.sources import read_inputs
from detente.pipeline import Coder
from detente.types import Article, DateGranularity, Event


@dataclass(frozen=True, slots=True)
class GoldDatedEvent:
    source: str | None
    target: str | None
    code: str
    date: str | None
    granularity: str | None
    location_country: str | None
    location: str | None
    evidence: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    reference: str
    date: date | None
    events: tuple[GoldDatedEvent, ...]


@dataclass
class ArticleEvalResult:
    gold_path: str
    articles: int = 0
    gold_events: int = 0
    coded_events: int = 0
    matched: int = 0
    date_accuracy: Ratio = field(default_factory=Ratio)
    date_by_granularity: dict[str, Ratio] = field(default_factory=dict)
    location_country_accuracy: Ratio = field(default_factory=Ratio)
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "articles"

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.coded_events if self.coded_events else 0.0

    def as_dict(self, worst: int | None = None) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "format": "articles",
            "articles": self.articles,
            "gold_events": self.gold_events,
            "coded_events": self.coded_events,
            "matched_events": self.matched,
            "event_recall": round(self.recall, 4),
            "event_precision": round(self.precision, 4),
            "date_accuracy": self.date_accuracy.as_dict(),
            "date_accuracy_by_granularity": {
                k: v.as_dict() for k, v in sorted(self.date_by_granularity.items())
            },
            "location_country_accuracy": self.location_country_accuracy.as_dict(),
            "date_and_place_misses": self.misses[:worst] if worst else self.misses,
        }


def is_article_gold(record: dict[str, Any]) -> bool:
    return "article" in record and "events" in record


def read_article_gold(path: Path) -> list[GoldArticle]:
    articles = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            events = tuple(
                GoldDatedEvent(
                    source=e.get("source"),
                    target=e.get("target"),
                    code=str(e["code"]),
                    date=e.get("date"),
                    granularity=e.get("date_granularity"),
                    location_country=e.get("location_country"),
                    location=e.get("location"),
                    evidence=str(e["evidence"]),
                )
                for e in record["events"]
            )
            published = date.fromisoformat(record["date"]) if record.get("date") else None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise GoldFileError(
                f"{path}:{number}: not an article gold record ({exc})",
                fix='write {"article": PATH, "date": ..., "events": [{"code", "evidence", "date", ...}]}',
            ) from exc
        articles.append(GoldArticle(record["article"], published, events))
    return articles


def evaluate_articles(gold_path: Path, coder: Coder) -> ArticleEvalResult:
    gold = read_article_gold(gold_path)
    result = ArticleEvalResult(str(gold_path), articles=len(gold))
    for item in gold:
        article = _load_article(gold_path, item)
        coded = next(coder.code_articles([article]))
        result.gold_events += len(item.events)
        result.coded_events += len(coded.events)
        _score_article(result, article, item, list(coded.events))
    return result


def _load_article(gold_path: Path, item: GoldArticle) -> Article:
    file_part, _, record_id = item.reference.partition("#")
    path = _find(gold_path, file_part)
    for found in read_inputs([path], max_chars=10_000_000, default_date=item.date):
        if isinstance(found, Article) and (not record_id or found.article_id == record_id):
            return found
    raise GoldFileError(
        f"{gold_path}: cannot read the article {item.reference}", fix="check the path and id"
    )


def _find(gold_path: Path, relative: str) -> Path:
    """Article paths are relative to the project: look from the working directory up."""
    for base in (Path.cwd(), *gold_path.resolve().parents):
        candidate = base / relative
        if candidate.exists():
            return candidate
    raise GoldFileError(
        f"{gold_path}: no article at {relative}", fix="run from the project root or fix the path"
    )


def _score_article(
    result: ArticleEvalResult, article: Article, gold: GoldArticle, coded: list[Event]
) -> None:
    used: set[int] = set()
    for event in gold.events:
        at = article.text.find(event.evidence)
        candidates = [
            (i, e)
            for i, e in enumerate(coded)
            if i not in used
            and at >= 0
            and e.evidence.start <= at < e.evidence.end
            and e.event_type.root == event.code[:2]
        ]
        if not candidates:
            continue
        # The coded event whose trigger lies inside the gold evidence is the one meant.
        end = at + len(event.evidence)
        index, match = min(
            candidates,
            key=lambda c: (
                not at <= c[1].evidence.trigger_start < end,
                _actor_distance(c[1], event),
            ),
        )
        used.add(index)
        result.matched += 1
        if event.date is not None:
            right = _date_agrees(match, event, article.date)
            result.date_accuracy.add(right)
            result.date_by_granularity.setdefault(event.granularity or "?", Ratio()).add(right)
            if not right:
                result.misses.append(_miss(gold, event, match, "date"))
        if event.location_country is not None:
            placed = match.location.country if match.location else None
            result.location_country_accuracy.add(placed == event.location_country)
            if placed != event.location_country:
                result.misses.append(_miss(gold, event, match, "place"))


def _actor_distance(event: Event, gold: GoldDatedEvent) -> int:
    coded = (
        event.source.code if event.source else None,
        event.target.code if event.target else None,
    )
    return sum(
        0 if (c or "")[:3] == (g or "")[:3] else 1
        for c, g in zip(coded, (gold.source, gold.target), strict=True)
    )


def _date_agrees(event: Event, gold: GoldDatedEvent, published: date | None) -> bool:
    if event.date is None or gold.date is None:
        return event.date is None and gold.date is None
    coded = event.date
    if gold.granularity == "reported":
        return coded == published
    if gold.granularity == "year" or len(gold.date) == 4:
        return coded.year == int(gold.date[:4])
    if gold.granularity == "month" or len(gold.date) == 7:
        return (coded.year, coded.month) == (int(gold.date[:4]), int(gold.date[5:7]))
    expected = date.fromisoformat(gold.date)
    if gold.granularity == "week":
        return abs((coded - expected).days) < 7 and event.date_granularity in {
            DateGranularity.WEEK,
            DateGranularity.DAY,
        }
    return coded == expected


def _miss(gold: GoldArticle, event: GoldDatedEvent, coded: Event, what: str) -> dict[str, Any]:
    return {
        "article": gold.reference,
        "what": what,
        "evidence": event.evidence,
        "code": event.code,
        "gold_date": f"{event.date} ({event.granularity})",
        "coded_date": f"{coded.date} ({coded.date_granularity.value}: {coded.date_rule})",
        "gold_place": f"{event.location} ({event.location_country})",
        "coded_place": f"{coded.location.name} ({coded.location.country})"
        if coded.location
        else None,
    }
