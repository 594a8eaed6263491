"""The lexicon (data/lexicon.json): the words the rules compare tokens to, validated as data."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from factionmap.errors import FactionmapError
from factionmap.lexicon.words import keys_of, load_lexicon, validate_lexicon, words

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "factionmap"
GOOD = {"version": "t.1", "sections": {"modality": {
    "MODALS": {"kind": "set", "note": "modal verbs", "words": ["could", "may", "might"]},
    "ORDER": {"kind": "tuple", "words": ["first", "second"]},
}}}


def test_a_good_lexicon_gives_its_entries_by_key():
    entries = validate_lexicon(GOOD)
    assert sorted(entries) == ["modality:MODALS", "modality:ORDER"]


@pytest.mark.parametrize("change, named", [
    (lambda d: d.pop("version"), "top level"),
    (lambda d: d["sections"]["modality"]["MODALS"].update(kind="bag"), "modality:MODALS"),
    (lambda d: d["sections"]["modality"]["MODALS"]["words"].append("may"), "listed twice: may"),
    (lambda d: d["sections"]["modality"]["MODALS"]["words"].append(" can"), "modality:MODALS"),
    (lambda d: d["sections"]["modality"]["ORDER"].update(words=["only"]), "modality:ORDER"),
    (lambda d: d["sections"]["modality"]["ORDER"].update(colour="red"), "modality:ORDER"),
    (lambda d: d["sections"].update(empty={}), "empty"),
])
def test_a_bad_entry_is_refused_naming_it(change, named):
    raw = copy.deepcopy(GOOD)
    change(raw)
    with pytest.raises(FactionmapError) as err:
        validate_lexicon(raw)
    assert err.value.code == "E203" and named in str(err.value)


def test_the_shipped_lexicon_loads_with_a_modality_section():
    entries = load_lexicon()
    assert len(entries) > 150 and sum(len(e["words"]) for e in entries.values()) > 1800
    assert {"modality:MODALS", "modality:HEDGES", "modality:SPEECH", "modality:DENY"} <= set(keys_of("modality"))
    assert "might" in words("modality:MODALS")


def test_words_are_held_as_their_kind_says():
    kinds = {type(words(k)).__name__ for k in load_lexicon()}
    assert kinds <= {"set", "frozenset", "tuple", "list"}
    for key, entry in load_lexicon().items():
        got = words(key)
        assert type(got).__name__ == entry["kind"]
        if entry["kind"] in ("tuple", "list"):  # order kept: "the first kind that matches wins"
            assert list(got) == entry["words"]


def test_an_unknown_key_is_an_error():
    with pytest.raises(FactionmapError) as err:
        words("modality:NO_SUCH_LIST")
    assert err.value.code == "E203"


def test_every_entry_is_read_by_the_module_its_section_names_and_nothing_reads_a_missing_one():
    read = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if module == "lexicon.words":  # its docstring shows a call
            continue
        for key in re.findall(r'\bwords\("([^"]+)"\)', path.read_text(encoding="utf-8")):
            read.setdefault(key, set()).add(module)
    assert set(read) == set(load_lexicon())
    for key, modules in read.items():
        section = key.partition(":")[0]
        assert modules == {"extract.context" if section == "modality" else section}, key
