"""One incident, one claim (incidents.py): incident summaries written here."""

from __future__ import annotations

from factionmap.model import Entity


def _attacks(claims):
    return [c for c in claims if c.type == "ATTACK"]


def _name(v):
    return v.name if isinstance(v, Entity) else v


def _one_attack(claims):
    """The document's ATTACK, asserting there is just one."""
    a = _attacks(claims)
    assert len(a) == 1, [c.args for c in a]
    return a[0]


def _one_attack_by(claims, group: str, claimed: bool = True):
    """The document's one ATTACK, done by `group`, which claimed it (or was blamed)."""
    a = _one_attack(claims)
    assert _name(a.args["perpetrator"]) == group and a.args["claimed"] is claimed
    return a


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
    assert _one_attack(claims).time.start == "2022-06-10"


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


def test_bare_claim_of_responsibility_is_for_the_attack_just_told(claims_of):
    claims = claims_of("Gunmen opened fire on worshippers at a mosque in Kano, Nigeria, on Friday, killing 12 "
                       "people. Boko Haram claimed responsibility two days later.", "2022-03-05")
    attacks = _attacks(claims)
    assert len(attacks) == 1, [c.args for c in attacks]
    assert _name(attacks[0].args["perpetrator"]) == "Boko Haram" and attacks[0].args["claimed"] is True


def test_no_group_claimed_it_claims_nothing(claims_of):
    claims = claims_of("A bomb exploded near a bus station in Kaduna, Nigeria, on Thursday, killing four "
                       "people. No group claimed responsibility.", "2022-03-05")
    attacks = _attacks(claims)
    assert len(attacks) == 1
    assert attacks[0].args.get("perpetrator") is None and attacks[0].args["claimed"] is False


def test_toll_in_its_own_sentence_and_its_update(claims_of):
    claims = claims_of("A car bomb hit a busy market in Baghdad on Sunday. At least 31 people were killed and 40 "
                       "wounded. The death toll later rose to 38.", "2022-03-05")
    attacks = _attacks(claims)
    assert len(attacks) == 1
    assert (attacks[0].args.get("killed"), attacks[0].args.get("wounded")) == (38, 40)
    assert attacks[0].time.start == "2022-02-27"  # the update sets no date


def test_largest_stated_toll_and_not_another_years_dead(claims_of):
    claims = claims_of("Gunmen raided a village in Zamfara, Nigeria, on Friday. The state government put the "
                       "death toll at 40; local leaders later said 58 people had died. Last year, 200 people "
                       "were killed in the state.", "2022-03-05")
    attacks = _attacks(claims)
    assert len(attacks) == 1 and attacks[0].args.get("killed") == 58


def test_a_device_that_went_off_and_explosives_set_off(claims_of):
    went = _attacks(claims_of("Two policemen were killed on Monday when an explosive device went off under their "
                              "car in Peshawar, Pakistan.", "2022-06-07"))
    assert len(went) == 1 and _name(went[0].args["place"]) == "Peshawar" and went[0].args.get("killed") == 2
    set_off = _attacks(claims_of("Gunmen opened fire and set off explosives inside a church in Owo, Nigeria, on "
                                 "Sunday, killing 22 worshippers.", "2022-06-07"))
    assert len(set_off) == 1 and _name(set_off[0].args["place"]) == "Owo"
    assert not _attacks(claims_of("The talks went off smoothly in Doha on Monday.", "2022-06-07"))


def test_place_south_of_a_city(claims_of):
    claims = claims_of("A bomb planted on a motorcycle exploded near a shrine south of Damascus, Syria, on "
                       "Thursday, killing six people.", "2023-07-28")
    attacks = _attacks(claims)
    assert len(attacks) == 1 and _name(attacks[0].args["place"]) == "Damascus"


def test_address_gives_a_place_the_gazetteer_lacks_its_country(claims_of):
    claims = claims_of("A suicide bomber blew himself up at a rally in Zargunkot, Lower Dir district, Khyber "
                       "Pakhtunkhwa, Pakistan, on Sunday, killing nine people.", "2023-05-08")
    attacks = _attacks(claims)
    assert len(attacks) == 1 and attacks[0].args["place"].country == "PK"


def test_a_country_naming_people_is_no_place(claims_of):
    claims = claims_of("The blast killed 40 people, 11 of them US soldiers, near Kandahar on Friday.", "2021-09-04")
    attacks = _attacks(claims)
    assert attacks and all(_name(a.args["place"]) != "US" for a in attacks)


def test_blamed_group_is_the_object_of_blame_not_the_last_name(claims_of):
    claims = claims_of("A bomb exploded at a market in Maiduguri, Nigeria, on Friday, killing seven people. The "
                       "army blamed the attack on Boko Haram, a rival of ISWAP.", "2022-03-05")
    attacks = _attacks(claims)
    assert len(attacks) == 1 and _name(attacks[0].args["perpetrator"]) == "Boko Haram"
    assert attacks[0].args["claimed"] is False and attacks[0].modality == "reported"
    denied = _attacks(claims_of("Gunmen killed nine villagers in Beni, DR Congo, on Friday. Officials blamed the "
                                "Allied Democratic Forces, which denied involvement.", "2022-03-05"))
    assert [_name(a.args.get("perpetrator")) for a in denied] == ["Allied Democratic Forces"]


def test_sentence_place_is_where_it_happened_not_where_people_came_from(claims_of):
    school = _attacks(claims_of("A car bomb and two more explosions hit pupils leaving a school in the Shahrak area "
                                "of western Kabul on Saturday, killing 40 people.", "2021-05-09"))
    assert len(school) == 1 and _name(school[0].args["place"]) == "Kabul"
    meadow = _attacks(claims_of("Gunmen opened fire on tourists in a hillside meadow, killing 20 people, two of them "
                                "visitors from Nepal.", "2025-04-23"))
    assert all(_name(a.args.get("place")) != "Nepal" for a in meadow)
    bound = _attacks(claims_of("Militants opened fire on a Quetta-bound bus, killing nine passengers.", "2024-01-02"))
    assert all(_name(a.args.get("place")) != "Quetta" for a in bound)


def test_claim_in_reported_speech_of_its_own_fighters(claims_of):
    claims = claims_of("Gunmen stormed a hotel in Mogadishu, Somalia, on Friday, killing nine people. In a "
                       "statement, al-Shabaab said its fighters had stormed the building.", "2022-03-05")
    _one_attack_by(claims, "al-Shabaab")
    admitted = _attacks(claims_of("The Nusra Front later admitted it had carried out the raid in Arsal.", "2022-03-05"))
    assert admitted and admitted[0].args["claimed"] is True


def test_said_to_be_behind_is_blame_not_a_claim(claims_of):
    claims = claims_of("A car bomb exploded outside a police station in Mosul, Iraq, on Friday, killing six "
                       "officers. The interior ministry said Islamic State was behind the bombing.", "2022-03-05")
    attacks = _attacks(claims)
    assert len(attacks) == 1 and _name(attacks[0].args["perpetrator"]) == "Islamic State"
    assert attacks[0].args["claimed"] is False and attacks[0].modality == "reported"


def test_tolls_told_as_lives_lost_and_injuries_treated(claims_of):
    claims = claims_of("Militants attacked a checkpoint in Kidal, Mali, on Friday. Nineteen soldiers lost their "
                       "lives and eleven were treated for injuries.", "2022-03-05")
    attacks = _attacks(claims)
    assert len(attacks) == 1 and (attacks[0].args.get("killed"), attacks[0].args.get("wounded")) == (19, 11)


def test_rammed_and_tore_through_are_attacks_a_crash_is_not(claims_of):
    rammed = _attacks(claims_of("A suicide bomber rammed an explosives-laden truck into a police compound in "
                                "Kandahar on Friday, killing 14 officers.", "2022-03-05"))
    assert len(rammed) == 1 and rammed[0].args["attack_type"] == "suicide bombing"
    tore = _attacks(claims_of("A roadside bomb tore through a minibus near Quetta on Friday, killing five "
                              "passengers.", "2022-03-05"))
    assert len(tore) == 1 and tore[0].args.get("killed") == 5
    assert not _attacks(claims_of("A truck rammed into a bus near Quetta on Friday, killing five passengers.",
                                  "2022-03-05"))


def test_explosive_vests_make_a_suicide_bombing(claims_of):
    claims = claims_of("Two attackers wearing explosive vests detonated them at a market in Maiduguri, Nigeria, "
                       "on Sunday, killing 12 people.", "2022-03-05")
    attacks = _attacks(claims)
    assert attacks and attacks[0].args["attack_type"] == "suicide bombing"


# -- constructions met in incident summaries (each sentence written here) ---------------------


def test_spelled_number_the_tagger_calls_a_date_is_a_toll():
    from spacy.tokens import Span

    from factionmap.extract.attacks import casualty_items
    from factionmap.language.nlp import parse

    doc = parse("Forty of the cadets died in the blast. He was jailed for forty years.")
    doc.ents = [*(e for e in doc.ents if e.start > 0), Span(doc, 0, 1, label="DATE")]
    first, second = list(doc.sents)
    assert [(k, v) for k, v, *_ in casualty_items(first)] == [("killed", 40)]
    assert casualty_items(second) == []  # forty years counts time, not people


def test_a_person_in_the_singular_adds_one_to_the_toll(claims_of):
    claims = claims_of("Rebels ambushed a convoy near Beni, Congo, on Friday. Six soldiers and the driver "
                       "were killed.", "2022-04-10")
    assert _attacks(claims)[0].args["killed"] == 7


def test_were_left_out_of_the_wounded_clause(claims_of):
    claims = claims_of("A bomb tore through a market in Maiduguri, Nigeria, on Sunday. Nine traders were killed "
                       "and more than 40 people wounded.", "2021-08-02")
    a = _attacks(claims)[0]
    assert (a.args["killed"], a.args["wounded"]) == (9, 40)


def test_country_possessive_run_into_a_place_name():
    from factionmap.actors.resolve import _country_owned_place
    from factionmap.lexicon.rules import load_rules

    rules = load_rules()["actors"]
    place = _country_owned_place("Mozambique's Niassa", "ORG", rules, ())
    assert place is not None and place.kind == "place" and place.name == "Niassa" and place.country == "MZ"
    assert _country_owned_place("Cameroon’s North-West", "GPE", rules, ()).country == "CM"
    assert _country_owned_place("Mali's Gourma district", "ORG", rules, ()).country == "ML"  # a settlement word
    assert _country_owned_place("Yemen's Houthi Movement", "ORG", rules, ()) is None  # built like a group's name
    assert _country_owned_place("Baitullah's Niassa", "ORG", rules, ()) is None  # no country owns it
    assert _country_owned_place("Pakistan's Imran Khan", "PERSON", rules, ()) is None
    assert _country_owned_place("Pakistan's Inter-Services Intelligence", "ORG", rules, ()) is None


def test_a_weapon_named_by_an_attack_word_is_no_attack(claims_of):
    claims = claims_of("Police found an assault rifle and two attack drones in a farmhouse near Kirkuk.",
                       "2022-02-01")
    assert not _attacks(claims)


def test_police_shooting_the_attacker_is_the_end_of_the_attack(claims_of):
    claims = claims_of("A gunman opened fire on shoppers at a market in Nice, France, on Saturday. Police "
                       "shot him dead minutes later. Five shoppers were killed and eight wounded. The attack "
                       "was claimed by Islamic State.", "2021-10-17")
    a = _one_attack_by(claims, "Islamic State")
    assert (a.args["killed"], a.args["wounded"]) == (5, 8)


def test_claimed_by_its_acronym_in_an_apposition(claims_of):
    claims = claims_of("Gunmen stormed a hotel in Bamako, Mali, on Friday, killing 20 guests. AQIM, "
                       "al-Qaeda's North African branch, claimed the raid.", "2015-11-21")
    a = _attacks(claims)
    assert len(a) == 1 and a[0].args["claimed"] is True and a[0].modality == "claimed"


def test_the_deed_answered_is_not_the_attack_told(claims_of):
    claims = claims_of("A rocket struck a school in Nahariya, in northern Israel, on Monday, wounding three "
                       "pupils. Hezbollah said its fighters had fired the rocket in response to Israeli strikes "
                       "on Tyre.", "2024-06-04")
    assert _one_attack_by(claims, "Hezbollah").args["place"].country == "IL"


def test_group_telling_how_its_members_did_it_is_its_claim(claims_of):
    claims = claims_of("Two explosions ripped through a crowd at a rally in Quetta, Pakistan, on Friday, "
                       "killing 14 people. Islamic State said the following day that one of its members had "
                       "detonated an explosive belt among the crowd.", "2022-05-08")
    assert _one_attack_by(claims, "Islamic State").args["attack_type"] == "suicide bombing"


def test_blamed_for_the_blasts_in_the_plural(claims_of):
    claims = claims_of("Two bombs went off near a bus station in Mogadishu, Somalia, on Sunday, killing eight "
                       "people. Officials said al-Shabaab was behind the blasts.", "2022-10-31")
    _one_attack_by(claims, "al-Shabaab", claimed=False)


def test_a_claim_days_later_is_the_same_attack(claims_of):
    claims = claims_of("Fighters attacked the town of Mocimboa da Praia in Cabo Delgado, Mozambique, on "
                       "Wednesday, killing dozens. Islamic State claimed the attack the following Sunday.",
                       "2020-08-14")
    a = _attacks(claims)
    assert len(a) == 1 and a[0].time.start == "2020-08-12"


def test_an_anniversary_dates_the_event_years_before(claims_of):
    claims = claims_of("Crowds gathered in Baghdad on 3 January 2023, the third anniversary of the killing of "
                       "Abu Mahdi al-Muhandis.", "2023-01-04")
    deaths = [c for c in claims if c.type == "DEATH"]
    assert deaths and all(c.time.start in (None, "2020-01-03") for c in deaths)


def test_claim_told_in_a_statement_clause(claims_of):
    claims = claims_of("Gunmen opened fire on a hotel terrace in Kribi, Cameroon, on Sunday, killing nine guests. "
                       "Ansaru said in a statement that four of its fighters had carried out the raid.", "2021-05-04")
    _one_attack_by(claims, "Ansaru")


def test_the_attackers_killed_in_the_toll_sentence_recount_the_attack(claims_of):
    claims = claims_of("Gunmen opened fire on shoppers at a market in Garissa, Kenya, on Friday. Officials first "
                       "counted ten dead, then raised the toll to 14, with 20 wounded; two attackers were also "
                       "killed.", "2022-02-06")
    a = _one_attack(claims)
    assert (a.args["killed"], a.args["wounded"]) == (14, 20)


def test_edge_of_a_city_places_the_attack(claims_of):
    claims = claims_of("A fuel tanker packed with explosives blew up at a checkpoint on the northern edge of "
                       "Baidoa, Somalia, on Saturday.", "2022-04-03")
    a = _attacks(claims)
    assert a and a[0].args["place"].country == "SO"


def test_led_away_is_a_kidnapping(claims_of):
    claims = claims_of("Armed men stormed a boarding school in Kagara, Niger State, Nigeria, on Wednesday and led "
                       "dozens of pupils away into the forest.", "2021-02-18")
    a = _attacks(claims)
    assert a and a[0].args["attack_type"] == "kidnapping"
    assert not _attacks(claims_of("The coach took the players away for a training camp.", "2021-02-18"))


def test_taken_to_hospital_and_a_count_that_rose(claims_of):
    claims = claims_of("A bomb exploded at a bus stop in Jos, Nigeria, on Monday. Police said eight people had "
                       "been killed; by evening the count had risen to 12, and 30 people had been taken to "
                       "hospital. The state governor later gave a lower count.", "2022-06-14")
    a = _attacks(claims)[0]
    assert (a.args["killed"], a.args["wounded"]) == (12, 30)


def test_a_bomber_who_died_in_the_blast_is_a_suicide_bombing(claims_of):
    claims = claims_of("A man detonated a device in the lobby of a hotel in Kampala, Uganda, on Friday and died "
                       "in the blast.", "2021-10-24")
    assert _attacks(claims)[0].args["attack_type"] == "suicide bombing"


def test_nobody_claiming_it_is_no_claim(claims_of):
    claims = claims_of("A bomb went off near a shrine in Karbala, Iraq, on Thursday, killing four pilgrims. "
                       "No one claimed responsibility.", "2022-09-09")
    a = _attacks(claims)
    assert len(a) == 1 and a[0].args["claimed"] is False and a[0].modality != "claimed"


def test_an_attack_named_by_its_date_is_not_the_one_just_told(claims_of):
    # "the attacks of <a date>" names another, known attack: the definite article is its date's
    claims = claims_of("A drone strike hit a house in Kabul on Sunday, officials said. The man killed there had "
                       "helped plan the attacks of September 11, 2001.", "2022-08-02")
    for attack in _attacks(claims):
        if (attack.time.start or "").startswith("2001"):
            assert attack.args.get("place") is None, "the 2001 attacks were not in Kabul"
        else:
            assert _name(attack.args.get("place")) == "Kabul"
