"""The package's public API: what `factionmap.__all__` declares is there."""

import factionmap
import pytest


def test_public_api_declares_the_documented_names():
    assert {"extract", "ingest_paths", "Store", "leader_on", "relations", "timeline",
            "claim_detail", "export_claims", "evaluate_store", "Claim"} <= set(factionmap.__all__)


@pytest.mark.parametrize("name", factionmap.__all__)
def test_public_api_every_name_resolves(name):
    assert getattr(factionmap, name) is not None


def test_public_api_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        factionmap.no_such_thing  # noqa: B018
