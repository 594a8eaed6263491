"""The registered stages: a snapshot, and every entry point exists."""

from importlib import import_module

import pytest

from factionmap.extract.stages import STAGES, rules_version


def test_stages_registered_in_pipeline_order():
    assert [s.name for s in STAGES] == ["ingest", "language", "actors", "claims", "store"]


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_stages_entry_points_exist(stage):
    module, _, attr = stage.entry.partition(":")
    obj = import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    assert callable(obj)


def test_stages_rules_version_names_every_stage_and_the_rules_data():
    from factionmap.extract.claims import rules_version as recorded

    assert recorded().startswith(rules_version())
    assert "claims.rules.v1" in recorded() and "data:claims.rules.v1" in recorded()
