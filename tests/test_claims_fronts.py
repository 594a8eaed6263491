"""A group that is a front, or a cover name, for another is that group's wing (BRANCH)."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _branches(text):
    return {(c.args["branch"].id, c.args["parent"].id) for c in extract(text) if c.type == "BRANCH"}


@pytest.mark.parametrize("text, branch, parent", [
    ("Jamaat-ud-Dawa has long been described as a front for Lashkar-e-Taiba.", "jamaat-ud-dawa", "lashkar-e-taiba"),
    ("Police said the Red Hand Defenders was a cover name for members of the Ulster Defence Association.",
     "red-hand-defenders", "uda"),
])
def test_front_for_a_group(text, branch, parent):
    assert (branch, parent) in _branches(text)


@pytest.mark.parametrize("text", [
    "Hamas opened a new front for its war in the north.",  # a front line, not a group
    "Al-Shabaab is the name used for the movement in Somalia.",  # a name, not a cover
])
def test_fronts_that_are_not_groups(text):
    assert not _branches(text)
