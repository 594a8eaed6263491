"""A relation ends when the same document dates what ended it (a split, a leader's death)."""

from __future__ import annotations

from factionmap.extract.endings import close_ended
from factionmap.model import Claim, Entity, TimeSpan

A = Entity("a", "Jund al-Sahel", "org", ("Jund al-Sahel",))
B = Entity("b", "Harakat al-Wadi", "org", ("Harakat al-Wadi",))
P = Entity("p", "Abu Karim", "person", ("Abu Karim",))
MAY_2014 = TimeSpan("2014-05", None, "month", "in May 2014")
SPLIT_DAY = TimeSpan("2016-03-03", "2016-03-03", "day", "on Thursday")


def _affiliation(time=MAY_2014, patron=B):
    return Claim("AFFILIATION", {"member": A, "patron": patron}, time)


def test_endings_a_split_closes_the_affiliation_at_the_coarser_precision():
    split = Claim("SPLIT", {"splinter": A, "parent": B}, SPLIT_DAY)
    closed = close_ended([_affiliation(), split])[0]
    assert (closed.time.start, closed.time.end, closed.time.precision) == ("2014-05", "2016-03-03", "month")


def test_endings_a_death_closes_the_leadership():
    leadership = Claim("LEADERSHIP", {"leader": P, "org": A}, TimeSpan("2015-07", None, "month", "in July"))
    death = Claim("DEATH", {"person": P}, TimeSpan("2016-05-21", "2016-05-21", "day", "on Saturday"))
    assert close_ended([leadership, death])[0].time.end == "2016-05-21"


def test_endings_what_does_not_end_stays_open():
    other_parent = Claim("SPLIT", {"splinter": A, "parent": Entity("c", "Other", "org", ())}, SPLIT_DAY)
    undated = Claim("SPLIT", {"splinter": A, "parent": B})
    hypothetical = Claim("SPLIT", {"splinter": A, "parent": B}, SPLIT_DAY, modality="hypothetical")
    negated = Claim("SPLIT", {"splinter": A, "parent": B}, SPLIT_DAY, negated=True)
    earlier = Claim("SPLIT", {"splinter": A, "parent": B}, TimeSpan("2012", "2012", "year", "in 2012"))
    for ender in (other_parent, undated, hypothetical, negated, earlier):
        assert close_ended([_affiliation(), ender])[0].time.end is None, ender


def test_endings_pipeline_affiliate_that_broke_its_links(claims_of):
    text = ("The Nusra Front, al-Qaeda's affiliate in Syria since April 2013, said on Thursday "
            "that it had broken its links with al-Qaeda.")
    claims = claims_of(text, published="2016-07-29")
    affiliation = [c for c in claims if c.type == "AFFILIATION"]
    assert affiliation and affiliation[0].time.end == "2016-07-28"
