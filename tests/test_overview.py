import pytest

from factionmap.query.overview import faction_map


@pytest.mark.parametrize("on", ["2015-09-01"])
def test_overview_groups_with_leaders(taliban_store, on):
    view = faction_map(taliban_store, on)
    taliban = view.groups[0]
    assert (taliban.name, taliban.leader, taliban.leader_status, taliban.pledged_by) == (
        "Taliban", "Akhtar Mansour", "current", ("Ayman al-Zawahiri",))
    assert [g.name for g in view.groups] == [
        "Taliban", "al-Qaeda", "Islamic State Khorasan", "Tehrik-i-Taliban Pakistan"]


@pytest.mark.parametrize("on, expected", [
    (None, ["AFFILIATION", "ALLIANCE", "MERGER", "PLEDGE", "RIVALRY"]),
    # by the facts' intervals: a stated start ("since June 2015", "in 2014") or, undated, the
    # first report (the alliance and the merger, published 2015-08-14)
    ("2015-07-01", ["AFFILIATION", "RIVALRY"]),
    ("2015-09-01", ["AFFILIATION", "ALLIANCE", "MERGER", "PLEDGE", "RIVALRY"]),
    ("2013-01-01", []),
])
def test_overview_edges_filtered_by_date(taliban_store, on, expected):
    assert [e.type for e in faction_map(taliban_store, on).edges] == expected


def test_overview_edge_text_and_sources(taliban_store):
    pledge = next(e for e in faction_map(taliban_store).edges if e.type == "PLEDGE")
    assert pledge.text == "Ayman al-Zawahiri → Akhtar Mansour (for al-Qaeda)"
    assert (pledge.start, pledge.sources, pledge.claim_ids) == ("2015-08-13", 1, ("c-000004",))


def test_symmetric_relations_are_one_edge_whichever_side_is_named_first(fresh_store):
    from conftest import claim, document, org

    from factionmap.query.overview import faction_map

    kenya, shabaab = org("state:ke", "Kenya"), org("al-shabaab", "al-Shabaab")
    fresh_store.add_document(document("d-1", "2013-09-25"), [
        claim("RIVALRY", a=shabaab, b=kenya), claim("RIVALRY", a=kenya, b=shabaab)])
    edges = [e for e in faction_map(fresh_store).edges if e.type == "RIVALRY"]
    assert len(edges) == 1 and len(edges[0].claim_ids) == 2
