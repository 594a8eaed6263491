"""Readings that held on real reporting only once written as rules (issue 9): a successor
only presumed, a rank read as a body, a compass word on a province, links denied."""

from __future__ import annotations

from factionmap.model import Entity


def _of(claims, ctype):
    return [c for c in claims if c.type == ctype]


def test_a_presumed_successor_never_leads(claims_of):
    claims = claims_of("Israel has killed both Nasrallah and his presumed successor, Hashem Safieddine.", "2024-10-29")
    asserted = [c for c in claims if c.type in ("LEADERSHIP", "SUCCESSION") and c.modality != "hypothetical"]
    assert not asserted, [(c.type, c.modality) for c in asserted]


def test_a_named_successor_still_succeeds(claims_of):
    claims = claims_of("Hezbollah named Naim Qassem as its new leader on Tuesday.", "2024-10-30")
    leads = [c for c in claims if c.type in ("LEADERSHIP", "SUCCESSION") and c.modality != "hypothetical"]
    assert leads and all(c.args["org"].name == "Hezbollah" for c in leads)


def test_a_rank_is_no_armed_group(claims_of):
    claims = claims_of("Israel's army spokesman Rear Admiral Daniel Hagari said the commander was dead.", "2024-08-06")
    orgs = {v.name for c in claims for v in c.args.values() if isinstance(v, Entity) and v.kind == "org"}
    assert "Rear Admiral" not in orgs


def test_a_compass_word_the_gazetteer_lacks_leaves_the_province(claims_of):
    claims = claims_of("ISWAP fighters have been troubling North-Eastern Borno state.", "2021-06-08")
    places = [c.args["place"] for c in _of(claims, "PRESENCE")]
    assert places and places[0].name == "Borno" and places[0].country == "NG"


def test_no_known_links_is_no_alliance(claims_of):
    claims = claims_of("Ansar al-Sunna has no known links to al-Shabaab.", "2021-04-01")
    assert all(c.negated for c in _of(claims, "ALLIANCE"))


def test_a_presumed_successor_in_a_list_of_leaders_killed_is_no_leader(claims_of):
    claims = claims_of("Israel has killed many Hezbollah leaders, including both Nasrallah and his presumed "
                       "successor, Hashem Safieddine.", "2024-10-29")
    assert not [c for c in claims if c.type == "LEADERSHIP" and "Safieddine" in c.args["leader"].name
                and c.modality != "hypothetical"]


def test_an_alias_inside_a_word_is_not_the_speaker(claims_of):
    claims = claims_of("The interior ministry said IS fighters attacked a checkpoint in Kirkuk.", "2022-03-05")
    attacks = _of(claims, "ATTACK")
    assert attacks and all(c.modality != "claimed" for c in attacks)


def test_declared_himself_leader(claims_of):
    claims = claims_of("Abu Musab al-Barnawi has declared himself the leader of Boko Haram.", "2021-06-08")
    assert [(c.args["leader"].name, c.args["org"].name) for c in _of(claims, "LEADERSHIP")] == [
        ("Abu Musab al-Barnawi", "Boko Haram")]
    assert not _of(claims_of("He declared himself innocent of the charges brought by Boko Haram.", "2021-06-08"),
                   "LEADERSHIP")


def test_a_hyphened_link_describes_and_blames_nobody(claims_of):
    claims = claims_of("JNIM, an al-Qaeda-linked jihadist group, attacked a police school in Bamako on Tuesday.",
                       "2024-09-18")
    attacks = _of(claims, "ATTACK")
    assert attacks and attacks[0].modality == "asserted"


def test_each_group_of_a_conjoined_subject_is_present(claims_of):
    claims = claims_of("Shekau's Boko Haram faction and fighters from the ISWAP had been troubling Borno state.",
                       "2021-06-08")
    present = {c.args["org"].name for c in _of(claims, "PRESENCE") if c.args["place"].name == "Borno"}
    assert present == {"Boko Haram", "Islamic State West Africa Province"}
