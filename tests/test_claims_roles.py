"""Roles said of several people at once, roles given by a group's council, surnames the
tagger misreads, and a group joining another by a pledge of allegiance."""

from __future__ import annotations

from factionmap.model import Entity


def _members(claims):
    return {(c.args["person"].id, getattr(c.args.get("org"), "id", None)) for c in claims if c.type == "MEMBERSHIP"}


def test_claims_roles_a_plural_role_is_said_of_every_listed_person(claims_of):
    text = ("Haibatullah Akhundzada was named the new leader of the Taliban in May 2016. "
            "Sirajuddin Haqqani and Mullah Mohammad Yaqoob will serve as his deputies.")
    members = _members(claims_of(text))
    assert {("sirajuddin-haqqani", "taliban"), ("mullah-yaqoob", "taliban")} <= members


def test_claims_roles_his_in_the_role_is_not_one_of_the_listed(claims_of):
    text = ("Haibatullah Akhundzada was named the new leader of the Taliban in May 2016. "
            "Sirajuddin Haqqani and Mullah Mohammad Yaqoob will serve as his deputies.")
    claims = claims_of(text)
    assert not [c for c in claims if c.type == "MEMBERSHIP" and c.args["person"].id == "mullah-yaqoob"
                and c.args.get("org") is not None and c.args["org"].id == "haqqani-network"]


def test_claims_roles_the_choosing_councils_group_gets_the_leader(claims_of):
    text = "The Taliban confirmed on Wednesday that its leadership council had chosen Haibatullah Akhundzada as the new emir."
    leaders = {(c.args["leader"].id, c.args["org"].id) for c in claims_of(text)
               if c.type == "LEADERSHIP" and isinstance(c.args.get("org"), Entity)}
    assert ("haibatullah-akhundzada", "taliban") in leaders


def test_claims_roles_one_of_someones_deputies(claims_of):
    text = ("Akhtar Mansour led the Taliban from 2015. Haibatullah Akhundzada had been one of "
            "Mansour's two deputies.")
    assert ("haibatullah-akhundzada", "taliban") in _members(claims_of(text))


def test_claims_roles_a_group_joining_another_by_a_pledge_is_its_affiliate(claims_of):
    text = ("Al-Shabaab formally joined al-Qaeda in February 2012, when its leader, Ahmed Abdi Godane, "
            "pledged allegiance to al-Qaeda's chief, Ayman al-Zawahiri.")
    claims = claims_of(text)
    assert not [c for c in claims if c.type == "MERGER"]
    [aff] = [c for c in claims if c.type == "AFFILIATION"]
    assert (aff.args["member"].id, aff.args["patron"].id) == ("al-shabaab", "al-qaeda")
    assert aff.time.start == "2012-02" and aff.time.end is None


def test_claims_roles_a_group_joining_another_without_a_pledge_is_still_a_merger(claims_of):
    claims = claims_of("Ansar al-Sham joined Hayat Tahrir al-Sham in January 2017.")
    assert [c for c in claims if c.type == "MERGER"]


def test_claims_roles_leaving_people_dead_is_no_split(claims_of):
    text = ("Al-Shabaab, an affiliate of al-Qaeda, is based in Somalia. Troops ended a siege at a mall in "
            "Nairobi in 2013, an attack claimed by the militant group al-Shabaab that left at least 67 people dead.")
    assert not [c for c in claims_of(text) if c.type == "SPLIT"]


def test_claims_roles_breaking_a_siege_is_no_split(claims_of):
    text = "In 2016 the Army of Conquest coordinated with Ahrar al-Sham to break the siege of eastern Aleppo."
    assert not [c for c in claims_of(text) if c.type == "SPLIT"]


def test_claims_roles_breaking_away_is_still_a_split(claims_of):
    claims = claims_of("Jaish al-Adl broke away from Jundallah in 2012.")
    assert [(c.args["splinter"].id, c.args["parent"].id) for c in claims if c.type == "SPLIT"] == [
        ("jaish-al-adl", "jundallah")]
