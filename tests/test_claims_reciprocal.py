"""Groups named together as the subject: when they face each other, when they stand side by
side, and when the other side is someone the sentence does not name."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _pairs(text: str, ctype: str) -> set[frozenset[str]]:
    return {frozenset((c.args["a"].id, c.args["b"].id)) for c in extract(text) if c.type == ctype}


TALIBAN_AQ = frozenset({"taliban", "al-qaeda"})


@pytest.mark.parametrize("text", [
    "The Taliban and al-Qaeda fought each other in Kunar.",
    "The Taliban and al-Qaeda clashed near Jalalabad last week.",
])
def test_subjects_facing_each_other_are_rivals(text):
    assert TALIBAN_AQ in _pairs(text, "RIVALRY")
    assert TALIBAN_AQ not in _pairs(text, "ALLIANCE")


@pytest.mark.parametrize("text", [
    "The Taliban and al-Qaeda fought alongside each other in Kunar.",
    "The Taliban and al-Qaeda fought together in Kunar.",
])
def test_subjects_side_by_side_are_allies(text):
    assert TALIBAN_AQ in _pairs(text, "ALLIANCE")
    assert TALIBAN_AQ not in _pairs(text, "RIVALRY")


@pytest.mark.parametrize("text", [
    "The Taliban and al-Qaeda fought their enemies in Kunar.",
    "The Taliban and al-Qaeda attacked their rivals across the province.",
    "The Taliban and al-Qaeda fought them in Kunar.",
])
def test_an_unnamed_other_side_relates_neither_subject_to_the_other(text):
    assert TALIBAN_AQ not in _pairs(text, "RIVALRY")
    assert TALIBAN_AQ not in _pairs(text, "ALLIANCE")


def test_their_own_banners_make_no_affiliation_between_the_subjects():
    text = "Kata'ib Hezbollah and Asa'ib Ahl al-Haq sent fighters to Syria under their own banners."
    assert not [c for c in extract(text) if c.type == "AFFILIATION"]
    # the same plural without a possessive still says the two are affiliates
    affiliated = [c for c in extract("Kata'ib Hezbollah and Asa'ib Ahl al-Haq are affiliates.") if c.type == "AFFILIATION"]
    assert affiliated


def test_an_activity_object_keeps_the_subjects_together():
    # the object is what they did together, not a third side
    text = "Hezbollah sends money to Hamas, and the two groups have coordinated attacks on Israel."
    assert frozenset({"hezbollah", "hamas"}) in _pairs(text, "ALLIANCE")


def test_a_group_formed_by_two_is_the_group_spoken_of_next():
    text = ("Kata'ib Hezbollah and Asa'ib Ahl al-Haq set up Harakat al-Nujaba in 2013. "
            "Since 2016 the group has operated independently of both, which send fighters under their own banners.")
    claims = extract(text)
    assert not [c for c in claims if c.type == "AFFILIATION"]
    assert not [c for c in claims if c.type == "SPLIT" and c.args["splinter"].id != "harakat-al-nujaba"]


def test_sending_fighters_to_help_a_named_group_is_an_alliance():
    pairs = _pairs("Hezbollah sent fighters to help the Syrian army in 2013.", "ALLIANCE")
    assert any("hezbollah" in p and any("syria" in i for i in p) for p in pairs)
    # help given to "them" is not read: the pronoun is too often someone else
    text = "The UK sent trainers to the Iraqi Army, helping them to clear territory held by ISIL."
    assert not any("islamic-state" in p for p in _pairs(text, "ALLIANCE"))
