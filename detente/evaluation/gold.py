"""Gold files: reading the formats `detente eval` scores against.

Two sentence-level formats, told apart by their fields:
- PLOVER gold-standard records (`../shared/benchmarks/plover_gsr.jsonl`): `text`, `event`
  (a PLOVER type; draft-0.5 names DEMAND, DISAPPROVE, INVESTIGATE and FIGHT are read as
  REQUEST, ACCUSE, ACCUSE and ASSAULT), `source`/`target` lists of {code, sector};
- detente's CAMEO format: `{"id", "text", "date", "expected": [{"source": "TURGOV",
  "target": "RUS", "code": "030"}]}`; an empty `expected` list means "no event".

Both become `GoldSentence`s whose actors are reduced to what can be compared across
coders: a country slot (ISO alpha-3, or IGO/NGO/IMG for organisations) and a sector.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from detente.actors.dictionary import SECTORS, ActorDictionary
from detente.errors import GoldFileError
from detente.events.ontology import Ontology
from detente.ingest.normalize import parse_publication_date

PLOVER_DRAFT_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# PLOVER's sector names where CAMEO (and detente) use other codes for the same thing.
PLOVER_SECTOR_NAMES = {"JRN": "MED", "MED": "HLH", "CIV": "CVL"}
ORGANISATION_SLOTS = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    country: str | None  # ISO alpha-3, or IGO/NGO/IMG..., or None when only a role is known
    sector: str | None
    text: str | None = None

    def label(self) -> str:
        return f"{self.country or '---'}{self.sector or ''}"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    plover: str | None
    cameo: str | None  # None in the PLOVER format


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...]
    kind: str  # "plover" or "cameo"
    phenomenon: str | None = None


def read_gold(path: Path, dictionary: ActorDictionary, ontology: Ontology) -> list[GoldSentence]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(
            f"{path}: cannot read ({exc})", fix="give a UTF-8 JSON Lines gold file"
        ) from exc
    sentences = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(
                f"{where}: malformed JSON ({exc.msg})", fix="repair the line"
            ) from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise GoldFileError(f"{where}: not a gold record", fix="each line needs a 'text' field")
        if "expected" in record:
            sentences.append(_cameo_record(record, where, dictionary, ontology))
        elif "event" in record:
            sentences.append(_plover_record(record, where, dictionary))
        else:
            raise GoldFileError(
                f"{where}: neither format (no 'expected' and no 'event')",
                fix="use detente's CAMEO gold format or PLOVER gold-standard records (docs/evaluation.md)",
            )
    if not sentences:
        raise GoldFileError(f"{path}: no gold records", fix="check the file")
    return sentences


def country_slot(code: str | None, dictionary: ActorDictionary) -> str | None:
    """The comparable country slot of a CAMEO-style actor code's first three letters."""
    if not code or len(code) < 3:
        return None
    head = code[:3].upper()
    if head in ORGANISATION_SLOTS:
        return head
    return dictionary.country_of_code(head)


def _sector(value: str | None) -> str | None:
    if not value:
        return None
    head = value[:3].upper()
    head = PLOVER_SECTOR_NAMES.get(head, head)
    return head if head in SECTORS else None


def _plover_actors(value: Any, dictionary: ActorDictionary) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    actors = []
    for item in value:
        if isinstance(item, dict):
            actors.append(
                GoldActor(
                    country_slot(item.get("code"), dictionary),
                    _sector(item.get("sector")),
                    item.get("actorText"),
                )
            )
    return tuple(actors)


def _plover_record(record: dict[str, Any], where: str, dictionary: ActorDictionary) -> GoldSentence:
    event = str(record["event"]).upper()
    event = PLOVER_DRAFT_NAMES.get(event, event)
    gold = GoldEvent(
        sources=_plover_actors(record.get("source"), dictionary),
        targets=_plover_actors(record.get("target"), dictionary),
        plover=event,
        cameo=None,
    )
    return GoldSentence(
        id=str(record.get("id") or where),
        text=record["text"],
        date=parse_publication_date(record.get("date")),
        events=(gold,),
        kind="plover",
        phenomenon=record.get("comment"),
    )


def _cameo_actor(code: Any, dictionary: ActorDictionary) -> tuple[GoldActor, ...]:
    if not isinstance(code, str) or not code:
        return ()
    text = code.upper()
    slot = country_slot(text, dictionary)
    rest = text[3:] if slot else text
    sector = next(
        (rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3] in SECTORS), None
    )
    return (GoldActor(slot, sector, code),)


def _cameo_record(
    record: dict[str, Any], where: str, dictionary: ActorDictionary, ontology: Ontology
) -> GoldSentence:
    expected = record["expected"]
    if not isinstance(expected, list):
        raise GoldFileError(
            f"{where}: 'expected' must be a list", fix='write "expected": [] for no event'
        )
    events = []
    for item in expected:
        cameo = str(item.get("code", "")) if isinstance(item, dict) else ""
        if cameo not in ontology:
            raise GoldFileError(
                f"{where}: unknown CAMEO code {cameo!r}", fix="use a code from the CAMEO list"
            )
        events.append(
            GoldEvent(
                sources=_cameo_actor(item.get("source"), dictionary),
                targets=_cameo_actor(item.get("target"), dictionary),
                plover=ontology.event_type(cameo).plover_type,
                cameo=cameo,
            )
        )
    return GoldSentence(
        id=str(record.get("id") or where),
        text=record["text"],
        date=parse_publication_date(record.get("date")),
        events=tuple(events),
        kind="cameo",
        phenomenon=record.get("phenomenon"),
    )
