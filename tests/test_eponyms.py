"""A leader the registry has a group named after stands for that group where a sentence needs a
group ("Colonel Karuna allied himself with the government")."""

from __future__ import annotations

import pytest

from factionmap.actors.eponyms import eponymous_group
from factionmap.model import Entity
from factionmap.pipeline import extract
from factionmap.lexicon.registry import load_registry

TITLES = frozenset({"colonel", "maulvi", "qari", "mullah", "hafiz"})


@pytest.mark.parametrize("name, group", [
    ("Maulvi Nazir", "nazir-group"),
    ("Qari Zainuddin Mehsud", "zain-group"),
    ("Hafiz Gul Bahadur", "hafiz-gul-bahadur-group"),
    ("Colonel Karuna", "karuna-faction"),
])
def test_registry_group_named_after_the_person(name, group):
    person = Entity("new:x", name, "person", (name,))
    found = eponymous_group(person, load_registry(), TITLES)
    assert found is not None and found.id == group


def test_a_person_with_no_group_of_his_name_stands_for_none():
    person = Entity("new:x", "Ahmad Shah Massoud", "person", ("Ahmad Shah Massoud",))
    assert eponymous_group(person, load_registry(), TITLES) is None


def test_the_leader_allies_his_group():
    text = "In 2004 Colonel Karuna allied himself and his fighters with the Sri Lankan government."
    pairs = {(c.args["a"].id, c.args["b"].id) for c in extract(text) if c.type == "ALLIANCE"}
    assert ("karuna-faction", "sri-lankan-government") in pairs


def test_the_leader_leaving_takes_his_group():
    text = "Maulvi Nazir broke away from the Pakistani Taliban in 2008."
    splits = {(c.args["splinter"].id, c.args["parent"].id) for c in extract(text) if c.type == "SPLIT"}
    assert ("nazir-group", "ttp") in splits


def test_the_person_is_still_the_one_who_dies():
    deaths = [c for c in extract("Maulvi Nazir was killed in a drone strike in 2013.") if c.type == "DEATH"]
    assert deaths and all(c.args["person"].kind == "person" for c in deaths)
