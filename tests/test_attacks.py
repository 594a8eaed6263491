"""Attack details read from one sentence: casualties, kind of attack, target, claim, unknown attackers.

Every sentence is parsed once (cached) with the project's pipeline; the trigger is the
first word whose lemma says an attack.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from factionmap.extract.attacks import attack_type, casualties, parse_count, target_text
from factionmap.extract.claimants import claim_status, unknown_perpetrator

TRIGGER_LEMMAS = {"attack", "bombing", "blast", "explosion", "strike", "airstrike", "raid", "assault", "shooting",
                  "kidnapping", "abduction", "assassination", "kill", "bomb", "storm", "shell", "shelling", "ambush"}


@lru_cache(maxsize=None)
def sentence(text: str):
    from factionmap.language.nlp import parse

    sent = list(parse(text).sents)[0]
    trigger = next(t for t in sent if t.lemma_.lower() in TRIGGER_LEMMAS)
    return sent, trigger


# -- counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("7", 7), ("1,350", 1350), ("at least 15", 15), ("more than 140", 140), ("about 320", 320),
    ("nearly 90", 90), ("a dozen", 12), ("A dozen", 12), ("three dozen", 36), ("half a dozen", 6),
    ("twenty-three", 23), ("seventy-two", 72), ("fifty-eight", 58), ("nine", 9), ("fourteen", 14),
    ("two hundred and ten", 210), ("a hundred", 100),
    ("dozens", None), ("hundreds", None), ("scores", None), ("several", None), ("people", None),
])
def test_attacks_parse_count_reads_digits_and_words(text, expected):
    assert parse_count(text) == expected


# -- casualties --------------------------------------------------------------------------


@pytest.mark.parametrize("text, killed, wounded, perpetrators", [
    # digits, on the object and on the passive subject
    ("A roadside bomb killed 14 villagers outside Kunduz.", 14, None, None),
    ("At least 23 people were killed in the bombing of a bus depot.", 23, None, None),
    ("The blast left 11 dead and 19 wounded in the bazaar.", 11, 19, None),
    # words, with qualifiers
    ("The explosion killed twenty-three pilgrims and injured seventy-two others.", 23, 72, None),
    ("An ambush on a convoy killed more than 140 troops.", 140, None, None),
    ("A dozen guards died and three dozen were injured when the raid began.", 12, 36, None),
    ("Mortar shelling killed half a dozen farmers and wounded about 320.", 6, 320, None),
    ("The death toll from the airstrike climbed to 1,350 on Sunday.", 1350, None, None),
    ("The death toll in the attack rose from 30 to 41.", 41, None, None),
    # vague numbers are not numbers
    ("The bombing killed dozens of shoppers and hurt hundreds.", None, None, None),
    # the total, not the part it includes; conjoined counts of one verb add up
    ("The attack killed 16 people, including 4 policemen, in the square.", 16, None, None),
    ("The ambush killed 6 soldiers and 2 drivers near the pass.", 8, None, None),
    # the count of the attack the trigger names, not another one in the sentence
    ("The blast killed 5 people, a week after gunmen killed 30 in the same town.", 5, None, None),
    # the attackers' own dead kept apart
    ("Gunmen stormed a hotel and killed 9 guests before all 4 attackers were killed.", 9, None, 4),
    ("Two suicide bombers also died in the blast, which killed fifty-eight worshippers.", 58, None, 2),
    ("A bomb went off at the gate, wounding 7 guards, and the bomber also died.", None, 7, 1),
    ("The raid killed 3 officers, and the group said 5 of its fighters died.", 3, None, 5),
    ("Gunmen killed 10 people before the gunmen were killed by police.", 10, None, None),
    ("Four attackers and two policemen were killed in the raid on the prison.", 2, None, 4),
])
def test_attacks_casualties(text, killed, wounded, perpetrators):
    sent, trigger = sentence(text)
    assert casualties(sent, trigger) == {"killed": killed, "wounded": wounded, "killed_perpetrators": perpetrators}


# -- kind of attack ----------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("A suicide bomber killed 14 people at a funeral in Quetta.", "suicide bombing"),
    ("The suicide attack on the ministry wounded 30 clerks.", "suicide bombing"),
    ("A car bomb exploded outside the court, killing two judges.", "bombing"),
    ("The explosion ripped through a crowded bus station.", "bombing"),
    ("An air strike on a compound killed four commanders.", "air strike"),
    ("A drone strike hit a car on the highway.", "air strike"),
    ("Rebels shelled the town for a week, killing scores of residents.", "shelling"),
    ("The rocket attack on the city wounded nine children.", "shelling"),
    ("The kidnapping of eleven students shocked the province.", "kidnapping"),
    ("Masked men took six engineers hostage in a raid on the camp.", "kidnapping"),
    ("The assassination of the mayor was condemned by the president.", "assassination"),
    ("Gunmen shot dead Rahim Dostani, a district judge, in an attack near his home.", "assassination"),
    ("Gunmen stormed a college and opened fire on students.", "armed assault"),
    ("The ambush on a patrol killed three soldiers.", "armed assault"),
    ("Militants attacked an oil pipeline in the north overnight.", "facility attack"),
    ("The attack on the army checkpoint lasted two hours.", "facility attack"),
    ("The attack on the village was condemned by the governor.", "other"),
])
def test_attacks_type(text, expected):
    sent, trigger = sentence(text)
    assert attack_type(sent, trigger) == expected


# -- target ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("The attack on cricket supporters was condemned abroad.", "cricket supporters"),
    ("A suicide bomber killed 14 people at a funeral in Quetta.", "a funeral in Quetta"),
    ("Gunmen stormed the Rosewood conference centre in Kampala.", "the Rosewood conference centre"),
    ("The attack on a shrine, which draws thousands every week, killed nine.", "a shrine"),
    ("A car bomb attack on a police checkpoint killed twenty people.", "a police checkpoint"),
    ("The blast hit a crowded bus station, killing 8.", "a crowded bus station"),
    ("The kidnapping of eleven students shocked the province.", "eleven students"),
    ("At least 9 people were killed and 31 injured in a shooting at a nightclub.", "a nightclub"),
    ("The explosion killed 12 people in the capital.", None),
])
def test_attacks_target(text, expected):
    sent, trigger = sentence(text)
    assert target_text(sent, trigger) == expected


# -- claim status ------------------------------------------------------------------------


@pytest.mark.parametrize("text, perpetrator, expected", [
    ("The Taliban claimed responsibility for the attack on the garrison.", "Taliban", (True, "claimed")),
    ("The bombing was claimed by Jundallah in a statement.", "Jundallah", (True, "claimed")),
    ("Lashkar-e-Taiba said it carried out the raid on the outpost.", "Lashkar-e-Taiba", (True, "claimed")),
    ("Jaish al-Adl, which claimed the attack, said 2 of its fighters were killed.", "Jaish al-Adl",
     (True, "claimed")),
    # another group's claim is not this group's
    ("Jundallah claimed responsibility for the bombing.", "Taliban", (False, None)),
    ("Officials blamed the Haqqani Network for the blast at the embassy.", "Haqqani Network",
     (False, "attributed")),
    ("Police attributed the bombing to Lashkar-e-Jhangvi.", "Lashkar-e-Jhangvi", (False, "attributed")),
    ("The Taliban are suspected of carrying out the attack, which killed 40.", "Taliban", (False, "attributed")),
    ("The Taliban denied involvement in the kidnapping of the aid workers.", "Taliban", (False, "denied")),
    ("Jundallah said it did not carry out the attack.", "Jundallah", (False, "denied")),
    ("No group has claimed responsibility for the attack on the checkpoint.", None, (False, None)),
    ("The blast killed 12 people in the capital.", None, (False, None)),
])
def test_attacks_claim_status(text, perpetrator, expected):
    sent, trigger = sentence(text)
    assert claim_status(sent, trigger, perpetrator) == expected


# -- unknown attackers -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Unidentified gunmen opened fire on a bus, killing 17 passengers.", True),
    ("The attack by unknown assailants wounded 14 policemen.", True),
    ("Gunmen stormed a college and opened fire on students.", True),
    ("It was unclear who was behind the bombing of the hotel.", True),
    ("No group has claimed responsibility for the attack on the checkpoint.", True),
    ("Gunmen from Lashkar-e-Taiba stormed a hotel in the city.", False),
    ("The Taliban claimed responsibility for the attack on the garrison.", False),
    ("Unidentified gunmen, whom police later linked to Jundallah, attacked the convoy.", True),
    ("Gunmen ambushed a patrol, according to Reuters, and the attack killed four.", True),
    ("A suicide bomber killed 14 people at a funeral in Quetta.", False),
])
def test_attacks_unknown_perpetrator(text, expected):
    sent, trigger = sentence(text)
    assert unknown_perpetrator(sent, trigger) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan condemned the attack in Peshawar on Tuesday.",
        "Soldiers repelled an attack on their base in Mogadishu.",
    ],
)
def test_attack_perpetrator_is_never_who_reacts_to_it(text):
    from factionmap.pipeline import extract

    attacks = [c for c in extract(text) if c.type == "ATTACK"]
    assert attacks and all(c.args.get("perpetrator") is None for c in attacks)


def test_condemning_a_groups_deeds_is_rivalry_with_the_group():
    from factionmap.pipeline import extract

    text = "Kenya condemned the al-Shabaab attack on a university in Garissa."
    pairs = {(c.args["a"].id, c.args["b"].id) for c in extract(text) if c.type == "RIVALRY"}
    assert ("state:ke", "al-shabaab") in pairs
