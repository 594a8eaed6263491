"""Facts fused across documents: one fact per thing stated, its sources (near copies once),
its status and interval; the same facts whatever the order documents come in."""

from __future__ import annotations

import random

import pytest
from conftest import AQ, ISKP, MANSOUR, OMAR, TALIBAN, claim, document, org, person

from factionmap.facts.fusion import fact_key
from factionmap.query.fused import fact_detail, list_facts
from factionmap.store.sqlite import Store

WIRE = ("The Taliban and al-Qaeda renewed their alliance on Thursday, according to statements posted by "
        "both groups, which said their fighters would continue to operate together in the east of the "
        "country and that the alliance would outlast the death of any leader.")
REPRINT = "A new first sentence from the second paper. " + WIRE.split(", ", 1)[1]
OTHER = ("In a separate report from a different reporter, officials in Kabul said the two movements "
         "had long coordinated their operations along the border and shared safe houses.")


def _ally(doc, time=()):
    return claim("ALLIANCE", doc, time, a=AQ, b=TALIBAN)


def _stories():
    return [
        (document("d-1", "2015-08-14", WIRE, outlet="Wire A"), [_ally("d-1")]),
        (document("d-2", "2015-08-15", REPRINT, outlet="Paper B"), [claim("ALLIANCE", "d-2", a=TALIBAN, b=AQ)]),
        (document("d-3", "2015-09-01", OTHER, outlet="Paper C"), [_ally("d-3", ("2012", "2012", "year"))]),
        (document("d-4", "2015-12-05", "text four", outlet="Paper C"),
         [claim("DEATH", "d-4", ("2015-12", "2015-12", "month"), person=MANSOUR, modality="reported")]),
        (document("d-5", "2015-12-06", "text five", outlet="Wire A"),
         [claim("DEATH", "d-5", person=MANSOUR, modality="denied")]),
    ]


def _store(order, make=Store):
    store = make()
    for doc, claims in order:
        store.add_document(doc, claims, "rules.v1")
    return store


def _facts(store):
    return {(r.type, r.text, r.status, r.documents, r.independent, r.outlets, round(r.confidence, 3))
            for r in list_facts(store)}


def test_one_fact_for_the_same_alliance_from_three_documents_near_copies_once(new_store):
    rows = [r for r in list_facts(_store(_stories(), new_store)) if r.type == "ALLIANCE"]
    assert len(rows) == 1
    fact = rows[0]
    assert (fact.documents, fact.independent, fact.outlets) == (3, 2, ("Paper B", "Paper C", "Wire A"))
    assert fact.start == "2012"  # the earliest evidence
    # two independent sources at 0.8 each: 1 - 0.2 * 0.2
    assert fact.confidence == pytest.approx(0.96)


def test_report_and_denial_are_one_contested_fact_with_both_sides(new_store):
    store = _store(_stories(), new_store)
    death = next(r for r in list_facts(store) if r.type == "DEATH")
    assert death.status == "contested" and death.documents == 2
    detail = fact_detail(store, death.id)
    assert {s.modality for s in detail.sources} == {"reported", "denied"}


def test_same_facts_in_any_order(new_store):
    stories = _stories()
    expected = _facts(_store(stories, new_store))
    for seed in range(3):
        shuffled = stories[:]
        random.Random(seed).shuffle(shuffled)
        assert _facts(_store(shuffled, new_store)) == expected


def test_ingesting_again_adds_nothing(new_store):
    store = _store(_stories(), new_store)
    before = _facts(store)
    for doc, claims in _stories():
        store.add_document(doc, claims, "rules.v1")  # same texts: skipped by content hash
    assert _facts(store) == before


def test_recurring_events_keyed_by_year_and_symmetric_sides_in_one_order():
    mosul = org("place:mosul", "Mosul")
    a = claim("SEIZURE", time=("2014-06", "2014-06", "month"), org=ISKP, place=mosul)
    b = claim("SEIZURE", time=("2016-02", "2016-02", "month"), org=ISKP, place=mosul)
    assert fact_key(a) != fact_key(b) and fact_key(a).endswith("|2014")
    assert fact_key(claim("RIVALRY", a=AQ, b=TALIBAN)) == fact_key(claim("RIVALRY", a=TALIBAN, b=AQ))


def test_known_on_sees_only_documents_published_by_then(new_store):
    store = _store(_stories(), new_store)
    with store.as_known_on("2015-08-31"):
        rows = list_facts(store)
    assert [(r.type, r.documents) for r in rows] == [("ALLIANCE", 2)]
    with store.as_known_on("2015-12-05"):
        death = next(r for r in list_facts(store) if r.type == "DEATH")
    assert death.status == "asserted"  # the denial came a day later


def test_succession_and_death_bound_leadership(new_store):
    store = new_store()
    haibat = person("haibat", "Haibatullah Akhundzada")
    store.add_document(document("d-1", "2014-06-01"), [claim("LEADERSHIP", leader=OMAR, org=TALIBAN)], "v")
    store.add_document(document("d-2", "2015-07-31"), [
        claim("DEATH", "d-2", ("2013-04", "2013-04", "month"), person=OMAR),
        claim("SUCCESSION", "d-2", ("2015-07-30", "2015-07-30", "day"), org=TALIBAN, leader=MANSOUR),
        claim("LEADERSHIP", "d-2", leader=MANSOUR, org=TALIBAN)], "v")
    store.add_document(document("d-3", "2016-05-26"), [
        claim("DEATH", "d-3", ("2016-05-21", "2016-05-21", "day"), person=MANSOUR),
        claim("SUCCESSION", "d-3", ("2016-05-25", "2016-05-25", "day"), org=TALIBAN, leader=haibat),
        claim("LEADERSHIP", "d-3", leader=haibat, org=TALIBAN)], "v")
    spans = {r.text.split(" leads")[0]: (r.start, r.end, r.end_inferred)
             for r in list_facts(store, types=["LEADERSHIP"])}
    assert spans == {"Mullah Omar": (None, "2013-04", True), "Akhtar Mansour": ("2015-07-30", "2016-05-21", True),
                     "Haibatullah Akhundzada": ("2016-05-25", None, False)}
    assert [r.text for r in list_facts(store, types=["LEADERSHIP"], on="2014-06-01")] == []
    with store.as_known_on("2015-01-01"):
        assert [r.text for r in list_facts(store, types=["LEADERSHIP"], on="2014-06-01")] == [
            "Mullah Omar leads Taliban"]


def test_a_later_rivalry_ends_an_alliance_inferred(new_store):
    store = new_store()
    store.add_document(document("d-1", "2014-01-10"), [_ally("d-1", ("2013", "2013", "year"))], "v")
    store.add_document(document("d-2", "2016-03-01"),
                       [claim("RIVALRY", "d-2", ("2016-02", "2016-02", "month"), a=TALIBAN, b=AQ)], "v")
    alliance = next(r for r in list_facts(store) if r.type == "ALLIANCE")
    assert (alliance.start, alliance.end, alliance.end_inferred) == ("2013", "2016-02", True)
    assert [r.type for r in list_facts(store, on="2014-06-01")] == ["ALLIANCE"]
    assert [r.type for r in list_facts(store, on="2017-01-01")] == ["RIVALRY"]


def test_store_made_before_facts_gets_them_when_opened(tmp_path):
    from factionmap.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    with Store(path, migrations=[m for m in MIGRATIONS if m.name != "0003_facts"]) as old:
        old.add_document(document("d-1", "2015-01-01"), [_ally("d-1")], "v")
    with Store.open(path) as store:
        assert [r.type for r in list_facts(store)] == ["ALLIANCE"]


@pytest.mark.parametrize("a, b, expected", [
    ("2016", "2016-05-25", "2016-05-25"),  # the finer inside the coarser
    ("2015-07", "2016", "2015-07"),
    (None, "2014", "2014"),
    ("2013-04-01", "2013-04", "2013-04-01"),
])
def test_earlier_start_prefers_the_finer_inside_the_coarser(a, b, expected):
    from factionmap.facts.fusion import earlier_start

    assert earlier_start(a, b) == expected == earlier_start(b, a)
