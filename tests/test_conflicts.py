"""Contradictions listed with both sides: a report and its denial, two leaders at once, allies
and rivals at the same time."""

from __future__ import annotations

from conftest import AQ, MANSOUR, OMAR, TALIBAN, claim, document

from factionmap.query.conflicts import find_conflicts
from factionmap.store.sqlite import Store


def _store(*docs):
    store = Store()
    for doc, claims in docs:
        store.add_document(doc, claims, "v")
    return store


def test_death_reported_then_denied():
    store = _store((document("d-1", "2015-12-05"), [claim("DEATH", "d-1", person=MANSOUR, modality="reported")]),
                   (document("d-2", "2015-12-06"), [claim("DEATH", "d-2", person=MANSOUR, modality="denied")]))
    found = find_conflicts(store)
    assert [c.kind for c in found] == ["contested"]
    assert found[0].facts[0].documents == 2


def test_two_leaders_at_once():
    store = _store((document("d-1", "2015-01-01"), [
        claim("LEADERSHIP", "d-1", ("2014", None, "year"), leader=OMAR, org=TALIBAN, role="leader"),
        claim("LEADERSHIP", "d-1", ("2014-06", None, "month"), leader=MANSOUR, org=TALIBAN, role="leader")]))
    found = [c for c in find_conflicts(store) if c.kind == "two leaders"]
    assert found and "Mullah Omar" in found[0].text and "Akhtar Mansour" in found[0].text


def test_a_succession_is_no_conflict():
    store = _store((document("d-1", "2015-08-01"), [
        claim("LEADERSHIP", "d-1", ("2001", None, "year"), leader=OMAR, org=TALIBAN, role="leader"),
        claim("SUCCESSION", "d-1", ("2015-07", "2015-07", "month"), org=TALIBAN, leader=MANSOUR, predecessor=OMAR),
        claim("LEADERSHIP", "d-1", ("2015-07", None, "month"), leader=MANSOUR, org=TALIBAN, role="leader")]))
    assert not [c for c in find_conflicts(store) if c.kind == "two leaders"]


def test_allies_and_rivals_in_the_same_year():
    store = _store((document("d-1", "2016-01-01"), [
        claim("ALLIANCE", "d-1", ("2015", "2015", "year"), a=AQ, b=TALIBAN)]),
        (document("d-2", "2016-01-02"), [claim("RIVALRY", "d-2", ("2015", "2015", "year"), a=TALIBAN, b=AQ)]))
    assert [c.kind for c in find_conflicts(store)] == ["alliance and rivalry"]
