"""Affiliations and splits said in less direct ways: a relative clause on "one of the
groups", "under the banner of", a group's oath to another group's leader, "linked to",
"a front for"."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _of(claims, ctype):
    return [c for c in claims if c.type == ctype]


def _ids(claim, *names):
    return tuple(claim.args[n].id if isinstance(claim.args.get(n), Entity) else None for n in names)


def _by_rules(claims, ctype, *names):
    """Argument ids of the claims of a type that a parse rule made (not the proximity fallback)."""
    return [_ids(c, *names) for c in _of(claims, ctype) if c.rule.split("+") != ["proximity"]]


# -- a relative clause said of one of several ----------------------------------------


@pytest.mark.parametrize(
    "text, splinter, parent",
    [
        ("The Real IRA is one of the groups that broke away from the Provisional IRA.", "real-ira", "provisional-ira"),
        ("Jamaat-ul-Ahrar was among the factions that broke away from the Pakistani Taliban.", "jamaat-ul-ahrar", "ttp"),
        ("Jamaat-ul-Ahrar, one of the factions which broke away from the Pakistani Taliban, bombed a park in Lahore.",
         "jamaat-ul-ahrar", "ttp"),
    ],
)
def test_relative_clause_on_one_of_several_is_said_of_the_group(claims_of, text, splinter, parent):
    assert (splinter, parent) in _by_rules(claims_of(text), "SPLIT", "splinter", "parent")


def test_relative_clause_on_one_of_several_needs_the_copula(claims_of):
    # the group attacked one of the splinters: it is not itself one
    claims = claims_of("Jamaat-ul-Ahrar attacked one of the factions that broke away from the Pakistani Taliban.")
    assert ("jamaat-ul-ahrar", "ttp") not in _by_rules(claims, "SPLIT", "splinter", "parent")


# -- under the banner of -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, member, patron",
    [
        ("In Syria, Jund al-Aqsa fought under the banner of the al-Nusra Front.", "jund-al-aqsa", "nusra-front"),
        ("Under the banner of the Islamic State, Boko Haram attacked Maiduguri.", "boko-haram", "islamic-state"),
    ],
)
def test_under_the_banner_of_is_affiliation(claims_of, text, member, patron):
    assert (member, patron) in _by_rules(claims_of(text), "AFFILIATION", "member", "patron")


@pytest.mark.parametrize(
    "text",
    [
        "Ansar Dine and al-Murabitun united under the same banner.",  # said of both: no one's patron
        "Thousands marched under the banner of Hamas in Gaza.",  # people, not a group
        "Al-Shabaab fighters raised the flag of the Islamic State over the town.",  # no "under"
    ],
)
def test_banner_without_a_group_under_another_says_no_affiliation(claims_of, text):
    assert _by_rules(claims_of(text), "AFFILIATION", "member", "patron") == []


def test_a_group_that_split_off_leaves_the_group_it_served_under(claims_of):
    claims = claims_of("Jund al-Aqsa, which had fought under the banner of the al-Nusra Front, split off in 2014.")
    assert _by_rules(claims, "SPLIT", "splinter", "parent") == [("jund-al-aqsa", "nusra-front")]


def test_a_singular_relative_clause_skips_a_plural_noun_between(claims_of):
    # "which has" does not agree with "officials": it is said of the group
    claims = claims_of("Jund al-Aqsa, according to local officials, which has fought under the banner of "
                       "the al-Nusra Front, split off in 2014.")
    assert _by_rules(claims, "SPLIT", "splinter", "parent") == [("jund-al-aqsa", "nusra-front")]


def test_a_split_off_with_no_group_it_served_under_has_no_parent(claims_of):
    claims = claims_of("Jund al-Aqsa split off in 2014.")
    assert _of(claims, "SPLIT") == []


def test_dropping_an_opposition_is_no_rivalry(claims_of):
    claims = claims_of("The Real IRA left the Provisional IRA when the Provisional IRA's political wing dropped "
                       "its opposition to its members taking seats.")
    assert _of(claims, "RIVALRY") == []
    assert [_ids(c, "splinter", "parent") for c in _of(claims, "SPLIT")] == [("real-ira", "provisional-ira")]


# -- a group's oath -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, member, patron",
    [
        # the leader speaks for his group, to the other group's leader
        ("Al-Shabaab leader Ahmed Abdi Godane pledged allegiance to al-Qaeda leader Ayman al-Zawahiri.",
         "al-shabaab", "al-qaeda"),
        ("The Pakistani Taliban have vowed loyalty to the Afghan Taliban.", "ttp", "taliban"),
    ],
)
def test_a_groups_pledge_is_its_affiliation(claims_of, text, member, patron):
    claims = claims_of(text)
    assert _of(claims, "PLEDGE")
    assert [_ids(c, "member", "patron") for c in _of(claims, "AFFILIATION")
            if "inferred.pledge" in c.rule.split("+")] == [(member, patron)]


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab leader Ahmed Abdi Godane did not pledge allegiance to al-Qaeda leader Ayman al-Zawahiri.",
        "Al-Shabaab leader Ahmed Abdi Godane might pledge allegiance to al-Qaeda leader Ayman al-Zawahiri.",
        # a late leader's oath says nothing of the group's loyalty now
        "Al-Shabaab's late leader Ahmed Abdi Godane pledged allegiance to al-Qaeda leader Ayman al-Zawahiri.",
        # the person he pledged to leads no group the text names
        "Al-Shabaab leader Ahmed Abdi Godane pledged allegiance to Ayman al-Zawahiri.",
    ],
)
def test_no_affiliation_from_a_denied_hypothetical_or_past_pledge(claims_of, text):
    claims = claims_of(text)
    assert not [c for c in _of(claims, "AFFILIATION") if not c.negated and c.modality != "hypothetical"
                and c.rule.split("+") != ["proximity"]]


def test_a_preposition_typed_twice_is_read_once(claims_of):
    text = "Ansaru broke away from from Boko Haram in 2012."
    claims = claims_of(text)
    assert _by_rules(claims, "SPLIT", "splinter", "parent") == [("ansaru", "boko-haram")]
    assert claims[0].evidence[0].text == text  # the evidence is the text as written


def test_words_english_does_double_are_kept(claims_of):
    from factionmap.language.nlp import mask_for_parse

    text = "He said that that group had had ties to to al-Qaeda."
    masked = mask_for_parse(text)
    assert len(masked) == len(text)
    assert "that that group had had ties" in masked and " to to " not in masked


def test_claims_affiliation_a_state_is_no_branch_parent(claims_of):
    # 2015-2016: Syrian government offensives; "parts of Syria" are places, not wings
    text = ("In 2016 the Syrian army also advanced in other parts of Syria. "
            "The Islamic State's Sinai Province is part of the Islamic State.")
    hierarchy = [(c.args["branch"].id, c.args["parent"].id) for c in claims_of(text) if c.type == "BRANCH"]
    assert not [p for p in hierarchy if any(x.startswith("state:") for x in p)]
    assert [p for p in hierarchy if p[1] == "islamic-state"]
