"""Reading PETRARCH (and TABARI-style) actor and agent dictionaries.

So that a PETRARCH user can bring their dictionaries, `--actors` accepts:

- `.actors` files: records of a primary phrase with an optional default code, synonym
  lines starting with `+`, and date-restricted codes on their own lines
  (`[USAGOV 090120-170120]`, `[USAELI <090120]`, `[USAELI >170120]`):

      BARACK_OBAMA_ [USA]
      +PRESIDENT_OBAMA
          [USAELI 050103-090119]
          [USAGOV 090120-170120]

- `.agents` files: `PHRASE {PLURAL} [~SECTOR]` (the code is appended to the actor's
  code) or `[SECTOR~]` (prefixed, used for organisation types such as `NGO~`), with
  `!MARKER! = A, B` substitution sets.

Phrases use `_` or spaces between words and are matched ignoring case, as PETRARCH
does. Comments (`#`, `;` and `<!-- -->`) are skipped. A line that cannot be read stops
loading with `file:line` and the fix.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from detente.actors.dictionary import Entry, EntryKind
from detente.errors import DataFileError

if TYPE_CHECKING:
    from detente.actors.dictionary import DictionaryBuilder

_CODE = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"^(?P<code>[A-Z0-9]+)(?:\s+(?P<when>[<>]?\d{6,8}(?:-\d{6,8})?))?$")
_MARKER = re.compile(r"^(!\w+!)\s*=\s*(.+)$")
_ORG_PREFIXES = {"IGO", "NGO", "IMG", "NGM", "MNC", "ISM"}


def add_petrarch_file(builder: DictionaryBuilder, path: Path, *, agents: bool) -> None:
    try:
        raw = path.read_text(encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raw = path.read_text(encoding="latin-1")
    except OSError as exc:
        raise DataFileError(
            str(path), None, f"cannot read ({exc.strerror})", fix="check the path"
        ) from exc
    lines = list(_content_lines(raw))
    if agents:
        _add_agents(builder, str(path), lines)
    else:
        _add_actors(builder, str(path), lines)


def _content_lines(raw: str) -> list[tuple[int, str]]:
    """(line number, text) without comments; keeps leading whitespace (it matters)."""
    out: list[tuple[int, str]] = []
    in_comment = False
    for number, line in enumerate(raw.splitlines(), start=1):
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_comment = before, True
        line = line.split("#", 1)[0].split(";", 1)[0].rstrip()
        if line.strip():
            out.append((number, line))
    return out


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).lower()


def _parse_date(text: str, where: str) -> date:
    digits = text if len(text) == 8 else ("19" if int(text[:2]) > 40 else "20") + text
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise DataFileError(
            where.rsplit(":", 1)[0],
            int(where.rsplit(":", 1)[1]),
            f"bad date {text!r}",
            fix="write YYMMDD or YYYYMMDD",
        ) from None


def _add_actors(builder: DictionaryBuilder, path: str, lines: list[tuple[int, str]]) -> None:
    records: list[list[tuple[int, str]]] = []
    for number, line in lines:
        is_continuation = line.startswith(("+", " ", "\t")) and records
        if is_continuation:
            records[-1].append((number, line.strip()))
        else:
            records.append([(number, line.strip())])
    for record in records:
        _add_actor_record(builder, path, record)


def _add_actor_record(builder: DictionaryBuilder, path: str, record: list[tuple[int, str]]) -> None:
    first_line, first = record[0]
    phrases: list[tuple[int, str]] = []
    default: str | None = None
    restrictions: list[tuple[int, str, date | None, date | None]] = []
    for number, text in record:
        where = f"{path}:{number}"
        codes = _CODE.findall(text)
        phrase = _CODE.sub("", text).lstrip("+").strip()
        if phrase:
            phrases.append((number, phrase))
            if codes:
                default = _check_code(codes[0].strip(), where)
            continue
        for code in codes:
            match = _RESTRICTION.match(code.strip())
            if not match:
                raise DataFileError(
                    path,
                    number,
                    f"cannot read the code {code!r}",
                    fix="write [CODE], [CODE YYMMDD-YYMMDD], [CODE <YYMMDD] or [CODE >YYMMDD]",
                )
            start, end = _window(match.group("when"), where)
            restrictions.append((number, _check_code(match.group("code"), where), start, end))
    if not phrases:
        raise DataFileError(
            path, first_line, f"no phrase in {first!r}", fix="start a record with its phrase"
        )
    if default is None and not restrictions:
        raise DataFileError(
            path,
            first_line,
            f"no code for {first!r}",
            fix="add [CODE] after the phrase or on its own line",
        )
    name = phrases[0][1].replace("_", " ").strip().title()
    for _, phrase in phrases:
        for entry in _actor_entries(builder, path, first_line, phrase, name, default, restrictions):
            builder.put_name(_phrase(phrase), entry, any_case=True)


def _actor_entries(
    builder: DictionaryBuilder,
    path: str,
    line: int,
    phrase: str,
    name: str,
    default: str | None,
    restrictions: list[tuple[int, str, date | None, date | None]],
) -> list[Entry]:
    where = f"{path}:{line}"
    if restrictions:
        # A dated record is a person: each restriction is a term; the default code (or an
        # undated restriction) applies whenever no dated one does.
        terms = list(restrictions)
        if default is not None:
            terms.append((line, default, None, None))
        return [
            _coded_entry(
                builder, EntryKind.PERSON, phrase, f"{path}:{number}", code, name, start, end
            )
            for number, code, start, end in terms
        ]
    assert default is not None
    kind = EntryKind.ORGANISATION if default[:3] in _ORG_PREFIXES else EntryKind.COUNTRY_NAME
    return [_coded_entry(builder, kind, phrase, where, default, None, None, None)]


def _coded_entry(
    builder: DictionaryBuilder,
    kind: EntryKind,
    phrase: str,
    where: str,
    code: str,
    name: str | None,
    start: date | None,
    end: date | None,
) -> Entry:
    country = builder.cameo_to_iso.get(code[:3])
    sectors = (
        tuple(code[i : i + 3] for i in range(3, len(code) - len(code) % 3, 3)) if country else ()
    )
    if kind is EntryKind.PERSON:
        return Entry(
            EntryKind.PERSON,
            phrase,
            where,
            country=country,
            country_code=code[:3] if country else None,
            sectors=sectors or ("GOV",),
            org=None if country else code,
            org_code=None if country else code,
            refers_to=name,
            office=f"PETRARCH code {code}",
            start=start or date.min,
            end=end,
        )
    if country is None:
        return Entry(
            EntryKind.ORGANISATION, phrase, where, org=code, org_code=code, org_kind=code[:3]
        )
    return Entry(kind, phrase, where, country=country, country_code=code[:3], sectors=sectors)


def _window(when: str | None, where: str) -> tuple[date | None, date | None]:
    if not when:
        return None, None
    if when.startswith("<"):
        return None, _parse_date(when[1:], where)
    if when.startswith(">"):
        return _parse_date(when[1:], where), None
    start, _, end = when.partition("-")
    return _parse_date(start, where), _parse_date(end, where)


def _check_code(code: str, where: str) -> str:
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        path, line = where.rsplit(":", 1)
        raise DataFileError(
            path,
            int(line),
            f"code {code!r} is not a CAMEO-style code",
            fix="use capital letters, e.g. [USAGOV]",
        )
    return code


def _add_agents(builder: DictionaryBuilder, path: str, lines: list[tuple[int, str]]) -> None:
    markers: dict[str, list[str]] = {}
    for number, line in lines:
        text = line.strip()
        marker = _MARKER.match(text)
        if marker:
            markers[marker.group(1)] = [v.strip() for v in marker.group(2).split(",") if v.strip()]
            continue
        codes = _CODE.findall(text) or re.findall(r"\[([^\]}]*)\}", text)
        if not codes:
            raise DataFileError(
                path, number, f"no [~CODE] in {text!r}", fix="write PHRASE {PLURAL} [~CODE]"
            )
        code = codes[0].strip().replace("~", "")
        if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})*", code):
            raise DataFileError(
                path, number, f"agent code {codes[0]!r}", fix="write [~GOV] or [NGO~]"
            )
        body = re.sub(r"\[[^\]}]*[\]}]", "", text)
        plural = re.search(r"\{([^}]*)\}", body)
        phrase = re.sub(r"\{[^}]*\}", "", body).strip()
        sectors = tuple(code[i : i + 3] for i in range(0, len(code), 3))
        forms = [phrase] + ([plural.group(1)] if plural and plural.group(1).strip() else [])
        for form in forms:
            for expanded in _expand_markers(form, markers):
                role = _phrase(expanded)
                builder.roles[role] = [
                    Entry(
                        EntryKind.ROLE, role, f"{path}:{number}", sectors=sectors, refers_to="group"
                    )
                ]


def _expand_markers(text: str, markers: dict[str, list[str]]) -> list[str]:
    for marker, values in markers.items():
        if marker in text:
            return [t for v in values for t in _expand_markers(text.replace(marker, v), markers)]
    return [text]
