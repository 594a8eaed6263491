"""A group named short ('the Volunteer Force') in a report that names it in full, or by its
registry acronym in brackets, is that group."""

from __future__ import annotations

import pytest

from factionmap.pipeline import extract


def _pairs(text, ctype):
    return {frozenset((c.args["a"].id, c.args["b"].id)) for c in extract(text) if c.type == ctype}


@pytest.mark.parametrize("text", [
    "The Ulster Volunteer Force held a meeting in Belfast. Tara and the Volunteer Force worked together until 1971.",
    "Tara and the Volunteer Force worked together until 1971, a former member (UVF) said.",
])
def test_short_name_is_the_group_named_in_full(text):
    assert frozenset({"tara-loyalist", "uvf"}) in _pairs(text, "ALLIANCE")


def test_a_short_name_two_groups_end_with_decides_nothing():
    text = ("The Ulster Volunteer Force and the Loyalist Volunteer Force met in 1998. "
            "Tara and the Volunteer Force worked together that year.")
    assert not any({"uvf", "lvf"} & set(p) and "tara-loyalist" in p for p in _pairs(text, "ALLIANCE"))
