"""The proximity fallback: two named groups and one relation word, when the parse found nothing."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _of(claims, ctype):
    return [c for c in claims if c.type == ctype]


@pytest.mark.parametrize(
    "text, ctype",
    [
        ("Ansar Dine and AQIM allies in Mali.", "ALLIANCE"),  # the bare note is read by relnouns
        ("Hizbul Islam and al-Shabaab rivals since 2009.", "RIVALRY"),
    ],
)
def test_proximity_links_two_named_groups(claims_of, text, ctype):
    found = _of(claims_of(text), ctype)
    from factionmap.lexicon.rules import load_rules

    # the fallback's confidence is its measured share right, lower than the parse-based rules'
    assert found and found[0].rule.endswith("proximity")
    assert found[0].confidence == load_rules()["calibration"]["proximity"] < 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Ansar Dine, AQIM and al-Mourabitoun allies.",  # three groups: whose relation?
        "Ansar Dine and AQIM in Mali.",  # no relation word
    ],
)
def test_proximity_says_nothing_when_unsure(claims_of, text):
    assert [c for c in claims_of(text) if c.rule.endswith("proximity")] == []


def test_proximity_ignores_descriptors(claims_of):
    text = "Ansar Dine was founded in 2012. The group and AQIM allies."
    assert [c for c in claims_of(text) if c.rule.endswith("proximity")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram and Ansaru attacked a prison in Bauchi.",  # together, against a third
        "Boko Haram and Ansaru targeted churches in Kano.",
    ],
)
def test_proximity_groups_acting_together_are_not_rivals(claims_of, text):
    assert [c for c in claims_of(text) if c.type == "RIVALRY"] == []
    # each keeps its part in the attack
    assert {c.args["perpetrator"].id for c in claims_of(text) if c.type == "ATTACK"} == {"boko-haram", "ansaru"}


def test_proximity_groups_attacking_each_other_are_rivals(claims_of):
    pairs = [frozenset((c.args["a"].id, c.args["b"].id))
             for c in claims_of("Boko Haram and Ansaru attacked each other near Kano.") if c.type == "RIVALRY"]
    assert frozenset(("boko-haram", "ansaru")) in pairs
