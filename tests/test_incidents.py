"""One incident, one claim (incidents.py): incident summaries written here."""

from __future__ import annotations

from factionmap.model import Entity


def _attacks(claims):
    return [c for c in claims if c.type == "ATTACK"]


def _name(v):
    return v.name if isinstance(v, Entity) else v


def test_address_is_one_place_and_responsibility_in_next_sentence(claims_of):
    claims = claims_of("A suicide bomber blew himself up at a checkpoint in Jalalabad, Nangarhar, Afghanistan, "
                       "killing 12 people and wounding 20 others. The Taliban claimed responsibility for the attack.",
                       "2021-06-01")
    attacks = _attacks(claims)
    assert len(attacks) == 1, [c.args for c in attacks]
    a = attacks[0]
    assert _name(a.args["place"]) == "Jalalabad"
    assert _name(a.args["perpetrator"]) == "Taliban" and a.args["claimed"] is True and a.modality == "claimed"
    assert (a.args["killed"], a.args["wounded"]) == (12, 20)
    assert len(a.evidence) == 2  # both sentences


def test_said_it_carried_out(claims_of):
    claims = claims_of("Gunmen stormed a police station in Beledweyne, Somalia, on Tuesday, killing four officers. "
                       "Al-Shabaab said it carried out the attack.", "2022-03-10")
    attacks = _attacks(claims)
    assert len(attacks) == 1
    assert _name(attacks[0].args.get("perpetrator")) == "al-Shabaab" and attacks[0].args["claimed"] is True


def test_blamed_is_not_claimed(claims_of):
    claims = claims_of("A roadside bomb killed five soldiers near Gao, Mali, on Sunday. The army blamed JNIM "
                       "for the attack.", "2022-05-02")
    attacks = _attacks(claims)
    assert len(attacks) == 1
    assert _name(attacks[0].args.get("perpetrator")) in ("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM")
    assert not attacks[0].args.get("claimed") and attacks[0].modality != "claimed"


def test_the_attack_told_again_adds_its_date_and_finer_place(claims_of):
    claims = claims_of("Militants killed 17 villagers in northern Burkina Faso, officials said on Saturday. "
                       "The raid late Friday on the village market in Seytenga was carried out by gunmen on "
                       "motorbikes.", "2022-06-12")
    attacks = _attacks(claims)
    assert len(attacks) == 1, [c.args for c in attacks]
    assert attacks[0].time.start == "2022-06-10"


def test_an_older_attack_named_in_passing_stays_apart(claims_of):
    claims = claims_of("Gunmen killed nine tourists in Pahalgam on Tuesday. The attack was the deadliest since "
                       "the bombing in Pulwama in 2019.", "2025-04-23")
    places = sorted(_name(c.args["place"]) for c in _attacks(claims))
    assert "Pahalgam" in places and "Pulwama" in places


def test_two_groups_two_claims(claims_of):
    claims = claims_of("The TTP denied that it was behind the bombing of a mosque in Peshawar on Monday. "
                       "Jamaat-ul-Ahrar said it carried out the attack.", "2023-01-31")
    claimed = [c for c in _attacks(claims) if _name(c.args.get("perpetrator")) == "Jamaat-ul-Ahrar"]
    assert claimed and all(c.modality == "claimed" for c in claimed)
    assert all(c.modality == "denied" for c in _attacks(claims) if c not in claimed)


def test_toll_update_does_not_date_the_attack(claims_of):
    claims = claims_of("A car bomb exploded outside a hotel in Mogadishu, Somalia, on Saturday, killing 8 people. "
                       "The death toll from the attack rose to 20 on Monday.", "2022-10-31")
    attacks = _attacks(claims)
    assert len(attacks) == 1
    assert attacks[0].time.start == "2022-10-29"
