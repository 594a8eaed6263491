"""The actor registry: validation of entries, the shipped data, lookups and entity patterns."""

from __future__ import annotations

import json
import time
from importlib import resources

import pytest
import spacy

from factionmap.errors import FactionmapError
from factionmap.names import normalize_name, slugify
from factionmap.lexicon.registry import REQUIRED_FIELDS, load_registry, validate_entries

GOOD = {"id": "test-front", "name": "Test Front", "kind": "org", "category": "armed_group",
        "country": "AF", "aliases": ["TF", "the Test Front"]}
DROP = object()


def entry(**changes: object) -> dict:
    """GOOD with fields changed; a field set to DROP is removed."""
    out = {**GOOD, **changes}
    return {k: v for k, v in out.items() if v is not DROP}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def ruler_nlp(registry):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(registry.entity_patterns(nlp.make_doc))
    return nlp


# --- validation -------------------------------------------------------------

@pytest.mark.parametrize("good", [
    entry(),
    entry(id="jane-doe", name="Jane Doe", kind="person", category="person", aliases=["J. Doe"]),
    entry(country="Sahel"),
    entry(category="media", aliases=["Test Media"]),
    entry(aliases=["IS"]),  # a common word is fine as a case-sensitive acronym
])
def test_registry_validate_accepts_good_entries(good):
    [actor] = validate_entries([good], [])
    assert (actor.id, actor.name, actor.kind, actor.category, actor.country) == (
        good["id"], good["name"], good["kind"], good["category"], good["country"])
    assert actor.aliases[0] == good["name"]
    assert set(good["aliases"]) <= set(actor.aliases)


@pytest.mark.parametrize("bad, detail", [
    ("Test Front", "must be a JSON object"),
    (entry(id=DROP), "lacks required field(s) id"),
    (entry(aliases=DROP), "lacks required field(s) aliases"),
    (entry(id="Test Front"), "is not a slug"),
    (entry(id=""), "is not a slug"),
    (entry(name="  "), "name must be a non-empty string"),
    (entry(kind="group"), "kind 'group' is not one of"),
    (entry(category="terrorist"), "category 'terrorist' is not one of"),
    (entry(kind="person"), "does not fit category"),
    (entry(category="person"), "does not fit category"),
    (entry(country="Afghanistan"), "neither an ISO 3166 alpha-2 code nor a region"),
    (entry(country="af"), "neither an ISO 3166 alpha-2 code nor a region"),
    (entry(aliases=[]), "non-empty list"),
    (entry(aliases="TF"), "non-empty list"),
    (entry(aliases=["TF", 3]), "alias 3 is not a non-empty string"),
    (entry(aliases=["TF", ""]), "is not a non-empty string"),
    (entry(aliases=["Test Front (TF)"]), "has brackets"),
    (entry(aliases=["militants"]), "generic or common word"),
    (entry(aliases=["The Army"]), "generic or common word"),
    (entry(aliases=["is"]), "generic or common word"),
    (entry(note="founded 2001"), "unknown field(s) note"),
    (entry(leader="someone"), "record a relation"),
    (entry(parent="al-qaeda"), "record a relation"),
    (entry(allies=["taliban"]), "record a relation"),
    (entry(split_from="ttp"), "record a relation"),
    (entry(pledged_to="islamic-state"), "record a relation"),
])
def test_registry_validate_rejects_bad_entries(bad, detail):
    with pytest.raises(FactionmapError) as caught:
        validate_entries([entry(id="first-group"), bad], [])
    assert caught.value.code == "E201"
    assert caught.value.details["index"] == 1
    assert detail in caught.value.details["detail"]


@pytest.mark.parametrize("entries, detail", [
    ([entry(), entry(name="Other Front")], "id 'test-front' is already used by entry 0"),
    ({"test-front": GOOD}, "must be a JSON list"),
])
def test_registry_validate_rejects_bad_collections(entries, detail):
    with pytest.raises(FactionmapError) as caught:
        validate_entries(entries, [])
    assert caught.value.code == "E201"
    assert detail in caught.value.message


@pytest.mark.parametrize("table, detail", [
    ([["qaeda"]], "at least two spellings"),
    ([["Qaeda", "qaida"]], "one lower-case word"),
    ([["al qaeda", "al qaida"]], "one lower-case word"),
    ([["qaeda", "qaida"], ["qaida", "qa'ida"]], "already in another group"),
    ("qaeda,qaida", "list of groups"),
])
def test_registry_validate_rejects_bad_spelling_variants(table, detail):
    with pytest.raises(FactionmapError) as caught:
        validate_entries([entry()], table)
    assert caught.value.code == "E201"
    assert detail in caught.value.message


@pytest.mark.parametrize("alias, table, expected", [
    ("al-Qaeda", [["qaeda", "qaida", "qa'ida"]], {"al-Qaeda", "al-Qaida", "al-Qa'ida"}),
    ("Tehrik-i-Taliban", [["tehreek", "tehrik"], ["e", "i"]],
     {"Tehrik-i-Taliban", "Tehreek-i-Taliban", "Tehrik-e-Taliban", "Tehreek-e-Taliban"}),
    ("AQ Zawahiri", [["zawahiri", "zawahri"]], {"AQ Zawahiri", "AQ Zawahri"}),
    ("Islamic State", [["qaeda", "qaida"]], {"Islamic State"}),
])
def test_registry_spelling_variants_expand_word_by_word(alias, table, expected):
    [actor] = validate_entries([entry(aliases=[alias])], table)
    assert set(actor.aliases) - {"Test Front"} == expected


# --- the shipped registry ---------------------------------------------------

def test_registry_shipped_has_150_armed_groups_and_leaders(registry):
    groups = [a for a in registry.actors if a.kind == "org" and a.category == "armed_group"]
    people = [a for a in registry.actors if a.kind == "person"]
    assert len(groups) >= 150
    assert len(people) >= 50
    assert {a.category for a in registry.actors} >= {"government", "media", "movement"}


@pytest.mark.parametrize("actor_id, name, kind", [
    ("taliban", "Taliban", "org"),
    ("al-qaeda", "al-Qaeda", "org"),
    ("islamic-state", "Islamic State", "org"),
    ("ttp", "Tehrik-i-Taliban Pakistan", "org"),
    ("iskp", "Islamic State Khorasan Province", "org"),
    ("ayman-al-zawahiri", "Ayman al-Zawahiri", "person"),
    ("akhtar-mansour", "Akhtar Mohammad Mansour", "person"),
    ("as-sahab", "As-Sahab Media", "org"),
    ("afghan-government", "Afghan government", "org"),
])
def test_registry_shipped_ids_are_stable(registry, actor_id, name, kind):
    actor = registry.get(actor_id)
    assert actor is not None and (actor.name, actor.kind) == (name, kind)


def test_registry_shipped_entries_have_no_relation_fields():
    raw = json.loads(resources.files("factionmap").joinpath("data", "registry.json").read_text("utf-8"))
    extra = {e["id"]: sorted(set(e) - set(REQUIRED_FIELDS)) for e in raw if set(e) != set(REQUIRED_FIELDS)}
    assert extra == {}


@pytest.mark.parametrize("name, actor_id", [
    ("al-Qa'ida", "al-qaeda"),
    ("Al Qaida", "al-qaeda"),
    ("al-Qa’ida", "al-qaeda"),
    ("AQ", "al-qaeda"),
    ("Tehrik-i-Taliban Pakistan", "ttp"),
    ("Tehreek e-Taliban e-Pakistan", "ttp"),
    ("Tehreek-e-Taliban Pakistan", "ttp"),
    ("TTP", "ttp"),
    ("Daesh", "islamic-state"),
    ("ISIL", "islamic-state"),
    ("Islamic State of Iraq and the Levant", "islamic-state"),
    ("the Islamic State", "islamic-state"),
    ("IS-K", "iskp"),
    ("Wilayat Khorasan", "iskp"),
    ("Islamic Emirate of Afghanistan", "taliban"),
    ("Afghan Taliban", "taliban"),
    ("Mullah Akhtar Mohammad Mansoor", "akhtar-mansour"),
    ("Akhtar Mansour", "akhtar-mansour"),
    ("Ayman al-Zawahri", "ayman-al-zawahiri"),
    ("Zawahiri", "ayman-al-zawahiri"),
    ("Hibatullah Akhunzada", "haibatullah-akhundzada"),
    ("Mullah Omar", "mullah-omar"),
    ("bin Laden", "osama-bin-laden"),
    ("Baghdadi", "abu-bakr-al-baghdadi"),
    ("Shekau", "abubakar-shekau"),
    ("Hay'at Tahrir al-Sham", "hts"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "jnim"),
    ("Amaq", "amaq"),
    ("al-Sahab", "as-sahab"),
    ("Hizballah", "hezbollah"),
    # Former names of one organisation (the US listing of al-Qa'ida in Iraq was amended to ISIL)
    ("al-Qaeda in Iraq", "islamic-state"),
    ("AQI", "islamic-state"),
    ("Islamic State of Iraq", "islamic-state"),
    ("Kata'ib Imam Ali", "kataib-imam-ali"),  # an inner Arabic article dropped
])
def test_registry_lookup_resolves_variant_spellings(registry, name, actor_id):
    assert [a.id for a in registry.lookup(name)] == [actor_id]


@pytest.mark.parametrize("one, other", [
    ("Pakistani Taliban", "Taliban"),
    ("ISKP", "Islamic State"),
    ("AQAP", "al-Qaeda"),
    ("AQIM", "al-Qaeda"),
    ("AQIS", "al-Qaeda"),
    ("al-Shabaab", "al-Qaeda"),
    ("Jabhat al-Nusra", "Jabhat Fateh al-Sham"),
    ("Jabhat Fateh al-Sham", "Hayat Tahrir al-Sham"),
    ("Nusra Front", "HTS"),
    ("Boko Haram", "ISWAP"),
    ("Abu Bakr al-Baghdadi", "Abu Omar al-Baghdadi"),
    ("Osama bin Laden", "Hamza bin Laden"),
])
def test_registry_distinct_actors_stay_distinct(registry, one, other):
    [a] = registry.lookup(one)
    [b] = registry.lookup(other)
    assert a.id != b.id


@pytest.mark.parametrize("name", ["Not A Real Group", "militants", "Omar", ""])
def test_registry_lookup_unknown_name_is_empty(registry, name):
    assert registry.lookup(name) == []


def test_registry_no_name_belongs_to_two_actors(registry):
    ambiguous = {name: [a.id for a in actors] for name, actors in registry.names().items() if len(actors) > 1}
    assert ambiguous == {}


@pytest.mark.parametrize("given_name", ["omar", "mohammad", "muhammad", "abu bakr", "ahmed", "ahmad",
                                        "ali", "hassan", "khalid", "abdullah", "mullah", "sheikh", "abu"])
def test_registry_person_aliases_are_not_bare_given_names(registry, given_name):
    assert [a.id for a in registry.lookup(given_name) if a.kind == "person"] == []


def test_registry_aliases_include_canonical_name(registry):
    assert all(a.aliases and a.aliases[0] == a.name for a in registry.actors)


def test_registry_load_is_cached():
    assert load_registry() is load_registry()


# --- entity patterns ----------------------------------------------------------

def test_registry_entity_ruler_builds_quickly(registry):
    start = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(registry.entity_patterns(nlp.make_doc))
    assert time.perf_counter() - start < 2.0


def test_registry_entity_patterns_are_well_formed(registry):
    patterns = registry.entity_patterns(spacy.blank("en").make_doc)
    assert {p["label"] for p in patterns} == {"ORG", "PERSON"}
    assert all(registry.get(p["id"]) for p in patterns)
    for p in patterns:
        expected = "PERSON" if registry.get(p["id"]).kind == "person" else "ORG"
        assert p["label"] == expected and p["pattern"]


@pytest.mark.parametrize("text, expected", [
    ("It is what it is.", []),
    ("IS claimed the attack.", [("IS", "islamic-state")]),
    ("Isis and ISIS and isis", [("Isis", "islamic-state"), ("ISIS", "islamic-state")]),
    ("Al Qaeda and the Taliban have always been loosely alligned.",
     [("Al Qaeda", "al-qaeda"), ("Taliban", "taliban")]),
    ("al-Qa’ida and al-Qa'ida and al Qaida", [("al-Qa’ida", "al-qaeda"), ("al-Qa'ida", "al-qaeda"),
                                               ("al Qaida", "al-qaeda")]),
    ("Tehreek e-Taliban e-Pakistan and Tehrik-i-Taliban Pakistan", [
        ("Tehreek e-Taliban e-Pakistan", "ttp"), ("Tehrik-i-Taliban Pakistan", "ttp")]),
    ("the Pakistani Taliban and the Afghan Taliban", [("Pakistani Taliban", "ttp"), ("Afghan Taliban", "taliban")]),
    ("Islamic State Khorasan Province and ISIS-K", [("Islamic State Khorasan Province", "iskp"), ("ISIS-K", "iskp")]),
    ("Ayman al-Zawahri pledged allegiance to Mullah Akhtar Mohammad Mansoor.", [
        ("Ayman al-Zawahri", "ayman-al-zawahiri"), ("Mullah Akhtar Mohammad Mansoor", "akhtar-mansour")]),
    ("Let them go, said the LeT commander.", [("LeT", "lashkar-e-taiba")]),
    ("this is Libya, IS Libya says", [("IS Libya", "islamic-state-libya")]),
    ("Öcalan, or Ocalan", [("Öcalan", "abdullah-ocalan"), ("Ocalan", "abdullah-ocalan")]),
    ("the FARC, the Farc and M-19", [("FARC", "farc"), ("Farc", "farc"), ("M-19", "m-19")]),
])
def test_registry_entity_ruler_matches_names(ruler_nlp, text, expected):
    assert [(e.text, e.ent_id_) for e in ruler_nlp(text).ents] == expected


@pytest.mark.parametrize("text, label", [("Zawahiri spoke.", "PERSON"), ("Amaq reported it.", "ORG")])
def test_registry_entity_ruler_labels_people_and_orgs(ruler_nlp, text, label):
    assert [e.label_ for e in ruler_nlp(text).ents] == [label]


# --- names ----------------------------------------------------------------

@pytest.mark.parametrize("one, other", [
    ("al-Qaeda", "al Qaeda"),
    ("Al-Qa'ida", "al Qaida"),
    ("al-Qa’ida", "Al Qaida"),
    ("al‐Qaeda", "al Qaeda"),  # U+2010 hyphen
    ("Tehreek e-Taliban", "Tehreek e Taliban"),
    ("The Taliban", "taliban"),
    ("THE ISLAMIC STATE", "Islamic State"),
    ("Öcalan", "Ocalan"),
    ("  Hay’at   Tahrir  al-Sham ", "Hayat Tahrir al Sham"),
])
def test_registry_normalize_name_equates_ontology_forms(one, other):
    assert normalize_name(one) == normalize_name(other)


@pytest.mark.parametrize("text, expected", [
    ("The Taliban", "taliban"),
    ("Theodore", "theodore"),  # only a leading word "the" goes
    ("Tehrik-i-Taliban Pakistan", "tehrik i taliban pakistan"),
    ("Al-Qa`ida", "al qaida"),
    ("Séléka", "seleka"),
    ("the the", "the"),
])
def test_registry_normalize_name_output(text, expected):
    assert normalize_name(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hay'at Tahrir al-Sham", "hayat-tahrir-al-sham"),
    ("Abdullah Öcalan", "abdullah-ocalan"),
    ("  DHKP/C ", "dhkp-c"),
    ("Al-Aqsa Martyrs' Brigades", "al-aqsa-martyrs-brigades"),
])
def test_registry_slugify(text, expected):
    assert slugify(text) == expected


def test_registry_an_acronym_two_groups_share_names_neither():
    # ASWJ is Somalia's Ahlu Sunna Waljama'a and Pakistan's Ahle Sunnat Wal Jamaat
    from factionmap.lexicon.registry import load_registry

    assert load_registry().lookup("ASWJ") == []


def test_registry_assad_spelled_asad_is_the_same_government():
    from factionmap.lexicon.registry import load_registry

    found = load_registry().lookup("Asad regime")
    assert [a.id for a in found] == ["syrian-government"]
