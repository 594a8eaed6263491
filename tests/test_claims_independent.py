"""Operating apart from another group is a split only when it began; a group a pair set up is
the one "the group" speaks of next."""

from __future__ import annotations

import pytest




def _splits(text):
    from factionmap.pipeline import extract

    return {(c.args["splinter"].id, c.args["parent"].id) for c in extract(text) if c.type == "SPLIT"}


@pytest.mark.parametrize("text", [
    "Harakat al-Nujaba was set up by Kata'ib Hezbollah in 2013. Since 2016 the group has operated independently of Kata'ib Hezbollah.",
    "Harakat al-Nujaba began to operate autonomously from Kata'ib Hezbollah in 2016.",
])
def test_beginning_to_operate_apart_is_a_split(text):
    assert ("harakat-al-nujaba", "kataib-hezbollah") in _splits(text)


@pytest.mark.parametrize("text", [
    "Hamas operates independently of Fatah.",  # never part of it
    "The Popular Mobilization Forces began to operate independently of the Iraqi government.",
])
def test_operating_apart_is_no_split_by_itself(text):
    assert not _splits(text)
