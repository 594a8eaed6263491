"""Relations said through relation nouns and through parses the small model gets wrong
(relnouns.py): a relation noun naming the kind of an arrangement ("an alliance agreement
with X"), arrangements that end fighting (no alliance), verbless notes ("X and Y allies."),
a preposition whose object a coordinated verb shares ("trained alongside and received
funding from X"), and a group's name ended by a country's ("Tehreek-e-Taliban Pakistan")."""

from __future__ import annotations

import pytest

from factionmap.model import Entity
from factionmap.pipeline import extract


def _claims(text):
    return extract(text, published=None)


def _ids(claim, *names):
    return tuple(claim.args[n].id if isinstance(claim.args.get(n), Entity) else None for n in names)


def _by_rules(claims, ctype, *names):
    """Argument ids of the claims of a type a parse rule made (not the proximity fallback)."""
    return [_ids(c, *names) for c in claims if c.type == ctype and c.rule.split("+") != ["proximity"]]


def _pairs(claims, ctype):
    return [set(p) for p in _by_rules(claims, ctype, "a", "b")]


# -- a relation noun naming the kind of an arrangement --------------------------------


@pytest.mark.parametrize(
    "text, a, b",
    [
        ("In 2013 Jabhat al-Nusra signed a cooperation agreement with Ahrar al-Sham.", "nusra-front", "ahrar-al-sham"),
        ("The Houthis struck a partnership deal with the General People's Congress.",
         "houthis", "new:general-peoples-congress"),
        ("A cooperation accord between Ahrar al-Sham and Jaysh al-Islam was announced.",
         "ahrar-al-sham", "jaish-al-islam"),
    ],
)
def test_relation_noun_naming_an_arrangement_gives_its_parties(text, a, b):
    assert {a, b} in _pairs(_claims(text), "ALLIANCE")


@pytest.mark.parametrize(
    "text",
    [
        "Ahrar al-Sham signed a ceasefire agreement with Jaysh al-Islam.",
        "Jaysh al-Islam signed a non-aggression pact with Ahrar al-Sham.",
        "The Houthis signed a peace pact with the General People's Congress.",
        "Jabhat al-Nusra signed an agreement with Ahrar al-Sham.",  # of no stated kind
    ],
)
def test_truces_and_bare_agreements_are_no_alliance(text):
    assert not any(c.type == "ALLIANCE" for c in _claims(text))


def test_striking_a_deal_is_no_blow():
    claims = _claims("The Taliban struck a deal with the Haqqani Network.")
    assert not any(c.type in ("RIVALRY", "ATTACK", "ALLIANCE") for c in claims)


# -- verbless notes: "X and Y allies." ------------------------------------------------


@pytest.mark.parametrize(
    "text, ctype, names, first, second",
    [
        ("LeJ and LeT allies.", "ALLIANCE", ("a", "b"), "lashkar-e-jhangvi", "lashkar-e-taiba"),
        ("Hamas and Fatah longtime rivals.", "RIVALRY", ("a", "b"), "hamas", "fatah"),
        ("Jaish-e-Mohammed and Harkat-ul-Mujahideen affiliates.", "AFFILIATION", ("member", "patron"),
         "jaish-e-mohammed", "harkat-ul-mujahideen"),
    ],
)
def test_verbless_list_of_groups_and_plural_relation_noun(text, ctype, names, first, second):
    claims = _claims(text)
    assert (first, second) in _by_rules(claims, ctype, *names)
    assert any("relnouns.fragment" in c.rule for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban and al-Qaeda allies attacked the base.",  # a sentence with a verb: allies of them
        "Hamas and Fatah rivals clashed in Gaza.",
        "LeJ and LeT allies in Punjab.",  # more than a list of groups
    ],
)
def test_no_fragment_reading_beyond_a_bare_list(text):
    assert not any("relnouns.fragment" in c.rule for c in _claims(text))


# -- a preposition sharing the object of the coordinated verb ---------------------------


def test_stranded_preposition_takes_the_shared_object():
    claims = _claims("Al-Shabaab fought alongside and later received weapons from al-Qaeda.")
    assert {"al-shabaab", "al-qaeda"} in _pairs(claims, "ALLIANCE")


def test_preposition_with_its_own_object_shares_nothing():
    claims = _claims("Al-Shabaab fought alongside Hizbul Islam and received weapons from al-Qaeda.")
    assert {"al-shabaab", "hizbul-islam"} in _pairs(claims, "ALLIANCE")
    assert {"al-shabaab", "al-qaeda"} not in _pairs(claims, "ALLIANCE")


def test_training_alongside_is_cooperation():
    assert {"new:ansar-al-sharia", "aqim"} in _pairs(
        _claims("Ansar al-Sharia trained alongside AQIM fighters in Libya."), "ALLIANCE")
    assert not _pairs(_claims("Ansar al-Sharia trained AQIM fighters in Libya."), "ALLIANCE")


# -- a group's name ended by a country's ------------------------------------------------


def test_country_ending_a_group_name_is_the_group():
    claims = _claims("Lashkar-e-Jhangvi operates under the umbrella of Tehreek-e-Taliban (TTP) Pakistan.")
    assert ("lashkar-e-jhangvi", "ttp") in _by_rules(claims, "AFFILIATION", "member", "patron")


def test_a_country_alone_stays_the_state():
    claims = _claims("Jundallah is a proxy of Pakistan.")
    assert ("state:pk", "jundallah") in _by_rules(claims, "SPONSORSHIP", "sponsor", "client")


# -- people a group sends are its own ----------------------------------------------------


def test_sent_fighters_act_for_the_sender():
    assert {"hezbollah", "houthis"} in _pairs(_claims("Hezbollah sent fighters to assist the Houthis in Yemen."), "ALLIANCE")
    claims = _claims("The Islamic State dispatched hundreds of militants to attack the Kurdish YPG in Kobani.")
    assert ("islamic-state",) in _by_rules(claims, "ATTACK", "perpetrator")


def test_sent_people_of_a_named_group_act_for_that_group():
    claims = _claims("Hezbollah sent Hamas fighters to attack al-Nusra.")
    assert {"hamas", "nusra-front"} in _pairs(claims, "RIVALRY")
    assert {"hezbollah", "nusra-front"} not in _pairs(claims, "RIVALRY")
