"""Claims read across neighbouring sentences: groups formed when a group fell apart."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _splits(text):
    return {(c.args["splinter"].name, c.args["parent"].name) for c in extract(text) if c.type == "SPLIT"}


@pytest.mark.parametrize("text", [
    "The Moro National Liberation Front fragmented in the 1990s. Hardliners later founded the Free Mindanao Brigades.",
    "The Moro National Liberation Front split up in 1995, and hardliners founded the Free Mindanao Brigades.",
])
def test_a_group_founded_as_its_parent_fell_apart_is_a_splinter(text):
    assert ("Free Mindanao Brigades", "Moro National Liberation Front") in _splits(text)


@pytest.mark.parametrize("text", [
    # nothing fell apart
    "The Moro National Liberation Front signed a peace deal in 1996. Hardliners later founded the Free Mindanao Brigades.",
    # too far away: three sentences later
    "The Moro National Liberation Front fragmented in the 1990s. Talks followed. Many fighters went home. "
    "Hardliners later founded the Free Mindanao Brigades.",
    # a group leaving another is not the other falling apart
    "The Abu Sayyaf Group split from the Moro National Liberation Front in 1991. Its members founded the Free Mindanao Brigades.",
])
def test_no_falling_apart_no_inferred_splinter(text):
    assert ("Free Mindanao Brigades", "Moro National Liberation Front") not in _splits(text)


@pytest.mark.parametrize("text", [
    "Boko Haram split into two factions in 2016.",
    "After Omar's death the Taliban split into two rival camps.",
])
def test_splitting_into_factions_is_falling_apart_not_a_splinter(text):
    assert not _splits(text)


def test_a_group_formed_after_its_parent_split_into_factions_is_its_splinter():
    text = ("The Moro National Liberation Front split into two factions in 1977. "
            "The hardliners founded the Free Mindanao Brigades.")
    assert ("Free Mindanao Brigades", "Moro National Liberation Front") in _splits(text)
