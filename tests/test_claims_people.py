"""Claims about people: leadership, succession, pledges, deaths and defections."""

from __future__ import annotations

import pytest

from factionmap.model import Entity


def _of(claims, ctype):
    return [c for c in claims if c.type == ctype]


def _ids(claim, *names):
    """The ids of the claim's entity arguments `names` (None where missing)."""
    return tuple(claim.args[n].id if isinstance(claim.args.get(n), Entity) else None for n in names)


# -- LEADERSHIP -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, leader, org",
    [
        ("The Taliban's leader, Haibatullah Akhundzada, issued a statement on Tuesday.",
         "haibatullah-akhundzada", "taliban"),
        ("Haibatullah Akhundzada, the leader of the Taliban, issued a statement.",
         "haibatullah-akhundzada", "taliban"),
        ("Abubakar Shekau, leader of Boko Haram, appeared in a new video.", "abubakar-shekau", "boko-haram"),
        ("Boko Haram leader Abubakar Shekau appeared in a new video.", "abubakar-shekau", "boko-haram"),
    ],
)
def test_claims_leadership_from_role_noun(claims_of, text, leader, org):
    assert (leader, org) in {_ids(c, "leader", "org") for c in _of(claims_of(text), "LEADERSHIP")}


@pytest.mark.parametrize(
    "text, leader, org",
    [
        ("Shekau leads Boko Haram.", "abubakar-shekau", "boko-haram"),
        ("Al-Shabaab is led by Ahmad Umar.", "ahmad-umar", "al-shabaab"),
    ],
)
def test_claims_leadership_from_verb(claims_of, text, leader, org):
    assert (leader, org) in {_ids(c, "leader", "org") for c in _of(claims_of(text), "LEADERSHIP")}


@pytest.mark.parametrize(
    "text, role",
    [
        ("Hamas chief Ismail Haniyeh met officials in Cairo.", "chief"),
        ("Boko Haram leader Abubakar Shekau appeared in a new video.", "leader"),
    ],
)
def test_claims_leadership_keeps_role_as_written(claims_of, text, role):
    assert [c.args.get("role") for c in _of(claims_of(text), "LEADERSHIP")] == [role]


# -- SUCCESSION -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, leader, predecessor, org",
    [
        ("Akhtar Mansour replaced Mullah Omar as leader of the Taliban.",
         "akhtar-mansour", "mullah-omar", "taliban"),
        ("Mullah Omar led the Taliban. Omar's successor, Akhtar Mansour, addressed the fighters.",
         "akhtar-mansour", "mullah-omar", "taliban"),
        ("Godane led al-Shabaab. Godane's successor, Ahmad Umar, vowed revenge.",
         "ahmad-umar", "ahmed-abdi-godane", "al-shabaab"),
    ],
)
def test_claims_succession_found(claims_of, text, leader, predecessor, org):
    found = {_ids(c, "leader", "predecessor", "org") for c in _of(claims_of(text), "SUCCESSION")}
    assert found == {(leader, predecessor, org)}


@pytest.mark.parametrize(
    "text, leader, org",
    [
        ("Mullah Omar led the Taliban for two decades. Akhtar Mansour succeeded Mullah Omar in July.",
         "akhtar-mansour", "taliban"),
        ("Abubakar Shekau led Boko Haram. In 2021, Abu Musab al-Barnawi replaced Shekau.",
         "abu-musab-al-barnawi", "boko-haram"),
        ("Ahmed Abdi Godane led al-Shabaab. His successor, Ahmad Umar, vowed revenge.",
         "ahmad-umar", "al-shabaab"),
    ],
)
def test_claims_succession_org_inferred_from_predecessor(claims_of, text, leader, org):
    assert [_ids(c, "leader", "org") for c in _of(claims_of(text), "SUCCESSION")] == [(leader, org)]


@pytest.mark.parametrize(
    "text, leader, org, start",
    [
        ("Mullah Omar led the Taliban for two decades. Akhtar Mansour succeeded Mullah Omar in July.",
         "akhtar-mansour", "taliban", "2015-07"),
        ("Abubakar Shekau led Boko Haram. In 2021, Abu Musab al-Barnawi replaced Shekau.",
         "abu-musab-al-barnawi", "boko-haram", "2021"),
    ],
)
def test_claims_succession_gives_open_leadership_from_its_date(claims_of, text, leader, org, start):
    leaderships = {_ids(c, "leader", "org"): c.time for c in _of(claims_of(text), "LEADERSHIP")}
    assert (leaderships[(leader, org)].start, leaderships[(leader, org)].end) == (start, None)


@pytest.mark.parametrize(
    "text",
    ["Mullah Omar's successor, Akhtar Mansour, addressed the fighters."],
)
def test_claims_succession_without_org_is_dropped(claims_of, text):
    assert _of(claims_of(text), "SUCCESSION") == []


# -- PLEDGE -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pledger, to",
    [
        ("Boko Haram pledged allegiance to the Islamic State in March.", "boko-haram", "islamic-state"),
        ("Abubakar Shekau pledged allegiance to Abu Bakr al-Baghdadi.", "abubakar-shekau",
         "abu-bakr-al-baghdadi"),
        ("Ansar Bait al-Maqdis swore allegiance to the Islamic State in November 2014.",
         "ansar-bait-al-maqdis", "islamic-state"),
    ],
)
def test_claims_pledge_from_verb(claims_of, text, pledger, to):
    assert [_ids(c, "pledger", "to") for c in _of(claims_of(text), "PLEDGE")] == [(pledger, to)]


@pytest.mark.parametrize(
    "text, pledger, to",
    [
        ("Boko Haram's pledge of allegiance to the Islamic State was accepted.", "boko-haram", "islamic-state"),
        ("The pledge of allegiance by Ansar Bait al-Maqdis to the Islamic State came in November.",
         "ansar-bait-al-maqdis", "islamic-state"),
    ],
)
def test_claims_pledge_from_noun(claims_of, text, pledger, to):
    assert [_ids(c, "pledger", "to") for c in _of(claims_of(text), "PLEDGE")] == [(pledger, to)]


@pytest.mark.parametrize(
    "text, pledger, to",
    [
        # who accepts a pledge receives it: the subject is not the one pledging
        ("The Islamic State accepted the pledge of Boko Haram.", "boko-haram", "islamic-state"),
        ("The Islamic State accepted Boko Haram's pledge of allegiance.", "boko-haram", "islamic-state"),
        ("Abu Bakr al-Baghdadi accepted pledges from Boko Haram.", "boko-haram", "abu-bakr-al-baghdadi"),
    ],
)
def test_claims_pledge_accepted_by_its_recipient(claims_of, text, pledger, to):
    assert [_ids(c, "pledger", "to") for c in _of(claims_of(text), "PLEDGE")] == [(pledger, to)]


@pytest.mark.parametrize(
    "text, on_behalf_of",
    [
        ("Abubakar Shekau, the leader of Boko Haram, pledged allegiance to Abu Bakr al-Baghdadi.", "boko-haram"),
        ("Ayman al-Zawahiri led al-Qaeda. Zawahiri pledged allegiance to Akhtar Mansour on Thursday.",
         "al-qaeda"),
        ("Ayman al-Zawahiri pledged allegiance to Akhtar Mansour on behalf of al-Qaeda.", "al-qaeda"),
    ],
)
def test_claims_pledge_on_behalf_of_the_leaders_group(claims_of, text, on_behalf_of):
    assert [_ids(c, "on_behalf_of")[0] for c in _of(claims_of(text), "PLEDGE")] == [on_behalf_of]


# -- DEATH ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, person, cause",
    [
        ("Mullah Omar died in Karachi in 2013.", "mullah-omar", "died"),
        ("Abu Musab al-Zarqawi was killed near Baquba in 2006.", "abu-musab-al-zarqawi", "killed"),
        ("Osama bin Laden was killed in Abbottabad in 2011.", "osama-bin-laden", "killed"),
        ("The death of Mullah Omar was announced on Wednesday.", "mullah-omar", "died"),
    ],
)
def test_claims_death_person_and_cause(claims_of, text, person, cause):
    assert [(_ids(c, "person")[0], c.args.get("cause")) for c in _of(claims_of(text), "DEATH")] == [
        (person, cause)]


@pytest.mark.parametrize(
    "text, place",
    [
        ("Mullah Omar died in Karachi in 2013.", "place:karachi"),
        ("Abu Musab al-Zarqawi was killed near Baquba in 2006.", "place:baquba"),
        ("Akhtar Mansour was killed in Pakistan in May 2016.", "place:pakistan"),
        ("Ahmed Abdi Godane was killed in a US airstrike in Somalia in 2014.", "place:somalia"),
    ],
)
def test_claims_death_place(claims_of, text, place):
    assert [_ids(c, "place")[0] for c in _of(claims_of(text), "DEATH")] == [place]


@pytest.mark.parametrize(
    "text, start, precision",
    [
        ("Mullah Omar died in Karachi in 2013.", "2013", "year"),
        ("Akhtar Mansour was killed in Pakistan in May 2016.", "2016-05", "month"),
        ("Osama bin Laden was killed in Abbottabad in 2011.", "2011", "year"),
    ],
)
def test_claims_death_time_is_a_point(claims_of, text, start, precision):
    (death,) = _of(claims_of(text), "DEATH")
    assert (death.time.start, death.time.end, death.time.precision) == (start, start, precision)


@pytest.mark.parametrize(
    "text, announced",
    [("The death of Mullah Omar was announced on Wednesday.", "2015-08-12")],
)
def test_claims_death_keeps_when_it_was_announced(claims_of, text, announced):
    assert [c.args.get("announced") for c in _of(claims_of(text), "DEATH")] == [announced]


@pytest.mark.parametrize(
    "text, org",
    [
        ("Ayman al-Zawahiri led al-Qaeda. Zawahiri was killed in Kabul in 2022.", "al-qaeda"),
        ("Mullah Omar led the Taliban. Mullah Omar died in Karachi in 2013.", "taliban"),
    ],
)
def test_claims_death_org_inferred_from_leadership(claims_of, text, org):
    assert [_ids(c, "org")[0] for c in _of(claims_of(text), "DEATH")] == [org]


# -- DEFECTION --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, source, destination",
    [
        ("Several commanders defected from the Taliban to the Islamic State in 2015.", "taliban",
         "islamic-state"),
        ("Hafiz Saeed Khan defected from the Pakistani Taliban to the Islamic State.", "ttp", "islamic-state"),
        ("Dozens of fighters defected from al-Shabaab to the Islamic State in Somalia.", "al-shabaab",
         "islamic-state-somalia"),
        ("Former TTP commanders switched allegiance from the Pakistani Taliban to the Islamic State.",
         "ttp", "islamic-state"),
    ],
)
def test_claims_defection_from_and_to(claims_of, text, source, destination):
    assert [_ids(c, "from", "to") for c in _of(claims_of(text), "DEFECTION")] == [(source, destination)]


@pytest.mark.parametrize(
    "text, defector, kind",
    [
        ("Hafiz Saeed Khan defected from the Pakistani Taliban to the Islamic State.", "Hafiz Saeed Khan",
         "person"),
        ("Several commanders defected from the Taliban to the Islamic State in 2015.", "Several commanders",
         "person"),
        ("Former TTP commanders switched allegiance from the Pakistani Taliban to the Islamic State.",
         "Former TTP commanders", "person"),
    ],
)
def test_claims_defection_defector_is_person_or_phrase(claims_of, text, defector, kind):
    (claim,) = _of(claims_of(text), "DEFECTION")
    assert (claim.args["defector"].name, claim.args["defector"].kind) == (defector, kind)


# -- a unit's commander leads it; a group's commanders are members -----------------


@pytest.mark.parametrize(
    "text, org_name",
    [
        ("Gen. David Petraeus, commander, U.S. Central Command, testified before Congress in 2009.",
         "U.S. Central Command"),
        ("Gen. David Petraeus, U.S. Central Command commander, testified before Congress in 2009.",
         "U.S. Central Command"),
        ("Lt. Gen. Paul Funk, commander of the Combined Joint Task Force, spoke in Baghdad.",
         "Combined Joint Task Force"),
    ],
)
def test_claims_commander_of_a_unit_leads_it(claims_of, text, org_name):
    leaders = [c for c in _of(claims_of(text), "LEADERSHIP") if c.args["org"].name == org_name]
    assert leaders and leaders[0].args["role"] == "commander"


@pytest.mark.parametrize(
    "text",
    [
        "Mullah Dadullah, a commander of the Taliban, was killed in Helmand in 2007.",
        "Taliban commander Mullah Dadullah was killed in Helmand in 2007.",
        "Abu Omar al-Shishani, the military commander of the Islamic State, was killed in 2016.",
    ],
)
def test_claims_a_groups_commander_is_no_leader(claims_of, text):
    claims = claims_of(text)
    assert not _of(claims, "LEADERSHIP")
    assert _of(claims, "MEMBERSHIP")
