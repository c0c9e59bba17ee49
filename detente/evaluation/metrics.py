"""Scoring coded events against gold sentences.

Per sentence, gold and predicted events are reduced to sets of comparable items at each
level; true positives are the items in both sets, summed over sentences (micro-averaged):

- `event`: whether the sentence has an event at all;
- `source country`, `target country`: the country slots (ISO3, or IGO/NGO/IMG) on each side;
- `type`: PLOVER type (PLOVER gold) or CAMEO root (CAMEO gold);
- `dyad+type`: (source country, target country, type) triples;
- `full`: (source country+sector, target country+sector, full code or PLOVER type).

Two accuracies complement them: `top-type accuracy` (the most confident predicted event
has the gold type; a sentence without a prediction counts as wrong) and actor accuracy
on found events (for gold events whose type was predicted in the sentence, whether the
predicted actors of that type match; this separates actor errors from event errors).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from detente.evaluation.gold import ORGANISATION_SLOTS, GoldActor, GoldEvent, GoldSentence
from detente.types import Actor, Event

LEVELS = ("event", "source country", "target country", "type", "dyad+type", "full")
Item = tuple[Any, ...]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[Item], gold: set[Item]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"value": round(self.value, 4), "hits": self.hits, "total": self.total}


@dataclass
class Miss:
    id: str
    text: str
    expected: list[str]
    predicted: list[str]
    errors: int


@dataclass
class EvalResult:
    gold_path: str
    kind: str
    sentences: int
    levels: dict[str, Counts] = field(default_factory=lambda: {level: Counts() for level in LEVELS})
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    top_type_accuracy: Ratio = field(default_factory=Ratio)
    actor_accuracy: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    no_event_rate: Ratio = field(default_factory=Ratio)
    per_phenomenon: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[Miss] = field(default_factory=list)

    def as_dict(self, worst: int | None = None) -> dict[str, Any]:
        misses = sorted(self.misses, key=lambda m: -m.errors)
        return {
            "gold": self.gold_path,
            "format": self.kind,
            "sentences": self.sentences,
            "levels": {k: v.as_dict() for k, v in self.levels.items()},
            "top_type_accuracy": self.top_type_accuracy.as_dict(),
            "actor_accuracy": {k: v.as_dict() for k, v in sorted(self.actor_accuracy.items())},
            "no_event_sentences_with_events": self.no_event_rate.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "per_phenomenon": {k: v.as_dict() for k, v in sorted(self.per_phenomenon.items())},
            "worst_misses": [m.__dict__ for m in (misses[:worst] if worst else misses)],
        }


def score(
    gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]], gold_path: str
) -> EvalResult:
    kind = gold[0].kind if gold else "cameo"
    result = EvalResult(gold_path, kind, len(gold))
    for sentence, events in zip(gold, predicted, strict=True):
        # Against PLOVER gold only events with a PLOVER type count: statements and appeals
        # (CAMEO 01, 02) are not PLOVER events, and a PLOVER coder would not output them.
        scored = [e for e in events if e.event_type.plover_type or sentence.kind != "plover"]
        _score_sentence(result, sentence, scored)
    return result


def _type_of(event: Event, kind: str) -> str | None:
    return event.event_type.plover_type if kind == "plover" else event.event_type.root


def _gold_type(event: GoldEvent, kind: str) -> str | None:
    return event.plover if kind == "plover" else (event.cameo or "")[:2] or None


def _slot(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.country:
        return actor.country
    head = actor.code[:3]
    return head if head in ORGANISATION_SLOTS else None


def _sector(actor: Actor | None) -> str | None:
    return actor.sectors[0] if actor is not None and actor.sectors else None


def _gold_pairs(event: GoldEvent) -> list[tuple[GoldActor | None, GoldActor | None]]:
    return [(s, t) for s in (event.sources or (None,)) for t in (event.targets or (None,))]


def _sets(
    sentence: GoldSentence, events: list[Event]
) -> tuple[dict[str, set[Item]], dict[str, set[Item]]]:
    kind = sentence.kind
    gold: dict[str, set[Item]] = {level: set() for level in LEVELS}
    pred: dict[str, set[Item]] = {level: set() for level in LEVELS}
    for g in sentence.events:
        gtype = _gold_type(g, kind)
        gold["event"].add((True,))
        gold["type"].add((gtype,))
        gold["source country"].update((a.country,) for a in g.sources if a.country)
        gold["target country"].update((a.country,) for a in g.targets if a.country)
        for s, t in _gold_pairs(g):
            s_country, t_country = (s.country if s else None), (t.country if t else None)
            gold["dyad+type"].add((s_country, t_country, gtype))
            full_type = g.cameo if kind == "cameo" else gtype
            gold["full"].add(
                (s_country, s.sector if s else None, t_country, t.sector if t else None, full_type)
            )
    mutual = _mutual_sides(sentence)
    for e in events:
        etype = _type_of(e, kind)
        source, target, target_sector = _slot(e.source), _slot(e.target), _sector(e.target)
        if source in mutual.get(etype, ()) and target in mutual.get(etype, ()):
            target = target_sector = None  # A -> B of a mutual event is the gold's A -> -
        pred["event"].add((True,))
        pred["type"].add((etype,))
        if source:
            pred["source country"].add((source,))
        if target:
            pred["target country"].add((target,))
        pred["dyad+type"].add((source, target, etype))
        full_type = e.event_type.cameo if kind == "cameo" else etype
        pred["full"].add((source, _sector(e.source), target, target_sector, full_type))
    return gold, pred


def _mutual_sides(sentence: GoldSentence) -> dict[Any, set[str]]:
    """Type -> countries of the gold's mutual events. A gold event with two or more sources
    and no target is a mutual one ("Israel and Lebanon renewed negotiations": ISR -> -,
    LBN -> -); detente, as CAMEO coders do, codes it ISR -> LBN and LBN -> ISR. The two
    say the same, so a predicted pair of two of its sources is read as the gold writes it."""
    sides: dict[Any, set[str]] = defaultdict(set)
    for g in sentence.events:
        countries = {a.country for a in g.sources if a.country}
        if len(countries) >= 2 and not g.targets:
            sides[_gold_type(g, sentence.kind)] |= countries
    return sides


def _score_sentence(result: EvalResult, sentence: GoldSentence, events: list[Event]) -> None:
    gold, pred = _sets(sentence, events)
    for level in LEVELS:
        result.levels[level].add(pred[level], gold[level])
    for (gtype,) in gold["type"] | pred["type"]:
        result.per_type[str(gtype)].add({(gtype,)} & pred["type"], {(gtype,)} & gold["type"])
    if sentence.phenomenon:
        result.per_phenomenon[sentence.phenomenon].add(pred["dyad+type"], gold["dyad+type"])
    if not sentence.events:
        result.no_event_rate.add(bool(events))
    else:
        top = max(events, key=lambda e: e.confidence, default=None)
        result.top_type_accuracy.add(
            top is not None and (_type_of(top, sentence.kind),) in gold["type"]
        )
        _actor_accuracy(result, sentence, events)
    errors = len(pred["dyad+type"] ^ gold["dyad+type"])
    if errors:
        result.misses.append(
            Miss(
                id=sentence.id,
                text=sentence.text,
                expected=sorted(_label(i) for i in gold["dyad+type"]),
                predicted=sorted(_label(i) for i in pred["dyad+type"]),
                errors=errors,
            )
        )


def _actor_accuracy(result: EvalResult, sentence: GoldSentence, events: list[Event]) -> None:
    for g in sentence.events:
        gtype = _gold_type(g, sentence.kind)
        found = [e for e in events if _type_of(e, sentence.kind) == gtype]
        if not found:
            continue
        for side, gold_actors in (("source", g.sources), ("target", g.targets)):
            wanted = [a for a in gold_actors if a.country]
            if not wanted:
                continue
            actors = [e.source if side == "source" else e.target for e in found]
            countries = {_slot(a) for a in actors}
            pairs = {(_slot(a), _sector(a)) for a in actors}
            result.actor_accuracy[f"{side} country"].add(
                any(a.country in countries for a in wanted)
            )
            result.actor_accuracy[f"{side} country+sector"].add(
                any((a.country, a.sector) in pairs for a in wanted)
            )


def _label(item: Item) -> str:
    source, target, etype = item
    return f"{source or '-'} -> {target or '-'} {etype}"
