"""People named by whom they are loyal to act for that group; a building stormed in a town is
an attack on the building, not the town taken."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _of(text, ctype):
    return [c for c in extract(text) if c.type == ctype]


@pytest.mark.parametrize("text, doer", [
    ("Fighters loyal to Hamas drove Fatah forces out of Gaza City in 2007.", "hamas"),
    ("Militants loyal to the Islamic State attacked Taliban positions in Nangarhar.", "islamic-state"),
    ("Gunmen belonging to al-Shabaab opened fire on a police station in Baidoa.", "al-shabaab"),
])
def test_fighters_loyal_to_a_group_act_for_it(text, doer):
    doers = {c.args["perpetrator"].id for c in _of(text, "ATTACK") if c.args.get("perpetrator")}
    doers |= {e.id for c in _of(text, "RIVALRY") for e in (c.args["a"], c.args["b"])}
    assert doer in doers


def test_allied_is_not_loyal():
    # forces allied to a group are someone else's forces: nothing is done by the group itself
    text = "Militias allied to the government attacked al-Shabaab bases near Kismayo."
    assert not any(c.args.get("perpetrator") is not None and c.args["perpetrator"].id == "al-shabaab"
                   for c in _of(text, "ATTACK"))


@pytest.mark.parametrize("text", [
    "Al-Shabaab gunmen stormed a hotel in Mogadishu, killing 15 people.",
    "Islamic State fighters raided and seized a hospital in Mosul.",
])
def test_a_building_stormed_in_a_town_is_not_the_town_taken(text):
    assert not _of(text, "SEIZURE")


@pytest.mark.parametrize("text, place", [
    ("Al-Shabaab stormed the town of Beledweyne in 2010.", "Beledweyne"),
    ("The Taliban captured a police post in Kunduz.", "Kunduz"),  # ground: a post held
])
def test_ground_stormed_is_still_taken(text, place):
    assert any(c.args["place"].name == place for c in _of(text, "SEIZURE"))
