"""The incident benchmark's scoring (benchmarks/incidents.py) on hand-made export dicts:
no pipeline, no shared data."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import incidents  # noqa: E402
from incidents import attack_claims, choose_attack, misses, names_match, ratio, score_incident, tally  # noqa: E402

EXPECTED = {"perpetrator": "Islamic State Khorasan Province", "claimed": True, "killed": 12, "wounded": 20,
            "country": "AF", "admin1": "Nangarhar", "place": "Jalalabad", "attack_type": "suicide bombing",
            "date": "2021-06-01"}

ISKP = {"id": "iskp", "name": "Islamic State Khorasan", "kind": "org", "aliases": ["ISKP", "IS-K"]}
TALIBAN = {"id": "taliban", "name": "Taliban", "kind": "org", "aliases": ["the Taliban"]}
JALALABAD = {"id": "place:jalalabad", "name": "Jalalabad", "kind": "place", "aliases": ["Jalalabad"],
             "country_code": "AF"}


def attack(doc="inc-01", perpetrator=ISKP, place=JALALABAD, date="2021-06-01", **args):
    base = {"perpetrator": perpetrator, "place": place, "attack_type": "suicide bombing",
            "killed": 12, "wounded": 20, "claimed": True}
    base.update(args)
    return {"id": "c-1", "type": "ATTACK", "args": {k: v for k, v in base.items() if v is not None},
            "time": {"start": date, "end": date, "precision": "day" if date else None, "text": None},
            "modality": "claimed", "evidence": [{"document": doc, "sentence": 0, "text": "..."}]}


def test_a_full_match_scores_every_figure():
    exact = dict(ISKP, aliases=["ISKP", "Islamic State Khorasan Province"])
    s = score_incident(EXPECTED, [attack(perpetrator=exact)])
    for key in ("perpetrator", "perpetrator_strict", "claimed", "killed", "wounded", "country",
                "attack_type", "date", "one_attack"):
        assert s[key] is True, key
    assert s["no_perpetrator"] is None  # the incident names a perpetrator


def test_names_match_loose_by_whole_words_but_not_strict():
    # "Islamic State Khorasan" is contained, as whole words, in the expected name
    assert names_match("Islamic State Khorasan Province", ISKP)
    assert not names_match("Islamic State Khorasan Province", ISKP, loose=False)
    assert names_match("ISKP", ISKP, loose=False)  # an alias, exactly
    assert names_match("the taliban", TALIBAN, loose=False)  # case and a leading "the"
    assert not names_match("Tehrik-i-Taliban Pakistan", {"id": "x", "name": "Tali", "aliases": []})
    assert not names_match("Boko Haram", ISKP)
    assert not names_match("al-Shabaab", {"id": "e", "name": "Shabaab Media", "aliases": []}, loose=False)


def test_names_match_by_id_and_by_a_list_of_names():
    assert names_match("Jamaat Nusrat al-Islam wal-Muslimin", {"id": "jnim", "name": "JNIM", "aliases": []}) is False
    assert names_match(["JNIM", "Jamaat Nusrat al-Islam wal-Muslimin"], {"id": "jnim", "name": "x", "aliases": []})
    assert names_match("al-Shabaab", {"id": "new:al_shabaab", "name": "x", "aliases": []})


def test_wrong_perpetrator_and_missing_perpetrator():
    wrong = score_incident(EXPECTED, [attack(perpetrator=TALIBAN)])
    assert wrong["perpetrator"] is False and wrong["claimed"] is True
    missing = score_incident(EXPECTED, [attack(perpetrator=None)])
    assert missing["perpetrator"] is False and missing["found"]["perpetrator"] is None


def test_no_perpetrator_expected():
    expected = dict(EXPECTED, perpetrator=None, claimed=False)
    assert score_incident(expected, [attack(perpetrator=None, claimed=False)])["no_perpetrator"] is True
    invented = score_incident(expected, [attack(claimed=False)])
    assert invented["no_perpetrator"] is False and invented["perpetrator"] is None


def test_claimed_must_agree_and_absent_means_false():
    assert score_incident(EXPECTED, [attack(claimed=False)])["claimed"] is False
    assert score_incident(EXPECTED, [attack(claimed=None)])["claimed"] is False  # key left out
    blamed = dict(EXPECTED, claimed=False)
    assert score_incident(blamed, [attack(claimed=None)])["claimed"] is True


def test_tolls_are_exact_and_null_expects_null():
    s = score_incident(EXPECTED, [attack(killed=11, wounded=None)])
    assert s["killed"] is False and s["wounded"] is False
    no_toll = dict(EXPECTED, killed=None, wounded=None)
    s = score_incident(no_toll, [attack(killed=None, wounded=None)])
    assert s["killed"] is True and s["wounded"] is True
    assert score_incident(no_toll, [attack()])["killed"] is False  # a toll the text does not state


def test_country_comes_from_the_place():
    abroad = dict(JALALABAD, country_code="PK")
    assert score_incident(EXPECTED, [attack(place=abroad)])["country"] is False
    unknown = {k: v for k, v in JALALABAD.items() if k != "country_code"}
    assert score_incident(EXPECTED, [attack(place=unknown)])["country"] is False
    assert score_incident(EXPECTED, [attack(place=dict(JALALABAD, country_code="af"))])["country"] is True


def test_attack_types_compare_by_category():
    ied = dict(EXPECTED, attack_type="IED")
    assert score_incident(ied, [attack(attack_type="bombing")])["attack_type"] is True
    ambush = dict(EXPECTED, attack_type="ambush")
    assert score_incident(ambush, [attack(attack_type="armed assault")])["attack_type"] is True
    assert score_incident(EXPECTED, [attack(attack_type="bombing")])["attack_type"] is False
    assert score_incident(EXPECTED, [attack(attack_type=None)])["attack_type"] is False


def test_date_must_be_the_day():
    assert score_incident(EXPECTED, [attack(date="2021-06")])["date"] is False
    assert score_incident(EXPECTED, [attack(date=None)])["date"] is False
    assert score_incident(dict(EXPECTED, date=None), [attack(date=None)])["date"] is True


def test_two_attacks_fail_one_attack_but_the_matching_one_is_scored():
    other = attack(perpetrator=TALIBAN, killed=3, claimed=False, attack_type="armed assault")
    s = score_incident(EXPECTED, [other, attack()])
    assert s["one_attack"] is False and s["attacks"] == 2
    assert s["perpetrator"] is True and s["killed"] is True  # the ISKP claim was chosen
    assert choose_attack(EXPECTED, [other, attack()])["args"]["perpetrator"] is ISKP


def test_without_a_matching_perpetrator_the_fullest_attack_is_chosen():
    bare = attack(perpetrator=None, killed=None, wounded=None, attack_type=None)
    full = attack(perpetrator=None)
    assert choose_attack(EXPECTED, [bare, full]) is full


def test_no_attack_misses_everything():
    s = score_incident(EXPECTED, [])
    assert s["found"] is None and s["attacks"] == 0
    for key in ("perpetrator", "claimed", "killed", "wounded", "country", "attack_type", "date", "one_attack"):
        assert s[key] is False, key
    assert misses("inc-01", EXPECTED, s) == ["inc-01: no ATTACK claim"]


def test_attack_claims_keeps_this_documents_attacks_only():
    leadership = {"type": "LEADERSHIP", "args": {}, "evidence": [{"document": "inc-01"}]}
    claims = [attack(), attack(doc="inc-02"), leadership]
    assert attack_claims(claims, "inc-01") == [claims[0]]
    assert attack_claims(claims, "inc-03") == []


def test_tally_counts_only_where_a_figure_applies_and_ratio_prints_counts():
    named = score_incident(EXPECTED, [attack()])
    unnamed = score_incident(dict(EXPECTED, perpetrator=None), [attack()])
    figures = tally([named, unnamed])
    assert figures["perpetrator"] == (1, 1)
    assert figures["no_perpetrator"] == (0, 1)
    assert figures["one_attack"] == (2, 2)
    assert ratio(17, 20) == "0.85 (17/20)"
    assert ratio(0, 0) == "- (0/0)"


def test_misses_name_the_field_expected_and_found():
    s = score_incident(EXPECTED, [attack(killed=44)])
    assert misses("inc-07", EXPECTED, s) == ["inc-07: killed: expected 12, found 44"]
    twice = score_incident(EXPECTED, [attack(), attack()])
    assert misses("inc-07", EXPECTED, twice) == ["inc-07: one_attack: 2 ATTACK claims"]


def test_the_bundled_summaries_are_well_formed():
    rows = incidents.load(incidents.DEFAULT_FILE)
    assert len(rows) == 20
    assert len({r["expected"]["country"] for r in rows}) >= 8
    for row in rows:
        exp = row["expected"]
        if exp["perpetrator"]:
            assert exp["perpetrator"].lower() in row["text"].lower(), row["id"]
        assert row["published"] > (exp["date"] or "")
