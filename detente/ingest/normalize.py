"""From raw text and fields to a normalised `Article`.

Normalising means: one kind of line ending, the optional header lines and title line of
a `.txt` file taken off, the dateline taken off the first paragraph, a publication date
parsed, and a deterministic article id. Offsets detente reports later point into the
normalised `Article.text`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from detente.errors import empty_input, too_large
from detente.ingest.datelines import split_dateline
from detente.types import Article

# Optional `Key: value` lines at the top of a .txt file (a common corpus convention).
_HEADER = re.compile(r"^(date|source|url|id|title|language):\s*(.*)$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’")
_MAX_TITLE_CHARS = 250
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%d %b %Y")


def article_id_for(text: str) -> str:
    """A content hash: the same article read twice, from anywhere, gets the same id."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def parse_publication_date(value: Any) -> date | None:
    """A publication date from common field formats, or None when it cannot be read.

    Slashed dates are read month-first (4/5/2017 is April 5), the wire-service and
    US-archive convention; ISO dates are preferred everywhere.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    import dateparser  # slow to import; only needed for unusual formats

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY"})
    return parsed.date() if parsed else None


def build_article(
    body: str,
    origin: str,
    *,
    max_chars: int,
    fields: Mapping[str, Any] | None = None,
    default_date: date | None = None,
    read_headers: bool = False,
) -> Article:
    """Normalise one article. `fields` are structured fields (JSON Lines, HTML metadata)."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip("\ufeff")
    given = dict(fields or {})
    if read_headers:
        headers, text = _take_headers(text)
        for key, value in headers.items():
            given.setdefault(key, value)
        title, text = _take_title(text)
        if title and not given.get("title"):
            given["title"] = title
    text = text.strip()
    if not text:
        raise empty_input(origin)
    if len(text) > max_chars:
        raise too_large(origin, len(text), max_chars)
    dateline, start = split_dateline(text)
    text = text[start:].strip()
    if not text:
        raise empty_input(origin)
    metadata = {k: v for k, v in given.items() if k not in _KNOWN_FIELDS}
    raw_date = given.get("date")
    published = parse_publication_date(raw_date)
    if raw_date and published is None:
        metadata["unreadable_date"] = str(raw_date)
    raw_id = given.get("id")
    return Article(
        article_id=str(raw_id) if raw_id not in (None, "") else article_id_for(text),
        text=text,
        origin=origin,
        title=_clean(given.get("title")),
        date=published or default_date,
        source=_clean(given.get("source")) or (dateline.agency if dateline else None),
        url=_clean(given.get("url")),
        dateline=dateline,
        metadata=metadata,
    )


_KNOWN_FIELDS = {"id", "title", "text", "date", "source", "url"}


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _take_headers(text: str) -> tuple[dict[str, str], str]:
    headers: dict[str, str] = {}
    lines = text.split("\n")
    taken = 0
    for line in lines:
        match = _HEADER.match(line.strip())
        if not match:
            break
        headers[match.group(1).lower()] = match.group(2).strip()
        taken += 1
    return headers, "\n".join(lines[taken:])


def _take_title(text: str) -> tuple[str | None, str]:
    """A first line is a title when it is short, unpunctuated and stands apart.

    It stands apart when a blank line follows it or the next line opens with a dateline.
    """
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if not rest.strip() or not first or len(first) > _MAX_TITLE_CHARS:
        return None, text
    if first.endswith(_SENTENCE_END):
        return None, text
    blank_follows = rest.startswith("\n") or rest.split("\n", 1)[0].strip() == ""
    dateline_follows = split_dateline(rest.lstrip("\n"))[0] is not None
    if blank_follows or dateline_follows:
        return first, rest
    return None, text
