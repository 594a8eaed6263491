"""docs/format.md describes the format the code uses: every claim type and argument,
every enumerated value, every key the export writes, and examples that parse.

(That its worked example is current cog output is tested in test_docs.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factionmap.evaluate import LITERAL_ARGS, TEXT_OR_ENTITY_ARGS, validate_gold
from factionmap.export.claims import claim_to_dict
from factionmap.model import (
    CLAIM_TYPES, ENTITY_KINDS, MODALITIES, PRECISIONS, SYMMETRIC_TYPES, Claim, Entity, Evidence, TimeSpan,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "format.md"
TEXT = DOC.read_text(encoding="utf-8")
# Arguments the code emits beyond CLAIM_TYPES; the doc must name them too.
EXTRA_ARGS = {"ATTACK": ("killed_perpetrators",)}


def _blocks(info: str) -> list[str]:
    """The contents of the fenced blocks opened with ```<info>."""
    return re.findall(rf"^```{re.escape(info)}\n(.*?)^```", TEXT, re.S | re.M)


def _type_rows() -> dict[str, str]:
    """Claim type -> the arguments cell of its row in the claim types table."""
    return dict(re.findall(r"^\| ([A-Z]+) \| ([^|]+) \|", TEXT, re.M))


def _arguments(cell: str) -> list[tuple[str, bool]]:
    """(name, is core) of each argument in a cell like "**parts** [org, ...], result org"."""
    items = [item.split()[0] for item in cell.replace("[org, ...]", "orgs").split(",")]
    return [(item.strip("*"), item.startswith("**")) for item in items]


def _prose() -> str:
    """The text without fenced blocks and cog code, so examples do not count as descriptions."""
    return re.sub(r"^```.*?^```|<!--.*?-->", "", TEXT, flags=re.S | re.M)


def _export_lines() -> list[dict]:
    blocks = _blocks("jsonl")
    assert blocks, "docs/format.md has no ```jsonl block with real export lines"
    lines = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert lines, "the ```jsonl block of docs/format.md is empty (regenerate: .venv/bin/cog -r docs/format.md)"
    return [json.loads(line) for line in lines]


def test_format_doc_lists_every_claim_type_with_its_arguments_in_code_order():
    rows = _type_rows()
    assert set(CLAIM_TYPES) <= set(rows), f"types missing from the table: {sorted(set(CLAIM_TYPES) - set(rows))}"
    for ctype, spec in CLAIM_TYPES.items():
        arguments = _arguments(rows[ctype])
        core = tuple(name for name, is_core in arguments if is_core)
        listed = tuple(name for name, _ in arguments)
        assert core == spec["core"], f"{ctype}: core arguments in the doc {core}, in the code {spec['core']}"
        assert listed == (*spec["core"], *spec["other"]), (
            f"{ctype}: the doc lists {listed}, the code has {(*spec['core'], *spec['other'])} (export order)"
        )


@pytest.mark.parametrize("ctype", sorted(SYMMETRIC_TYPES))
def test_format_doc_says_symmetric_types_match_in_either_order(ctype):
    assert re.search(rf"^\| {ctype} \|.*either order", TEXT, re.M)


def test_format_doc_names_every_enumerated_value_and_literal():
    prose = _prose()
    for value in (*MODALITIES, *PRECISIONS, *ENTITY_KINDS, *sorted(LITERAL_ARGS), *sorted(TEXT_OR_ENTITY_ARGS)):
        assert f"`{value}`" in prose, f"`{value}` is not described in docs/format.md"
    for ctype, names in EXTRA_ARGS.items():
        for name in names:
            assert f"`{name}`" in prose, f"{ctype} argument `{name}` is not described in docs/format.md"


def test_format_doc_describes_every_key_the_export_writes():
    place = Entity("place:x", "X", "place", ("X",), country="DZ", admin1="Y", lat=1.0, lon=2.0)
    org = Entity("new:a", "A", "org", ("A",))
    claim = Claim("PRESENCE", {"org": org, "place": place}, TimeSpan("2014", None, "year", "since 2014"),
                  evidence=(Evidence("d", 0, 0, 5, "A..."),), id="c-000001")
    record = claim_to_dict(claim)
    keys = {*record, *record["time"], *record["evidence"][0], *record["args"]["org"], *record["args"]["place"]}
    prose = _prose()
    missing = sorted(k for k in keys if f"`{k}`" not in prose and f'"{k}"' not in prose)
    assert not missing, f"export keys not described in docs/format.md: {missing}"


def test_format_doc_export_example_has_the_documented_shape():
    article = _blocks("text")[0]
    for record in _export_lines():
        assert list(record) == ["id", "type", "args", "time", "modality", "negated", "attribution",
                                "confidence", "evidence"]
        assert re.fullmatch(r"c-\d{6}", record["id"])
        spec = CLAIM_TYPES[record["type"]]
        allowed = (*spec["core"], *spec["other"], *EXTRA_ARGS.get(record["type"], ()))
        assert set(record["args"]) <= set(allowed)
        for value in record["args"].values():
            for entity in value if isinstance(value, list) else [value]:
                if isinstance(entity, dict):
                    assert {"id", "name", "kind", "aliases"} <= set(entity)
                    assert entity["kind"] in ENTITY_KINDS and entity["aliases"][0] == entity["name"]
        assert list(record["time"]) == ["start", "end", "precision", "text"]
        assert record["time"]["precision"] in (*PRECISIONS, None)
        assert record["modality"] in MODALITIES and isinstance(record["negated"], bool)
        assert 0 <= record["confidence"] <= 1
        assert record["evidence"]
        for ev in record["evidence"]:
            assert list(ev) == ["document", "sentence", "start", "end", "text", "url", "outlet", "published"]
            # offsets are characters into the document text shown above the export
            assert " ".join(article[ev["start"]:ev["end"]].split()) == ev["text"]


def test_format_doc_gold_example_is_a_valid_gold_file():
    golds = [json.loads(block) for block in _blocks("json") if '"claims"' in block]
    assert golds, "docs/format.md shows no gold file"
    for gold in golds:
        validate_gold(gold, DOC)
        assert {c.get("required", True) for c in gold["claims"]} == {True, False}


def test_format_doc_needs_nothing_outside_the_repository():
    assert "ONTOLOGY" not in TEXT and "/work/" not in TEXT
