"""'the Yemen-based affiliate', 'the Somalia-based group': where a group is based is its presence."""

from __future__ import annotations

import pytest


def _presence(claims):
    return {(c.args["org"].id, c.args["place"].name) for c in claims if c.type == "PRESENCE"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Al-Shabaab, the Somalia-based militant group, bombed a bus in Mandera.", ("al-shabaab", "Somalia")),
        ("The Pakistan-based Lashkar-e-Taiba was blamed for the Mumbai attacks.", ("lashkar-e-taiba", "Pakistan")),
        ("Al-Qaeda's branches include al-Qaeda in the Arabian Peninsula, its Yemen-based affiliate.",
         ("aqap", "Yemen")),
    ],
)
def test_claims_x_based_group_is_present_in_x(claims_of, text, expected):
    assert expected in _presence(claims_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "A Kabul-based analyst said the Taliban would fight on.",  # a person, not a group
        "The Doha-based Al Jazeera broadcast the Taliban statement.",  # an outlet
        "The Taliban attacked a Kabul-based charity.",  # no group named on the noun
    ],
)
def test_claims_x_based_person_or_outlet_is_no_presence(claims_of, text):
    assert _presence(claims_of(text)) == set()


def test_claims_x_based_is_background_under_a_modal(claims_of):
    text = "Analysts doubt al-Qaeda can keep the loyalty of al-Shabaab, its Somalia-based affiliate."
    found = [c for c in claims_of(text) if c.type == "PRESENCE"]
    assert [(c.args["org"].id, c.modality) for c in found] == [("al-shabaab", "asserted")]
