import sqlite3

import pytest
from conftest import AQ, ISKP, MANSOUR, OMAR, TALIBAN, claim, document, org

from factionmap.errors import FactionmapError
from factionmap.model import Actor
from factionmap.store.schema import apply_migrations, plan_migrations
from factionmap.store.sqlite import MIGRATIONS, Migration, Store


def test_store_migrations_recorded(fresh_store):
    assert fresh_store.applied_migrations() == [m.name for m in MIGRATIONS]
    assert fresh_store.schema_version == len(MIGRATIONS)
    assert {"migrations", "documents", "actors", "actor_aliases", "claims", "claim_args",
            "evidence"} <= set(fresh_store.table_names())


def test_store_migration_plan_then_apply():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    plan = plan_migrations(conn, MIGRATIONS)
    assert [m.name for m in plan] == [m.name for m in MIGRATIONS]
    apply_migrations(conn, plan, len(MIGRATIONS))
    assert plan_migrations(conn, MIGRATIONS) == []
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_store_reopen_applies_no_migration_twice(tmp_path):
    path = tmp_path / "fm.db"
    Store.open(path).close()
    with Store.open(path) as store:
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]


@pytest.mark.parametrize("bad_statement", ["THIS IS NOT SQL", "CREATE TABLE documents (x)"])
def test_store_failing_migration_rolls_back(tmp_path, bad_statement):
    path = tmp_path / "fm.db"
    Store.open(path).close()
    failing = Migration("0002_half_done", ("CREATE TABLE half_done (x)", bad_statement))
    with pytest.raises(FactionmapError) as raised:
        Store(path, migrations=(*MIGRATIONS, failing))
    assert raised.value.code == "E302"
    with Store.open(path) as store:
        assert "half_done" not in store.table_names()
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]
        assert store.schema_version == len(MIGRATIONS)


def test_store_newer_schema_refused(tmp_path):
    path = tmp_path / "fm.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(FactionmapError) as raised:
        Store.open(path)
    assert raised.value.code == "E301"


def _two_claims():
    return [claim("LEADERSHIP", leader=OMAR, org=TALIBAN, role="emir"),
            claim("ALLIANCE", a=AQ, b=TALIBAN)]


@pytest.mark.parametrize("fail_in", ["write_facts", "record_source", "after_everything"])
def test_store_add_document_all_or_nothing(fresh_store, monkeypatch, fail_in):
    from factionmap.store import sqlite as store_module
    from factionmap.store import writes

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error (injected)")

    if fail_in == "after_everything":  # every row written, then the failure comes
        real = store_module.write_document
        monkeypatch.setattr(store_module, "write_document", lambda *a: (real(*a), fail()))
    else:  # the document, its actors and claims written, then a later writer fails
        monkeypatch.setattr(writes, fail_in, fail)
    doc = document("d-1", "2015-08-14")
    with pytest.raises(FactionmapError) as raised:
        fresh_store.add_document(doc, _two_claims(), "rules.v1")
    assert raised.value.code == "E303"
    assert fresh_store.counts() == {"documents": 0, "actors": 0, "claims": 0, "evidence": 0, "facts": 0}
    assert fresh_store.document_info("d-1") is None
    assert fresh_store.find_actors("Taliban") == []


def test_store_decides_before_it_writes_and_its_write_path_only_writes(fresh_store, monkeypatch):
    """Identity, near copies and facts are decided by reading (`plan_document`); the write path
    (`write_document`) runs no query that reads."""
    from factionmap.store import sqlite as store_module

    fresh_store.add_document(document("d-1", "2015-08-14"), _two_claims(), "rules.v1")
    statements: list[str] = []
    real = store_module.write_document

    def traced(conn, plan, add_aliases):
        conn.set_trace_callback(statements.append)
        try:
            real(conn, plan, add_aliases)
        finally:
            conn.set_trace_callback(None)

    monkeypatch.setattr(store_module, "write_document", traced)
    ids = fresh_store.add_document(document("d-2", "2015-08-15", outlet="AP"), _two_claims(), "rules.v1")
    assert ids and statements
    verbs = {s.split()[0].upper() for s in statements}
    assert verbs <= {"INSERT", "UPDATE"}, verbs
    assert not any("SELECT" in s.upper() for s in statements)
    # and what it wrote is what the store reads back: the second document joins the first's facts
    assert {f.documents for f in fresh_store.facts()} == {2}


@pytest.mark.parametrize("bad_args", [{"org": TALIBAN, "role": object()}])
def test_store_add_document_unstorable_arg_writes_nothing(fresh_store, bad_args):
    claims = [claim("ALLIANCE", a=AQ, b=TALIBAN), claim("LEADERSHIP", leader=OMAR, **bad_args)]
    with pytest.raises(FactionmapError) as raised:
        fresh_store.add_document(document("d-1"), claims)
    assert raised.value.code == "E303"
    assert fresh_store.counts()["documents"] == 0 and fresh_store.counts()["actors"] == 0


@pytest.mark.parametrize("text", ["The Taliban named a new leader."])
def test_store_duplicate_hash_not_written(fresh_store, text):
    first = fresh_store.add_document(document("d-1", text=text, content_hash="h1"), _two_claims())
    again = fresh_store.add_document(document("", text=text, content_hash="h1"), _two_claims())
    assert first == ["c-000001", "c-000002"]
    assert again == []
    assert fresh_store.document_by_hash("h1") == "d-1"
    assert fresh_store.counts()["documents"] == 1 and fresh_store.counts()["claims"] == 2


@pytest.mark.parametrize("text", ["same words"])
def test_store_hash_computed_when_missing(fresh_store, text):
    fresh_store.add_document(document("d-1", text=text), [])
    assert fresh_store.add_document(document("d-2", text=text), []) == []
    assert fresh_store.counts()["documents"] == 1


def test_store_claim_ids_sequential_across_documents(fresh_store):
    assert fresh_store.add_document(document("d-1"), _two_claims()) == ["c-000001", "c-000002"]
    assert fresh_store.add_document(document("d-2"), _two_claims()[:1]) == ["c-000003"]


def test_store_document_id_assigned_when_empty(fresh_store):
    fresh_store.add_document(document("d-1"), [])
    fresh_store.add_document(document("", text="another text"), [])
    assert fresh_store.document_info("d-2") is not None


def test_store_document_id_reused_is_refused(fresh_store):
    fresh_store.add_document(document("d-1", text="one"), [])
    with pytest.raises(FactionmapError) as raised:
        fresh_store.add_document(document("d-1", text="two"), [])
    assert raised.value.code == "E304"


def test_store_claim_roundtrip(fresh_store):
    merger = claim("MERGER", "d-1", ("2017-01", "2017-01", "month", "in January"), modality="reported",
                   parts=(AQ, ISKP), result=org("hts", "Hayat Tahrir al-Sham", "HTS"))
    death = claim("DEATH", "d-1", person=OMAR, cause="died", announced="2015-07-29", place=None)
    fresh_store.add_document(document("d-1", "2015-08-14"), [merger, death])
    stored = fresh_store.claims_for(document_id="d-1")
    assert [c.id for c in stored] == ["c-000001", "c-000002"]
    assert stored[0].args["parts"] == (AQ, ISKP)
    assert stored[0].time == merger.time and stored[0].modality == "reported"
    assert stored[0].evidence == merger.evidence and stored[0].rule == merger.rule
    assert stored[1].args == {"person": OMAR, "cause": "died", "announced": "2015-07-29"}


def test_store_aliases_merge_across_documents(fresh_store):
    fresh_store.add_document(document("d-1"), [claim("ALLIANCE", a=org("aq", "al-Qaeda", "AQ"), b=TALIBAN)])
    fresh_store.add_document(document("d-2"), [claim("ALLIANCE", a=org("aq", "al-Qaeda", "al-Qaida"), b=TALIBAN)])
    first = fresh_store.claims_for(document_id="d-1")[0]
    assert first.args["a"].aliases == ("al-Qaeda", "AQ", "al-Qaida")


def test_store_upsert_actors_registry_name_wins(fresh_store):
    fresh_store.add_document(document("d-1"), [claim("LEADERSHIP", leader=MANSOUR, org=org("taliban", "Talibs"))])
    fresh_store.upsert_actors([Actor("taliban", "Taliban", "org", ("Afghan Taliban",), "AF", "armed_group")])
    actor = fresh_store.actor("taliban")
    assert actor.name == "Taliban" and actor.country == "AF" and actor.category == "armed_group"
    assert set(actor.aliases) == {"Talibs", "Taliban", "Afghan Taliban"}


@pytest.mark.parametrize("name, expected", [
    ("the Taliban", ["taliban"]),  # exact, normalized: leading "the" dropped
    ("TALIBAN", ["taliban"]),
    ("al Qaeda", ["aq"]),  # hyphen
    ("qaeda", ["aq"]),  # substring when nothing is exact
    ("Hezbollah", []),
])
def test_store_find_actors(taliban_store, name, expected):
    assert [a.id for a in taliban_store.find_actors(name)] == expected


def test_store_counts_and_mentions(taliban_store):
    assert taliban_store.counts()["documents"] == 3
    assert taliban_store.mention_counts(["taliban"]) == {"taliban": 5}


def test_store_file_persists(tmp_path):
    path = tmp_path / "fm.db"
    with Store.open(path) as store:
        store.add_document(document("d-1"), _two_claims())
    with Store.open(path) as store:
        assert store.counts()["claims"] == 2
        assert store.claim("c-000002").args["b"].name == "Taliban"
