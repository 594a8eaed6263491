"""Registry names misspelt by one letter are still the registered actor."""

from __future__ import annotations

import pytest

from factionmap.actors.near_names import near_registry_actor
from factionmap.lexicon.registry import load_registry


@pytest.mark.parametrize("name, actor_id", [
    ("Asai'ib Ahl al-Haqq", "asaib-ahl-al-haq"),   # a letter added
    ("Jaish-e-Mohamad", "jaish-e-mohammed"),       # a letter dropped
    ("Al Mourabitoune", "al-mourabitoun"),         # a letter added at the end
    ("Kataib Hezbolah", "kataib-hezbollah"),
])
def test_near_names_one_edit_from_a_registry_name(name, actor_id):
    actor = near_registry_actor(name, load_registry())
    assert actor is not None and actor.id == actor_id


@pytest.mark.parametrize("name", [
    "Hamaz",                  # too short: one letter from too many names
    "Islamic State",          # an exact name is the registry's to match, not this
    "Islamic Army of Aden",   # several letters from any registry name
])
def test_near_names_short_exact_or_far_names_are_not_guessed(name):
    assert near_registry_actor(name, load_registry()) is None


def test_near_names_misspelt_group_in_a_sentence_is_the_group(claims_of):
    claims = claims_of("In 2015 Asai'ib Ahl al-Haqq and the Badr Organization fought alongside each other near Tikrit.")
    pairs = [{c.args["a"].id, c.args["b"].id} for c in claims if c.type == "ALLIANCE"]
    assert {"asaib-ahl-al-haq", "badr-organization"} in pairs
