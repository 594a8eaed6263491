"""`explain`: the rules and signals behind a stored claim."""

from __future__ import annotations

import pytest
from conftest import AQ, TALIBAN, claim, document

from factionmap.errors import FactionmapError
from factionmap.explain import describe_rule, explain_claim


@pytest.mark.parametrize(
    "name, words",
    [
        ("pledge.noun", "PLEDGE frame"),
        ("inferred.seizure", "ground"),
        ("proximity", "fallback"),
        ("nominal.wing", "noun phrase"),
    ],
)
def test_explain_describes_each_kind_of_rule(name, words):
    assert words in describe_rule(name)


def test_explain_lists_rules_and_signals(fresh_store):
    c = claim("ALLIANCE", modality="hypothetical", a=AQ, b=TALIBAN)
    ids = fresh_store.add_document(document("d-1", "2015-08-14"), [
        c.__class__(**{**c.__dict__, "rule": "alliance.noun+proximity"})])
    why = explain_claim(fresh_store, ids[0])
    assert [s.name for s in why.rules] == ["alliance.noun", "proximity"]
    assert any("hypothetical" in s for s in why.signals) and any("proximity" in s for s in why.signals)


def test_explain_unknown_claim_is_an_error(fresh_store):
    with pytest.raises(FactionmapError) as err:
        explain_claim(fresh_store, "c-999999")
    assert err.value.code == "E402"


def test_explain_cli(tmp_path):
    from typer.testing import CliRunner

    from factionmap.cli.main import app
    from factionmap.store.sqlite import Store

    db = tmp_path / "x.db"
    with Store.open(db) as store:
        ids = store.add_document(document("d-1", "2015-08-14"), [claim("ALLIANCE", a=AQ, b=TALIBAN)])
    result = CliRunner().invoke(app, ["explain", ids[0], "--db", str(db)])
    assert result.exit_code == 0 and "rule test.alliance" in result.stdout
