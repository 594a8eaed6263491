"""Word-order rules (surface.py) and the country readings of country_roles.py, on sentences
written here about events the rules were not built from."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _rows(claims, ctype):
    out = []
    for c in claims:
        if c.type != ctype:
            continue
        out.append({k: (v.name if isinstance(v, Entity) else v) for k, v in c.args.items()} | {
            "_negated": c.negated, "_modality": c.modality})
    return out


def test_appointment_with_description_and_replacing(claims_of):
    claims = claims_of("Al-Shabaab, the Somali militant group, named Ahmad Umar, a longtime member of its "
                       "shura council, as its new emir on Saturday, replacing Ahmed Abdi Godane.", "2014-09-07")
    rows = _rows(claims, "SUCCESSION")
    assert any(r["org"] == "al-Shabaab" and r["leader"] == "Ahmad Umar" and r.get("predecessor") == "Ahmed Abdi Godane"
               for r in rows), rows
    assert any(r["leader"] == "Ahmad Umar" and r["org"] == "al-Shabaab" for r in _rows(claims, "LEADERSHIP"))


def test_named_as_his_successor_keeps_the_whole_kunya(claims_of):
    claims = claims_of("Abu Bakr al-Baghdadi was killed in a raid in Idlib. Days later the Islamic State named "
                       "Abu Ibrahim al-Hashimi al-Qurashi as his successor.", "2019-11-01")
    rows = _rows(claims, "SUCCESSION")
    assert any(r["leader"] == "Abu Ibrahim al-Hashimi al-Qurashi" and r["org"] == "Islamic State"
               and r.get("predecessor") == "Abu Bakr al-Baghdadi" for r in rows), rows


def test_appointed_deputy_is_a_member_not_a_leader(claims_of):
    claims = claims_of("The Taliban appointed Sirajuddin Haqqani as its deputy in 2015.", "2016-01-01")
    assert not [r for r in _rows(claims, "SUCCESSION") if r["leader"] == "Sirajuddin Haqqani"]
    assert not [r for r in _rows(claims, "LEADERSHIP") if r["leader"] == "Sirajuddin Haqqani"]


def test_its_after_a_description_of_someone_is_not_the_group_described(claims_of):
    claims = claims_of("Zawahiri announced a new branch, al-Qaeda in the Indian Subcontinent. He named Asim Umar, "
                       "a preacher who had led al-Qaeda's outreach in Karachi, as its emir.", "2014-09-04")
    orgs = {r["org"] for r in _rows(claims, "LEADERSHIP") if r["leader"] == "Asim Umar"}
    assert "al-Qaeda" not in orgs


@pytest.mark.parametrize("text, leader, org", [
    ("Police said Jaish-e-Mohammed's chief Masood Azhar had gone into hiding.", "Masood Azhar", "Jaish-e-Mohammed"),
    ("Supporters of Boko Haram mourned its leader Abubakar Shekau.", "Abubakar Shekau", "Boko Haram"),
    ("Analysts blame Masood Azhar's Jaish-e-Mohammed for the bombing.", "Masood Azhar", "Jaish-e-Mohammed"),
])
def test_leaders_said_in_possessives(claims_of, text, leader, org):
    rows = _rows(claims_of(text), "LEADERSHIP")
    assert any(r["leader"] == leader and r["org"] == org for r in rows), rows


def test_leadership_list(claims_of):
    claims = claims_of("Hayat Tahrir al-Sham grew out of the Nusra Front. Its leadership included "
                       "Abu Mohammad al-Julani, Abu Maria al-Qahtani and Abdul Rahim Atoun.", "2019-01-01")
    leaders = {r["leader"] for r in _rows(claims, "LEADERSHIP") if r["org"] == "Hayat Tahrir al-Sham"}
    assert {"Abu Maria al-Qahtani", "Abdul Rahim Atoun"} <= leaders, leaders


@pytest.mark.parametrize("text, org, place", [
    ("Thousands fled to Somalia, where al-Shabaab is still active.", "al-Shabaab", "Somalia"),
    ("Ahmed Umar oversaw al-Shabaab's operations in Kismayo for years.", "al-Shabaab", "Kismayo"),
    ("Boko Haram fighters have been terrorising Adamawa for a decade.", "Boko Haram", "Adamawa"),
    ("ISWAP fighters marched into Maiduguri at dawn on Friday.", "Islamic State West Africa Province", "Maiduguri"),
    ("Somalia's al-Shabaab group rejected the talks.", "al-Shabaab", "Somalia"),
])
def test_presence_said_by_word_order(claims_of, text, org, place):
    rows = _rows(claims_of(text), "PRESENCE")
    assert any(r["org"] == org and r["place"] == place and not r["_negated"] for r in rows), rows


def test_presence_not_said(claims_of):
    assert not [r for r in _rows(claims_of("There is no al-Shabaab activity in Hargeisa."), "PRESENCE")
                if not r["_negated"]]
    # a building is entered, not a town taken
    claims = claims_of("Al-Shabaab gunmen entered a hotel in Mogadishu on Sunday.", "2019-01-01")
    assert not [r for r in _rows(claims, "SEIZURE") if r["place"] == "Mogadishu"]


def test_country_owning_a_group_is_a_place_not_an_ally(claims_of):
    claims = claims_of("Somalia's al-Shabaab group claimed responsibility for a bombing in Mogadishu on Monday.",
                       "2019-01-01")
    assert not _rows(claims, "ALLIANCE")
    perpetrators = {r.get("perpetrator") for r in _rows(claims, "ATTACK")}
    assert "Somalia" not in perpetrators and "al-Shabaab" in perpetrators


def test_backing_country_is_not_the_place(claims_of):
    claims = claims_of("The Iran-backed Houthis fired a missile at a tanker in the Gulf of Aden on Monday.",
                       "2024-01-01")
    assert all(r["place"] != "Iran" for r in _rows(claims, "ATTACK"))
    assert any(r["sponsor"] == "Iran" for r in _rows(claims, "SPONSORSHIP"))


def test_two_word_country_name(claims_of):
    claims = claims_of("The ADF is based in eastern DR Congo.", "2023-01-01")
    places = [c.args["place"] for c in claims if c.type == "PRESENCE"]
    assert any(p.country == "CD" for p in places), places
