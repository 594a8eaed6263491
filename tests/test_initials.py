"""Acronyms a text never defines, read as the registry group they abbreviate when the
document's countries leave exactly one."""

from __future__ import annotations

import pytest

from factionmap.actors.initials import abbreviations, expand
from factionmap.lexicon.registry import Registry, validate_entries


def _registry(*entries):
    return Registry(validate_entries([
        {"id": i, "name": n, "kind": "org", "category": "armed_group", "country": c, "aliases": list(a)}
        for i, n, c, a in entries], []))


@pytest.mark.parametrize("name, acronym", [
    ("Al Rashid Trust", "ART"),
    ("Islamic Unity Movement of Kurdistan", "IUMK"),
    ("Tehreek-e-Jafaria Pakistan", "TJP"),
    ("Harakat al-Nujaba", "HN"),
    ("Second Soran Unit", "SSU"),
])
def test_initials_abbreviations_of_a_name(name, acronym):
    assert acronym in abbreviations(name)


def test_initials_one_word_names_have_no_initials():
    assert abbreviations("Hezbollah") == set()


REGISTRY = _registry(
    ("harakat-al-nujaba", "Harakat al-Nujaba", "IQ", ("Nujaba Movement",)),
    ("haqqani-network", "Haqqani Network", "AF", ("Haqqanis",)),
    ("second-soran-unit", "Second Soran Unit", "IQ", ("Soran Unit",)),
    ("sudan-liberation-army", "Sudan Liberation Army", "SD", ("SLA",)),
    ("south-lebanon-army", "South Lebanon Army", "LB", ("SLA-Lebanon",)),
)


def test_initials_two_letters_are_decided_only_by_the_documents_countries():
    assert expand("HN", {"IQ", "SY"}, REGISTRY).id == "harakat-al-nujaba"
    assert expand("HN", {"PK", "AF"}, REGISTRY).id == "haqqani-network"
    assert expand("HN", set(), REGISTRY) is None  # no country: either could be meant


def test_initials_three_letters_of_one_group_need_no_context_but_no_contradiction():
    assert expand("SSU", set(), REGISTRY).id == "second-soran-unit"
    assert expand("SSU", {"IQ"}, REGISTRY).id == "second-soran-unit"
    assert expand("SSU", {"CO"}, REGISTRY) is None  # a Colombian story: not the Kurdish unit


def test_initials_an_acronym_that_is_already_a_name_is_left_to_the_registry():
    # "SLA" is the Sudan Liberation Army's own alias: never the South Lebanon Army by initials
    assert expand("SLA", {"LB"}, REGISTRY) is None


def test_initials_in_a_document_resolve_to_the_registry_group(claims_of):
    claims = claims_of("In 2015 HN fought the Islamic State near Tikrit, in Iraq.")
    pairs = [{c.args["a"].id, c.args["b"].id} for c in claims if c.type == "RIVALRY"]
    assert {"harakat-al-nujaba", "islamic-state"} in pairs
    [rivalry] = [c for c in claims if c.type == "RIVALRY"]
    named = [c for c in claims_of("In 2015 Harakat al-Nujaba fought the Islamic State near Tikrit, in Iraq.")
             if c.type == "RIVALRY"]
    assert rivalry.confidence < named[0].confidence  # initials are a weaker sign than the name


def test_initials_country_names_and_defined_acronyms_are_not_expanded(claims_of):
    from factionmap.actors.resolve import resolve_actors
    from factionmap.language.nlp import parse

    doc = parse("The USA and the UK sent envoys to Iraq. The Mujahideen Army (MA) denounced them.")
    assert not [m for m in resolve_actors(doc).mentions if m.via == "initials"]
