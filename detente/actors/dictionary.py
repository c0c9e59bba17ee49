"""The actor dictionaries: countries, role words (agents) and organisations.

Three tab-separated files under `detente/data/actors/` (docs/actors.md describes their
columns). Users can add files of the same shapes; later files override earlier ones for
the same phrase. Every phrase becomes an `Entry` that remembers the file and line it came
from, so a coded actor can say which dictionary line resolved it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path

from detente.data.tables import Row, Table, bundled, read_table
from detente.errors import DataFileError

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "REB",
        "PTY",
        "BUS",
        "MED",
        "HLH",
        "CVL",
        "REF",
        "EDU",
        "REL",
        "LAB",
        "SPY",
        "ELI",
        "CRM",
        "UAF",
        "AGR",
        "SOC",
        "PRM",
        "ENV",
    ]
)
ORG_KINDS = frozenset({"IGO", "NGO", "IMG", "ARMED", "PRM", "PARTY", "BLOC"})
_CODE3 = re.compile(r"^[A-Z]{3}$")
_ORG_ID = re.compile(r"^[A-Z0-9_]+$")
_METONYM = re.compile(r"^(?P<phrase>[^=]+)=(?P<sector>[A-Z]{3})$")

COUNTRY_COLUMNS = ("iso3", "cameo", "name", "names", "adjectives", "capitals", "metonyms")
AGENT_COLUMNS = ("phrase", "sectors", "refers_to")
ORG_COLUMNS = ("id", "code", "kind", "country", "sectors", "name", "aliases")
PEOPLE_COLUMNS = ("name", "aliases", "country", "office", "start", "end")


class EntryKind(StrEnum):
    COUNTRY_NAME = "country name"
    COUNTRY_ADJECTIVE = "country adjective"
    CAPITAL = "capital"
    METONYM = "seat of government"
    ORGANISATION = "organisation"
    ROLE = "role"
    MODIFIER = "modifier"
    PERSON = "person"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Entry:
    """What one dictionary phrase means."""

    kind: EntryKind
    phrase: str
    where: str  # file:line
    country: str | None = None  # ISO 3166 alpha-3
    country_code: str | None = None  # CAMEO country code (differs for a few, e.g. Kosovo)
    sectors: tuple[str, ...] = ()
    org: str | None = None
    org_code: str | None = None
    org_kind: str | None = None
    refers_to: str | None = None  # person | group | modifier | title (roles)
    # A person's term of office (people.tsv): who they were depends on the article's date.
    office: str | None = None
    start: date | None = None
    end: date | None = None

    @property
    def is_country(self) -> bool:
        return self.kind in _COUNTRY_KINDS


_COUNTRY_KINDS = {
    EntryKind.PLACE,
    EntryKind.COUNTRY_NAME,
    EntryKind.COUNTRY_ADJECTIVE,
    EntryKind.CAPITAL,
    EntryKind.METONYM,
}


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """All phrases, split by how they are matched.

    Names (countries, capitals, organisations) are matched case-sensitively as written;
    role words are matched on lower-cased lemmas, so plurals and capitals match too.
    """

    names: dict[str, tuple[Entry, ...]]
    roles: dict[str, tuple[Entry, ...]]
    countries: dict[str, Entry]  # iso3 -> the country's canonical name entry
    cameo_to_iso: dict[str, str]  # every code seen for a country (cameo, other codes) -> iso3
    iso2_to_iso3: dict[str, str]
    # Names from PETRARCH dictionaries, which are written in capitals: matched ignoring case.
    names_any_case: dict[str, tuple[Entry, ...]]

    def country_of_code(self, code: str) -> str | None:
        return self.cameo_to_iso.get(code)


@cache
def load_dictionary(extra_files: tuple[Path, ...] = ()) -> ActorDictionary:
    """The bundled dictionaries plus the user's files (which win on shared phrases)."""
    folder = bundled("actors")
    builder = DictionaryBuilder()
    builder.add_countries(read_table(folder / "countries.tsv", COUNTRY_COLUMNS))
    builder.add_agents(read_table(folder / "agents.tsv", AGENT_COLUMNS))
    builder.add_organisations(read_table(folder / "organisations.tsv", ORG_COLUMNS))
    builder.add_people(read_table(folder / "people.tsv", PEOPLE_COLUMNS))
    for path in extra_files:
        builder.add_user_file(path)
    return builder.build()


class DictionaryBuilder:
    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}
        self.roles: dict[str, list[Entry]] = {}
        self.countries: dict[str, Entry] = {}
        self.cameo_to_iso: dict[str, str] = {}
        self.iso2_to_iso3: dict[str, str] = {}
        self.org_codes: dict[str, str] = {}
        self.names_any_case: dict[str, list[Entry]] = {}

    def build(self) -> ActorDictionary:
        return ActorDictionary(
            names={k: tuple(v) for k, v in self.names.items()},
            roles={k: tuple(v) for k, v in self.roles.items()},
            countries=self.countries,
            cameo_to_iso=self.cameo_to_iso,
            iso2_to_iso3=self.iso2_to_iso3,
            names_any_case={k: tuple(v) for k, v in self.names_any_case.items()},
        )

    def add_user_file(self, path: Path) -> None:
        """A user's file: YAML by its suffix, PETRARCH by its name, else a TSV by its header."""
        name = path.name.lower()
        if path.suffix.lower() in {".yaml", ".yml"}:
            from detente.actors.user_yaml import add_yaml_file

            add_yaml_file(self, path)
            return
        if ".actors" in name or ".agents" in name or name.endswith(("actors.txt", "agents.txt")):
            from detente.actors.petrarch import add_petrarch_file

            add_petrarch_file(self, path, agents=".agents" in name or name.endswith("agents.txt"))
            return
        header = read_table(path, ()).columns
        if set(PEOPLE_COLUMNS) <= set(header):
            self.add_people(read_table(path, PEOPLE_COLUMNS))
        elif set(COUNTRY_COLUMNS) <= set(header):
            self.add_countries(read_table(path, COUNTRY_COLUMNS))
        elif set(ORG_COLUMNS) <= set(header):
            self.add_organisations(read_table(path, ORG_COLUMNS))
        elif set(AGENT_COLUMNS) <= set(header):
            self.add_agents(read_table(path, AGENT_COLUMNS))
        else:
            raise DataFileError(
                str(path),
                None,
                f"unrecognised dictionary header {', '.join(header)}",
                fix="use the columns of countries.tsv, agents.tsv, organisations.tsv or people.tsv "
                "(docs/actors.md), a .yaml file, or a PETRARCH .actors/.agents file",
            )

    def add_countries(self, table: Table) -> None:
        for row in table:
            iso3, cameo = row.get("iso3"), row.get("cameo") or row.get("iso3")
            for code, column in ((iso3, "iso3"), (cameo, "cameo")):
                if not _CODE3.match(code):
                    raise row.error(
                        f"{column} {code!r} is not three capital letters",
                        fix="use ISO 3166 alpha-3",
                    )
            name = row.get("name")
            if not name:
                raise row.error("empty name", fix="give the country's common English name")

            def entry(kind: EntryKind, phrase: str, sectors: tuple[str, ...] = ()) -> Entry:
                return Entry(kind, phrase, f"{row.path}:{row.line}", iso3, cameo, sectors)  # noqa: B023

            self.countries[iso3] = entry(EntryKind.COUNTRY_NAME, name)
            if row.get("iso2"):
                self.iso2_to_iso3[row.get("iso2")] = iso3
            for code in (iso3, cameo, *row.values("other_codes")):
                self.cameo_to_iso[code] = iso3
            for phrase in {name, *row.values("names")}:
                self._put_name(phrase, entry(EntryKind.COUNTRY_NAME, phrase))
            for phrase in row.values("adjectives"):
                self._put_name(phrase, entry(EntryKind.COUNTRY_ADJECTIVE, phrase))
            for phrase in row.values("capitals"):
                self._put_name(phrase, entry(EntryKind.CAPITAL, phrase, ("GOV",)))
            for item in row.values("metonyms"):
                match = _METONYM.match(item)
                if not match or match.group("sector") not in SECTORS:
                    raise row.error(
                        f"metonym {item!r} is not phrase=SECTOR with a known sector",
                        fix="write e.g. Kremlin=GOV or Pentagon=MIL",
                    )
                phrase = match.group("phrase").strip()
                self._put_name(phrase, entry(EntryKind.METONYM, phrase, (match.group("sector"),)))

    def add_agents(self, table: Table) -> None:
        for row in table:
            phrase = row.get("phrase")
            if not phrase or phrase != phrase.lower():
                raise row.error(
                    f"role phrase {phrase!r} must be lower case", fix="write it in lower case"
                )
            sectors = tuple(row.values("sectors"))
            _check_sectors(row, sectors)
            refers_to = row.get("refers_to") or "group"
            if refers_to not in {"person", "group", "modifier", "title"}:
                raise row.error(
                    f"refers_to {refers_to!r}", fix="use person, group, modifier or title"
                )
            kind = EntryKind.MODIFIER if refers_to == "modifier" else EntryKind.ROLE
            entry = Entry(
                kind, phrase, f"{row.path}:{row.line}", sectors=sectors, refers_to=refers_to
            )
            self.roles[phrase] = [entry]

    def add_organisations(self, table: Table) -> None:
        seen: set[str] = set()
        for row in table:
            org, kind, country = row.get("id"), row.get("kind"), row.get("country") or None
            if not _ORG_ID.match(org):
                raise row.error(f"organisation id {org!r}", fix="use capital letters, digits and _")
            if org in seen:
                raise row.error(
                    f"organisation id {org} listed twice", fix="keep one row per organisation"
                )
            seen.add(org)
            if kind not in ORG_KINDS:
                raise row.error(f"kind {kind!r}", fix=f"use one of {', '.join(sorted(ORG_KINDS))}")
            if country and not _CODE3.match(country):
                raise row.error(
                    f"country {country!r}", fix="use an ISO 3166 alpha-3 code or leave it empty"
                )
            sectors = tuple(row.values("sectors"))
            _check_sectors(row, sectors)
            code = row.get("code") or org
            self.org_codes[org] = code
            where = f"{row.path}:{row.line}"
            for phrase in {row.get("name"), *row.values("aliases")} - {""}:
                self._put_name(
                    phrase,
                    Entry(
                        EntryKind.ORGANISATION,
                        phrase,
                        where,
                        country=country,
                        sectors=sectors,
                        org=org,
                        org_code=code,
                        org_kind=kind,
                    ),
                )

    def add_people(self, table: Table) -> None:
        """People with terms of office; one row per person per term."""
        for row in table:
            name, office = row.get("name"), row.get("office")
            if not name or not office:
                raise row.error("a person needs a name and an office", fix="fill both columns")
            start, end = _date_cell(row, "start"), _date_cell(row, "end")
            if start is None:
                raise row.error("a term needs a start date", fix="write YYYY-MM-DD")
            if end is not None and end < start:
                raise row.error(
                    f"term ends ({end}) before it starts ({start})", fix="check the dates"
                )
            holder = row.get("country")
            if holder in self.org_codes:
                country, org, org_code, country_code = None, holder, self.org_codes[holder], None
            elif holder in self.countries:
                country, org, org_code = holder, None, None
                country_code = self.countries[holder].country_code
            else:
                raise row.error(
                    f"country {holder!r} is neither a known ISO alpha-3 code nor an organisation id",
                    fix="use a code from countries.tsv (e.g. TUR) or an id from organisations.tsv (e.g. UN)",
                )
            for phrase in {name, *row.values("aliases")}:
                self.put_name(
                    phrase,
                    Entry(
                        EntryKind.PERSON,
                        phrase,
                        f"{row.path}:{row.line}",
                        country=country,
                        country_code=country_code,
                        sectors=("GOV",),
                        org=org,
                        org_code=org_code,
                        refers_to=name,
                        office=office,
                        start=start,
                        end=end,
                    ),
                )

    def put_name(self, phrase: str, entry: Entry, *, any_case: bool = False) -> None:
        """Add a name; PETRARCH's capitalised names are matched ignoring case."""
        if any_case:
            self.names_any_case.setdefault(phrase.lower(), []).append(entry)
        else:
            self._put_name(phrase, entry)

    def _put_name(self, phrase: str, entry: Entry) -> None:
        phrase = _strip_article(phrase)
        # A phrase defined in a later file replaces what earlier files said of it; inside
        # one file a phrase may mean several things (Congolese: COD and COG) and keeps all.
        here = _file_of(entry)
        existing = self.names.get(phrase, [])
        # A person's alias that is also a country's or organisation's name keeps both meanings.
        if entry.kind is not EntryKind.PERSON:
            existing = [e for e in existing if _file_of(e) == here]
        # People keep one entry per term of office; other things one entry per meaning.
        key = (entry.kind, entry.country, entry.org, entry.start)
        if not any((e.kind, e.country, e.org, e.start) == key for e in existing):
            existing.append(entry)
        self.names[phrase] = existing


def _date_cell(row: Row, column: str) -> date | None:
    value = row.get(column)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise row.error(f"{column} {value!r} is not a date", fix="write YYYY-MM-DD") from None


def _file_of(entry: Entry) -> str:
    return entry.where.rsplit(":", 1)[0]


def _strip_article(phrase: str) -> str:
    # Only a lower-case "the" is an article; "The Hague" keeps its capitalised "The".
    return phrase[4:] if phrase.startswith("the ") else phrase


def _check_sectors(row: Row, sectors: Sequence[str]) -> None:
    unknown = [s for s in sectors if s not in SECTORS]
    if unknown:
        raise row.error(
            f"unknown sector code(s) {', '.join(unknown)}",
            fix=f"use codes from: {', '.join(sorted(SECTORS))}",
        )
