"""Everyday ways reports say who fights with or against whom, written here as a small check
of rules on sentences they were not built from."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _pairs(text, ctype):
    return {frozenset((c.args["a"].id, c.args["b"].id)) for c in extract(text) if c.type == ctype}


@pytest.mark.parametrize("text", [
    "The Haqqani network has fought side by side with the Taliban since the 1990s.",
    "The Haqqani network and the Taliban fought side by side in Khost.",
])
def test_side_by_side_is_an_alliance_not_a_rivalry(text):
    pair = frozenset({"haqqani-network", "taliban"})
    assert pair in _pairs(text, "ALLIANCE") and pair not in _pairs(text, "RIVALRY")


@pytest.mark.parametrize("text, pair", [
    ("The Taliban vowed to root out the Islamic State from Nangarhar.", {"taliban", "islamic-state"}),
    ("In 2016 the Taliban launched a drive to wipe out Islamic State Khorasan cells in Zabul.", {"taliban", "iskp"}),
    ("The PKK resumed its armed campaign against the Turkish state in 2015.", {"pkk", "state:tr"}),
])
def test_hostility_said_as_rooting_out_or_against_a_state(text, pair):
    assert frozenset(pair) in _pairs(text, "RIVALRY")


def test_rooted_in_is_no_hostility():
    assert not _pairs("The Taliban's ideology is rooted in the Deobandi movement.", "RIVALRY")


def test_the_group_in_a_reported_clause_is_the_speakers_group():
    text = "Al-Shabaab's emir announced in 2012 that the group had formally joined al-Qaeda."
    linked = {e.id for c in extract(text) for v in c.args.values()
              for e in (v if isinstance(v, tuple) else (v,)) if hasattr(e, "id")}
    assert {"al-shabaab", "al-qaeda"} <= linked
