"""The CAMEO and PLOVER ontologies, loaded from data files and checked at load.

Three files under `detente/data/ontology/` (see NOTICE for their licences):
- `cameo_event_codes.tsv`: every CAMEO 1.1b3 code with its name, Goldstein score and
  quad class;
- `cameo_to_plover.txt`: the PLOVER project's CAMEO -> PLOVER (type, mode, context) table;
- `plover_ontology.json`: the PLOVER event types, modes and contexts.

A CAMEO code the mapping does not list takes its nearest listed ancestor's PLOVER type
(0311 -> 031 -> 03). Roots 01 (statements) and 02 (appeals) have no PLOVER type, as in
PLOVER itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from detente.data.tables import bundled, read_table
from detente.errors import DataFileError
from detente.types import EventType, QuadClass

_CODE = re.compile(r"^\d{2,4}$")
_MAPPING_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#(.*))?$")

# Quad class follows from the root, as in GDELT; the loader checks the file agrees.
_ROOT_QUAD = {
    **{f"{r:02d}": QuadClass.VERBAL_COOPERATION for r in range(1, 6)},
    **{f"{r:02d}": QuadClass.MATERIAL_COOPERATION for r in range(6, 10)},
    **{f"{r:02d}": QuadClass.VERBAL_CONFLICT for r in range(10, 15)},
    **{f"{r:02d}": QuadClass.MATERIAL_CONFLICT for r in range(15, 21)},
}


@dataclass(frozen=True, slots=True)
class PloverType:
    code: str
    quad_class: QuadClass
    meaning: str
    modes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _PloverMapping:
    type: str
    mode: str | None
    contexts: tuple[str, ...]


class Ontology:
    """CAMEO codes with their PLOVER equivalents; look codes up with `event_type`."""

    def __init__(self, event_types: dict[str, EventType], plover_types: dict[str, PloverType]):
        self._types = event_types
        self.plover_types = plover_types

    def event_type(self, cameo: str) -> EventType:
        try:
            return self._types[cameo]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {cameo!r}") from None

    def __contains__(self, cameo: object) -> bool:
        return cameo in self._types

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._types)

    def roots(self) -> tuple[str, ...]:
        return tuple(c for c in self._types if len(c) == 2)


@cache
def load_ontology(directory: Path | None = None) -> Ontology:
    """Load and validate the ontology files (bundled ones unless a directory is given)."""
    folder = directory or bundled("ontology")
    plover_types = _read_plover_types(folder / "plover_ontology.json")
    mapping = _read_mapping(folder / "cameo_to_plover.txt", plover_types)
    return Ontology(_read_cameo(folder / "cameo_event_codes.tsv", mapping), plover_types)


def _read_cameo(path: Path, mapping: dict[str, _PloverMapping]) -> dict[str, EventType]:
    table = read_table(path, ("code", "name", "goldstein", "quad_class"))
    types: dict[str, EventType] = {}
    for row in table:
        code = row.get("code")
        if not _CODE.match(code):
            raise row.error(f"bad CAMEO code {code!r}", fix="codes are 2 to 4 digits")
        if code in types:
            raise row.error(f"CAMEO code {code} listed twice", fix="keep one row per code")
        if len(code) > 2 and code[: len(code) - 1 if len(code) == 4 else 2] not in types:
            raise row.error(
                f"CAMEO code {code} comes before its parent",
                fix="list each root and 3-digit code before its children",
            )
        try:
            goldstein = float(row.get("goldstein"))
            quad = QuadClass(int(row.get("quad_class")))
        except ValueError as exc:
            raise row.error(f"bad number: {exc}", fix="goldstein is -10..10, quad 1..4") from exc
        if not -10.0 <= goldstein <= 10.0:
            raise row.error(f"Goldstein score {goldstein} outside -10..10", fix="check the value")
        if quad != _ROOT_QUAD.get(code[:2]):
            raise row.error(
                f"quad class {quad.value} does not match root {code[:2]}",
                fix="roots 01-05 are 1, 06-09 are 2, 10-14 are 3, 15-20 are 4",
            )
        plover = _inherited(code, mapping)
        types[code] = EventType(
            cameo=code,
            name=row.get("name"),
            goldstein=goldstein,
            quad_class=quad,
            plover_type=plover.type if plover else None,
            plover_mode=plover.mode if plover else None,
            plover_contexts=plover.contexts if plover else (),
        )
    roots = {c for c in types if len(c) == 2}
    expected_roots = set(_ROOT_QUAD)
    if roots != expected_roots:
        raise DataFileError(
            str(path), None, f"roots missing: {sorted(expected_roots - roots)}", fix="add them"
        )
    return types


def _inherited(code: str, mapping: dict[str, _PloverMapping]) -> _PloverMapping | None:
    for length in range(len(code), 1, -1):
        found = mapping.get(code[:length])
        if found:
            return found
    return None


def _read_mapping(path: Path, plover_types: dict[str, PloverType]) -> dict[str, _PloverMapping]:
    mapping: dict[str, _PloverMapping] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", "~")):
            continue
        match = _MAPPING_LINE.match(line)
        if not match:
            raise DataFileError(
                str(path), number, f"cannot read {line!r}", fix="write 'CODE: TYPE, mode, context'"
            )
        code, ptype, mode, context = match.group(1), match.group(2), match.group(3), match.group(4)
        if ptype not in plover_types:
            raise DataFileError(
                str(path),
                number,
                f"unknown PLOVER type {ptype!r}",
                fix=f"use one of {', '.join(sorted(plover_types))}",
            )
        # A root heads two PLOVER types in one case (08: CONCEDE and RETREAT); the first
        # listed stands for the bare root code.
        if code in mapping and len(code) == 2:
            continue
        contexts = tuple(c.strip() for c in (context or "").split(";") if c.strip())
        mapping[code] = _PloverMapping(ptype, (mode or "").strip() or None, contexts)
    return mapping


def _read_plover_types(path: Path) -> dict[str, PloverType]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(str(path), exc.lineno, exc.msg, fix="repair the JSON") from exc
    for key in ("version", "licence", "event_types"):
        if key not in data:
            raise DataFileError(str(path), None, f"missing key {key!r}", fix=f"add {key!r}")
    types: dict[str, PloverType] = {}
    for entry in data["event_types"]:
        try:
            types[entry["code"]] = PloverType(
                code=entry["code"],
                quad_class=QuadClass(int(entry["quad_code"])),
                meaning=entry.get("meaning", ""),
                modes=tuple(entry.get("modes", {})) + tuple(entry.get("ngec_extra_modes", {})),
            )
        except (KeyError, ValueError) as exc:
            raise DataFileError(
                str(path), None, f"bad event type {entry!r}: {exc}", fix="give code and quad_code"
            ) from exc
    return types
