"""The bundled corpus end to end (issue 4): as-of and as-known-on answers, fused source counts,
intervals and the conflict listing, on articles from 2011 to 2022 by several outlets."""

from __future__ import annotations

from pathlib import Path

import pytest

from factionmap import api
from factionmap.query.conflicts import find_conflicts
from factionmap.query.fused import list_facts
from factionmap.query.leaders import leader_on
from factionmap.store.sqlite import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "fm.db"
    report = api.ingest_paths([CORPUS], path)
    assert report.ok and report.documents >= 20
    with Store.open(path) as s:
        yield s


def _leader(store, org, on, known_on=None):
    with store.as_known_on(known_on):
        answer = leader_on(store, org, on)
    return answer.leader.name if answer.leader else None


@pytest.mark.parametrize("org, on, known_on, expected", [
    # Omar died in April 2013; his death was admitted in July 2015
    ("Taliban", "2014-06-01", None, None),
    ("Taliban", "2014-06-01", "2015-01-01", "Mohammed Omar"),
    # Mansour reported killed in December 2015, then heard alive: still the leader
    ("Taliban", "2016-01-01", None, "Akhtar Mohammad Mansour"),
    ("Taliban", "2016-07-01", None, "Haibatullah Akhundzada"),
    ("Taliban", "2021-09-01", None, "Haibatullah Akhundzada"),
    ("al-Qaeda", "2015-01-01", None, "Ayman al-Zawahiri"),
    ("al-Qaeda", "2023-01-01", None, None),  # Zawahiri killed in July 2022; no successor named
    ("al-Qaeda", "2023-01-01", "2022-07-01", "Ayman al-Zawahiri"),
])
def test_leader_as_of_and_as_known_on(store, org, on, known_on, expected):
    assert _leader(store, org, on, known_on) == expected


def test_a_reprinted_wire_story_is_one_source(store):
    death = next(r for r in list_facts(store, "Zawahiri", types=["DEATH"]) if r.start and r.start.startswith("2022"))
    assert death.documents == 2 and death.independent == 1 and len(death.outlets) == 2


def test_mansour_tenure_interval(store):
    tenure = next(r for r in list_facts(store, "Taliban", types=["LEADERSHIP"]) if "Mansour" in r.text)
    assert tenure.start.startswith("2015-07") and tenure.end == "2016-05-21"
    assert tenure.documents >= 3


def test_ground_changing_hands_ends_the_first_holder(store):
    held = {r.actors[-1].split(":")[-1]: r for r in list_facts(store, "Islamic State", types=["SEIZURE"])
            if r.actors[-1] == "place:mosul"}
    mosul = held["mosul"]
    assert mosul.start.startswith("2014-06") and mosul.end == "2017-07-10" and mosul.end_inferred
    assert [r.id for r in list_facts(store, "Islamic State", types=["SEIZURE"], on="2018-01-01")
            if r.actors[-1] == "place:mosul"] == []


def test_conflicts_list_the_false_death_report(store):
    found = find_conflicts(store)
    contested = [c for c in found if c.kind == "contested" and "Mansour" in c.text]
    assert contested and contested[0].facts[0].documents == 2


def test_the_answer_says_a_death_report_was_denied(store):
    answer = leader_on(store, "Taliban", "2016-01-01")
    assert answer.uncertain and any("reported dead" in n and "denied" in n for n in answer.notes)


def test_timeline_marks_the_contested_report(store):
    from factionmap.query import timeline

    entries = [e for e in timeline(store, "Akhtar Mansour") if e.type == "DEATH"]
    assert any("[contested]" in e.line for e in entries)
    assert all(e.fact for e in entries)


@pytest.mark.parametrize("on, held", [("2015-09-01", True), ("2016-06-01", False)])
def test_a_seizure_starts_control_until_the_place_is_retaken(store, on, held):
    rows = [r for r in list_facts(store, "Islamic State", types=["CONTROL"], on=on) if "Palmyra" in r.text]
    assert bool(rows) == held and all(r.type == "CONTROL" for r in rows)


DATES = ["2001-01-01", "2011-06-01", "2013-06-01", "2014-06-01", "2015-07-15", "2015-09-01", "2016-03-01",
         "2016-06-15", "2017-06-01", "2020-01-01", "2022-09-01", "2024-01-01"]


@pytest.mark.parametrize("known_on", [None, "2015-08-01"])
def test_corpus_leader_agrees_with_facts_and_map_everywhere(store, known_on):
    """One answer everywhere (issue 9): for every group that has a leader and a set of dates,
    `leader` names as current exactly the people whose LEADERSHIP fact `facts --on` keeps,
    and `map` shows the same leader."""
    from factionmap.query.overview import faction_map

    with store.as_known_on(known_on):
        orgs = sorted({r.actors[1] for r in list_facts(store, types=["LEADERSHIP"])})
        assert len(orgs) >= 8
        for day in DATES:
            lines = {g.id: g for g in faction_map(store, day).groups}
            for org in orgs:
                answer = leader_on(store, org, day)
                current = sorted(c.person_id for c in answer.candidates if c.status == "current")
                holding = sorted({r.actors[0] for r in list_facts(store, types=["LEADERSHIP"], on=day)
                                  if r.actors[1] == org and r.status in ("asserted", "contested")})
                assert current == holding, (org, day)
                if org in lines and answer.leader:
                    assert lines[org].leader == answer.leader.name, (org, day)


def _change_days(store) -> list[str]:
    """Every day an interval of the corpus starts or ends, and the days either side of it."""
    from datetime import date, timedelta

    from factionmap.daterange import date_bounds

    days = set(DATES)
    for row in list_facts(store):
        for bound in (row.start, row.end):
            if bound:
                lo, hi = date_bounds(bound)
                days |= {(lo - timedelta(days=1)).isoformat(), lo.isoformat(), hi.isoformat(),
                         (hi + timedelta(days=1)).isoformat()}
    return sorted(d for d in days if date(1990, 1, 1) <= date.fromisoformat(d) <= date(2030, 1, 1))


@pytest.mark.parametrize("known_on", [None, "2015-08-01"])
def test_corpus_relations_and_map_read_the_fused_facts_on_every_date(store, known_on):
    """One interval engine (issue 10): on every day an interval starts or ends, the facts behind
    `relations GROUP --on` are exactly the relation facts of that group `facts --on` keeps, and
    every relation the map draws belongs to a fact that holds that day."""
    from factionmap.model import CLAIM_TYPES
    from factionmap.query.overview import faction_map
    from factionmap.model import RELATION_SIDES
    from factionmap.query.relations import relations

    # the types whose fact is keyed by the two sides of the relation (not SEIZURE's place, MERGER's parts)
    two_sided = {t for t, sides in RELATION_SIDES.items() if CLAIM_TYPES[t]["core"] == sides}
    with store.as_known_on(known_on):
        groups = sorted({a for r in list_facts(store, types=list(RELATION_SIDES)) for a in r.actors[:2]
                         if not a.startswith("place:")})
        days = _change_days(store)
        assert len(groups) >= 20 and len(days) >= 100
        checked = 0
        for day in days[::3]:
            holding = {r.id: r for r in list_facts(store, types=list(RELATION_SIDES), on=day)}
            fact_of = store.fact_of_claims(c for r in holding.values() for c in r.claim_ids)
            for org in groups[::4]:
                shown = {f for r in relations(store, org, on=day) for f in r.facts}
                expected = {f for f, r in holding.items() if r.type in two_sided and org in r.actors}
                assert shown <= set(holding) and expected <= shown, (org, day, shown ^ expected)
                checked += 1
            drawn = {c for e in faction_map(store, day).edges for c in e.claim_ids}
            assert {store.fact_of_claims([c]).get(c) for c in drawn} <= set(holding), day
            assert drawn >= set(fact_of), day
        assert checked > 100


def test_corpus_world_makes_sense(store):
    """No venue cast as an armed group, no succession before its predecessor's tenure, no group
    acting before its founding (issue 9, 2.3)."""
    kinds = [c.kind for c in find_conflicts(store)]
    for kind in ("not an armed group", "succession before tenure", "acts before founding"):
        assert kind not in kinds, [c.text for c in find_conflicts(store) if c.kind == kind]


@pytest.mark.xfail(strict=True, reason="extraction error: bin Laden's pledge to Omar is dated by the 2015/2016 "
                                       "reports that recall it, after his death in 2011")
def test_corpus_nobody_acts_after_death(store):
    assert not [c.text for c in find_conflicts(store) if c.kind == "acts after death"]
