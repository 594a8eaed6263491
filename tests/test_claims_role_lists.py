"""Roles given to a list: 'appointed two deputies: X, who ..., and the cleric Y', and
'the council' that appointed them, the council of a group named before."""

from __future__ import annotations

import pytest

from factionmap.actors import resolve_actors


def _members(claims):
    return {(c.args["person"].id, c.args["org"].id if c.args.get("org") else None)
            for c in claims if c.type == "MEMBERSHIP"}


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban appointed two deputies: Sirajuddin Haqqani and Haibatullah Akhundzada.",
        # the list hung on the verb after a date; a relative clause inside the list
        "The Taliban appointed two deputies in 2015: Sirajuddin Haqqani, who leads the Haqqani Network, "
        "and the cleric Haibatullah Akhundzada.",
    ],
)
def test_claims_plural_role_with_a_colon_list_is_said_of_each(claims_of, text):
    assert {("sirajuddin-haqqani", "taliban"), ("haibatullah-akhundzada", "taliban")} <= _members(claims_of(text))


@pytest.mark.parametrize(
    "text",
    [
        # a clause before the colon: the list is not the role's
        "The Taliban appointed two deputies, and their statement praised two men: "
        "Sirajuddin Haqqani and Haibatullah Akhundzada.",
        # a singular role names one person, not a list
        "The Taliban named a spokesman: Zabihullah Mujahid, and thanked Sirajuddin Haqqani.",
    ],
)
def test_claims_colon_list_not_of_the_role(claims_of, text):
    assert ("sirajuddin-haqqani", "taliban") not in _members(claims_of(text))


def test_the_council_is_the_group_whose_council_was_named(nlp):
    text = ("The Taliban's leadership council met in Quetta on Monday. Mansour was named emir. "
            "The council also appointed two deputies.")
    doc = nlp(text)
    actors = resolve_actors(doc)
    council = [t for t in doc if t.text == "council"][-1]
    assert {m.entity.id for m in actors.at(council.i)} == {"taliban"}


def test_a_council_never_named_before_is_no_group(nlp):
    text = "The Taliban attacked Kunduz on Monday. The council condemned the attack."
    doc = nlp(text)
    actors = resolve_actors(doc)
    council = [t for t in doc if t.text == "council"][-1]
    assert actors.at(council.i) == []
