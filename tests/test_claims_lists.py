"""Groups named in lists, and enmity read from what was attacked: long lists of groups
acting with one another, list items that are not descriptions, attacks on a group's
people or places."""

from __future__ import annotations

from factionmap.model import Entity


def _of(claims, ctype):
    return [c for c in claims if c.type == ctype]


def _pairs(claims, ctype):
    return {frozenset(c.args[n].id for n in ("a", "b") if isinstance(c.args.get(n), Entity))
            for c in _of(claims, ctype)}


def test_claims_lists_every_pair_of_a_long_reciprocal_list(claims_of):
    text = ("Kata'ib Hezbollah, Harakat al-Nujaba, the Badr Organization, the Mahdi Army, "
            "Kata'ib Sayyid al-Shuhada and Kata'ib Imam Ali worked with one another near Samarra in 2015.")
    pairs = _pairs(claims_of(text), "ALLIANCE")
    ids = ["kataib-hezbollah", "harakat-al-nujaba", "badr-organization", "mahdi-army",
           "kataib-sayyid-al-shuhada", "kataib-imam-ali"]
    missing = [(x, y) for i, x in enumerate(ids) for y in ids[i + 1:] if frozenset({x, y}) not in pairs]
    assert missing == []


def test_claims_lists_non_reciprocal_list_is_not_paired_within(claims_of):
    # "fought alongside" is no statement about the listed groups among themselves
    claims = claims_of("Harakat al-Nujaba and the Badr Organization fought alongside the Iraqi army.")
    assert frozenset({"harakat-al-nujaba", "badr-organization"}) not in _pairs(claims, "ALLIANCE")


def test_claims_lists_bare_plural_in_a_list_is_an_item_not_a_description(claims_of):
    text = ("The Islamic State was pushed out of the town after battles with several rebel groups, "
            "including Ahrar al-Sham, fighters of the Islamic Front, and fighters of the FSA.")
    claims = claims_of(text)
    assert not [c for c in _of(claims, "AFFILIATION") if c.args["member"].id == "ahrar-al-sham"]


def test_claims_lists_plural_description_of_several_groups_still_describes_them(claims_of):
    claims = claims_of("Suqour al-Sham and Ahrar al-Sham, members of the Islamic Front, met in Idlib.")
    members = {c.args["member"].id for c in _of(claims, "AFFILIATION")}
    assert {"suqour-al-sham", "ahrar-al-sham"} <= members


def test_claims_lists_driven_out_reaches_past_a_long_object_list(claims_of):
    text = ("The army and Hezbollah forced Jabhat al-Nusra, Liwa al-Haqq and other rebel units "
            "out of the border town in June 2013.")
    pairs = _pairs(claims_of(text), "RIVALRY")
    assert frozenset({"hezbollah", "liwa-al-haqq"}) in pairs


def test_claims_lists_attack_on_a_groups_place_makes_them_rivals(claims_of):
    claims = claims_of("Al-Shabaab detonated a car bomb at Hizbul Islam's headquarters in Mogadishu in 2010.")
    assert frozenset({"al-shabaab", "hizbul-islam"}) in _pairs(claims, "RIVALRY")
    [rivalry] = [c for c in _of(claims, "RIVALRY") if "hizbul-islam" in {c.args["a"].id, c.args["b"].id}]
    assert rivalry.rule.endswith("+inferred.target")


def test_claims_lists_attack_on_civilians_makes_no_rivalry(claims_of):
    claims = claims_of("Al-Shabaab detonated a car bomb at a hotel in Mogadishu in 2010, killing 12 people.")
    assert _of(claims, "RIVALRY") == []


def test_claims_lists_unclaimed_attack_by_unknown_gunmen_makes_no_rivalry(claims_of):
    claims = claims_of("Unidentified gunmen shot dead a Hizbul Islam commander in Mogadishu in 2010.")
    assert _of(claims, "RIVALRY") == []


def test_claims_lists_split_by_factions_in_a_country_has_no_state_parent(claims_of):
    claims = claims_of("In 2013, six rebel factions in Syria announced the creation of the Islamic Front.")
    assert not [c for c in _of(claims, "SPLIT") if str(c.args["parent"].id).startswith("state:")]


def test_claims_lists_fighters_joining_fighters_are_allies_not_defectors(claims_of):
    claims = claims_of("YPG fighters joined Peshmerga fighters battling IS near Kobani in 2014.")
    assert not _of(claims, "DEFECTION")


def test_claims_lists_members_of_a_group_in_an_including_list_name_the_group(claims_of):
    text = ("In 2014 the Islamic State fought several rebel groups, including Ahrar al-Sham, "
            "fighters of the Islamic Front, and members of the FSA.")
    pairs = _pairs(claims_of(text), "RIVALRY")
    assert frozenset({"islamic-state", "islamic-front-syria"}) in pairs
    assert frozenset({"islamic-state", "fsa"}) in pairs


def test_claims_lists_joining_a_group_in_a_fight_is_alliance_not_merger(claims_of):
    claims = claims_of("In 2014 the PKK joined the YPG and the KDP in the battle for Kobani against IS.")
    assert not _of(claims, "MERGER")
    assert frozenset({"pkk", "ypg"}) in _pairs(claims, "ALLIANCE")


def test_claims_lists_joining_a_group_as_an_ally_is_alliance(claims_of):
    claims = claims_of("Hizbul Islam joined al-Shabaab as an ally in 2009.")
    assert not _of(claims, "MERGER")
    assert frozenset({"hizbul-islam", "al-shabaab"}) in _pairs(claims, "ALLIANCE")


def test_claims_lists_joining_a_group_outright_is_still_a_merger(claims_of):
    claims = claims_of("Hizbul Islam joined al-Shabaab in December 2010.")
    assert _of(claims, "MERGER")


def _splits(claims):
    return {(c.args["splinter"].id, c.args["parent"].id) for c in _of(claims, "SPLIT")}


def test_claims_lists_becoming_independent_of_a_group_is_a_split(claims_of):
    claims = claims_of("The Ras Kamboni Movement became independent of Hizbul Islam in 2010.")
    assert ("ras-kamboni", "hizbul-islam") in _splits(claims)


def test_claims_lists_a_wing_that_became_independent_split_from_its_parent(claims_of):
    text = ("Al-Shabaab, once the armed wing of the Islamic Courts Union, became an independent "
            "group after the courts were driven from Mogadishu in 2006.")
    claims = claims_of(text)
    assert ("al-shabaab", "islamic-courts-union") in _splits(claims)


def test_claims_lists_a_group_becoming_independent_of_nothing_named_is_no_split(claims_of):
    claims = claims_of("Al-Shabaab became an independent group in 2006.")
    assert _splits(claims) == set()


def test_claims_lists_states_becoming_independent_are_no_split(claims_of):
    claims = claims_of("South Sudan became independent of Sudan in July 2011.")
    assert _splits(claims) == set()


def test_claims_lists_proximity_does_not_guess_for_a_pair_already_related(claims_of):
    text = ("Boko Haram pledged allegiance to the Islamic State in March 2015. Days later the "
            "Islamic State accepted, saying that its allegiance with Boko Haram extended it into West Africa.")
    claims = claims_of(text)
    assert not [c for c in claims if c.rule == "proximity"]


def test_claims_lists_name_before_the_verb_is_the_subject_after_a_long_opening(claims_of):
    text = ("After months of clashes between Jabhat Fateh al-Sham and other rebel groups, "
            "Nour al-Din al-Zenki merged with Jabhat Fateh al-Sham in January 2017 to form Hayat Tahrir al-Sham.")
    [merger] = _of(claims_of(text), "MERGER")
    assert {e.id for e in merger.args["parts"]} == {"nour-al-din-al-zenki", "jabhat-fateh-al-sham"}
    assert merger.args["result"].id == "hts"


def test_claims_lists_names_listed_before_a_verb_with_no_subject_do_it(claims_of):
    text = "In the months after the 2003 invasion, AQI and the Islamic Army in Iraq worked closely with one another."
    assert frozenset({"islamic-state", "islamic-army-in-iraq"}) in _pairs(claims_of(text), "ALLIANCE")


def test_claims_lists_two_groups_in_one_attack_acted_together(claims_of):
    text = "MILF members and BIFF members were involved in an ambush on police in Maguindanao in 2015."
    assert frozenset({"milf", "biff"}) in _pairs(claims_of(text), "ALLIANCE")


def test_claims_lists_one_group_in_an_attack_has_no_ally(claims_of):
    claims = claims_of("MILF members were involved in an ambush on police in Maguindanao in 2015.")
    assert _of(claims, "ALLIANCE") == []


def test_claims_lists_a_misspelt_inflected_verb_still_triggers(claims_of):
    claims = claims_of("In 2015 the Free Syrian Army was coordianting with Jabhat al-Nusra near Daraa.")
    assert frozenset({"fsa", "nusra-front"}) in _pairs(claims, "ALLIANCE")


def _seizures(claims):
    return {(c.args["org"].id, c.args["place"].name, getattr(c.args.get("from"), "id", None))
            for c in _of(claims, "SEIZURE")}


def test_claims_lists_a_name_the_text_calls_a_town_is_a_place(claims_of):
    claims = claims_of("In 2010 al-Shabaab captured the town of Beledweyne from Hizbul Islam.")
    assert ("al-shabaab", "Beledweyne", "hizbul-islam") in _seizures(claims)


def test_claims_lists_a_name_described_as_a_village_is_a_place_everywhere(claims_of):
    text = ("In 2015 Jund al-Aqsa captured Tal Hadiya, a village south of Aleppo, from the Syrian army. "
            "Weeks later Hezbollah recaptured Tal Hadiya.")
    claims = claims_of(text)
    assert ("hezbollah", "Tal Hadiya", "jund-al-aqsa") in _seizures(claims)
    assert not [c for c in claims if c.type == "CAPTURE"]


def test_claims_lists_cooperating_to_seize_makes_both_seizers(claims_of):
    text = "In 2015 the Syrian army coordinated with Hezbollah to retake the town of Zabadani."
    orgs = {org for org, _, _ in _seizures(claims_of(text))}
    assert {"syrian-arab-army", "hezbollah"} <= orgs


def test_claims_lists_taking_a_place_twice_in_one_sentence_is_no_retaking(claims_of):
    claims = claims_of("In 2016 the Syrian army and Hezbollah recaptured the town of Zabadani.")
    assert frozenset({"syrian-arab-army", "hezbollah"}) not in _pairs(claims, "RIVALRY")


def test_claims_lists_the_leaders_of_several_groups_merging_their_groups(claims_of):
    text = ("The leaders of the Red Brigades, Prima Linea, and the Armed Proletarian Nuclei fled abroad "
            "and merged their groups into the Communist Combatant Party in 1981.")
    [merger] = _of(claims_of(text), "MERGER")
    parts = {e.id for e in merger.args["parts"]}
    assert {"red-brigades", "prima-linea", "nap-italy"} <= parts
