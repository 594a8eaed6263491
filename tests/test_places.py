"""Place resolution: countries, provinces (accent-folded), cities with coordinates, context."""

from __future__ import annotations

import pytest

from factionmap.lexicon.places import place_entity, resolve_place


@pytest.mark.parametrize(
    "name, context, expected",
    [
        ("Afghanistan", (), {"country_code": "AF"}),
        ("Nangarhar", (), {"country_code": "AF", "admin1": "Nangarhar"}),
        ("Nangarhār", (), {"country_code": "AF", "admin1": "Nangarhar"}),
        ("Balochistan", (), {"country_code": "PK", "admin1": "Balochistan"}),
    ],
)
def test_places_countries_and_provinces(name, context, expected):
    assert resolve_place(name, context) == expected


@pytest.mark.parametrize(
    "name, context, country",
    [
        ("Kabul", (), "AF"),
        ("Mosul", (), "IQ"),
        ("Tripoli", ("LB",), "LB"),  # the document speaks of Lebanon
        ("Tripoli", (), "LY"),  # else the most populous
    ],
)
def test_places_cities_have_coordinates_and_context_decides(name, context, country):
    found = resolve_place(name, context)
    assert found["country_code"] == country and -90 <= found["lat"] <= 90 and -180 <= found["lon"] <= 180


def test_places_unknown_names_resolve_to_nothing():
    assert resolve_place("Westgate") == {}


def test_places_entity_carries_the_resolution():
    entity = place_entity("Kabul")
    assert (entity.kind, entity.country, entity.lat is not None) == ("place", "AF", True)


def test_places_export_adds_gazetteer_fields(claims_of):
    from factionmap.export.claims import claim_to_dict

    claims = [c for c in claims_of("The Islamic State seized Mosul in June 2014.") if c.type == "SEIZURE"]
    place = claim_to_dict(claims[0])["args"]["place"]
    assert place["country_code"] == "IQ" and {"lat", "lon"} <= set(place)


def test_a_city_by_another_of_its_names():
    from factionmap.lexicon.places import resolve_place

    assert resolve_place("Palmyra")["country_code"] == "SY"  # the gazetteer's Tadmur
    assert resolve_place("Kabul")["country_code"] == "AF"  # own names come first
    assert resolve_place("Notaplace Anywhere") == {}
