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
