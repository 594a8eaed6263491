"""Hostility said in less direct ways (retaliation for a deed, an assault on ground another
group holds, judging a group an enemy, an aim to eliminate), an agent that belongs to the
deed it follows rather than to the verb, and what a pledge of support is."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _of(claims, ctype):
    return [c for c in claims if c.type == ctype]


def _ids(claim, *names):
    return tuple(claim.args[n].id if isinstance(claim.args.get(n), Entity) else None for n in names)


def _pairs(claims, ctype):
    """Unordered argument-id pairs of the claims of a relation type a parse rule made."""
    return {frozenset(_ids(c, *c.args.keys())[:2]) for c in _of(claims, ctype) if c.rule.split("+") != ["proximity"]}


# -- an agent belongs to the deed in a phrase of cause ---------------------------------


def test_agent_after_a_deed_of_cause_is_the_deeds_not_the_founders(claims_of):
    claims = claims_of("The AUC was first founded, in retaliation for the kidnapping of a rancher's daughter by the FARC.")
    assert [_ids(c, "org", "parent") for c in _of(claims, "FOUNDING")] == [("auc", None)]
    assert not _of(claims, "BRANCH")
    assert frozenset({"auc", "farc"}) in _pairs(claims, "RIVALRY")


def test_agent_after_a_deed_of_means_stays_the_verbs(nlp):
    from factionmap.language.agency import owning_event
    from factionmap.language.nlp import parse

    doc = parse("The convoy was destroyed in an ambush by al-Shabaab.")
    assert all(owning_event(t) is None for t in doc if t.lower_ == "by")
    doc = parse("The AUC was first founded, in retaliation for the kidnapping of a rancher's daughter by the FARC.")
    assert [owning_event(t).lower_ for t in doc if t.lower_ == "by" and owning_event(t) is not None] in (
        [], ["kidnapping"])


def test_group_created_in_retaliation_is_hostile_to_the_deeds_doer(claims_of):
    claims = claims_of("The Awakening Councils were formed in retaliation for killings of tribal sheikhs "
                       "by al-Qaeda in Iraq.")
    assert frozenset({"new:awakening-councils", "islamic-state"}) in _pairs(claims, "RIVALRY")
    assert all(_ids(c, "parent") == (None,) for c in _of(claims, "FOUNDING"))


@pytest.mark.parametrize("text, a, b", [
    ("Hezbollah shelled the town in revenge for attacks by the Nusra Front.", "hezbollah", "nusra-front"),
    ("Jaish al-Islam was set up, as revenge for the murder of a local sheikh's nephew by the Nusra Front.",
     "jaish-al-islam", "nusra-front"),
    ("The Ulster Defence Association was created in revenge for the killing of a Protestant farmer's son by the "
     "Provisional IRA.", "uda", "provisional-ira"),
])
def test_revenge_for_a_groups_deeds_is_rivalry(claims_of, text, a, b):
    assert frozenset({a, b}) in _pairs(claims_of(text), "RIVALRY")


def test_people_punished_in_retaliation_are_not_the_retaliators(claims_of):
    # a passive that is no founding: the ones arrested did not retaliate
    claims = claims_of("Hamas fighters were arrested in retaliation for rocket attacks by Islamic Jihad.")
    assert not any("hamas" in _ids(c, "a", "b") for c in _of(claims, "RIVALRY"))


# -- an assault on ground someone holds --------------------------------------------------


def test_assault_on_a_place_held_by_a_group_is_rivalry(claims_of):
    claims = claims_of("Ahrar al-Sham assaulted the village of Kafr Nabl near the highway, controlled by the "
                       "Nusra Front, before dawn.")
    assert any(c.rule == "hostility.held_ground" and _ids(c, "a", "b") == ("ahrar-al-sham", "nusra-front")
               for c in _of(claims, "RIVALRY"))


def test_holder_of_a_landmark_named_without_a_comma_is_not_the_targets(claims_of):
    claims = claims_of("Ahrar al-Sham attacked the army base near the road controlled by the Nusra Front.")
    assert not any(c.rule.startswith("hostility.") for c in claims)


def test_ground_held_by_a_state_is_left_to_the_seizure_rules(claims_of):
    claims = claims_of("Al-Shabaab seized the town of Dhobley, held by Kenyan troops.")
    assert not any(c.rule == "hostility.held_ground" for c in claims)


# -- an aim's owner ----------------------------------------------------------------------


def test_owner_of_an_aim_does_what_it_says(claims_of):
    claims = claims_of("One of Hezbollah's stated objectives was to eliminate Nusra Front commanders in Qalamoun.")
    assert frozenset({"hezbollah", "nusra-front"}) in _pairs(claims, "RIVALRY")


def test_a_peaceful_aim_is_no_hostility(claims_of):
    claims = claims_of("One of Hamas's goals was to build schools for Fatah members.")
    assert not _of(claims, "RIVALRY")


# -- judging a group an enemy ------------------------------------------------------------


@pytest.mark.parametrize("text, a, b", [
    ("Ahrar al-Sham regards the Islamic State as an enemy.", "ahrar-al-sham", "islamic-state"),
    ("The Houthis consider al-Qaeda in the Arabian Peninsula to be their main foe.", "houthis", "aqap"),
])
def test_judging_a_group_an_enemy_is_rivalry(claims_of, text, a, b):
    claims = claims_of(text)
    assert any(c.rule == "hostility.judged_enemy" and {*_ids(c, "a", "b")} == {a, b} for c in _of(claims, "RIVALRY"))


def test_judging_a_group_an_ally_or_someone_elses_enemy_is_not(claims_of):
    assert not _of(claims_of("Hamas considers Hezbollah a trusted ally."), "RIVALRY")
    claims = claims_of("Hezbollah considers the Nusra Front an enemy of the Free Syrian Army.")
    assert not any(c.rule == "hostility.judged_enemy" for c in claims)


def test_declaring_a_group_an_enemy_founds_nothing(claims_of):
    claims = claims_of("The Taliban declared the Islamic State Khorasan Province an enemy of Islam.")
    assert not _of(claims, "FOUNDING") and not _of(claims, "BRANCH")


# -- a possessive bound by a group the text names but nobody knows ----------------------


def test_possessive_on_an_object_belongs_to_the_unknown_subject(claims_of):
    claims = claims_of("Hezbollah entered Qusayr in May. The Abbas Brigades then turned its guns on the Nusra Front.")
    assert frozenset({"hezbollah", "nusra-front"}) not in _pairs(claims, "RIVALRY")


def test_kin_noun_makes_its_possessor_a_person(nlp):
    from factionmap.extract.arguments import names_a_person
    from factionmap.language.nlp import parse

    doc = parse("Gunmen abducted Don Berna's daughter and the Fatah office's guard.")
    poss = {t.text: names_a_person(t) for t in doc if t.dep_ == "poss"}
    assert any(ok for name, ok in poss.items() if "Berna" in name)
    assert not any(ok for name, ok in poss.items() if "Fatah" in name or "office" in name)


# -- a pledge of support -----------------------------------------------------------------


def test_a_state_pledging_support_sponsors(claims_of):
    claims = claims_of("Iran pledged support to the Houthis.")
    assert [_ids(c, "sponsor", "client") for c in _of(claims, "SPONSORSHIP")] == [("state:ir", "houthis")]
    assert not _of(claims, "PLEDGE") and not _of(claims, "AFFILIATION")


def test_material_support_pledged_by_a_group_is_sponsorship(claims_of):
    claims = claims_of("Hezbollah pledged military support to the Houthis.")
    assert [_ids(c, "sponsor", "client") for c in _of(claims, "SPONSORSHIP")] == [("hezbollah", "houthis")]
    assert not _of(claims, "AFFILIATION")


def test_a_group_pledging_support_to_a_government_is_its_ally(claims_of):
    claims = claims_of("Hezbollah pledged support to the Iraqi government.")
    assert _of(claims, "ALLIANCE") and not _of(claims, "AFFILIATION")


def test_groups_pledging_support_or_allegiance_to_groups_still_pledge(claims_of):
    for text in ("Jamaat-ul-Ahrar pledged support to the Islamic State.",
                 "Jamaat-ul-Ahrar pledged allegiance to the Islamic State."):
        claims = claims_of(text)
        assert [_ids(c, "pledger", "to") for c in _of(claims, "PLEDGE")] == [("jamaat-ul-ahrar", "islamic-state")]
