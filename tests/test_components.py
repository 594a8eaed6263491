"""The rule components `extract_claims` runs: registered in order, versioned, each naming
the data it reads; the registry is what runs."""

from __future__ import annotations

import pytest

from factionmap.extract import components
from factionmap.extract.claims import rules_version
from factionmap.extract.components import COMPONENTS, SCOPES, components_version
from factionmap.lexicon.rules import load_rules
from factionmap.lexicon.words import load_lexicon
from factionmap.pipeline import extract

ALLIED = "The Zetan Front allied with the Orion Brigades in March 2014, their leaders said."


def test_components_have_unique_versioned_names_and_known_scopes():
    names = [c.name for c in COMPONENTS]
    assert len(names) == len(set(names))
    assert all(c.scope in SCOPES and c.version.startswith("v") for c in COMPONENTS)
    # document-wide passes come last: they rewrite what the others made
    scopes = [c.scope for c in COMPONENTS]
    assert all(s == "document" for s in scopes[scopes.index("document"):])


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.name)
def test_each_component_names_data_that_exists(component):
    sections = {k.partition(":")[0] for k in load_lexicon()}
    missing = [s for s in component.lexicon if s not in sections]
    assert missing == []
    assert set(component.rules) <= set(load_rules())
    assert all(k.partition(":")[0] in component.lexicon for k in component.lexicon_keys())


def test_the_components_version_is_in_the_recorded_rules_version(monkeypatch):
    before = components_version()
    assert before in rules_version() and "lexicon:" in rules_version()
    bumped = tuple(c if c.name != "proximity" else type(c)(**{**c.__dict__, "version": "v2"}) for c in COMPONENTS)
    monkeypatch.setattr(components, "COMPONENTS", bumped)
    assert components_version() != before


def test_the_registry_is_what_runs(monkeypatch):
    claims = extract(ALLIED, published="2014-04-01")
    assert any(c.type == "ALLIANCE" and not c.rule.startswith("proximity") for c in claims)
    monkeypatch.setattr(components, "COMPONENTS", tuple(c for c in COMPONENTS if c.name == "frames"))
    only_frames = extract(ALLIED, published="2014-04-01")
    assert only_frames and all(c.rule.split("+")[0] in {f.name for f in load_rules()["frames"]} for c in only_frames)
    monkeypatch.setattr(components, "COMPONENTS", ())
    assert extract(ALLIED, published="2014-04-01") == []


def test_the_architecture_doc_lists_every_component():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert all(f"| `{c.name}` | {c.version} | {c.scope} |" in text for c in COMPONENTS)
