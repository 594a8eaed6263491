"""Extraction rules as data: the shipped rules load, bad rules data raises E202."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from factionmap.errors import FactionmapError
from factionmap.model import CLAIM_TYPES
from factionmap.lexicon.rules import load_rules, validate_rules


@pytest.fixture(scope="module")
def shipped():
    text = resources.files("factionmap").joinpath("data", "rules.json").read_text(encoding="utf-8")
    return json.loads(text)


def _frame(**overrides):
    frame = {"name": "test.pledge", "type": "PLEDGE", "lemmas": ["pledge"],
             "args": {"pledger": ["subj"], "to": ["prep:to"]}, "confidence": 0.7}
    frame.update(overrides)
    return frame


def _drop_version(raw):
    del raw["version"]


def _set(path, value):
    def change(raw):
        table = raw
        for key in path[:-1]:
            table = table[key]
        table[path[-1]] = value
    return change


def _with_frame(**overrides):
    def change(raw):
        raw["frames"] = [_frame(**overrides)]
    return change


def _drop_args(raw):
    raw["frames"] = [{k: v for k, v in _frame().items() if k != "args"}]


BAD_RULES = [
    ("missing version", _drop_version, "version"),
    ("version not a string", _set(["version"], 1), "version"),
    ("actors section missing", _set(["actors"], None), "actors"),
    ("empty word list", _set(["actors", "titles"], []), "actors.titles"),
    ("word list with a number", _set(["actors", "group_nouns"], ["group", 3]), "actors.group_nouns"),
    ("word list with an empty word", _set(["actors", "leader_nouns"], ["leader", ""]), "actors.leader_nouns"),
    ("word list as a string", _set(["actors", "group_name_words"], "front"), "actors.group_name_words"),
    ("frames not a list", _set(["frames"], {"pledge": {}}), "frames"),
    ("frame not an object", _set(["frames"], ["pledge"]), "not an object"),
    ("unknown claim type", _with_frame(type="OATH"), "OATH"),
    ("argument the type lacks", _with_frame(args={"pledger": ["subj"], "patron": ["obj"]}), "patron"),
    ("args missing", _drop_args, "args"),
    ("unknown slot", _with_frame(args={"pledger": ["subject"], "to": ["prep:to"]}), "subject"),
    ("no lemmas", _with_frame(lemmas=[]), "lemmas"),
    ("confidence zero", _with_frame(confidence=0), "confidence"),
    ("confidence above one", _with_frame(confidence=1.5), "confidence"),
    ("confidence not a number", _with_frame(confidence="high"), "confidence"),
    ("required words from a list that is not there", _with_frame(requires="@nowhere"), "@nowhere"),
    ("required words as a bare string", _with_frame(requires="allegiance"), "requires"),
    ("word lists not lists of words", _set(["word_lists"], {"means": "money"}), "word_lists"),
]


@pytest.mark.parametrize("change, where", [pytest.param(c, w, id=name) for name, c, w in BAD_RULES])
def test_rules_bad_data_raises_e202(shipped, change, where):
    raw = copy.deepcopy(shipped)
    change(raw)
    with pytest.raises(FactionmapError) as caught:
        validate_rules(raw)
    assert caught.value.code == "E202"
    assert where in caught.value.message


@pytest.mark.parametrize("raw", [None, [], "claims.rules.v1"])
def test_rules_top_level_not_an_object_raises_e202(raw):
    with pytest.raises(FactionmapError) as caught:
        validate_rules(raw)
    assert caught.value.code == "E202"


@pytest.mark.parametrize("slot", ["prep:on behalf of", "obj.prep:from", "poss", "pair"])
def test_rules_known_slots_are_accepted(shipped, slot):
    raw = copy.deepcopy(shipped)
    raw["frames"] = [_frame(args={"pledger": [slot], "to": ["prep:to"]})]
    frames = validate_rules(raw)["frames"]
    assert frames[0].args["pledger"] == (slot,)


@pytest.mark.parametrize("words", [["Mullah", "SHEIKH"]])
def test_rules_word_lists_become_lowercase_sets(shipped, words):
    raw = copy.deepcopy(shipped)
    raw["actors"]["titles"] = words
    assert validate_rules(raw)["actors"]["titles"] == frozenset(w.lower() for w in words)


@pytest.mark.parametrize("key", ["version", "actors", "frames", "nominal"])
def test_rules_shipped_rules_load(key):
    rules = load_rules()
    assert rules[key]


@pytest.mark.parametrize("field", ["type", "lemmas", "args", "confidence"])
def test_rules_shipped_frames_are_valid(field):
    for frame in load_rules()["frames"]:
        if field == "type":
            assert frame.type in CLAIM_TYPES
        elif field == "lemmas":
            assert frame.lemmas and all(lemma == lemma.lower() for lemma in frame.lemmas)
        elif field == "args":
            known = set(CLAIM_TYPES[frame.type]["core"]) | set(CLAIM_TYPES[frame.type]["other"])
            assert set(frame.args) <= known
        else:
            assert 0 < frame.confidence <= 1


@pytest.mark.parametrize("value", [0, 1.5, "high"])
def test_rules_calibration_values_must_be_confidences(value):
    import copy
    import json
    from importlib import resources

    from factionmap.errors import FactionmapError
    from factionmap.lexicon.rules import validate_rules

    raw = json.loads(resources.files("factionmap").joinpath("data", "rules.json").read_text(encoding="utf-8"))
    bad = copy.deepcopy(raw)
    bad["calibration"]["alliance"] = value
    with pytest.raises(FactionmapError) as err:
        validate_rules(bad)
    assert err.value.code == "E202" and "calibration" in str(err.value)


@pytest.mark.parametrize("value", [[], "in", [""], None])
def test_rules_nominal_word_lists_must_be_words(shipped, value):
    raw = copy.deepcopy(shipped)
    raw["nominal"]["locative_preps"] = value
    with pytest.raises(FactionmapError):
        validate_rules(raw)


@pytest.mark.parametrize("value", [{}, ["battalion"], {"Battalion": 4}, {"battalion": "4"}, {"battalion": 0}])
def test_rules_unit_echelons_must_rank_lower_case_words(shipped, value):
    raw = copy.deepcopy(shipped)
    raw["nominal"]["unit_echelons"] = value
    with pytest.raises(FactionmapError):
        validate_rules(raw)
