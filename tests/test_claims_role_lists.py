"""Roles given to a list: 'appointed two deputies: X, who ..., and the cleric Y', and
'the council' that appointed them, the council of a group named before."""

from __future__ import annotations

import pytest

from factionmap.actors.resolve import resolve_actors


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


# -- 'regards it as an X affiliate': 'it' is the group described ---------------------------


def _affiliations(claims):
    return {(c.args["member"].id, c.args["patron"].id) for c in claims if c.type == "AFFILIATION"}


def test_claims_regarded_it_as_an_affiliate_is_the_group_before(claims_of):
    text = ("Al-Shabaab denied any link to foreign groups in 2010. "
            "Washington still regards it as an al-Qaeda affiliate.")
    assert ("al-shabaab", "al-qaeda") in _affiliations(claims_of(text))


def test_it_as_a_plain_object_stays_unresolved(nlp):
    # 'it' as an object without 'as ...' is most often a thing, not a group
    text = "Al-Shabaab built a base near Kismayo in 2010. Kenyan troops destroyed it in 2012."
    doc = nlp(text)
    actors = resolve_actors(doc)
    it = [t for t in doc if t.text == "it"][0]
    assert actors.at(it.i) == []
