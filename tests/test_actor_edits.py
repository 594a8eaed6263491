"""Users' corrections of actor identity, and the identity of new actors across documents."""

import sqlite3

import pytest
from conftest import AQ, MANSOUR, OMAR, TALIBAN, claim, document, org, person

from factionmap.actor_edits import (
    ArgRef, list_edits, merge_actors, plan_merge, plan_split, plan_undo, split_actor, undo_edit,
)
from factionmap.store.identity import mention_of, variant_key
from factionmap.errors import FactionmapError
from factionmap.store.schema import MIGRATIONS
from factionmap.store.sqlite import Store


def snapshot(store: Store) -> dict:
    conn = store.connection
    return {
        "args": sorted(tuple(r) for r in conn.execute(
            "SELECT claim_id, name, IFNULL(position, -1), IFNULL(entity_id, '') FROM claim_args")),
        "actors": sorted(tuple(r) for r in conn.execute("SELECT * FROM actors")),
        "aliases": sorted(tuple(r) for r in conn.execute("SELECT actor_id, alias, norm, vkey FROM actor_aliases")),
    }


def ids_named(store: Store, claim_id: str) -> dict:
    rows = store.connection.execute("SELECT name, entity_id FROM claim_args WHERE claim_id = ? AND entity_id"
                                    " IS NOT NULL", (claim_id,))
    return dict(rows.fetchall())


SHISHANI = person("new:abu-omar-al-shishani", "Abu Omar al-Shishani")
SHISHANI_U = person("new:abu-umar-al-shishani", "Abu Umar al-Shishani")
ISIS = org("islamic-state", "Islamic State", "IS")


# -- merge ---------------------------------------------------------------------


@pytest.mark.parametrize("actor, into", [("Mullah Omar", "mansour")])
def test_actor_edits_merge_plan_lists_args_and_aliases(taliban_store, actor, into):
    plan = plan_merge(taliban_store, actor, into)
    assert (plan.actor_id, plan.target_id) == ("omar", "mansour")
    assert plan.args == (ArgRef("c-000001", "leader", None), ArgRef("c-000002", "person", None),
                         ArgRef("c-000003", "predecessor", None))
    assert plan.aliases_moved == ("Mullah Omar", "Mohammad Omar")
    assert snapshot(taliban_store)["args"].count(("c-000001", "leader", -1, "omar")) == 1  # nothing written yet


@pytest.mark.parametrize("note", ["same man,\n  two names"])
def test_actor_edits_merge_moves_args_and_aliases(taliban_store, note):
    edit = merge_actors(taliban_store, "omar", "Akhtar Mansour", who="analyst", note=note)
    assert (edit.label, edit.action, edit.who, edit.note, edit.args) == ("e-1", "merge", "analyst",
                                                                         "same man, two names", 3)
    assert edit.at.endswith("+00:00") and edit.undone_at is None
    assert taliban_store.actor("omar") is None
    assert {"Mullah Omar", "Mohammad Omar"} <= set(taliban_store.actor("mansour").aliases)
    assert ids_named(taliban_store, "c-000003") == {"org": "taliban", "leader": "mansour", "predecessor": "mansour"}
    assert [c.id for c in taliban_store.claims_for(actor_id="mansour")] == [
        "c-000001", "c-000002", "c-000003", "c-000004"]


def test_actor_edits_merge_who_defaults_to_os_user(taliban_store, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "osuser")
    assert merge_actors(taliban_store, "omar", "mansour").who == "osuser"


@pytest.mark.parametrize("actor, into, code", [
    ("Nonexistent Brigade", "mansour", "E401"),
    ("omar", "Nonexistent Brigade", "E401"),
    ("omar", "Mullah Omar", "E601"),
    ("omar", "taliban", "E602"),
])
def test_actor_edits_merge_bad_input(taliban_store, actor, into, code):
    before = snapshot(taliban_store)
    with pytest.raises(FactionmapError) as err:
        merge_actors(taliban_store, actor, into)
    assert err.value.code == code
    assert snapshot(taliban_store) == before and list_edits(taliban_store) == []


# -- undo ------------------------------------------------------------------------


@pytest.mark.parametrize("make", [
    lambda s: merge_actors(s, "omar", "mansour"),
    lambda s: split_actor(s, "mansour", "Mansour", into="Mansour Dadullah"),
])
def test_actor_edits_undo_restores(taliban_store, make):
    before = snapshot(taliban_store)
    edit = make(taliban_store)
    assert snapshot(taliban_store) != before
    undone = undo_edit(taliban_store, edit.label, who="reviewer")
    assert snapshot(taliban_store) == before
    assert undone.undone_by == "reviewer" and undone.undone_at


@pytest.mark.parametrize("edit_id", ["e-1", "1"])
def test_actor_edits_undo_twice_errors(taliban_store, edit_id):
    merge_actors(taliban_store, "omar", "mansour")
    undo_edit(taliban_store, edit_id)
    with pytest.raises(FactionmapError) as err:
        undo_edit(taliban_store, edit_id)
    assert err.value.code == "E607"


@pytest.mark.parametrize("edit_id", ["e-9", "x", ""])
def test_actor_edits_undo_unknown_edit(taliban_store, edit_id):
    with pytest.raises(FactionmapError) as err:
        undo_edit(taliban_store, edit_id)
    assert err.value.code == "E606"


def test_actor_edits_undo_waits_for_later_edit_on_same_actors(taliban_store):
    merge_actors(taliban_store, "omar", "mansour")
    merge_actors(taliban_store, "mansour", "zawahiri")
    with pytest.raises(FactionmapError) as err:
        plan_undo(taliban_store, "e-1")
    assert (err.value.code, err.value.details["later"]) == ("E608", "e-2")
    undo_edit(taliban_store, "e-2")
    undo_edit(taliban_store, "e-1")
    assert [e.undone_at is not None for e in list_edits(taliban_store)] == [True, True]


# -- split --------------------------------------------------------------------------


@pytest.mark.parametrize("mention, into, target", [("Mansour", None, "new:mansour"),
                                                    ("Mansour", "Mansour Dadullah", "new:mansour-dadullah")])
def test_actor_edits_split_by_evidence_when_no_mention_stored(taliban_store, mention, into, target):
    # the fixture's claims were written with names the evidence does not show, except
    # "Zawahiri pledged allegiance to Mansour.", which writes only "Mansour"
    plan = plan_split(taliban_store, "mansour", mention, into)
    assert (plan.target_id, plan.args) == (target, (ArgRef("c-000004", "to", None),))
    edit = split_actor(taliban_store, "mansour", mention, into)
    assert ids_named(taliban_store, "c-000004")["to"] == target
    assert ids_named(taliban_store, "c-000003")["leader"] == "mansour"
    assert taliban_store.actor(target).kind == "person" and edit.mention == mention


def test_actor_edits_split_by_stored_mention(fresh_store):
    sentence_a, sentence_b = "Mullah Mansour leads the Taliban.", "Akhtar Mansour leads the Taliban."
    fresh_store.add_document(document("d-1"), [
        claim("LEADERSHIP", "d-1", sentence=sentence_a, leader=MANSOUR, org=TALIBAN),
        claim("LEADERSHIP", "d-1", sentence=sentence_b, leader=MANSOUR, org=TALIBAN),
    ])
    assert ids_named(fresh_store, "c-000001")["leader"] == "mansour"
    split_actor(fresh_store, "mansour", "Mullah Mansour", into="Mullah Mansour of Helmand")
    assert ids_named(fresh_store, "c-000001")["leader"] == "new:mullah-mansour-of-helmand"
    assert ids_named(fresh_store, "c-000002")["leader"] == "mansour"
    assert "Mullah Mansour" not in fresh_store.actor("mansour").aliases


@pytest.mark.parametrize("actor, mention, into, code", [
    ("mansour", "Abu Bakr", None, "E603"),
    ("mansour", "  ", None, "E609"),
    ("Nonexistent Brigade", "Mansour", None, "E401"),
    ("mansour", "Mansour", "Omar Brigade", "E605"),
])
def test_actor_edits_split_bad_input(taliban_store, actor, mention, into, code):
    taliban_store.add_document(document("d-9"), [claim("FOUNDING", "d-9", org=org("new:omar-brigade", "Omar Brigade"))])
    with pytest.raises(FactionmapError) as err:
        split_actor(taliban_store, actor, mention, into)
    assert err.value.code == code


def test_actor_edits_split_into_own_id_errors(fresh_store):
    fresh_store.add_document(document("d-1"), [
        claim("LEADERSHIP", "d-1", sentence="Mansour leads.", leader=person("new:mansour", "Mansour"), org=TALIBAN)])
    with pytest.raises(FactionmapError) as err:
        split_actor(fresh_store, "new:mansour", "Mansour")
    assert err.value.code == "E604"


# -- later ingests --------------------------------------------------------------------


@pytest.mark.parametrize("sentence", ["Mullah Omar leads the Taliban."])
def test_actor_edits_later_ingest_respects_merge(taliban_store, sentence):
    merge_actors(taliban_store, "omar", "mansour")
    ids = taliban_store.add_document(document("d-4", text="later"), [
        claim("LEADERSHIP", "d-4", sentence=sentence, leader=OMAR, org=TALIBAN)])
    assert ids_named(taliban_store, ids[0])["leader"] == "mansour"
    assert taliban_store.actor("omar") is None
    # undoing the merge gives the later argument its own id back
    undo_edit(taliban_store, "e-1")
    assert ids_named(taliban_store, ids[0])["leader"] == "omar"


@pytest.mark.parametrize("sentence, expected", [
    ("Zawahiri pledged allegiance to Mansour.", "new:mansour-dadullah"),
    ("Zawahiri pledged allegiance to Akhtar Mansour.", "mansour"),
])
def test_actor_edits_later_ingest_respects_split(taliban_store, sentence, expected):
    split_actor(taliban_store, "mansour", "Mansour", into="Mansour Dadullah")
    ids = taliban_store.add_document(document("d-4", text="later"), [
        claim("PLEDGE", "d-4", sentence=sentence, pledger=person("zawahiri", "Ayman al-Zawahiri", "Zawahiri"),
              to=MANSOUR, on_behalf_of=AQ)])
    assert ids_named(taliban_store, ids[0])["to"] == expected
    assert "Mansour" not in taliban_store.actor("mansour").aliases
    undo_edit(taliban_store, "e-1")
    assert ids_named(taliban_store, ids[0])["to"] == "mansour"
    assert taliban_store.actor("new:mansour-dadullah") is None


# -- the same new actor across documents ------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("Abu Omar al-Shishani", "Abu Umar al-Shishani"),
    ("Mansour", "Mansoor"),
    ("Jaish al-Mujahideen", "Jaysh al-Mujahidin"),
])
def test_actor_identity_variant_key_folds_spellings(a, b):
    assert variant_key(a) == variant_key(b) != ""


@pytest.mark.parametrize("names, texts, expected", [
    (("Akhtar Mansour", "Mansour"), ["Akhtar Mansour, the leader, spoke."], "Akhtar Mansour"),
    (("Akhtar Mansour", "Mansour"), ["Mansour spoke."], "Mansour"),
    (("Akhtar Mansour",), ["The group spoke."], None),
])
def test_actor_identity_mention_is_longest_name_written(names, texts, expected):
    assert mention_of(names, texts) == expected


@pytest.mark.parametrize("first, second", [(SHISHANI, SHISHANI_U),
                                           (person("new:mansour", "Mansour"), person("new:mansoor", "Mansoor"))])
def test_actor_identity_same_new_actor_across_documents(fresh_store, first, second):
    fresh_store.add_document(document("d-1"), [claim("MEMBERSHIP", "d-1", person=first, org=ISIS)])
    ids = fresh_store.add_document(document("d-2"), [claim("MEMBERSHIP", "d-2", person=second, org=ISIS)])
    assert ids_named(fresh_store, ids[0])["person"] == first.id
    assert fresh_store.actor(second.id) is None
    assert second.name in fresh_store.actor(first.id).aliases


def test_actor_identity_ambiguous_spelling_is_not_merged(fresh_store):
    fresh_store.add_document(document("d-1"), [
        claim("MEMBERSHIP", "d-1", person=person("new:mansour", "Mansour"), org=ISIS),
        claim("MEMBERSHIP", "d-1", person=person("new:mansur", "Mansur"), org=AQ),  # same key, another man
    ])
    ids = fresh_store.add_document(document("d-2"), [
        claim("MEMBERSHIP", "d-2", person=person("new:mansoor", "Mansoor"), org=ISIS)])
    assert ids_named(fresh_store, ids[0])["person"] == "new:mansoor"


@pytest.mark.parametrize("new, expected", [
    (person("new:mansoor", "Mansoor"), "new:mansoor"),  # the registry actor is not keyed "mansour"
    (person("new:mullah-mansoor", "Mullah Mansoor"), "mansour"),  # its alias "Mullah Mansour" is
    (org("new:mansoor", "Mansoor"), "new:mansoor"),  # another kind
])
def test_actor_identity_registry_actor_only_with_its_exact_key(fresh_store, new, expected):
    fresh_store.add_document(document("d-1"), [claim("LEADERSHIP", "d-1", leader=MANSOUR, org=TALIBAN)])
    ids = fresh_store.add_document(document("d-2"), [claim("FOUNDING", "d-2", org=new)])
    assert ids_named(fresh_store, ids[0])["org"] == expected


def test_actor_identity_keys_filled_for_stores_made_before_the_migration(tmp_path):
    path = tmp_path / "old.db"
    Store(path, migrations=MIGRATIONS[:1]).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO actors (id, name, kind, origin) VALUES ('new:abu-omar-al-shishani',"
                 " 'Abu Omar al-Shishani', 'person', 'text')")
    conn.execute("INSERT INTO actor_aliases (actor_id, alias, norm) VALUES ('new:abu-omar-al-shishani',"
                 " 'Abu Omar al-Shishani', 'abu omar al shishani')")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        ids = store.add_document(document("d-2"), [claim("MEMBERSHIP", "d-2", person=SHISHANI_U, org=ISIS)])
        assert ids_named(store, ids[0])["person"] == "new:abu-omar-al-shishani"


@pytest.mark.parametrize("first, second", [(
    "Abu Omar al-Shishani was named leader of Jaysh al-Muhajireen wal-Ansar in 2013.",
    "Abu Umar al-Shishani, the leader of Jaysh al-Muhajireen wal-Ansar, pledged allegiance to the Islamic State.",
)])
def test_actor_identity_same_new_actor_across_ingested_files(tmp_path, nlp, first, second):
    from factionmap.api import ingest_paths

    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    db = tmp_path / "fm.db"
    assert ingest_paths([tmp_path / "a.txt"], db, "2014-01-01").ok
    assert ingest_paths([tmp_path / "b.txt"], db, "2014-01-01").ok
    with Store.open(db) as store:
        people = {a.id for a in store.all_actors() if a.kind == "person"}
        pledges = store.claims_for(types=["PLEDGE"])
    assert people == {"new:abu-omar-al-shishani"}
    assert pledges[0].args["pledger"].id == "new:abu-omar-al-shishani"


def test_facts_follow_a_merge_and_its_undo():
    from conftest import claim, document, org

    from factionmap.actor_edits import merge_actors, undo_edit
    from factionmap.query.fused import list_facts
    from factionmap.store.sqlite import Store

    store = Store()
    a, b, taliban = org("new:khorasan", "Khorasan"), org("iskp", "Islamic State Khorasan"), org("taliban", "Taliban")
    store.add_document(document("d-1", "2015-01-01"), [claim("RIVALRY", "d-1", a=a, b=taliban)], "v")
    store.add_document(document("d-2", "2016-01-01"), [claim("RIVALRY", "d-2", a=b, b=taliban)], "v")
    assert len([r for r in list_facts(store) if r.type == "RIVALRY"]) == 2
    edit = merge_actors(store, "Khorasan", "Islamic State Khorasan")
    rivalries = [r for r in list_facts(store) if r.type == "RIVALRY"]
    assert len(rivalries) == 1 and rivalries[0].documents == 2
    undo_edit(store, f"e-{edit.id}")
    assert len([r for r in list_facts(store) if r.type == "RIVALRY"]) == 2


def test_an_unregistered_actor_one_letter_away_in_the_same_context_is_the_same():
    from conftest import claim, document, org, person

    from factionmap.store.sqlite import Store

    store = Store()
    taliban = org("taliban", "Taliban")
    khan = person("new:hafiz-saeed-khan", "Hafiz Saeed Khan")
    store.add_document(document("d-1", "2015-01-10"), [claim("MEMBERSHIP", "d-1", person=khan, org=taliban)], "v")
    # the next article spells him one letter differently and names the Taliban too
    other = person("new:hafiz-saeeed-khan", "Hafiz Saeeed Khan")
    store.add_document(document("d-2", "2015-02-01"), [claim("DEFECTION", "d-2", defector=other, **{"from": taliban})], "v")
    assert {c.args["defector"].id for c in store.claims_for(types=["DEFECTION"])} == {"new:hafiz-saeed-khan"}
    # one letter away but nothing in common: kept apart
    stranger = person("new:hafiz-saeeed-khan", "Hafiz Saeeed Khan")
    store2 = Store()
    store2.add_document(document("d-1", "2015-01-10"), [claim("MEMBERSHIP", "d-1", person=khan, org=taliban)], "v")
    store2.add_document(document("d-2", "2015-02-01"), [claim("DEATH", "d-2", person=stranger)], "v")
    assert {c.args["person"].id for c in store2.claims_for(types=["DEATH"])} == {"new:hafiz-saeeed-khan"}
