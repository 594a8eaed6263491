"""Claim-type properties live once, in `model` (issue 10): every stage reads them from there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from factionmap.model import (
    CLAIM_TYPES, EVENT_TYPES, RECURRING_TYPES, RELATION_SIDES, ROLE_TYPES, STATE_TYPES, SYMMETRIC_TYPES, TYPES,
)

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "factionmap"
PROPERTY_NAMES = re.compile(r"^(SYMMETRIC\w*|STATE_TYPES|EVENT_\w*TYPES|EVENT_RELATIONS|RECURRING\w*|ROLE_TYPES|ROLES|"
                            r"RELATION_ROLES|RELATION_SIDES|ENDED_BY_DEATH)$")


def test_no_module_but_the_model_defines_a_claim_type_property():
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "model.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, ast.AnnAssign) else []
            found += [f"{path.relative_to(PACKAGE)}: {t.id}" for t in targets
                      if isinstance(t, ast.Name) and PROPERTY_NAMES.match(t.id)]
    assert found == []


def test_the_standing_relations_are_the_ones_the_format_documents():
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    listed = re.search(r"a standing\s+relation \(([^)]*)\)", text).group(1)
    assert set(re.findall(r"[A-Z]+", listed)) == STATE_TYPES


def test_the_types_and_their_arguments_are_the_format_table():
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-Z]+) \| (.+?) \|", text, re.M)
    table = {t: args for t, args in rows if t in TYPES}
    assert set(table) == set(TYPES)
    for name, args in table.items():
        core = tuple(re.findall(r"\*\*(\w+)\*\*", args))
        assert core == CLAIM_TYPES[name]["core"], name


def test_properties_agree_with_each_other():
    assert SYMMETRIC_TYPES <= STATE_TYPES and ROLE_TYPES <= STATE_TYPES
    assert not RECURRING_TYPES & STATE_TYPES  # what recurs is an event at a moment
    assert EVENT_TYPES | STATE_TYPES == set(TYPES) and not EVENT_TYPES & STATE_TYPES
    for name, (left, right) in RELATION_SIDES.items():
        args = CLAIM_TYPES[name]["core"] + CLAIM_TYPES[name]["other"]
        assert left in args and right in args, name
    assert {t for t in TYPES.values() if t.symmetric} == {TYPES["ALLIANCE"], TYPES["RIVALRY"]}
