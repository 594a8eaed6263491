"""Group names found by how they are built, for groups the registry does not know."""

from __future__ import annotations

import pytest

from factionmap.actors.resolve import resolve_actors
from factionmap.language.nlp import build_pipeline, parse
from factionmap.lexicon.registry import Registry, load_registry


@pytest.fixture(scope="module")
def no_groups():
    """The shipped registry less every organisation but the Syrian army (people stay)."""
    registry = load_registry()
    kept = [a for a in registry.actors if a.kind != "org" or a.name == "Syrian Arab Army"]
    registry = Registry(kept)
    return build_pipeline(registry), registry


def orgs(text: str, setup) -> list[str]:
    nlp, registry = setup
    return [m.entity.name for m in resolve_actors(parse(text, nlp), registry).mentions
            if m.entity.kind == "org"]


def test_a_name_headed_by_a_group_word_is_one_group(no_groups):
    assert "Caucasus Emirate" in orgs("The Caucasus Emirate was proclaimed by Doku Umarov in 2007.", no_groups)
    assert "Al-Tawhid Islamic Front" in orgs("The Al-Tawhid Islamic Front claimed the bombing in Erbil.", no_groups)


def test_of_and_for_and_hyphens_stay_inside_a_name(no_groups):
    found = orgs("The Salafist Group for Preaching and Combat renamed itself in 2007.", no_groups)
    assert "Salafist Group for Preaching and Combat" in found
    assert "Hizb-ul-Mujahideen" in orgs("Hizb-ul-Mujahideen and Lashkar-e-Taiba fought in Kashmir.", no_groups)


def test_an_acronym_defined_in_the_text_vouches_for_the_whole_name(no_groups):
    assert "Al Qaeda in the Islamic Maghreb" in orgs(
        "Al Qaeda in the Islamic Maghreb (AQIM) kidnapped two tourists in Mali.", no_groups)
    # initials in another order: the group's own language
    found = orgs("Members of the Red Brigades (BR) kidnapped Aldo Moro in 1978.", no_groups)
    assert "Red Brigades" in found and not any("Members" in name for name in found)


def test_a_longer_group_name_around_a_registry_name_is_another_group(no_groups):
    found = orgs("The Free Syrian Army fought the regime near Aleppo.", no_groups)
    assert "Free Syrian Army" in found and "Syrian Arab Army" not in found


def _unchanged(text: str, setup) -> bool:
    """The component leaves the tagger's entities as they are."""
    nlp, _ = setup
    with_names = [(e.text.strip(), e.label_) for e in parse(text, nlp).ents]
    with nlp.select_pipes(disable=["factionmap_group_names"]):
        without = [(e.text.strip(), e.label_) for e in parse(text, nlp).ents]
    return with_names == without


def test_descriptors_owners_headlines_and_units_are_not_new_names(no_groups):
    assert _unchanged("Iraqi Army units entered Tikrit.", no_groups)
    assert _unchanged("Taliban Fighters Seize Kunduz In Surprise Attack", no_groups)  # title case throughout
    found = orgs("Hezbollah's Radwan Force moved south.", no_groups)
    assert not any(name.startswith("Hezbollah's") for name in found)
    found = orgs("Rebels from the Simon Bolivar Front of the National Liberation Army left in 1990.", no_groups)
    assert not any(name.endswith("National Liberation Army") and "Front" in name for name in found)
    assert not _unchanged("The Caucasus Emirate was proclaimed by Doku Umarov in 2007.", no_groups)


def test_registry_names_win_over_their_descriptions():
    found = [m.entity.name for m in resolve_actors(parse("Islamic State Fighters captured Palmyra.")).mentions
             if m.entity.kind == "org"]
    assert found == ["Islamic State"]


def test_acronyms_prefer_all_their_capitals_and_read_hyphened_and_french_names(no_groups):
    found = orgs("Sharif Ahmed led the Alliance for the Re-liberation of Somalia (ARS) from Asmara.", no_groups)
    assert "Alliance for the Re-liberation of Somalia" in found
    found = orgs("The Mouvement pour l'Unification et le Jihad en Afrique de l'Ouest (MUJAO) held Gao in 2012. "
                 "MUJAO later joined Mokhtar Belmokhtar.", no_groups)
    assert found.count("Mouvement pour l'Unification et le Jihad en Afrique de l'Ouest") == 2  # and "MUJAO"
    assert "Second Soran Unit" in orgs("The Second Soran Unit fought in Iraqi Kurdistan.", no_groups)


def test_offices_places_and_compounds_are_not_group_names(no_groups):
    assert _unchanged("Secretary of State John Kerry met the envoy in Geneva.", no_groups)
    assert _unchanged("Fighting spread to the Amhara Regional State and to Tigray.", no_groups)
    assert _unchanged("The Armed Forces of the Kyrgyz Republic closed the border.", no_groups)
    found = orgs("Militants struck the Islamic State-held town with UAE-backed fighters nearby.", no_groups)
    assert not any("held" in name or "backed" in name for name in found)


def test_a_description_before_a_name_is_not_part_of_it(no_groups):
    found = orgs("Former Karen National Liberation Army commanders met in Bangkok.", no_groups)
    assert not any(name.startswith("Former") for name in found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("In 2015 a faction calling itself the Supreme Council of the Islamic Emirate named Mullah Rasool "
         "as its leader.", "Supreme Council of the Islamic Emirate"),
        ("A new group calling itself the Military Council of the Islamic State appeared in Sirte in 2016.",
         "Military Council of the Islamic State"),
        ("The Supreme Council of the Islamic Revolution in Iraq backed the Badr Organization.",
         "Supreme Council of the Islamic Revolution in Iraq"),
    ],
)
def test_a_name_the_tagger_ends_on_of_the_goes_on_through_the_next_name(text, name):
    names = [m.entity.name for m in resolve_actors(parse(text)).mentions if m.entity.kind == "org"]
    assert name in names and not any(n.endswith((" of the", " in")) for n in names)


def test_a_unit_of_a_named_group_stays_apart():
    # the tagger closed the unit's name itself: the group it belongs to stays its own name
    names = [m.entity.name for m in resolve_actors(parse(
        "The Jose Solano Front of the National Liberation Army attacked a pipeline.")).mentions]
    assert "Jose Solano Front" in names and "National Liberation Army" in names


def test_people_of_a_group_are_not_a_longer_name():
    names = [m.entity.id for m in resolve_actors(parse("Fighters of the Islamic State attacked the base.")).mentions]
    assert "islamic-state" in names
