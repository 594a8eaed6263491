"""'Government forces', 'the army': the state of the one country the document is about."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _rival_ids(text):
    return {e.id for c in extract(text) if c.type == "RIVALRY" for e in (c.args["a"], c.args["b"])}


@pytest.mark.parametrize("text, state", [
    ("Al-Shabaab fighters ambushed government forces near Kismayo.", "state:so"),
    ("The LTTE fought the army for control of Jaffna.", "state:lk"),
    # no place named: the one country of the groups named
    ("Boko Haram and its splinter ISWAP both fight government troops.", "state:ng"),
])
def test_plain_state_forces_are_the_home_state(text, state):
    assert state in _rival_ids(text)


@pytest.mark.parametrize("text", [
    "Hezbollah fighters attacked government forces near Aleppo and in Beirut.",  # two countries
    "The Islamic State bombed a mosque in Beirut in retaliation for Hezbollah's support for the regime.",
    "Al-Shabaab fighters attacked forces near Kismayo.",  # bare "forces": anyone's
])
def test_no_single_home_country_no_state(text):
    assert not {i for i in _rival_ids(text) if i.startswith("state:")}


def test_the_state_answers_to_its_official_name():
    from factionmap.lexicon.states import state_entity

    assert "Democratic Socialist Republic of Sri Lanka" in state_entity("LK").aliases
