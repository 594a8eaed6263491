"""Branches named by their parent and a place or a nationality ("the Islamic State's Khorasan
branch", "al-Qaeda's Yemeni branch") are the registry group of that name."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _claims(text, ctype):
    return [c for c in extract(text) if c.type == ctype]


@pytest.mark.parametrize("text, branch, parent", [
    ("The Islamic State's Khorasan branch claimed the bombing in Jalalabad.", "iskp", "islamic-state"),
    ("The Khorasan branch of the Islamic State grew quickly in Nangarhar.", "iskp", "islamic-state"),
    ("Al-Qaeda's Yemeni branch seized the port of Mukalla in 2015.", "aqap", "al-qaeda"),
])
def test_parent_and_place_name_the_registry_branch(text, branch, parent):
    branches = {(c.args["branch"].id, c.args["parent"].id) for c in _claims(text, "BRANCH")}
    assert (branch, parent) in branches


def test_the_part_noun_acts_as_the_branch():
    text = "The Taliban and the Islamic State's Khorasan branch have clashed repeatedly in Kunar."
    pairs = {frozenset((c.args["a"].id, c.args["b"].id)) for c in _claims(text, "RIVALRY")}
    assert frozenset({"taliban", "iskp"}) in pairs


@pytest.mark.parametrize("text", [
    "The Taliban's Quetta branch met in secret.",  # no registry group of that name
    "Al-Qaeda's French branch does not exist.",  # no registry group of al-Qaeda in France
])
def test_no_registry_group_no_branch_identity(text):
    ids = {e.id for c in extract(text) for e in c.args.values() if hasattr(e, "id")}
    assert not ids & {"iskp", "aqap", "aqim"}
