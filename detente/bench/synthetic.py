"""A store of synthetic events, for timing queries at a size no test corpus reaches.

The events go into a store opened and migrated by `detente.store.database.open_store`,
so they have the real schema (actor ids included, assigned by the store's own
`assign_actor_ids`), and the query benchmark times the very functions `detente dyad` and
`detente events` call. Rows are generated inside DuckDB
by one INSERT ... SELECT over `range(N)` (ten million rows take about a minute on two
cores); Python only builds the small tables of actors and codes they are drawn from.

Distributions, chosen to look like a news-coded event stream (GDELT-like), not to model
any one source:

- actors: countries ranked by how often news names them (the United States first; the
  ranked head is `PROMINENT`, the other countries of the actor dictionary follow), drawn
  with Zipf-like weights 1/rank; a country is bare (35%) or carries a sector (GOV 30%,
  MIL 12%, ...); organisations of the dictionary (UN, EU, armed groups...) take 10% of
  mentions, Zipf-like among themselves. 8% of events have no source, 12% no target;
- CAMEO codes: root shares as in news-coded data (statements 01 and consultations 04
  a fifth each, fighting 19 six percent, mass violence 20 a fifth of a percent); within a
  root, its base code (`040`) takes half and the other codes share the rest;
- dates: ten years, 2015-01-01 to 2024-12-31, in intake order as a daily ingest writes
  them (articles in date order, six events each); an event happened on its article's day
  (70%) or up to a week before.

Draws come from `hash(row, k)`, not `random()`, so that a given size and seed always
build the same store.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from detente.errors import OptionError
from detente.store.database import assign_actor_ids, open_store

# News prominence, roughly as GDELT's actor-country frequencies rank them.
PROMINENT = (
    "USA", "RUS", "CHN", "SYR", "TUR", "IRN", "ISR", "UKR", "GBR", "FRA", "IRQ", "DEU", "IND",
    "PAK", "AFG", "SAU", "PSE", "EGY", "PRK", "KOR", "JPN", "LBN", "YEM", "LBY", "NGA", "JOR",
    "QAT", "ARE", "VEN", "BRA", "MEX", "AUS", "CAN", "ITA", "ESP", "POL", "SDN", "SOM", "ETH",
    "KEN", "ZAF", "MMR", "BGD", "IDN", "PHL", "MYS", "THA", "VNM", "CUB", "COL",
)  # fmt: skip
SECTOR_SHARES = {
    "": 0.35,
    "GOV": 0.30,
    "MIL": 0.12,
    "COP": 0.05,
    "CVL": 0.05,
    "REB": 0.03,
    "OPP": 0.03,
    "BUS": 0.03,
    "MED": 0.02,
    "JUD": 0.01,
    "LEG": 0.01,
}
ORGANISATION_SHARE = 0.10
ORGANISATIONS = 40  # the first this many of the organisation dictionary
ROOT_SHARES = {
    "01": 0.20, "02": 0.07, "03": 0.08, "04": 0.20, "05": 0.08, "06": 0.02, "07": 0.03,
    "08": 0.03, "09": 0.02, "10": 0.02, "11": 0.05, "12": 0.02, "13": 0.02, "14": 0.02,
    "15": 0.01, "16": 0.01, "17": 0.04, "18": 0.03, "19": 0.06, "20": 0.002,
}  # fmt: skip
FIRST_DAY = "2015-01-01"
DAYS = 3653
EVENTS_PER_ARTICLE = 6
# Draws pick one of this many slots, each slot holding one actor (or code) as often as
# its weight says; the rarest actors get at least one slot.
SLOTS = 100_000
CHUNK = 122_880  # DuckDB's row group size


@dataclass(frozen=True, slots=True)
class SyntheticStore:
    path: Path
    events: int
    seconds: float  # to build it (0 when an existing one was reused)
    reused: bool


def build_synthetic_store(path: Path, events: int, *, seed: int = 1) -> SyntheticStore:
    """A store of `events` synthetic events at `path`; an existing synthetic store of that
    size is reused, any other existing file is refused."""
    if events < 1:
        raise OptionError(f"--synthetic-events {events}", fix="give 1 or more")
    if path.exists():
        return _reuse(path, events)
    started = time.perf_counter()
    con = open_store(path)
    try:
        _fill(con, events, seed)
    finally:
        con.close()
    return SyntheticStore(path, events, round(time.perf_counter() - started, 1), reused=False)


def _reuse(path: Path, events: int) -> SyntheticStore:
    con = open_store(path, read_only=True)
    try:
        total, synthetic = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE starts_with(event_id, 'syn-')) FROM events"
        ).fetchone() or (0, 0)
    finally:
        con.close()
    if total != events or synthetic != events:
        raise OptionError(
            f"{path} exists and is not a synthetic store of {events:,} events "
            f"(it holds {total:,} events, {synthetic:,} synthetic)",
            fix="name a new file with --synthetic-store, or delete this one",
        )
    return SyntheticStore(path, events, 0.0, reused=True)


def _fill(con: duckdb.DuckDBPyConnection, events: int, seed: int) -> None:
    # Read by DuckDB by name (names no table of the store may have).
    actor_slots = _slots(_actor_weights())  # noqa: F841
    code_slots = _slots(_code_weights())  # noqa: F841
    con.execute("CREATE TEMP TABLE bench_actors AS SELECT * FROM actor_slots")
    con.execute("CREATE TEMP TABLE bench_codes AS SELECT * FROM code_slots")
    con.execute("SET enable_progress_bar = false")
    # One row group's worth of rows per INSERT: a hash join does not keep its input's
    # order, and a daily ingest writes in date order, which DuckDB's per-row-group
    # min/max statistics reward on date filters. Chunks keep that order between groups.
    for first in range(0, events, CHUNK):
        con.execute(
            _INSERT,
            [
                seed,
                events,
                first,
                min(events, first + CHUNK),
                EVENTS_PER_ARTICLE,
                DAYS,
                FIRST_DAY,
                SLOTS,
            ],
        )
    con.execute("DROP TABLE bench_actors")
    con.execute("DROP TABLE bench_codes")
    assign_actor_ids(con)
    con.execute("CHECKPOINT")


# One row per event. `u` holds the draws: k-th draw of row i = hash(i, seed, k).
_INSERT = """
INSERT INTO events BY NAME
WITH params AS (SELECT ? AS seed, ?::BIGINT AS n, ?::BIGINT AS first, ?::BIGINT AS last,
                       ? AS per_article, ? AS days, ?::DATE AS first_day, ? AS slots),
draws AS (
    SELECT i,
           i // per_article AS article,
           (n + per_article - 1) // per_article AS articles,
           (hash(i, seed, 1) % slots)::INTEGER AS source_slot,
           (hash(i, seed, 2) % slots)::INTEGER AS target_slot,
           (hash(i, seed, 3) % slots)::INTEGER AS code_slot,
           (hash(i, seed, 4) % 100)::INTEGER AS p_side,
           (hash(i, seed, 5) % 100)::INTEGER AS p_day,
           (hash(i, seed, 6) % 1000)::INTEGER AS p_conf,
           per_article,
           first_day, days
    FROM params, range(first, last) r(i)
),
dated AS (
    SELECT *,
           first_day + (article * days // articles)::INTEGER
               - CASE WHEN p_day < 70 THEN 0 ELSE p_day % 8 END AS day
    FROM draws
)
SELECT
    'syn-' || i AS event_id,
    'syn-article-' || article AS article_id,
    (i % per_article)::INTEGER AS sentence_index,
    day AS date,
    CASE WHEN p_day < 50 THEN 'reported' WHEN p_day < 90 THEN 'day' ELSE 'month' END
        AS date_granularity,
    'synthetic' AS date_rule,
    s.code AS source_code, s.country AS source_country, s.sectors AS source_sectors,
    s.org AS source_org, s.name AS source_name, s.name AS source_text,
    0 AS source_start, length(s.name) AS source_end, s.kind AS source_kind,
    'synthetic' AS source_reason,
    t.code AS target_code, t.country AS target_country, t.sectors AS target_sectors,
    t.org AS target_org, t.name AS target_name, t.name AS target_text,
    40 AS target_start, 40 + length(t.name) AS target_end, t.kind AS target_kind,
    'synthetic' AS target_reason,
    c.cameo, c.root AS cameo_root, c.name AS cameo_name, c.quad_class, c.goldstein,
    c.plover_type, c.plover_mode,
    CASE WHEN p_side % 5 < 2 THEN json_object('name', s.name, 'country', s.country) END
        AS location,
    concat_ws(' ', coalesce(s.name, 'Someone'), lower(c.name), coalesce(t.name, ''),
              'on', strftime(day, '%d %B %Y') || '.') AS evidence_text,
    0 AS evidence_start,
    120 AS evidence_end,
    lower(c.name) AS trigger_text, 20 AS trigger_start, 30 AS trigger_end,
    0.5 + p_conf / 2000 AS confidence,
    'synthetic: ' || c.cameo AS reason,
    json_array(json_object('text', 'synthetic', 'start', 0, 'end', 120)) AS mentions,
    1 AS mention_count
FROM dated
JOIN bench_codes c ON c.slot = code_slot
LEFT JOIN bench_actors s ON s.slot = source_slot AND p_side >= 8
LEFT JOIN bench_actors t ON t.slot = target_slot AND p_side % 50 >= 6
"""


@dataclass(frozen=True, slots=True)
class _Weighted:
    weight: float
    row: dict[str, object]


def _slots(weighted: list[_Weighted]) -> pa.Table:
    """The rows spread over `SLOTS` slots in proportion to their weights."""
    total = sum(w.weight for w in weighted)
    counts = [max(1, round(SLOTS * w.weight / total)) for w in weighted]
    # Rounding leaves the total a little off; the commonest row absorbs the difference.
    counts[counts.index(max(counts))] += SLOTS - sum(counts)
    rows = [w.row for w, count in zip(weighted, counts, strict=True) for _ in range(count)]
    columns = {key: [row[key] for row in rows] for key in rows[0]}
    return pa.table({"slot": list(range(SLOTS)), **columns})


def _actor_weights() -> list[_Weighted]:
    from detente.actors.dictionary import ORG_COLUMNS, load_dictionary
    from detente.data.tables import bundled, read_table

    dictionary = load_dictionary()
    ranked = [c for c in PROMINENT if c in dictionary.countries]
    ranked += sorted(set(dictionary.countries) - set(ranked))
    countries = [
        _Weighted(
            (1 - ORGANISATION_SHARE) * share / rank / _harmonic(len(ranked)),
            _actor(
                code=(dictionary.countries[iso3].country_code or iso3) + sector,
                country=iso3,
                sectors=[sector] if sector else [],
                org=None,
                name=dictionary.countries[iso3].phrase,
                kind="country",
            ),
        )
        for rank, iso3 in enumerate(ranked, start=1)
        for sector, share in SECTOR_SHARES.items()
    ]
    table = read_table(bundled("actors", "organisations.tsv"), ORG_COLUMNS)
    organisations = list(table)[:ORGANISATIONS]
    return countries + [
        _Weighted(
            ORGANISATION_SHARE / rank / _harmonic(len(organisations)),
            _actor(
                code=row.get("code") or row.get("id"),
                country=row.get("country") or None,
                sectors=list(row.values("sectors")),
                org=row.get("id"),
                name=row.get("name"),
                kind="organisation",
            ),
        )
        for rank, row in enumerate(organisations, start=1)
    ]


def _actor(
    *, code: str, country: str | None, sectors: list[str], org: str | None, name: str, kind: str
) -> dict[str, object]:
    return {
        "code": code,
        "country": country,
        "sectors": sectors,
        "org": org,
        "name": name,
        "kind": kind,
    }


def _code_weights() -> list[_Weighted]:
    from detente.events.ontology import load_ontology

    ontology = load_ontology()
    weighted = []
    for root, share in ROOT_SHARES.items():
        base = f"{root}0"
        others = [c for c in ontology.codes if c.startswith(root) and len(c) > 2 and c != base]
        for code in [base, *others]:
            kind = ontology.event_type(code)
            weight = share / 2 if code == base else share / 2 / len(others)
            weighted.append(
                _Weighted(
                    weight,
                    {
                        "cameo": code,
                        "root": root,
                        "name": kind.name,
                        "quad_class": int(kind.quad_class),
                        "goldstein": kind.goldstein,
                        "plover_type": kind.plover_type,
                        "plover_mode": kind.plover_mode,
                    },
                )
            )
    return weighted


def _harmonic(n: int) -> float:
    return sum(1 / k for k in range(1, n + 1))
