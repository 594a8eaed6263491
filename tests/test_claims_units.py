"""People and units of organisations: unit chains ("2nd Battalion, 75th Ranger Regiment"),
postings ("was assigned to", "served with") and roles held in a group ("an officer in Y")."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _pairs(claims, ctype, first, second):
    return [(c.args[first].name, c.args[second].name) for c in claims if c.type == ctype
            and isinstance(c.args.get(first), Entity) and isinstance(c.args.get(second), Entity)]


@pytest.mark.parametrize(
    "text, branch, parent",
    [
        ("Sergeant Ray Hall was assigned to 2nd Battalion, 75th Ranger Regiment, at Fort Benning.",
         "2nd Battalion", "75th Ranger Regiment"),
        ("Soldiers from Alpha Company, 1st Battalion took part in the exercise.", "Alpha Company", "1st Battalion"),
    ],
)
def test_claims_units_chain_is_a_branch(claims_of, text, branch, parent):
    assert (branch, parent) in _pairs(claims_of(text), "BRANCH", "branch", "parent")


@pytest.mark.parametrize(
    "text",
    [
        "The 1st Brigade, the 2nd Brigade and the 3rd Brigade took part.",  # units side by side
        "The 10th Mountain Division, 1st Battalion and others moved north.",  # the larger first
    ],
)
def test_claims_units_no_branch_without_a_larger_unit_after(claims_of, text):
    assert not _pairs(claims_of(text), "BRANCH", "branch", "parent")


@pytest.mark.parametrize(
    "text, person, org",
    [
        ("Sergeant Ray Hall was assigned to 2nd Battalion, 75th Ranger Regiment.", "Sergeant Ray Hall", "2nd Battalion"),
        ("Ahmed Rashid served with the Nusra Front for two years.", "Ahmed Rashid", "al-Nusra Front"),
        ("Captain Omar Said, an officer in the Free Syrian Army, defected.", "Omar Said", "Free Syrian Army"),
        ("Lama Haddad, Hamas's deputy political director, spoke to reporters.", "Lama Haddad", "Hamas"),
    ],
)
def test_claims_units_person_of_an_organisation(claims_of, text, person, org):
    assert (person, org) in _pairs(claims_of(text), "MEMBERSHIP", "person", "org")


def test_claims_units_a_commander_in_a_group_is_a_member_not_its_leader(claims_of):
    claims = claims_of("Abu Hamza, a senior commander in the Islamic State, was killed.")
    assert not _pairs(claims, "LEADERSHIP", "leader", "org")
    assert any(org == "Islamic State" for _, org in _pairs(claims, "MEMBERSHIP", "person", "org"))


@pytest.mark.parametrize(
    "text",
    [
        "Ahmed Rashid served in Iraq for two years.",  # a place, not a group
        "Ahmed Rashid served as a judge before the war.",
    ],
)
def test_claims_units_serving_somewhere_is_no_membership(claims_of, text):
    assert not _pairs(claims_of(text), "MEMBERSHIP", "person", "org")
