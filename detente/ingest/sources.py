"""Reading articles from files, directories, JSON Lines and standard input.

`read_inputs` yields an `Article` for every readable article and a `Rejection` for every
one that is not, so a caller can code the first and record the second: nothing is lost
and one bad line never stops a batch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from detente.errors import ErrorCode, InputError
from detente.ingest.decode import decode_bytes
from detente.ingest.normalize import build_article
from detente.types import Article, Rejection

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
STDIN = "-"

Item = Article | Rejection


def read_inputs(
    paths: Iterable[str | Path],
    *,
    max_chars: int,
    default_date: date | None = None,
    stdin_text: str | None = None,
) -> Iterator[Item]:
    """Every article in `paths` (files, directories searched recursively, or `-`)."""
    for raw in paths:
        name = str(raw)
        if name == STDIN:
            data = stdin_text.encode("utf-8") if stdin_text is not None else sys.stdin.buffer.read()
            # Standard input holds JSON Lines when its first non-blank character is `{`.
            suffix = ".jsonl" if data.lstrip().startswith(b"{") else ".txt"
            yield from _read_bytes(data, "<stdin>", suffix, max_chars, default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                yield from _read_file(child, max_chars, default_date, in_directory=True)
        elif path.exists():
            yield from _read_file(path, max_chars, default_date, in_directory=False)
        else:
            yield Rejection(
                origin=name,
                error_code=ErrorCode.NOT_FOUND.value,
                reason=f"{name}: no such file or directory; check the path",
            )


def estimate_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles `paths` hold, cheaply (for progress bars); None for stdin."""
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            return None
        path = Path(raw)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


def _read_file(
    path: Path, max_chars: int, default_date: date | None, *, in_directory: bool
) -> Iterator[Item]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES and in_directory:
        yield Rejection(
            origin=origin,
            error_code=ErrorCode.UNSUPPORTED_INPUT.value,
            reason=f"{origin}: skipped, detente reads {', '.join(sorted(SUPPORTED_SUFFIXES))} files; "
            "rename it to .txt if it is plain text",
        )
        return
    try:
        if suffix in JSONL_SUFFIXES:
            # Streamed line by line: a whole corpus held as bytes and as a list of lines
            # (some 34 MB for 8,000 articles) made the peak memory of a long ingest grow
            # with the corpus (issue 6).
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, origin, max_chars, default_date)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(
            origin, ErrorCode.NOT_FOUND.value, f"{origin}: cannot read ({exc.strerror})"
        )
        return
    yield from _read_bytes(data, origin, suffix, max_chars, default_date)


def _read_bytes(
    data: bytes, origin: str, suffix: str, max_chars: int, default_date: date | None
) -> Iterator[Item]:
    """The articles in one input's bytes, read as its suffix says."""
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data.split(b"\n"), origin, max_chars, default_date)
        return
    try:
        text = decode_bytes(data, origin)
        if suffix in HTML_SUFFIXES:
            yield _article_from_html(text, origin, max_chars, default_date)
        else:
            yield build_article(
                text, origin, max_chars=max_chars, default_date=default_date, read_headers=True
            )
    except InputError as exc:
        yield _rejection(exc, origin)


def _read_jsonl(
    lines: Iterable[bytes], origin: str, max_chars: int, default_date: date | None
) -> Iterator[Item]:
    """The articles of JSON Lines given as byte lines (with or without their b"\\n")."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        if raw.endswith(b"\n"):  # so that error columns read as in the line itself
            raw = raw[:-1]
        empty = empty and not raw.strip()
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            record = _parse_json_line(raw, line_origin)
            yield _article_from_record(record, line_origin, max_chars, default_date)
        except InputError as exc:
            yield _rejection(exc, line_origin, article_id=_id_hint(raw))
    if empty:
        yield Rejection(origin, ErrorCode.EMPTY_INPUT.value, f"{origin}: the file is empty")


def _parse_json_line(raw: bytes, origin: str) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            origin,
            f"this line is not UTF-8 ({exc.reason} at byte {exc.start})",
            fix="JSON Lines must be UTF-8; re-encode the file (iconv -t UTF-8)",
            code=ErrorCode.UNDECODABLE,
        ) from exc
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            origin,
            f"malformed JSON ({exc.msg} at column {exc.colno})",
            fix="each line must be one JSON object; repair or remove this line",
            code=ErrorCode.MALFORMED_JSON,
        ) from exc
    if not isinstance(record, dict):
        raise InputError(
            origin,
            f"expected a JSON object, found {type(record).__name__}",
            fix='write one object per line, like {"id": "a1", "text": "..."}',
            code=ErrorCode.MALFORMED_JSON,
        )
    return record


def _article_from_record(
    record: dict[str, Any], origin: str, max_chars: int, default_date: date | None
) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}"
        raise InputError(
            origin,
            f"the 'text' field is {found}",
            fix="give every record a string field 'text' with the article body",
            code=ErrorCode.MISSING_TEXT,
        )
    return build_article(
        text, origin, max_chars=max_chars, fields=record, default_date=default_date
    )


def _article_from_html(
    html: str, origin: str, max_chars: int, default_date: date | None
) -> Article:
    import trafilatura  # heavy import; only HTML inputs need it

    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body:
        raise InputError(
            origin,
            "no article text could be extracted from this HTML",
            fix="check that the page holds the article itself (not a login or index page)",
            code=ErrorCode.BAD_HTML,
        )
    fields = {
        "title": getattr(extracted, "title", None),
        "date": getattr(extracted, "date", None),
        "url": getattr(extracted, "url", None),
        "source": getattr(extracted, "sitename", None),
    }
    return build_article(
        body, origin, max_chars=max_chars, fields=fields, default_date=default_date
    )


def _rejection(exc: InputError, origin: str, article_id: str | None = None) -> Rejection:
    return Rejection(
        origin=origin, error_code=exc.code.value, reason=exc.render(), article_id=article_id
    )


def _id_hint(raw: bytes) -> str | None:
    """The id of a record that failed later checks, when the line is valid JSON."""
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    value = record.get("id") if isinstance(record, dict) else None
    return str(value) if value not in (None, "") else None
