"""Scoring of exported claims against gold files (ONTOLOGY.md "Scoring")."""

from __future__ import annotations

import copy
import json

import pytest

from factionmap.errors import FactionmapError
from factionmap.evaluate import load_gold, score_document, time_agrees, validate_gold

GOLD = {
    "document": {"id": "doc1", "published": "2015-08-14"},
    "entities": {
        "aq": {"kind": "org", "names": ["al-Qaeda", "al Qaida"]},
        "taliban": {"kind": "org", "names": ["Taliban", "Afghan Taliban"]},
        "isis": {"kind": "org", "names": ["Islamic State", "ISIS"]},
        "ttp": {"kind": "org", "names": ["Tehrik-i-Taliban Pakistan", "TTP"]},
        "omar": {"kind": "person", "names": ["Mullah Omar"]},
        "afghanistan": {"kind": "place", "names": ["Afghanistan"]},
        "defectors": {"kind": "person", "names": ["former members of TTP"]},
    },
    "claims": [
        {"type": "ALLIANCE", "args": {"a": "aq", "b": "taliban"}, "time": None,
         "modality": "asserted", "required": True, "evidence": "loosely aligned"},
        {"type": "MERGER", "args": {"parts": ["aq", "taliban"]}, "time": None,
         "modality": "hypothetical", "required": False, "evidence": "could prompt a merger"},
        {"type": "PRESENCE", "args": {"org": "isis", "place": "afghanistan"},
         "time": {"start": "2014", "end": None, "precision": "year"},
         "modality": "asserted", "required": True, "evidence": "active since 2014"},
        {"type": "DEFECTION", "args": {"defector": "defectors", "from": "ttp"}, "time": None,
         "modality": "asserted", "required": True, "evidence": "had defected from the group"},
    ],
}


def ent(name: str, *aliases: str, kind: str = "org") -> dict:
    return {"id": f"e-{name}", "name": name, "kind": kind, "aliases": list(aliases)}


def claim(ctype: str, time: dict | None = None, modality: str = "asserted", **args) -> dict:
    return {
        "id": "c-1", "type": ctype, "args": args,
        "time": time or {"start": None, "end": None, "precision": None, "text": None},
        "modality": modality, "negated": False, "attribution": None, "confidence": 0.5,
        "evidence": [{"document": "doc1", "sentence": 0, "start": 0, "end": 5, "text": "A sentence."}],
    }


def gold_with(*claims: dict) -> dict:
    gold = copy.deepcopy(GOLD)
    gold["claims"] = list(claims)
    return gold


@pytest.mark.parametrize(
    "system_name,aliases,gold_names,matches",
    [
        ("Al Qaeda", (), ["al-Qaeda"], True),  # case and hyphen
        ("The Taliban", (), ["Taliban"], True),  # leading "the"
        ("Al-Qa'ida", (), ["al Qaida"], True),  # apostrophe and hyphen
        ("Dáesh", (), ["Daesh"], True),  # accent
        ("AQ", ("al-Qaeda",), ["al Qaeda"], True),  # an alias matches
        ("Haqqani Network", (), ["Taliban"], False),
    ],
)
def test_evaluate_entity_names_normalized(system_name, aliases, gold_names, matches):
    gold = {
        "document": {"id": "doc1"},
        "entities": {"x": {"kind": "org", "names": gold_names},
                     "afg": {"kind": "place", "names": ["Afghanistan"]}},
        "claims": [{"type": "PRESENCE", "args": {"org": "x", "place": "afg"}, "time": None,
                    "modality": "asserted", "required": True, "evidence": "e"}],
    }
    system = [claim("PRESENCE", org=ent(system_name, *aliases), place=ent("Afghanistan", kind="place"))]
    score = score_document(system, gold)
    assert (score.overall.tp, score.overall.found) == ((1, 1) if matches else (0, 0))


@pytest.mark.parametrize("first,second", [("Taliban", "al-Qaeda"), ("al-Qaeda", "Taliban")])
def test_evaluate_symmetric_either_order(first, second):
    gold = gold_with(GOLD["claims"][0])
    score = score_document([claim("ALLIANCE", a=ent(first), b=ent(second))], gold)
    assert score.overall.to_dict()["precision"] == 1.0
    assert score.overall.recall == 1.0


@pytest.mark.parametrize("ctype", ["AFFILIATION"])
def test_evaluate_asymmetric_order_checked(ctype):
    gold = gold_with({"type": ctype, "args": {"member": "ttp", "patron": "taliban"},
                      "time": None, "modality": "asserted", "required": True, "evidence": "e"})
    wrong = claim(ctype, member=ent("Taliban"), patron=ent("TTP"))
    right = claim(ctype, member=ent("TTP"), patron=ent("Taliban"))
    assert score_document([wrong], gold).overall.fp == 1
    assert score_document([right], gold).overall.tp == 1


@pytest.mark.parametrize("modality", ["hypothetical"])
def test_evaluate_optional_claims_left_out_of_precision(modality):
    gold = gold_with(*GOLD["claims"][:2])
    merger = claim("MERGER", modality=modality, parts=[ent("al-Qaeda"), ent("Taliban")])
    score = score_document([merger], gold)
    assert (score.overall.tp, score.overall.fp, score.overall.fn) == (0, 0, 1)
    assert score.extras == ()
    assert score.misses and "ALLIANCE" in score.misses[0] and "loosely aligned" in score.misses[0]


@pytest.mark.parametrize(
    "parts,matches",
    [
        (["Taliban", "al-Qaeda"], True),
        (["al-Qaeda", "Taliban", "ISIS"], True),  # covers the gold parts
        (["al-Qaeda"], False),  # does not cover
    ],
)
def test_evaluate_merger_parts_cover(parts, matches):
    gold = gold_with(dict(GOLD["claims"][1], required=True))
    score = score_document([claim("MERGER", parts=[ent(p) for p in parts])], gold)
    assert score.overall.tp == int(matches)
    assert score.overall.fp == int(not matches)


@pytest.mark.parametrize("destination", [ent("Islamic State"), None])
def test_evaluate_missing_core_arg_not_checked(destination):
    gold = gold_with(GOLD["claims"][3])
    system = claim("DEFECTION", defector="former TTP commanders", to=destination, **{"from": ent("TTP")})
    score = score_document([system], gold)
    assert (score.overall.tp, score.overall.found) == (1, 1)


@pytest.mark.parametrize(
    "gold_time,system_time,agrees",
    [
        ({"start": "2015-01", "end": "2015-01", "precision": "month"},
         {"start": "2015-01-17", "end": "2015-01-17", "precision": "day"}, True),
        ({"start": "2013", "end": "2013", "precision": "year"},
         {"start": "2014", "end": "2014", "precision": "year"}, False),
        ({"start": "2013", "end": "2013", "precision": "year"},
         {"start": "2013-05", "end": "2013-05", "precision": "month"}, True),
        ({"start": None, "end": "2015-06", "precision": "month"},
         {"start": "2015-06", "end": "2015-06", "precision": "month"}, False),
        ({"start": None, "end": "2015-06", "precision": "month"},
         {"start": None, "end": "2015-06-30", "precision": "day"}, True),
        ({"start": "2014", "end": None, "precision": "year"}, None, False),
        ({"start": "2015-08-13", "end": "2015-08-13", "precision": "day"},
         {"start": "2015-08", "end": "2015-08", "precision": "month"}, False),
    ],
)
def test_evaluate_time_agrees_at_gold_precision(gold_time, system_time, agrees):
    assert time_agrees(system_time, gold_time) is agrees


@pytest.mark.parametrize(
    "system_time,agree",
    [({"start": "2014", "end": None, "precision": "year"}, 1),
     ({"start": "2014-03-01", "end": None, "precision": "day"}, 1),
     ({"start": None, "end": "2014", "precision": "year"}, 0)],
)
def test_evaluate_time_agreement_over_matched_pairs(system_time, agree):
    gold = gold_with(*GOLD["claims"][:3])
    system = [
        claim("PRESENCE", time=system_time, org=ent("ISIS"), place=ent("Afghanistan", kind="place")),
        claim("ALLIANCE", a=ent("al-Qaeda"), b=ent("Taliban")),  # gold time null: not judged
    ]
    score = score_document(system, gold)
    assert (score.time_agreement.agree, score.time_agreement.total) == (agree, 1)


@pytest.mark.parametrize(
    "merger_modality,exact,hypothetical",
    [("hypothetical", (2, 2), (2, 2)), ("asserted", (1, 2), (1, 2)), ("reported", (1, 2), (1, 2))],
)
def test_evaluate_modality_agreement(merger_modality, exact, hypothetical):
    gold = gold_with(*GOLD["claims"][:2])
    system = [
        claim("ALLIANCE", a=ent("al-Qaeda"), b=ent("Taliban")),
        claim("MERGER", modality=merger_modality, parts=[ent("al-Qaeda"), ent("Taliban")]),
    ]
    score = score_document(system, gold)
    assert (score.modality_agreement.agree, score.modality_agreement.total) == exact
    assert (score.hypothetical_agreement.agree, score.hypothetical_agreement.total) == hypothetical


@pytest.mark.parametrize("modality,agree", [("reported", (0, 1)), ("asserted", (1, 1))])
def test_evaluate_modality_reported_is_not_hypothetical(modality, agree):
    gold = gold_with(GOLD["claims"][0])
    score = score_document([claim("ALLIANCE", modality=modality, a=ent("al-Qaeda"), b=ent("Taliban"))], gold)
    assert (score.modality_agreement.agree, score.modality_agreement.total) == agree
    assert (score.hypothetical_agreement.agree, score.hypothetical_agreement.total) == (1, 1)


@pytest.mark.parametrize("copies", [2])
def test_evaluate_several_system_claims_one_gold(copies):
    gold = gold_with(GOLD["claims"][0])
    system = [claim("ALLIANCE", a=ent("al-Qaeda"), b=ent("Taliban"))] * copies
    score = score_document(system, gold)
    assert (score.overall.tp, score.overall.found, score.overall.fn) == (copies, 1, 0)


@pytest.mark.parametrize("ctype", ["RIVALRY"])
def test_evaluate_extras_and_per_type(ctype):
    gold = copy.deepcopy(GOLD)
    system = [
        claim("ALLIANCE", a=ent("al-Qaeda"), b=ent("Taliban")),
        claim(ctype, a=ent("ISIS"), b=ent("Taliban")),
    ]
    score = score_document(system, gold)
    assert score.per_type["ALLIANCE"].to_dict()["f1"] == 1.0
    assert (score.per_type[ctype].tp, score.per_type[ctype].fp) == (0, 1)
    assert (score.per_type["PRESENCE"].fn, score.per_type["DEFECTION"].fn) == (1, 1)
    assert (score.overall.tp, score.overall.fp, score.overall.found, score.overall.fn) == (1, 1, 1, 2)
    assert score.extras == ('doc1: RIVALRY(a=ISIS, b=Taliban) — "A sentence."',)
    assert len(score.misses) == 2


@pytest.mark.parametrize(
    "mutate,fragment",
    [
        (lambda g: g.pop("document"), "'document'"),
        (lambda g: g["document"].pop("id"), "'document'"),
        (lambda g: g["entities"]["aq"].pop("kind"), "entity 'aq'"),
        (lambda g: g["entities"]["aq"].update(names=[]), "entity 'aq'"),
        (lambda g: g["claims"][0].update(type="FRIENDSHIP"), "unknown type 'FRIENDSHIP'"),
        (lambda g: g["claims"][0]["args"].update(b="hamas"), "unknown entity 'hamas'"),
        (lambda g: g["claims"][0]["args"].update(c="aq"), "unknown argument 'c'"),
        (lambda g: g["claims"][1]["args"].update(parts=["aq", "nobody"]), "unknown entity 'nobody'"),
        (lambda g: g["claims"][0].update(modality="rumoured"), "unknown modality"),
        (lambda g: g["claims"][2].update(time={"precision": "week"}), "'time'"),
        (lambda g: g.update(claims={}), "'claims'"),
    ],
)
def test_evaluate_invalid_gold_raises_e501(mutate, fragment):
    gold = copy.deepcopy(GOLD)
    mutate(gold)
    with pytest.raises(FactionmapError) as info:
        validate_gold(gold, "gold.json")
    assert info.value.code == "E501"
    assert "gold.json" in str(info.value) and fragment in str(info.value)


@pytest.mark.parametrize("content", ["{not json", json.dumps([1, 2])])
def test_evaluate_invalid_gold_file_names_path(tmp_path, content):
    path = tmp_path / "bad_gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FactionmapError) as info:
        load_gold(path)
    assert info.value.code == "E501" and "bad_gold.json" in str(info.value)


@pytest.mark.parametrize("gold", [GOLD])
def test_evaluate_valid_gold_loads(tmp_path, gold):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    assert load_gold(path)["document"]["id"] == "doc1"


@pytest.mark.parametrize("doc_id", ["doc1"])
def test_evaluate_store_scores_each_gold_document(tmp_path, doc_id):
    from factionmap.evaluate import evaluate_store
    from factionmap.model import Claim, Document, Entity, Evidence, TimeSpan
    from factionmap.store.sqlite import Store

    def org(name: str) -> Entity:
        return Entity(id=f"new:{name.lower()}", name=name, kind="org")

    evidence = (Evidence(doc_id, 0, 0, 10, "Al Qaeda and the Taliban are aligned."),)
    claims = [
        Claim("ALLIANCE", {"a": org("Taliban"), "b": org("al Qaeda")}, evidence=evidence),
        Claim("PRESENCE", {"org": org("ISIS"), "place": Entity("place:afghanistan", "Afghanistan", "place")},
              time=TimeSpan("2014", None, "year", "since 2014"), evidence=evidence),
        Claim("RIVALRY", {"a": org("ISIS"), "b": org("Taliban")}, evidence=evidence),
    ]
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(GOLD), encoding="utf-8")
    with Store(":memory:") as store:
        store.add_document(Document(id=doc_id, text="Al Qaeda and the Taliban are aligned."), claims)
        store.add_document(Document(id="other", text="Another text."), claims[:1])
        report = evaluate_store(store, [gold_path])
    assert report.overall.to_dict() == {
        "tp": 2, "fp": 1, "fn": 1, "found": 2,
        "precision": 0.6667, "recall": 0.6667, "f1": 0.6667,
    }
    assert (report.time_agreement.agree, report.time_agreement.total) == (1, 1)
    assert report.to_dict()["extras"] == ['doc1: RIVALRY(a=ISIS, b=Taliban) — "Al Qaeda and the Taliban are aligned."']


@pytest.mark.parametrize("modality", ["reported"])
def test_evaluate_disagreements_listed(modality):
    gold = gold_with(GOLD["claims"][2])
    system = [claim("PRESENCE", modality=modality, time={"start": "2015", "end": None, "precision": "year"},
                    org=ent("ISIS"), place=ent("Afghanistan", kind="place"))]
    score = score_document(system, gold)
    assert score.disagreements == (
        "doc1: PRESENCE(org=isis, place=afghanistan) time: gold 2014..? (year), system 2015..? (year)",
        "doc1: PRESENCE(org=isis, place=afghanistan) modality: gold asserted, system reported",
    )
