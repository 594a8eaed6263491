"""Attacks said with explosives, projectiles, aircraft or poison, and ground taken back:
which claims the whole pipeline makes of short sentences, and which it must not make."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _attacks(text: str) -> list:
    return [c for c in extract(text) if c.type == "ATTACK"]


@pytest.mark.parametrize("text, place, kind", [
    # attack nouns and verbs the frames missed
    ("Four civilians died in a coalition airstrike in the town of Hajin in 2018.", "Hajin", "air strike"),
    ("Two suicide bombers blew themselves up at a mosque in Maiduguri in 2017, killing 11.", "Maiduguri",
     "suicide bombing"),
    ("A roadside bomb exploded near a police patrol in Helmand, killing two officers.", "Helmand", "bombing"),
    ("A landmine exploded under a minibus in Kandahar, killing six passengers.", "Kandahar", "bombing"),
    ("Militants hurled a grenade at a bus stand in Srinagar on Saturday.", "Srinagar", "bombing"),
    ("Separatists fired artillery shells into the city of Donetsk overnight.", "Donetsk", "shelling"),
    ("Gunmen opened fire on worshippers at a church in Owo, killing dozens.", "Owo", "armed assault"),
    # how it was done: aircraft that bomb or fire make an air strike; a missile fired from the
    # ground is shelling; chlorine or sarin a chemical attack, coded "other" (no bombing, no shelling)
    ("Saudi jets bombed a market in Saada province in 2019.", "Saada province", "air strike"),
    ("Israeli jets fired missiles at a base near Damascus.", "Damascus", "air strike"),
    ("The Houthis fired a ballistic missile at the airport in Abha.", "Abha", "shelling"),
    ("Government forces used chlorine gas in an attack on Saraqib in 2018.", "Saraqib", "other"),
])
def test_attack_kinds_found_with_place_and_kind(text, place, kind):
    attacks = _attacks(text)
    assert attacks, text
    assert any(c.args["place"].name == place for c in attacks)
    assert {c.args.get("attack_type") for c in attacks} == {kind}


@pytest.mark.parametrize("text", [
    "The company fired its chief executive in London on Monday.",
    "The United States opened its embassy in Jerusalem in May 2018.",
    "Protesters threw stones at police in Nairobi on Tuesday.",
    "Army engineers defused a bomb found near the stadium in Lagos.",
    "A gas cylinder exploded in a restaurant in Karachi, killing five.",
    "Fans threw flares onto the pitch at the stadium in Belgrade.",
])
def test_attack_kinds_no_attack_without_a_weapon_or_gunfire(text):
    assert _attacks(text) == []


def test_attack_kinds_the_accused_did_it_not_the_accuser():
    [attack] = _attacks("Syria accused Israel of attacking a convoy near Damascus.")
    assert attack.args["perpetrator"].id == "state:il"


def test_attack_kinds_a_date_is_not_what_was_attacked():
    [attack] = _attacks("Separatists fired rockets into the city of Donetsk on Sunday.")
    assert attack.args.get("target") != "Sunday"


@pytest.mark.parametrize("text, org, place", [
    ("Iraqi forces regained control of Ramadi in December 2015.", "iraqi-security-forces", "Ramadi"),
    ("The Houthis seized control of Sanaa in September 2014.", "houthis", "Sanaa"),
    ("The Taliban retook the district of Musa Qala in 2015.", "taliban", "Musa Qala"),
])
def test_attack_kinds_ground_regained_or_taken_is_a_seizure(text, org, place):
    seizures = [c for c in extract(text) if c.type == "SEIZURE"]
    assert any(c.args["org"].id == org and c.args["place"].name == place for c in seizures), seizures


@pytest.mark.parametrize("text", [
    "Nigerian police freed three hostages in Lagos on Sunday.",
    "The Afghan army recovered the bodies of the victims in Kabul.",
])
def test_attack_kinds_freeing_people_or_recovering_bodies_is_no_seizure(text):
    assert [c for c in extract(text) if c.type == "SEIZURE"] == []


def test_attack_kinds_liberating_people_is_no_seizure():
    assert [c for c in extract("The Afghan army liberated hostages in Kabul.") if c.type == "SEIZURE"] == []
