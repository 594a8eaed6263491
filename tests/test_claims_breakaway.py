"""'a breakaway faction calling itself X': X split from the group the sentence spoke of."""

from __future__ import annotations

from factionmap.model import Entity


def _splits(claims):
    return {(c.args["splinter"].id if isinstance(c.args.get("splinter"), Entity) else None,
             c.args["parent"].id if isinstance(c.args.get("parent"), Entity) else None)
            for c in claims if c.type == "SPLIT"}


def test_claims_breakaway_faction_named_by_itself_splits_from_the_group_before(claims_of):
    text = ("Infighting weakened the Pakistani Taliban in 2014, and a breakaway faction calling itself "
            "Jamaat-ul-Ahrar announced its own leader.")
    assert ("jamaat-ul-ahrar", "ttp") in _splits(claims_of(text))


def test_claims_breakaway_faction_with_no_group_before_has_no_parent(claims_of):
    # nothing before the faction to have split from: no parent guessed
    text = "In 2014 a breakaway faction calling itself Jamaat-ul-Ahrar announced its own leader."
    assert all(parent is None for _, parent in _splits(claims_of(text)))


def test_claims_a_plain_faction_calling_itself_x_is_no_split(claims_of):
    # no breakaway word: a faction naming itself has split from nobody
    text = ("Infighting weakened the Pakistani Taliban in 2014, and a faction calling itself "
            "Jamaat-ul-Ahrar announced its own leader.")
    assert ("jamaat-ul-ahrar", "ttp") not in _splits(claims_of(text))
