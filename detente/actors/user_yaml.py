"""Actor dictionaries written in YAML (`--actors my_actors.yaml`).

The same entries as the bundled TSV files, grouped by section, for users who find YAML
easier to write; each entry is checked by the same rules and errors name `file:line`:

    version: 1
    source: my team
    licence: CC0
    organisations:
      - {id: BLUE_FRONT, code: SYRREBBLF, kind: ARMED, country: SYR, sectors: [REB],
         name: Blue Front, aliases: [BF]}
    roles:
      - {phrase: border guard, sectors: [MIL], refers_to: group}
    people:
      - {name: Jane Doe, aliases: [Doe], country: KEN, office: foreign minister,
         start: 2020-01-01, end: 2023-06-30}
    countries:
      - {iso3: XXA, cameo: XXA, name: Atlantis, names: [Atlantis], adjectives: [Atlantean]}
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from detente.actors.dictionary import AGENT_COLUMNS, COUNTRY_COLUMNS, ORG_COLUMNS, PEOPLE_COLUMNS
from detente.data.tables import REQUIRED_META, Row, Table
from detente.errors import DataFileError

if TYPE_CHECKING:
    from detente.actors.dictionary import DictionaryBuilder

_SECTIONS = {
    "countries": COUNTRY_COLUMNS,
    "roles": AGENT_COLUMNS,
    "organisations": ORG_COLUMNS,
    "people": PEOPLE_COLUMNS,
}


def add_yaml_file(builder: DictionaryBuilder, path: Path) -> None:
    name = str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            name, None, f"cannot read ({exc})", fix="save the file as UTF-8"
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(
            name,
            mark.line + 1 if mark else None,
            f"not valid YAML ({getattr(exc, 'problem', exc)})",
            fix="check indentation and quoting",
        ) from exc
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError(
            name, 1, "the file must be a mapping of sections", fix="see docs/actors.md"
        )
    top = {key.value: value for key, value in root.value}
    missing = [k for k in REQUIRED_META if k not in top]
    if missing:
        raise DataFileError(
            name, 1, f"missing {', '.join(missing)}", fix="add version:, source: and licence: keys"
        )
    unknown = set(top) - set(_SECTIONS) - set(REQUIRED_META)
    if unknown:
        raise DataFileError(
            name,
            1,
            f"unknown section(s) {', '.join(sorted(unknown))}",
            fix=f"use {', '.join(_SECTIONS)}",
        )
    adders = {
        "countries": builder.add_countries,
        "roles": builder.add_agents,
        "organisations": builder.add_organisations,
        "people": builder.add_people,
    }
    for section, columns in _SECTIONS.items():
        if section in top:
            adders[section](_table(name, top[section], columns, section))


def _table(name: str, node: yaml.Node, columns: tuple[str, ...], section: str) -> Table:
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(
            name, node.start_mark.line + 1, f"'{section}' must be a list", fix="write '- ' entries"
        )
    rows = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise DataFileError(
                name,
                line,
                f"an entry of '{section}' must be a mapping",
                fix="write key: value pairs",
            )
        cells: dict[str, str] = {}
        for key, value in item.value:
            if isinstance(value, yaml.SequenceNode):
                cells[key.value] = "|".join(str(v.value) for v in value.value)
            elif isinstance(value, yaml.ScalarNode):
                cells[key.value] = str(value.value)
            else:
                raise DataFileError(
                    name,
                    key.start_mark.line + 1,
                    f"'{key.value}' cannot be a mapping",
                    fix="use a value or a list",
                )
        missing = [c for c in columns if c not in cells and c not in _OPTIONAL]
        if missing:
            raise DataFileError(
                name, line, f"entry lacks {', '.join(missing)}", fix=f"give {', '.join(columns)}"
            )
        rows.append(Row(name, line, cells))
    return Table(name, {"version": "", "source": "", "licence": ""}, columns, tuple(rows))


# Keys that may be left out of a YAML entry (empty in a TSV row).
_OPTIONAL = {
    "aliases",
    "sectors",
    "country",
    "end",
    "cameo",
    "names",
    "adjectives",
    "capitals",
    "metonyms",
    "refers_to",
    "code",
}
