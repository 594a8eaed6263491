"""A world that must make sense (issue 9, 2.3): acts after death, a succession before the
predecessor's tenure, acts before founding, a venue cast as an armed group."""

from __future__ import annotations

import pytest
from conftest import AQ, MANSOUR, OMAR, TALIBAN, claim, document, org, place

from factionmap.query.conflicts import find_conflicts
from factionmap.errors import FactionmapError
from factionmap.facts.plausibility import venue_word
from factionmap.lexicon.venues import validate_venues
from factionmap.store.sqlite import Store

KABUL = place("place:kabul", "Kabul", country="AF")


def _kinds(*claims, published="2016-01-01"):
    store = Store()
    store.add_document(document("d-1", published), list(claims), "v")
    return [c.kind for c in find_conflicts(store)], find_conflicts(store)


def test_a_pledge_after_the_pledgers_death():
    kinds, found = _kinds(claim("DEATH", time=("2013-04", "2013-04", "month"), person=OMAR, cause="died"),
                          claim("PLEDGE", time=("2015-08-13", "2015-08-13", "day"), pledger=OMAR, to=MANSOUR))
    assert kinds == ["acts after death"]
    assert "Mullah Omar" in found[0].text and len(found[0].facts) == 2


def test_a_pledge_before_death_is_fine():
    kinds, _ = _kinds(claim("DEATH", time=("2015-07", "2015-07", "month"), person=MANSOUR, cause="died"),
                      claim("PLEDGE", time=("2014-08", "2014-08", "month"), pledger=MANSOUR, to=OMAR))
    assert kinds == []


def test_a_reported_death_that_was_denied_lets_him_act():
    kinds, _ = _kinds(claim("DEATH", time=("2015-12-02", "2015-12-02", "day"), person=MANSOUR, modality="denied"),
                      claim("PLEDGE", time=("2016-01-05", "2016-01-05", "day"), pledger=MANSOUR, to=OMAR))
    assert "acts after death" not in kinds


def test_succession_before_the_predecessors_own_tenure():
    kinds, found = _kinds(
        claim("LEADERSHIP", time=("2015-07", None, "month"), leader=MANSOUR, org=TALIBAN, role="leader"),
        claim("SUCCESSION", time=("2010", "2010", "year"), org=TALIBAN, leader=OMAR, predecessor=MANSOUR))
    assert "succession before tenure" in kinds
    assert not _kinds(
        claim("LEADERSHIP", time=("2001", None, "year"), leader=OMAR, org=TALIBAN, role="leader"),
        claim("SUCCESSION", time=("2015-07", "2015-07", "month"), org=TALIBAN, leader=MANSOUR,
              predecessor=OMAR))[0]


def test_an_attack_before_the_group_was_founded():
    iskp = org("iskp", "Islamic State Khorasan")
    kinds, found = _kinds(claim("FOUNDING", time=("2015-01", "2015-01", "month"), org=iskp),
                          claim("ATTACK", time=("2012-05-01", "2012-05-01", "day"), perpetrator=iskp, place=KABUL))
    assert kinds == ["acts before founding"]
    kinds, _ = _kinds(claim("FOUNDING", time=("2015-01", "2015-01", "month"), org=iskp),
                      claim("ATTACK", time=("2016-05-01", "2016-05-01", "day"), perpetrator=iskp, place=KABUL))
    assert kinds == []


def test_a_hotel_or_a_ministry_cast_as_an_armed_group():
    hotel = org("new:radisson-blu", "Radisson Blu")
    ministry = org("new:interior-ministry", "Interior Ministry")
    kinds, found = _kinds(
        claim("RIVALRY", sentence="Al-Mourabitoun attacked the Radisson Blu hotel in Bamako.", a=AQ, b=hotel),
        claim("ATTACK", time=("2015-11-20", "2015-11-20", "day"), perpetrator=ministry, place=KABUL))
    assert kinds.count("not an armed group") == 2
    assert not _kinds(claim("RIVALRY", sentence="al-Qaeda fights the Taliban.", a=AQ, b=TALIBAN))[0]


def test_venue_words():
    assert venue_word("Crocus City Hall") == "hall"
    assert venue_word("Radisson Blu", ("the Radisson Blu hotel in Bamako",)) == "hotel"
    assert venue_word("Islamic State") is None and venue_word("Ansar al-Sharia", ("Ansar al-Sharia fighters",)) is None


def test_venue_data_is_validated():
    with pytest.raises(FactionmapError, match="venue_heads"):
        validate_venues({"venue_heads": [], "state_bodies": ["ministry"]})
    with pytest.raises(FactionmapError, match="not an object"):
        validate_venues(["hotel"])


def test_a_hotel_named_in_text_is_a_place(claims_of):
    claims = claims_of("Al-Mourabitoun claimed the attack on the Radisson Blu hotel in Bamako on Friday.",
                       "2015-11-21")
    orgs = {v.name for c in claims for v in c.args.values() if getattr(v, "kind", None) == "org"}
    assert "Radisson Blu" not in orgs and "Al-Mourabitoun" in orgs


def test_leader_answer_says_a_tenure_after_death_is_contested():
    from factionmap.query.leaders import leader_on

    store = Store()
    store.add_document(document("d-1", "2016-01-01"), [
        claim("DEATH", time=("2013-04", "2013-04", "month"), person=OMAR, cause="died"),
        claim("LEADERSHIP", time=("2015-08", None, "month"), leader=OMAR, org=TALIBAN, role="leader")], "v")
    answer = leader_on(store, "Taliban", "2015-09-01")
    contested = [n for n in answer.notes if n.startswith("contested:")]
    assert contested and "Mullah Omar" in contested[0] and answer.uncertain
    store = Store()  # the same tenure before his death is no doubt
    store.add_document(document("d-1", "2016-01-01"), [
        claim("DEATH", time=("2013-04", "2013-04", "month"), person=OMAR, cause="died"),
        claim("LEADERSHIP", time=("2001", None, "year"), leader=OMAR, org=TALIBAN, role="leader")], "v")
    assert not [n for n in leader_on(store, "Taliban", "2010-01-01").notes if n.startswith("contested:")]
