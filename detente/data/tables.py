"""Reading detente's tab-separated data files, with `file:line` on every complaint.

Every dictionary, lexicon and ontology table shares one shape, so users can edit them in
a text editor or a spreadsheet:

    # a title line
    # version: 1
    # source: where the facts come from
    # licence: the licence of this file
    column_a<TAB>column_b<TAB>...
    value<TAB>value|another value<TAB>...

Lines starting with `#` are comments, blank lines are skipped, `|` separates several
values in one cell. The `version`, `source` and `licence` comments are required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from detente.errors import DataFileError

REQUIRED_META = ("version", "source", "licence")
_META = re.compile(r"^#\s*([a-z_]+):\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its cells by column name, and where it came from."""

    path: str
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def values(self, column: str) -> list[str]:
        """The `|`-separated values of a cell, stripped, empty ones dropped."""
        return [v.strip() for v in self.get(column).split("|") if v.strip()]

    def error(self, message: str, fix: str) -> DataFileError:
        return DataFileError(self.path, self.line, message, fix=fix)


@dataclass(frozen=True, slots=True)
class Table:
    path: str
    meta: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


def bundled(*parts: str) -> Path:
    """The path of a data file shipped inside the package."""
    return Path(str(resources.files("detente.data").joinpath(*parts)))


def display_name(path: Path) -> str:
    """A bundled file as `lexicon/patterns.tsv`; a user's file as given."""
    try:
        return path.resolve().relative_to(bundled().resolve()).as_posix()
    except ValueError:
        return str(path)


def read_table(path: Path, required_columns: Sequence[str]) -> Table:
    """Read a data table, checking metadata, header and cell counts."""
    name = display_name(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise DataFileError(name, None, "file not found", fix="check the path") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(
            name, None, f"not UTF-8 ({exc.reason})", fix="save the file as UTF-8"
        ) from exc
    meta: dict[str, str] = {}
    columns: tuple[str, ...] = ()
    rows: list[Row] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            match = _META.match(line)
            if match and not columns:
                meta[match.group(1)] = match.group(2).strip()
            continue
        cells = line.split("\t")
        if not columns:
            columns = tuple(c.strip() for c in cells)
            missing = [c for c in required_columns if c not in columns]
            if missing:
                raise DataFileError(
                    name,
                    number,
                    f"header lacks column(s) {', '.join(missing)}",
                    fix=f"the header row must name: {', '.join(required_columns)} (tab-separated)",
                )
            continue
        if len(cells) > len(columns):
            raise DataFileError(
                name,
                number,
                f"{len(cells)} cells but the header has {len(columns)} columns",
                fix="separate cells with single tabs and remove stray tabs",
            )
        cells += [""] * (len(columns) - len(cells))
        rows.append(Row(name, number, dict(zip(columns, (c.strip() for c in cells), strict=True))))
    if not columns:
        raise DataFileError(name, None, "no header row", fix="add a tab-separated header row")
    missing_meta = [k for k in REQUIRED_META if k not in meta]
    if missing_meta:
        raise DataFileError(
            name,
            1,
            f"missing metadata comment(s): {', '.join(missing_meta)}",
            fix="start the file with lines like '# version: 1', '# source: ...', '# licence: ...'",
        )
    return Table(name, meta, columns, tuple(rows))
