"""Answers a new user gets from short articles written here (issue 9): a successor only
expected is never the leader, and a dead leader's group has no known leader after him."""

from __future__ import annotations

import json

import pytest

from factionmap import api
from factionmap.query.leaders import leader_on
from factionmap.store.sqlite import Store

ARTICLES = {
    "relative": "Ayman al-Zawahiri, the Egyptian doctor who succeeded Osama bin Laden as leader of al-Qaeda "
                "in 2011, was killed in a US drone strike in Kabul on Sunday. Analysts say Saif al-Adel, a "
                "veteran commander, could succeed him.",
    "plain": "Zawahiri succeeded bin Laden as leader of al-Qaeda in 2011. He was killed in a US drone strike "
             "in Kabul on Sunday. Analysts believe Saif al-Adel could succeed Zawahiri as leader of al-Qaeda.",
}


@pytest.fixture(params=sorted(ARTICLES))
def store(request, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES[request.param], encoding="utf-8")
    (folder / "a.json").write_text(json.dumps({"published": "2022-08-02"}), encoding="utf-8")
    assert api.ingest_paths([folder], tmp_path / "fm.db").ok
    with Store.open(tmp_path / "fm.db") as s:
        yield s


def test_expected_successor_is_never_the_leader(store):
    after = leader_on(store, "al-Qaeda", "2022-09-01")
    assert after.leader is None and "no known leader on this date" in after.notes
    status = {c.name: c.status for c in after.candidates}
    # "could succeed him" (the pronoun) is not read yet; "could succeed Zawahiri" is, as expected
    assert status.get("Saif al-Adel", "expected (hypothetical)") == "expected (hypothetical)"
    assert [n for n, s in status.items() if s == "current"] == []


def test_leader_before_the_strike_is_zawahiri(store):
    before = leader_on(store, "al-Qaeda", "2015-01-01")
    assert before.leader is not None and before.leader.name.endswith("Zawahiri")
    assert not before.uncertain  # an expected successor is a note, not a doubt
