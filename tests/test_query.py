import pytest
from conftest import AQ, MANSOUR, OMAR, TALIBAN, claim, document, org, person

from factionmap.errors import FactionmapError
from factionmap.query.leaders import leader_on
from factionmap.query import (claim_detail, find_actor, list_actors, relations,
                              timeline)


@pytest.mark.parametrize("on", ["2015-09-01"])
def test_query_leader_on_after_succession(taliban_store, on):
    answer = leader_on(taliban_store, "Taliban", on)
    assert answer.leader.name == "Akhtar Mansour" and answer.leader.status == "current"
    assert not answer.uncertain
    assert [(p.pledger, p.on_behalf_of, p.date) for p in answer.leader.pledges] == [
        ("Ayman al-Zawahiri", "al-Qaeda", "2015-08-13")]
    omar = next(c for c in answer.candidates if c.name == "Mullah Omar")
    assert omar.status == "deceased on 2013"


@pytest.mark.parametrize("on", ["2012-06-01"])
def test_query_leader_on_before_death(taliban_store, on):
    answer = leader_on(taliban_store, "the Taliban", on)
    assert answer.leader.name == "Mullah Omar"
    mansour = next(c for c in answer.candidates if c.name == "Akhtar Mansour")
    assert mansour.status == "not yet leader (from 2015-07)"


def test_query_leader_today_is_latest_state(taliban_store):
    assert leader_on(taliban_store, "Taliban").leader.name == "Akhtar Mansour"


@pytest.mark.parametrize("on", ["2015-08-01"])
def test_query_leader_pledges_after_the_date_left_out(taliban_store, on):
    answer = leader_on(taliban_store, "Taliban", on)
    assert answer.leader.name == "Akhtar Mansour" and answer.leader.pledges == ()


@pytest.mark.parametrize("on", ["2015-07-15"])
def test_query_leader_inside_succession_month_is_uncertain(taliban_store, on):
    answer = leader_on(taliban_store, "Taliban", on)
    assert answer.uncertain and any("2015-07" in note for note in answer.notes)


@pytest.mark.parametrize("modality, negated", [("hypothetical", False), ("denied", False), ("asserted", True)])
def test_query_leader_ignores_unasserted_claims(fresh_store, modality, negated):
    fresh_store.add_document(document("d-1", "2015-01-01"), [
        claim("LEADERSHIP", leader=OMAR, org=TALIBAN),
        claim("SUCCESSION", org=TALIBAN, leader=MANSOUR, modality=modality, negated=negated),
    ])
    answer = leader_on(fresh_store, "Taliban", "2016-01-01")
    assert answer.leader.name == "Mullah Omar"
    assert [c.name for c in answer.candidates if c.status == "current"] == ["Mullah Omar"]
    # a hypothetical successor is shown as expected, never as the leader; a denial not at all
    others = {c.name: c.status for c in answer.candidates if c.name != "Mullah Omar"}
    assert others == ({"Akhtar Mansour": "expected (hypothetical)"} if modality == "hypothetical" else {})


def test_query_leader_succession_without_time_uses_publication(fresh_store):
    fresh_store.add_document(document("d-1", "2014-03-01"), [claim("LEADERSHIP", leader=OMAR, org=TALIBAN)])
    fresh_store.add_document(document("d-2", "2016-05-25"), [claim("SUCCESSION", "d-2", org=TALIBAN,
                                                                   leader=MANSOUR)])
    assert leader_on(fresh_store, "Taliban", "2016-01-01").leader.name == "Mullah Omar"
    later = leader_on(fresh_store, "Taliban", "2016-06-01")
    assert later.leader.name == "Akhtar Mansour"
    assert next(c for c in later.candidates if c.name == "Mullah Omar").status.startswith(
        "succeeded by Akhtar Mansour")


def test_query_leader_death_without_time_uses_first_report(fresh_store):
    fresh_store.add_document(document("d-1", "2016-05-25"), [
        claim("LEADERSHIP", leader=MANSOUR, org=TALIBAN),
        claim("DEATH", person=MANSOUR, cause="killed", announced="2016-05-22"),
    ])
    answer = leader_on(fresh_store, "Taliban", "2016-06-01")
    assert answer.leader is None and answer.uncertain
    assert answer.candidates[0].status == "deceased on 2016-05-25"  # by its first report


@pytest.mark.parametrize("name, expected", [
    ("Taliban", "taliban"),  # exact alias wins over the substring in "Pakistani Taliban"
    ("Khorasan", "iskp"),  # unique substring
    ("al Qaida", None),  # nothing
])
def test_query_find_actor(taliban_store, name, expected):
    if expected is None:
        with pytest.raises(FactionmapError) as raised:
            find_actor(taliban_store, name)
        assert raised.value.code == "E401"
    else:
        assert find_actor(taliban_store, name).id == expected


def test_query_find_actor_most_mentioned_of_several(taliban_store):
    # "mullah" is in both Omar's and Mansour's aliases; Omar is named in more claims
    assert find_actor(taliban_store, "mullah").id == "omar"


def test_query_relations_of_org(taliban_store):
    rows = relations(taliban_store, "Taliban")
    assert [(r.type, r.direction, r.other) for r in rows] == [
        ("AFFILIATION", "←", "Tehrik-i-Taliban Pakistan"),
        ("ALLIANCE", "—", "al-Qaeda"),
        ("RIVALRY", "—", "Islamic State Khorasan"),
    ]
    alliance = rows[1]
    assert alliance.time_known is False and alliance.sources == 1 and alliance.claim_ids == ("c-000005",)


@pytest.mark.parametrize("on, expected", [
    ("2013-06-01", []),  # the untimed alliance holds from its first evidence (2015-08-14)
    ("2014-06-01", ["AFFILIATION"]),  # "in 2014" holds from 2014
    ("2015-09-01", ["AFFILIATION", "ALLIANCE", "RIVALRY"]),  # "since June 2015"
])
def test_query_relations_on_date(taliban_store, on, expected):
    assert [r.type for r in relations(taliban_store, "Taliban", on)] == expected


def test_query_relations_pledge_on_behalf_and_hypothetical_merger(taliban_store):
    rows = {(r.type, r.other): r for r in relations(taliban_store, "al-Qaeda")}
    pledge = rows[("PLEDGE", "Akhtar Mansour")]
    assert pledge.direction == "→" and pledge.role == "on_behalf_of" and pledge.start == "2015-08-13"
    assert rows[("MERGER", "Islamic State Khorasan")].modality == "hypothetical"


def test_query_relations_merge_documents_into_sources(fresh_store):
    for doc in ("d-1", "d-2"):
        fresh_store.add_document(document(doc, text=doc), [claim("ALLIANCE", doc, a=AQ, b=TALIBAN)])
    (row,) = relations(fresh_store, "al-Qaeda")
    assert row.sources == 2 and row.claim_ids == ("c-000001", "c-000002")


def test_query_timeline_ordered_with_summaries(taliban_store):
    assert [e.line for e in timeline(taliban_store, "Mullah Omar")] == [
        "2013 DEATH Mullah Omar died (announced 2015-07-29)",
        "2015-07 SUCCESSION Akhtar Mansour leads Taliban after Mullah Omar",
        "? LEADERSHIP Mullah Omar leads Taliban (leader)",
    ]
    assert timeline(taliban_store, "Zawahiri")[0].line == (
        "2015-08-13 PLEDGE Ayman al-Zawahiri → Akhtar Mansour (for al-Qaeda)")


def test_query_timeline_flags_hypothetical(taliban_store):
    lines = [e.line for e in timeline(taliban_store, "Islamic State Khorasan")]
    assert "? MERGER al-Qaeda + Islamic State Khorasan [hypothetical]" in lines


def test_query_claim_detail_with_sources(taliban_store):
    detail = claim_detail(taliban_store, "c-000001")
    assert detail.claim["type"] == "LEADERSHIP"
    (source,) = detail.sources
    assert (source.document, source.outlet, source.published, source.url) == (
        "d-1", "BBC", "2015-07-30", "https://example.org/1")


def test_query_claim_detail_unknown_id(taliban_store):
    with pytest.raises(FactionmapError) as raised:
        claim_detail(taliban_store, "c-999999")
    assert raised.value.code == "E402"


@pytest.mark.parametrize("search, expected", [
    ("taliban", ["taliban", "ttp"]),
    ("zawahiri", ["zawahiri"]),
    (None, ["taliban", "aq", "iskp", "omar", "mansour", "zawahiri", "place:nangarhar", "ttp"]),  # by claims, name
])
def test_query_list_actors(taliban_store, search, expected):
    assert [r.id for r in list_actors(taliban_store, search)] == expected


def test_query_results_to_dict(taliban_store):
    data = leader_on(taliban_store, "Taliban", "2015-09-01").to_dict()
    assert data["leader"]["name"] == "Akhtar Mansour"
    assert data["leader"]["pledges"][0]["pledger"] == "Ayman al-Zawahiri"


def test_query_bad_date(taliban_store):
    with pytest.raises(FactionmapError) as raised:
        leader_on(taliban_store, "Taliban", "Sept 2015")
    assert raised.value.code == "E403"




@pytest.mark.parametrize("role, expected", [("deputy leader", "Mullah Omar"), ("commander", "Mullah Omar")])
def test_query_leader_deputy_not_leader_and_emir_preferred(fresh_store, role, expected):
    fresh_store.add_document(document("d-1", "2015-01-01"), [
        claim("LEADERSHIP", leader=OMAR, org=TALIBAN, role="emir"),
        claim("LEADERSHIP", leader=MANSOUR, org=TALIBAN, role=role),
    ])
    answer = leader_on(fresh_store, "Taliban", "2015-01-01")
    assert answer.leader.name == expected
    assert ("Akhtar Mansour" in [c.name for c in answer.candidates]) == (role == "commander")


def test_query_relations_pledge_received_names_the_group_pledging(fresh_store):
    shekau, boko, islamic_state = person("shekau", "Abubakar Shekau"), org("boko", "Boko Haram"), org("is", "Islamic State")
    fresh_store.add_document(document("d-1", "2015-03-08"), [
        claim("PLEDGE", pledger=shekau, to=islamic_state, on_behalf_of=boko)])
    rows = [(r.type, r.direction, r.other) for r in relations(fresh_store, "Islamic State")]
    assert rows == [("PLEDGE", "←", "Abubakar Shekau"), ("PLEDGE", "←", "Boko Haram")]


def test_query_find_actor_by_id_first(fresh_store):
    fresh_store.add_document(document("d-1"), [claim("ALLIANCE", a=org("aq", "al-Qaeda"), b=org("x", "AQ"))])
    assert find_actor(fresh_store, "aq").id == "aq"
