import io
import json

import pytest
from conftest import AQ, ISKP, MANSOUR, NANGARHAR, ZAWAHIRI, claim, document, org, place

from factionmap.export.claims import claim_to_dict, export_claims, write_jsonl
from factionmap.model import Claim, Evidence, TimeSpan

ENTITY_KEYS = ["id", "name", "kind", "aliases"]


def _pledge() -> Claim:
    return Claim(
        type="PLEDGE",
        args={"pledger": ZAWAHIRI, "to": MANSOUR, "on_behalf_of": AQ},
        time=TimeSpan("2015-08-13", "2015-08-13", "day", "Thursday"),
        modality="reported", attribution="BBC", confidence=0.8571,
        evidence=(Evidence("d-1", 4, 905, 1050, "Zawahiri pledged allegiance to Mansour."),),
        id="c-000123",
    )


def test_export_shape_exactly():
    out = claim_to_dict(_pledge())
    assert list(out) == ["id", "type", "args", "time", "modality", "negated", "attribution",
                         "confidence", "evidence"]
    assert out["id"] == "c-000123" and out["type"] == "PLEDGE"
    assert list(out["args"]) == ["pledger", "to", "on_behalf_of"]
    assert out["args"]["pledger"] == {"id": "zawahiri", "name": "Ayman al-Zawahiri", "kind": "person",
                                      "aliases": ["Ayman al-Zawahiri", "Zawahiri"]}
    assert out["time"] == {"start": "2015-08-13", "end": "2015-08-13", "precision": "day", "text": "Thursday"}
    assert out["modality"] == "reported" and out["negated"] is False and out["attribution"] == "BBC"
    assert out["confidence"] == 0.86
    assert out["evidence"] == [{"document": "d-1", "sentence": 4, "start": 905, "end": 1050,
                                "text": "Zawahiri pledged allegiance to Mansour."}]
    assert json.loads(json.dumps(out)) == out  # plain JSON all the way down


@pytest.mark.parametrize("parts", [(AQ, ISKP), (AQ,)])
def test_export_merger_parts_is_list(parts):
    out = claim_to_dict(claim("MERGER", parts=parts, result=org("hts", "HTS")))
    assert isinstance(out["args"]["parts"], list)
    assert [p["id"] for p in out["args"]["parts"]] == [p.id for p in parts]
    assert all(list(p) == ENTITY_KEYS for p in out["args"]["parts"])
    assert out["args"]["result"]["id"] == "hts"


@pytest.mark.parametrize("args, expected", [
    ({"place": NANGARHAR, "target": "a checkpoint", "attack_type": "suicide bombing", "killed": 12,
      "wounded": 3, "claimed": True},
     {"target": "a checkpoint", "attack_type": "suicide bombing", "killed": 12, "wounded": 3, "claimed": True}),
])
def test_export_literal_args_are_plain_values(args, expected):
    out = claim_to_dict(claim("ATTACK", **args))
    assert {k: v for k, v in out["args"].items() if k != "place"} == expected


def test_export_death_literals_and_none_args_omitted():
    out = claim_to_dict(claim("DEATH", person=MANSOUR, org=None, place=None, cause="killed",
                              announced="2016-05-22"))
    assert list(out["args"]) == ["person", "cause", "announced"]
    assert out["args"]["cause"] == "killed" and out["args"]["announced"] == "2016-05-22"


@pytest.mark.parametrize("entity, extras, expected_keys", [
    (NANGARHAR, None, ENTITY_KEYS + ["country_code"]),
    (place("place:somewhere", "a described area"), None, ENTITY_KEYS),
    (NANGARHAR, {"admin1": "Nangarhar", "lat": 34.2, "lon": 70.6},
     ENTITY_KEYS + ["country_code", "admin1", "lat", "lon"]),
])
def test_export_place_details_only_when_known(entity, extras, expected_keys):
    c = claim("PRESENCE", org=ISKP, place=entity)
    out = claim_to_dict(c, {entity.id: extras} if extras else None)
    assert list(out["args"]["place"]) == expected_keys
    assert list(out["args"]["org"]) == ENTITY_KEYS  # organizations never get place keys


def test_export_from_store_matches_claim_to_dict(fresh_store):
    fresh_store.add_document(document("d-1"), [_pledge()])
    exported = list(export_claims(fresh_store))
    expected = claim_to_dict(_pledge())
    expected["id"] = "c-000001"
    for record in expected["evidence"]:  # the stored document has no url, outlet or date
        record.update(url=None, outlet=None, published=None)
    assert exported == [expected]


def test_export_evidence_names_where_it_was_published(fresh_store):
    fresh_store.add_document(document("d-1", "2015-08-14", url="https://example.org/a", outlet="Wire"), [_pledge()])
    evidence = next(export_claims(fresh_store))["evidence"]
    assert evidence and all(e["url"] == "https://example.org/a" and e["outlet"] == "Wire"
                            and e["published"] == "2015-08-14" for e in evidence)
    assert "url" not in claim_to_dict(_pledge())["evidence"][0]  # a claim alone knows no document


def test_export_write_jsonl_one_claim_a_line(taliban_store):
    out = io.StringIO()
    count = write_jsonl(taliban_store, out)
    lines = out.getvalue().splitlines()
    assert count == len(lines) == taliban_store.counts()["claims"]
    assert [json.loads(line)["id"] for line in lines] == [f"c-{i:06d}" for i in range(1, count + 1)]


def test_export_claims_of_one_document(taliban_store):
    assert {c["evidence"][0]["document"] for c in export_claims(taliban_store, "d-2")} == {"d-2"}
