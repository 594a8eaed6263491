"""An undated claim takes the date of the story's news only when the text ties it to the news."""

from __future__ import annotations

import pytest

PUBLISHED = "2015-08-14"  # a Friday: "on Thursday" is 2015-08-13


def _of(claims, ctype, key, name):
    found = [c for c in claims if c.type == ctype and name in getattr(c.args.get(key), "name", "")]
    assert len(found) == 1, claims
    return found[0]


def _span(claim):
    return (claim.time.start, claim.time.end, claim.time.precision)


@pytest.mark.parametrize(
    "text",
    [
        # the lead's present perfect is the news; the next sentence dates its announcement
        "Boko Haram has pledged allegiance to the Islamic State.\n\n"
        "The group announced the pledge in an audio message released on Thursday.",
        # a headline says the news in the present
        "Boko Haram says it has pledged allegiance to the Islamic State\n\n"
        "The group said on Thursday that its fighters would obey the caliph.",
    ],
)
def test_storytime_news_in_the_lead_takes_the_announced_day(claims_of, text):
    pledge = _of(claims_of(text, published=PUBLISHED), "PLEDGE", "pledger", "Boko Haram")
    assert _span(pledge) == ("2015-08-13", "2015-08-13", "day")


def test_storytime_reported_speech_of_the_story_actor_and_the_sentence_after(claims_of):
    text = ("The Taliban on Thursday confirmed that their leader had died.\n\n"
            "In a statement, the group said its leadership council had chosen Akhtar Mansour as the new emir. "
            "The council also appointed two deputies: Sirajuddin Haqqani and the cleric Haibatullah Akhundzada.")
    claims = claims_of(text, published=PUBLISHED)
    succession = _of(claims, "SUCCESSION", "leader", "Mansour")
    assert _span(succession) == ("2015-08-13", "2015-08-13", "day")
    deputy = _of(claims, "MEMBERSHIP", "person", "Haqqani")
    assert _span(deputy) == ("2015-08-13", None, "day")  # a role held from then


@pytest.mark.parametrize(
    "text, ctype, key, name",
    [
        # the announcement is months old: background, not the news of the day
        ("Boko Haram has pledged allegiance to the Islamic State.\n\n"
         "The group announced the pledge in an audio message released on March 7.", "PLEDGE", "pledger", "Boko"),
        # a past event told in the simple past later in the story has its own (unknown) time
        ("The Taliban on Thursday confirmed that their leader had died.\n\n"
         "Analysts noted the deaths of other commanders. Boko Haram pledged allegiance to the Islamic State.",
         "PLEDGE", "pledger", "Boko"),
        # reported speech of someone else than the story's actor
        ("The Taliban on Thursday confirmed that their leader had died.\n\n"
         "Analysts said Boko Haram had pledged allegiance to the Islamic State.", "PLEDGE", "pledger", "Boko"),
        # a role said in passing describes someone: it is not the news
        ("Al-Qaeda leader Ayman al-Zawahiri has pledged allegiance to Mullah Omar.\n\n"
         "The pledge was announced in a message released on Thursday.", "LEADERSHIP", "leader", "Zawahiri"),
    ],
)
def test_storytime_untied_claims_stay_undated(claims_of, text, ctype, key, name):
    claim = _of(claims_of(text, published=PUBLISHED), ctype, key, name)
    assert claim.time.start is None and claim.time.end is None


def test_storytime_needs_a_publication_day(claims_of):
    text = ("Boko Haram has pledged allegiance to the Islamic State.\n\n"
            "The group announced the pledge in an audio message released on Thursday.")
    pledge = _of(claims_of(text, published=None), "PLEDGE", "pledger", "Boko Haram")
    assert pledge.time.start is None


# -- dates counted from a day told before ----------------------------------------------------


def _claim(claims, ctype, **names):
    """The one claim of `ctype` whose named arguments contain the given names."""
    found = [c for c in claims if c.type == ctype
             and all(n in getattr(c.args.get(k), "name", "") for k, n in names.items())]
    assert len(found) == 1, claims
    return found[0]


@pytest.mark.parametrize(
    "text, published, ctype, names, expected",
    [
        ("Al-Shabaab attacked a base in Lower Shabelle on 3 August. Two days later, al-Shabaab "
         "fighters attacked a checkpoint in Mogadishu.", "2015-08-20", "ATTACK", {"place": "Mogadishu"},
         ("2015-08-05", "2015-08-05", "day")),
        ("The Taliban on Tuesday claimed the capture of Kunduz. Earlier in the day, Taliban fighters "
         "attacked a checkpoint in Baghlan.", "2015-08-20", "ATTACK", {"place": "Baghlan"},
         ("2015-08-18", "2015-08-18", "day")),
        # "the following Monday" is the first Monday after the day told, not the last one published
        ("Boko Haram attacked Baga on 7 August. On the following Monday, Boko Haram seized Monguno.",
         "2015-08-20", "SEIZURE", {"place": "Monguno"}, ("2015-08-10", "2015-08-10", "day")),
        ("The Taliban confirmed on Thursday that Mullah Omar had died. Later that day, the group named "
         "Akhtar Mansour as its new leader.", PUBLISHED, "SUCCESSION", {"leader": "Mansour"},
         ("2015-08-13", "2015-08-13", "day")),
    ],
)
def test_storytime_counts_from_the_day_told(claims_of, text, published, ctype, names, expected):
    assert _span(_claim(claims_of(text, published=published), ctype, **names)) == expected


def test_storytime_counting_needs_a_day_told(claims_of):
    claims = claims_of("Two days later, al-Shabaab fighters attacked a checkpoint in Mogadishu.",
                       published="2015-08-20")
    attack = _claim(claims, "ATTACK", place="Mogadishu")
    assert _span(attack) == (None, None, None) and attack.time.text == "Two days later"


# -- dates that belong to another event -------------------------------------------------------


def test_storytime_date_after_following_is_that_events(claims_of):
    claims = claims_of("Al-Shabaab has named Ahmad Umar as its new leader following the killing of "
                       "Ahmed Abdi Godane in Somalia last week.", published="2014-09-09")
    # last week is Sep 1-7: the killing's; the naming is news told in the present perfect
    assert _span(_claim(claims, "DEATH", person="Godane")) == ("2014-09", "2014-09", "month")
    assert _span(_claim(claims, "SUCCESSION", leader="Umar")) == (None, "2014-09-09", "day")


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic State said on Tuesday that its fighters had attacked a checkpoint in Sinai.",
        "The Islamic State claimed responsibility on Tuesday, saying its fighters attacked a checkpoint in Sinai.",
    ],
)
def test_storytime_a_physical_event_is_not_dated_by_its_telling(claims_of, text):
    attack = _claim(claims_of(text, published="2015-04-01"), "ATTACK", place="Sinai")
    assert attack.time.start is None and attack.time.end is None


def test_storytime_claim_of_responsibility_keeps_the_attacks_day(claims_of):
    claims = claims_of("Insurgents stormed Palma on March 24. The Islamic State claimed responsibility through "
                       "its Amaq agency on March 29, saying the attack had killed 55 soldiers.", published="2015-04-01")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert [_span(a) for a in attacks] == [("2015-03-24", "2015-03-24", "day")]


@pytest.mark.parametrize(
    "text, place, expected",
    [
        ("Rescuers searched the debris of the mosque in Peshawar on Tuesday, a day after a suicide bomber "
         "attacked it.", "Peshawar", "2015-03-30"),
        ("Police arrested three men on Monday, two days after the bombing in Kano.", "Kano", "2015-03-28"),
        ("Hours after the bombing in Kano, Boko Haram claimed responsibility on Tuesday.", "Kano", "2015-03-31"),
        # no gap stated: the sentence's date stays
        ("Gunmen killed 12 people in Zamfara on Sunday after storming a village.", "Zamfara", "2015-03-29"),
    ],
)
def test_storytime_after_a_stated_gap(claims_of, text, place, expected):
    attack = _claim(claims_of(text, published="2015-04-01"), "ATTACK", place=place)
    assert _span(attack) == (expected, expected, "day")


def test_storytime_parse_that_lost_its_clause_keeps_the_sentence_date(claims_of):
    # "named" read as a modifier of "the Somali militant group": the date hangs under no verb
    claims = claims_of("Al-Shabaab, the Somali militant group, named Ahmad Umar, a senior commander, as its new "
                       "emir on Saturday, replacing Ahmed Abdi Godane.", published="2014-09-07")
    assert _span(_claim(claims, "SUCCESSION", leader="Umar")) == ("2014-09-06", "2014-09-06", "day")


def test_storytime_the_attack_told_before_lends_its_day(claims_of):
    claims = claims_of("Militants attacked a school in Kasese district late on Friday, killing 25 students. "
                       "The army said it was pursuing them. Residents fled the area. Schools were closed across "
                       "the district. Police said a dormitory was burnt in the attack on the school in Mpondwe "
                       "by the ADF.", published="2015-08-20")
    assert _span(_claim(claims, "ATTACK", place="Mpondwe")) == ("2015-08-14", "2015-08-14", "day")


# -- news with no date: by the publication day ------------------------------------------------


@pytest.mark.parametrize(
    "text, ctype, names",
    [
        ("M23 rebels have marched into Goma.", "PRESENCE", {"place": "Goma"}),
        ("Hamas has named Yahya Sinwar as its new political leader.", "SUCCESSION", {"leader": "Sinwar"}),
    ],
)
def test_storytime_present_perfect_news_happened_by_publication(claims_of, text, ctype, names):
    assert _span(_claim(claims_of(text, published="2015-08-20"), ctype, **names)) == (None, "2015-08-20", "day")


@pytest.mark.parametrize(
    "text, ctype, names",
    [
        ("Al Qaeda and the Taliban have long been allied.", "ALLIANCE", {"a": "Qaeda"}),  # a state
        # the story gives a day of its week: that is the news's, told elsewhere
        ("M23 rebels have marched into Goma. Fighters also attacked Sake on Tuesday.", "PRESENCE", {"place": "Goma"}),
    ],
)
def test_storytime_not_by_publication(claims_of, text, ctype, names):
    claim = _claim(claims_of(text, published="2015-08-20"), ctype, **names)
    assert claim.time.start is None and claim.time.end is None


def test_storytime_now_holds_from_publication(claims_of):
    control = _claim(claims_of("The Taliban now control Kunduz.", published="2015-08-20"), "CONTROL", place="Kunduz")
    assert _span(control) == ("2015-08-20", None, "day")


# -- the story's day reaches reported speech and the next act ---------------------------------


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Al-Shabaab on Saturday confirmed that Godane had been killed. In a statement, the group said that "
         "al-Shabaab renewed its allegiance to al-Qaeda.", "2014-09-07", "2014-09-06"),
        ("Four Sahel groups have merged into Jama'at Nusrat al-Islam wal-Muslimin, the groups announced in a "
         "video released on Thursday. The new group pledged allegiance to Ayman al-Zawahiri.", "2017-03-03",
         "2017-03-02"),
    ],
)
def test_storytime_story_day_for_the_storys_own_acts(claims_of, text, published, expected):
    pledge = next(c for c in claims_of(text, published=published) if c.type == "PLEDGE")
    assert _span(pledge) == (expected, expected, "day")
