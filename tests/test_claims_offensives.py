"""Who drives whom out: an offensive by several parties, the groups driven out named by
'them' or a plain descriptor, and the troops of neighbouring states."""

from __future__ import annotations

import pytest

from factionmap.actors.resolve import resolve_actors
from factionmap.model import Entity


def _pairs(claims, ctype):
    return {frozenset(c.args[n].id for n in ("a", "b") if isinstance(c.args.get(n), Entity))
            for c in claims if c.type == ctype}


def _resolved(nlp, text, word, nth=0):
    doc = nlp(text)
    actors = resolve_actors(doc)
    tokens = [tok for tok in doc if tok.text == word]
    return {m.entity.id for m in actors.at(tokens[nth].i)}


# -- 'them': a group spoken of in the plural just before --------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Houthi fighters advanced on Aden in March. Saudi-led airstrikes pushed them back in July.", {"houthis"}),
        ("The Taliban have lost ground in Helmand. Afghan troops drove them out of Marjah.", {"taliban"}),
    ],
)
def test_them_is_a_group_spoken_of_in_the_plural(nlp, text, expected):
    assert _resolved(nlp, text, "them") == expected


@pytest.mark.parametrize(
    "text",
    [
        # the group was named in the singular: 'them' may be anyone (here, the hostages)
        "Al-Shabaab took two aid workers hostage in 2011. Kenyan troops later freed them.",
        # 'them' is never an argument of its own clause
        "Taliban fighters attacked the convoy and burned them.",
    ],
)
def test_them_is_not_resolved_without_a_plural_group(nlp, text):
    assert _resolved(nlp, text, "them") == set()


def test_claims_offensive_driving_them_out_is_rivalry(claims_of):
    text = ("Taliban fighters have lost ground in the south. "
            "An offensive by the Afghan army drove them out of Marjah in 2010.")
    assert frozenset({"afghan-army", "taliban"}) in _pairs(claims_of(text), "RIVALRY")


# -- troops of neighbouring states ----------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # "neighbouring" read by the parser as a verb
        ("Troops from neighbouring Kenya and Ethiopia attacked al-Shabaab in 2011.",
         {frozenset({"KE", "al-shabaab"}), frozenset({"ET", "al-shabaab"})}),
        # the 'from' the parser hung on the offensive belongs to the troops
        ("An offensive by the Nigerian army and troops from Chad drove Boko Haram out of Bama in 2015.",
         {frozenset({"nigerian-army", "boko-haram"}), frozenset({"TD", "boko-haram"})}),
    ],
)
def test_claims_troops_from_states_are_those_states(claims_of, text, expected):
    found = {frozenset(_short(i) for i in p) for p in _pairs(claims_of(text), "RIVALRY")}
    assert expected <= found


def _short(entity_id: str) -> str:
    return entity_id.split(":")[-1].upper() if entity_id.startswith("state:") else entity_id


def test_claims_troops_from_a_region_name_no_group(claims_of):
    # a place after 'from' is where the troops came from, not a party
    text = "An offensive by the Nigerian army and troops from the north drove Boko Haram out of Bama in 2015."
    assert _pairs(claims_of(text), "RIVALRY") == {frozenset({"nigerian-army", "boko-haram"})}


# -- a descriptor is never a group named as an owner in its own clause -------------


def test_the_group_is_not_the_owner_named_in_its_clause(nlp):
    text = ("Boko Haram's leader swore loyalty to the Islamic State in March. "
            "The group now flies the Islamic State's flag and copies the Islamic State's videos.")
    assert _resolved(nlp, text, "group") == {"boko-haram"}


def test_the_group_still_resolves_to_the_previous_subject(nlp):
    # control: no owner in the clause, the usual antecedent
    text = "Boko Haram swore loyalty to the Islamic State in March. The group now controls Gwoza."
    assert _resolved(nlp, text, "group") == {"boko-haram"}


# -- 'they' after an opening phrase; partners 'together with' ---------------------------


def test_they_after_an_opening_phrase_is_the_previous_subject_even_state_troops(nlp):
    text = ("Ethiopian troops entered Somalia in December 2006. "
            "Within days, they reached Mogadishu.")
    assert _resolved(nlp, text, "they") == {"state:et"}


def test_they_is_not_a_state_named_in_the_singular(nlp):
    # a state named as a country is not 'they'; only its troops or forces are
    text = "Ethiopia sent soldiers into Somalia in 2006. Within days, they reached Mogadishu."
    assert _resolved(nlp, text, "they") == set()


def test_claims_together_with_partners_share_the_deed(claims_of):
    text = ("Turkish troops crossed into Syria in August 2016. Together with Free Syrian Army fighters, "
            "they drove Islamic State militants out of the town of Jarablus within hours.")
    pairs = _pairs(claims_of(text), "RIVALRY")
    assert {frozenset({"state:tr", "islamic-state"}), frozenset({"fsa", "islamic-state"})} <= pairs


def test_claims_with_alone_is_no_partner(claims_of):
    # 'with' naming the means or the company of a fight, without 'together', adds no party
    text = "Nigerian troops drove Boko Haram out of Bama with air support in 2015."
    assert _pairs(claims_of(text), "RIVALRY") == {frozenset({"nigerian-army", "boko-haram"})}


@pytest.mark.parametrize(
    "text",
    [
        "Along with the Haqqani Network, the Taliban attacked Kabul in 2011.",
        "Together with the Haqqani Network, the Taliban fought NATO troops in 2011.",
        "Together with the Haqqani Network, the Taliban fought the Islamic State in 2015.",
    ],
)
def test_claims_partners_together_are_no_rivals(claims_of, text):
    assert frozenset({"taliban", "haqqani-network"}) not in _pairs(claims_of(text), "RIVALRY")


# -- 'they' for a group's people; a place named on a place word ----------------------


def test_they_is_the_group_whose_people_are_the_subject(nlp):
    text = ("Hezbollah sent troops to Syria. The group's fighters are deployed around Qusayr, "
            "where they fight alongside the Syrian army against rebels.")
    assert _resolved(nlp, text, "they") == {"hezbollah"}


def test_they_is_not_a_group_named_only_in_passing(nlp):
    # the group is the owner of an object, not of the subject: 'they' stays unresolved
    text = "Villagers who fled the Houthis' advance are sheltering in Aden, where they live in tents."
    assert _resolved(nlp, text, "they") == set()


def test_claims_presence_in_a_province_and_around_a_city(claims_of):
    text = "Al-Nusra Front fighters are concentrated in Idlib province and around Aleppo."
    places = {c.args["place"].name for c in claims_of(text) if c.type == "PRESENCE"}
    assert places == {"Idlib", "Aleppo"}


def test_claims_a_city_described_by_its_country_is_the_city(claims_of):
    # the country the description mentions is not a second place
    text = "The Islamic State captured Mosul, Iraq's second-largest city, in June 2014."
    places = {c.args["place"].name for c in claims_of(text) if c.type == "SEIZURE"}
    assert places == {"Mosul"}
