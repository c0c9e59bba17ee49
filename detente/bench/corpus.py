"""The benchmark's corpus: the first N articles of a JSON Lines file, repeated K times.

Copies must be new articles to the pipeline, or re-ingesting would only replace the first
copy's rows, and the store would not grow as a real intake does. An article's id is the
record's `id` where it has one and a hash of its text otherwise (detente.ingest.normalize),
so each copy after the first gets a fresh `id`: `ID#K` (`line-N#K` for a record without
one). Nothing else changes, text included, so every copy codes the same events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from detente.errors import OptionError


@dataclass(frozen=True, slots=True)
class CorpusLines:
    """What `write_repeated_corpus` wrote."""

    path: Path
    records: int  # lines written, unreadable ones included (the pipeline rejects those)
    copies: int


def read_corpus_lines(corpus: Path, limit: int | None = None) -> list[str]:
    """The non-blank lines of a JSON Lines corpus, the first `limit` of them if given."""
    if not corpus.is_file():
        raise OptionError(f"no corpus at {corpus}", fix="give a JSON Lines file of articles")
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:limit] if limit else lines


def write_repeated_corpus(lines: list[str], out: Path, copies: int) -> CorpusLines:
    """Write `lines` `copies` times to `out`, each copy after the first with fresh ids."""
    if copies < 1:
        raise OptionError(f"--repeat {copies}", fix="give 1 or more")
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for number, line in enumerate(lines, start=1):
                handle.write(fresh_copy(line, number, copy) + "\n")
    return CorpusLines(out, len(lines) * copies, copies)


def split_corpus(corpus: Path, out_dir: Path, parts: int) -> list[Path]:
    """Split a JSON Lines file into `parts` files of consecutive lines, as near in size as
    lines allow (fewer when there are fewer lines), in `out_dir`."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    count = max(1, min(parts, len(lines)))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = out_dir / f"{corpus.stem}-part{number + 1}.jsonl"
        chunk = lines[number * len(lines) // count : (number + 1) * len(lines) // count]
        path.write_text("".join(line + "\n" for line in chunk), encoding="utf-8")
        paths.append(path)
    return paths


def fresh_copy(line: str, number: int, copy: int) -> str:
    """Line `number` of the corpus as copy `copy` (0: unchanged)."""
    if copy == 0:
        return line
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return line  # kept as it is: the pipeline must reject it as a user would see
    if not isinstance(record, dict):
        return line
    record["id"] = f"{record.get('id') or f'line-{number}'}#{copy}"
    return json.dumps(record, ensure_ascii=False)
