"""Where groups are: a place hung on a group's name ("the defeat of al-Shabaab in Somalia")
or on its people and forces ("Boko Haram fighters near Maiduguri") puts the group there."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _presence(claims):
    return [(c.args["org"].id, c.args["place"].name, c.negated) for c in claims
            if c.type == "PRESENCE" and isinstance(c.args.get("org"), Entity) and isinstance(c.args.get("place"), Entity)]


@pytest.mark.parametrize(
    "text, org, place",
    [
        ("The coalition pressed its campaign against the Islamic State in Syria.", "islamic-state", "Syria"),
        ("The goal remains the defeat of al-Shabaab in Somalia.", "al-shabaab", "Somalia"),
        ("Al-Shabaab forces in Kismayo withdrew on Friday.", "al-shabaab", "Kismayo"),
        ("Boko Haram fighters near Maiduguri were ambushed by the army.", "boko-haram", "Maiduguri"),
        ("The Taliban's units in Helmand surrendered to the government.", "taliban", "Helmand"),
    ],
)
def test_claims_located_group_at_a_place(claims_of, text, org, place):
    assert (org, place, False) in _presence(claims_of(text))


@pytest.mark.parametrize(
    "text",
    [
        # the place is the verb's or another noun's, not the group's
        "Al-Shabaab was founded in 2006 and attacked a hotel in Nairobi.",
        "Boko Haram members were sentenced by a court in Abuja.",
        # a state in its own land says nothing
        "Officials said Somalia in its statement welcomed the talks.",
    ],
)
def test_claims_located_no_presence_from_other_phrases(claims_of, text):
    found = [p for p in _presence(claims_of(text)) if p[1] in ("Nairobi", "Somalia", "Abuja")]
    assert not [p for p in found if p[0] in ("al-shabaab", "boko-haram", "state:so")]


def test_claims_located_no_presence_is_negated(claims_of):
    found = _presence(claims_of("There is no Taliban presence in Kabul."))
    assert all(negated for _, _, negated in found)


@pytest.mark.parametrize(
    "text, place",
    [
        # a named farm, staff quarters or street is a place the tagger called an organization
        ("Fighting broke out near the Shaddadi Farm in Hasakah province in February 2016.", "Hasakah province"),
        ("ISWAP gunmen stormed the Kuje Prison Staff Quarters in Abuja in July 2022.", "Abuja"),
        ("Protesters gathered near Lafayette Place in Manhattan.", "Manhattan"),
    ],
)
def test_claims_located_a_named_facility_is_no_group(claims_of, text, place):
    assert not [p for p in _presence(claims_of(text)) if p[1] == place and not p[0].startswith(("state:", "iswap"))]


def test_claims_located_a_group_named_in_a_place_still_is(claims_of):
    found = _presence(claims_of("The campaign against the Farmers' Liberation Army in Paraguay went on."))
    assert [p for p in found if p[1] == "Paraguay"]


def test_located_a_place_called_a_groups_capital_or_stronghold_is_held(claims_of):
    for text, org, place in [
        ("Jets struck Raqqa, the Islamic State's self-proclaimed capital, in 2016.", "islamic-state", "Raqqa"),
        ("Troops entered Jilib, an al-Shabaab stronghold, in 2019.", "al-shabaab", "Jilib"),
    ]:
        held = {(c.args["org"].id, c.args["place"].name) for c in claims_of(text) if c.type == "CONTROL"}
        assert (org, place) in held, text


def test_located_a_states_own_capital_is_no_control(claims_of):
    claims = claims_of("Envoys met in Kabul, Afghanistan's capital, in 2019.")
    assert not [c for c in claims if c.type == "CONTROL"]
