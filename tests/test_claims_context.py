"""How and when a claim was said (time, modality, negation, attribution), and one claim per fact."""

from __future__ import annotations

import pytest


def _only(claims, ctype):
    found = [c for c in claims if c.type == ctype]
    assert len(found) == 1, found
    return found[0]


def _span(claim):
    return (claim.time.start, claim.time.end, claim.time.precision)


# -- time -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ctype, start, precision",
    [
        ("Boko Haram pledged allegiance to the Islamic State on Thursday.", "PLEDGE", "2015-08-13", "day"),
        ("The Taliban clashed with the Islamic State in Nangarhar on Sunday.", "RIVALRY", "2015-08-09", "day"),
        ("Boko Haram pledged allegiance to the Islamic State in October.", "PLEDGE", "2014-10", "month"),
        ("Boko Haram pledged allegiance to the Islamic State in January.", "PLEDGE", "2015-01", "month"),
    ],
)
def test_claims_context_relative_date_resolved_against_publication(claims_of, text, ctype, start, precision):
    claim = _only(claims_of(text, published="2015-08-14"), ctype)
    assert (claim.time.start, claim.time.precision) == (start, precision)


@pytest.mark.parametrize(
    "text, point",
    [
        ("Boko Haram pledged allegiance to the Islamic State on Thursday.", "2015-08-13"),
        ("Ansar Bait al-Maqdis swore allegiance to the Islamic State in November 2014.", "2014-11"),
    ],
)
def test_claims_context_dated_event_is_a_point(claims_of, text, point):
    pledge = _only(claims_of(text), "PLEDGE")
    assert (pledge.time.start, pledge.time.end) == (point, point)


@pytest.mark.parametrize(
    "text, ctype, span",
    [
        ("Al-Shabaab has been allied with al-Qaeda since 2014.", "ALLIANCE", ("2014", None, "year")),
        ("The Islamic State had seized Achin district from the Taliban by June.", "SEIZURE",
         (None, "2015-06", "month")),
        ("The Taliban fought the Islamic State in Nangarhar until June.", "RIVALRY", (None, "2015-06", "month")),
    ],
)
def test_claims_context_open_ended_spans(claims_of, text, ctype, span):
    assert _span(_only(claims_of(text), ctype)) == span


@pytest.mark.parametrize(
    "text, expression",
    [
        ("Boko Haram pledged allegiance to the Islamic State on Thursday.", "on Thursday"),
        ("Boko Haram pledged allegiance to the Islamic State in October.", "in October"),
    ],
)
def test_claims_context_no_publication_date_leaves_relative_dates_unresolved(claims_of, text, expression):
    pledge = _only(claims_of(text, published=None), "PLEDGE")
    assert (pledge.time.start, pledge.time.end, pledge.time.text) == (None, None, expression)


@pytest.mark.parametrize(
    "text, span",
    [("Boko Haram pledged allegiance to the Islamic State in March 2015.", ("2015-03", "2015-03", "month"))],
)
def test_claims_context_no_publication_date_still_resolves_absolute_dates(claims_of, text, span):
    assert _span(_only(claims_of(text, published=None), "PLEDGE")) == span


# -- modality ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ctype",
    [
        ("Boko Haram could pledge allegiance to the Islamic State.", "PLEDGE"),
        ("Al-Shabaab may pledge allegiance to the Islamic State.", "PLEDGE"),
        ("The Islamic State hopes to seize Kabul.", "SEIZURE"),
        ("Al-Shabaab plans to pledge allegiance to the Islamic State.", "PLEDGE"),
        ("Al-Qaeda would ally with the Taliban.", "ALLIANCE"),
        ("Al-Shabaab hoped to pledge allegiance to the Islamic State.", "PLEDGE"),
    ],
)
def test_claims_context_hypothetical(claims_of, text, ctype):
    assert _only(claims_of(text), ctype).modality == "hypothetical"


@pytest.mark.parametrize(
    "text, ctype",
    [
        ("Boko Haram pledged allegiance to the Islamic State in March.", "PLEDGE"),
        ("Al-Qaeda and the Taliban are allied.", "ALLIANCE"),
    ],
)
def test_claims_context_plain_statement_is_asserted(claims_of, text, ctype):
    claim = _only(claims_of(text), ctype)
    assert (claim.modality, claim.negated, claim.attribution) == ("asserted", False, None)


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab did not pledge allegiance to the Islamic State.",
        "Al-Shabaab has never pledged allegiance to the Islamic State.",
    ],
)
def test_claims_context_negation(claims_of, text):
    assert _only(claims_of(text), "PLEDGE").negated is True


@pytest.mark.parametrize(
    "text, attribution",
    [
        ("According to Reuters, Boko Haram pledged allegiance to the Islamic State.", "Reuters"),
        ("Boko Haram pledged allegiance to the Islamic State, according to the BBC.", "BBC"),
        ("A Nigerian official said Boko Haram had pledged allegiance to the Islamic State.",
         "A Nigerian official"),
    ],
)
def test_claims_context_attributed_is_reported(claims_of, text, attribution):
    claim = _only(claims_of(text), "PLEDGE")
    assert (claim.modality, claim.attribution) == ("reported", attribution)


@pytest.mark.parametrize(
    "text, ctype",
    [
        ("Al-Shabaab said it had pledged allegiance to al-Qaeda.", "PLEDGE"),
        ('"I pledge allegiance to Akhtar Mansour," Ayman al-Zawahiri said.', "PLEDGE"),
        ("The Pakistani Taliban claimed responsibility for the attack on a school in Peshawar.", "ATTACK"),
    ],
)
def test_claims_context_actor_about_itself_is_claimed(claims_of, text, ctype):
    assert _only(claims_of(text), ctype).modality == "claimed"


@pytest.mark.parametrize("text", ["The Taliban denied that they had fought alongside al-Qaeda."])
def test_claims_context_denied(claims_of, text):
    assert _only(claims_of(text), "ALLIANCE").modality == "denied"


# -- one claim per fact (fusion inside a document) ---------------------------------


@pytest.mark.parametrize(
    "text, ctype",
    [
        ("Al-Shabaab is allied with al-Qaeda. Al-Qaeda and al-Shabaab have long been aligned.", "ALLIANCE"),
        ("The Taliban and al-Qaeda are allied. The Taliban have been aligned with al-Qaeda since 2001.",
         "ALLIANCE"),
        ("Boko Haram pledged allegiance to the Islamic State. "
         "Analysts said Boko Haram's pledge of allegiance to the Islamic State surprised few.", "PLEDGE"),
    ],
)
def test_claims_context_same_fact_twice_is_one_claim_with_two_spans(claims_of, text, ctype):
    claim = _only(claims_of(text), ctype)
    assert [e.sentence for e in claim.evidence] == [0, 1]


@pytest.mark.parametrize(
    "text, span",
    [
        ("Boko Haram pledged allegiance to the Islamic State. Boko Haram renewed its pledge in March.",
         ("2015-03", "2015-03", "month")),
        ("Boko Haram pledged allegiance to the Islamic State. Boko Haram announced its pledge of allegiance "
         "in March.", ("2015-03", "2015-03", "month")),
    ],
)
def test_claims_context_partial_claim_joins_the_complete_one_with_its_time(claims_of, text, span):
    pledge = _only(claims_of(text), "PLEDGE")
    assert (len(pledge.evidence), _span(pledge)) == (2, span)


@pytest.mark.parametrize(
    "text, targets",
    [
        ("Boko Haram pledged allegiance to the Islamic State in March. "
         "Boko Haram pledged allegiance to al-Qaeda in 2010.", {"islamic-state", "al-qaeda"}),
    ],
)
def test_claims_context_different_facts_stay_apart(claims_of, text, targets):
    pledges = [c for c in claims_of(text) if c.type == "PLEDGE"]
    assert {c.args["to"].id for c in pledges} == targets
    assert all(len(c.evidence) == 1 for c in pledges)


@pytest.mark.parametrize(
    "text",
    ["The Taliban and al-Qaeda are allied. The Taliban have been aligned with al-Qaeda since 2001."],
)
def test_claims_context_merged_claim_keeps_the_dated_time(claims_of, text):
    assert _span(_only(claims_of(text), "ALLIANCE")) == ("2001", None, "year")


def test_claims_context_failed_killing_is_no_death_but_still_an_attack(claims_of):
    # 1993: Egyptian Islamic Jihad's car bomb missed Prime Minister Atef Sidqi in Cairo
    text = ("Egyptian Islamic Jihad carried out Ayman al-Zawahiri's attempted assassination of "
            "Egyptian Prime Minister Atef Sidqi in Cairo in 1993.")
    claims = claims_of(text)
    assert all(c.modality == "hypothetical" for c in claims if c.type == "DEATH")
    assert _only(claims, "ATTACK").modality == "asserted"
    # 2004: the killing that did happen is a death
    done = claims_of("Hamas condemned Israel's assassination of Ahmed Yassin in Gaza in 2004.")
    assert _only(done, "DEATH").modality == "asserted"


def test_an_age_the_tagger_calls_a_date_does_not_hide_the_date(claims_of):
    claims = claims_of("Ayman al-Zawahiri, 71, was killed on Sunday in Kabul.", "2022-08-02")
    deaths = [c for c in claims if c.type == "DEATH"]
    assert deaths and deaths[0].time.start == "2022-07-31"
