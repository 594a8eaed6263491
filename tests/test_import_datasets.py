"""`factionmap import`: GTD, ACLED, UCDP GED and MMP records as sourced claims that fuse with
news claims. The files are written here, in each dataset's own columns; the rows are made up
in the datasets' format, about public events."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from factionmap.api import events, ingest_paths
from factionmap.cli.imports import register
from factionmap.datasets import DATASETS, read_dataset
from factionmap.datasets.entities import group_entity, place_of
from factionmap.datasets.load import import_dataset
from factionmap.datasets.mmp import parse_mmp_date
from factionmap.datasets.records import Skipped
from factionmap.errors import FactionmapError
from factionmap.model import Entity, IngestError
from factionmap.query.fused import list_facts
from factionmap.store.sqlite import Store

GTD_COLUMNS = ("eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country", "country_txt", "region_txt",
               "provstate", "city", "latitude", "longitude", "summary", "doubtterr", "suicide", "attacktype1",
               "attacktype1_txt", "targtype1_txt", "target1", "gname", "gname2", "guncertain1", "claimed",
               "nkill", "nwound", "scite1")
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "country", "admin1",
                 "admin2", "location", "latitude", "longitude", "source", "notes", "fatalities", "timestamp")
UCDP_COLUMNS = ("id", "year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
                "where_coordinates", "adm_1", "latitude", "longitude", "country", "date_start", "date_end",
                "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
                "source_article")

KABUL_GTD = {
    "eventid": "201508070051", "iyear": "2015", "imonth": "8", "iday": "7", "country": "4",
    "country_txt": "Afghanistan", "region_txt": "South Asia", "provstate": "Kabul", "city": "Kabul",
    "latitude": "34.5167", "longitude": "69.1833", "doubtterr": "0", "suicide": "1", "attacktype1": "3",
    "attacktype1_txt": "Bombing/Explosion", "targtype1_txt": "Police", "target1": "Police Academy",
    "gname": "Taliban", "guncertain1": "0", "claimed": "1", "nkill": "21.0", "nwound": "27.0",
    "summary": "A bomber in police uniform blew himself up among recruits at the gate of the academy.",
    "scite1": "Kabul police academy hit by a bomber, news agency, August 7, 2015.",
}
NEWS_KABUL = ("Taliban fighters stormed a police academy in Kabul on Friday, killing 21 recruits and "
              "wounding 27, officials said. The Taliban claimed responsibility for the attack.")
NEWS_KISMAYO = ("Al-Shabaab and Hizbul Islam fought each other for control of the port town of Kismayo in "
                "2009, a bitter rivalry between the two Islamist groups.")

runner = CliRunner()


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def gtd(tmp_path, *rows: dict, name: str = "gtd.csv") -> Path:
    return write_csv(tmp_path / name, GTD_COLUMNS, [{**KABUL_GTD, **row} for row in rows])


def acled_row(**values) -> dict:
    base = {"event_id_cnty": "AFG9001", "event_date": "2015-08-07", "year": "2015", "time_precision": "1",
            "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Taliban", "actor2": "Military Forces of Afghanistan (2004-2021)", "iso": "4",
            "country": "Afghanistan", "admin1": "Kunduz", "admin2": "Kunduz", "location": "Kunduz",
            "latitude": "36.7280", "longitude": "68.8680", "source": "Pajhwok", "fatalities": "6",
            "notes": "Taliban fighters attacked army posts on the edge of the city.", "timestamp": "1618000000"}
    return {**base, **values}


def ucdp_row(**values) -> dict:
    base = {"id": "190001", "year": "2015", "type_of_violence": "1", "conflict_name": "Afghanistan: Government",
            "dyad_name": "Government of Afghanistan - Taleban", "side_a": "Government of Afghanistan",
            "side_b": "Taleban", "where_coordinates": "Kabul town", "adm_1": "Kabul province",
            "latitude": "34.53", "longitude": "69.17", "country": "Afghanistan", "date_start": "2015-08-07",
            "date_end": "2015-08-07", "date_prec": "1", "best": "21", "high": "26", "low": "20",
            "source_article": "news agency, 2015-08-07, Bomber hits police academy"}
    return {**base, **values}


def records(kind: str, path: Path, version: str | None = None) -> list:
    return list(read_dataset(kind, path, version))


def only(kind: str, path: Path, version: str | None = None):
    [item] = records(kind, path, version)
    assert isinstance(item, tuple), item
    return item


def ids(claim) -> dict:
    return {k: (v.id if isinstance(v, Entity) else tuple(e.id for e in v) if isinstance(v, tuple) else v)
            for k, v in claim.args.items()}


# -- names ------------------------------------------------------------------------------


@pytest.mark.parametrize("name, expected", [
    ("Taliban", "taliban"),
    ("Taleban", "taliban"),
    ("Tehrik-i-Taliban Pakistan (TTP)", "ttp"),
    ("Islamic State of Iraq and the Levant (ISIL)", "islamic-state"),
    ("Al-Shabaab", "al-shabaab"),
    ("Al Shabaab", "al-shabaab"),
    ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "boko-haram"),
    ("Islamic State (Somalia)", "islamic-state-somalia"),
    ("Military Forces of Nigeria (2015-2023)", "state:ng"),
    ("Police Forces of Afghanistan (2004-2021)", "state:af"),
    ("Government of Afghanistan", "state:af"),
    ("Government of United States of America", "state:us"),
    ("Unknown", None),
    ("Unidentified Armed Group (Afghanistan)", None),
    ("Civilians (Nigeria)", None),
    ("Muslim extremists", None),
    ("", None),
])
def test_datasets_group_names_resolve_to_extractor_ids(name, expected):
    found = group_entity(name)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize("name", ["Brigade of the Example Martyrs (BEM)"])
def test_datasets_unknown_group_is_a_new_org_with_its_acronym(name):
    found = group_entity(name, "AF")
    assert found.id == "new:brigade-of-the-example-martyrs" and found.kind == "org"
    assert "BEM" in found.aliases and name in found.aliases and found.country == "AF"


@pytest.mark.parametrize("names, expected", [(["Kabul", "Kabul", "Afghanistan"], "place:kabul"),
                                             (["Unknown", "Borno", "Nigeria"], "place:borno"),
                                             (["", "", "Somalia"], "place:somalia")])
def test_datasets_place_is_the_most_precise_name_given(names, expected):
    assert place_of(names, "AF").id == expected


# -- GTD --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["globalterrorismdb_0522dist.csv"])
def test_gtd_incident_is_one_attack_claim(tmp_path, name):
    doc, claims = only("gtd", gtd(tmp_path, {}, name=name))
    [attack] = claims
    assert attack.type == "ATTACK" and attack.modality == "asserted" and attack.attribution == "GTD"
    assert ids(attack) == {"perpetrator": "taliban", "place": "place:kabul", "target": "Police Academy",
                           "attack_type": "suicide bombing", "killed": 21, "wounded": 27, "claimed": True}
    assert (attack.time.start, attack.time.end, attack.time.precision) == ("2015-08-07", "2015-08-07", "day")
    assert attack.confidence == 0.9 and attack.rule == "gtd.attack"
    assert (doc.id, doc.outlet, doc.published, doc.source, doc.url) == (
        "gtd-201508070051", "GTD", "2015-08-07", "gtd:0522:201508070051", None)
    ev = attack.evidence[0]
    assert doc.text[ev.start:ev.end] == ev.text and ev.sentence == 0 and ev.text.startswith("GTD record 201508070051:")
    assert doc.text.endswith(KABUL_GTD["summary"])  # the dataset's own summary, after the generated sentence


@pytest.mark.parametrize("month, day, start, precision", [
    ("8", "7", "2015-08-07", "day"), ("8", "0", "2015-08", "month"), ("0", "0", "2015", "year")])
def test_gtd_unknown_month_or_day_lowers_the_precision(tmp_path, month, day, start, precision):
    doc, [attack] = only("gtd", gtd(tmp_path, {"imonth": month, "iday": day}))
    assert (attack.time.start, attack.time.end, attack.time.precision) == (start, start, precision)
    assert doc.published == start


@pytest.mark.parametrize("text, suicide, expected", [
    ("Bombing/Explosion", "0", "bombing"), ("Bombing/Explosion", "1", "suicide bombing"),
    ("Armed Assault", "0", "armed assault"), ("Assassination", "0", "assassination"),
    ("Hostage Taking (Kidnapping)", "0", "kidnapping"), ("Facility/Infrastructure Attack", "0", "facility attack"),
    ("Hijacking", "0", "other"), ("Unknown", "0", None)])
def test_gtd_attack_types_map_to_the_ontology(tmp_path, text, suicide, expected):
    _, [attack] = only("gtd", gtd(tmp_path, {"attacktype1_txt": text, "suicide": suicide}))
    assert attack.args.get("attack_type") == expected


@pytest.mark.parametrize("gname", ["Unknown"])
def test_gtd_unknown_group_is_no_perpetrator_and_no_claim(tmp_path, gname):
    doc, [attack] = only("gtd", gtd(tmp_path, {"gname": gname, "claimed": "1"}))
    assert attack.args["perpetrator"] is None and attack.args["claimed"] is False
    assert "by an unknown perpetrator" in doc.text


@pytest.mark.parametrize("values, confidence", [({"doubtterr": "1"}, 0.7), ({"guncertain1": "1"}, 0.75),
                                                ({"doubtterr": "-9"}, 0.9)])
def test_gtd_doubt_lowers_the_confidence(tmp_path, values, confidence):
    _, [attack] = only("gtd", gtd(tmp_path, values))
    assert attack.confidence == confidence


@pytest.mark.parametrize("version", ["2021"])
def test_gtd_dataset_version_is_in_the_source(tmp_path, version):
    doc, _ = only("gtd", gtd(tmp_path, {}), version)
    assert doc.source == f"gtd:{version}:201508070051"


# -- ACLED ------------------------------------------------------------------------------


@pytest.mark.parametrize("actor2, rivalry", [("Military Forces of Afghanistan (2004-2021)", False),
                                             ("Islamic State (Afghanistan)", True)])
def test_acled_battle_is_an_attack_and_between_groups_a_rivalry(tmp_path, actor2, rivalry):
    path = write_csv(tmp_path / "acled.csv", ACLED_COLUMNS, [acled_row(actor2=actor2)])
    doc, claims = only("acled", path)
    attack = claims[0]
    assert ids(attack) == {"perpetrator": "taliban", "place": "place:kunduz", "target": actor2,
                           "attack_type": "armed assault", "killed": 6, "claimed": False}
    assert [c.type for c in claims] == ["ATTACK", "RIVALRY"] if rivalry else ["ATTACK"]
    if rivalry:
        assert {ids(claims[1])["a"], ids(claims[1])["b"]} == {"taliban", "islamic-state"}
    assert (doc.id, doc.outlet, doc.published, doc.url) == ("acled-AFG9001", "ACLED", "2015-08-07", None)
    assert doc.text.endswith("on the edge of the city.")


@pytest.mark.parametrize("sub, expected", [("Air/drone strike", "air strike"), ("Suicide bomb", "suicide bombing"),
                                           ("Remote explosive/landmine/IED", "bombing"),
                                           ("Shelling/artillery/missile attack", "shelling")])
def test_acled_remote_violence_attack_types(tmp_path, sub, expected):
    path = write_csv(tmp_path / "acled.csv", ACLED_COLUMNS, [acled_row(
        event_type="Explosions/Remote violence", sub_event_type=sub, actor1="Al Shabaab", actor2="Civilians (Somalia)",
        country="Somalia", admin1="Banadir", admin2="Mogadishu", location="Mogadishu")])
    _, [attack] = only("acled", path)
    assert ids(attack)["attack_type"] == expected and ids(attack)["perpetrator"] == "al-shabaab"
    assert ids(attack)["place"] == "place:mogadishu"


@pytest.mark.parametrize("sub, ctype, args", [
    ("Non-state actor overtakes territory", "SEIZURE", {"org": "taliban", "place": "place:kunduz", "from": "state:af"}),
    ("Government regains territory", "SEIZURE", {"org": "state:af", "place": "place:kunduz", "from": "taliban"}),
])
def test_acled_territory_changes_are_seizures(tmp_path, sub, ctype, args):
    actors = ("Taliban", "Military Forces of Afghanistan (2004-2021)")
    actor1, actor2 = actors if args["org"] == "taliban" else actors[::-1]
    path = write_csv(tmp_path / "acled.csv", ACLED_COLUMNS,
                     [acled_row(sub_event_type=sub, actor1=actor1, actor2=actor2)])
    _, [claim] = only("acled", path)
    assert claim.type == ctype and ids(claim) == args


@pytest.mark.parametrize("sub", ["Headquarters or base established"])
def test_acled_base_established_is_a_presence(tmp_path, sub):
    path = write_csv(tmp_path / "acled.csv", ACLED_COLUMNS, [acled_row(
        event_type="Strategic developments", sub_event_type=sub, actor2="")])
    _, [claim] = only("acled", path)
    assert claim.type == "PRESENCE" and ids(claim) == {"org": "taliban", "place": "place:kunduz"}


@pytest.mark.parametrize("event, sub", [("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
                                        ("Strategic developments", "Arrests")])
def test_acled_protests_riots_and_other_developments_are_skipped(tmp_path, event, sub):
    path = write_csv(tmp_path / "acled.csv", ACLED_COLUMNS, [acled_row(event_type=event, sub_event_type=sub)])
    [item] = records("acled", path)
    assert isinstance(item, Skipped) and item.source.endswith(":2") and event in item.reason


@pytest.mark.parametrize("precision, date, start, end, expected", [
    ("1", "2015-08-07", "2015-08-07", "2015-08-07", "day"),
    ("2", "07 August 2015", "2015-08-04", "2015-08-10", "day"),
    ("3", "15-August-2015", "2015-08", "2015-08", "month")])
def test_acled_time_precision(tmp_path, precision, date, start, end, expected):
    path = write_csv(tmp_path / "acled.csv", ACLED_COLUMNS, [acled_row(time_precision=precision, event_date=date)])
    _, [attack] = only("acled", path)
    assert (attack.time.start, attack.time.end, attack.time.precision) == (start, end, expected)


# -- UCDP GED ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["GEDEvent_v23_1.csv"])
def test_ucdp_state_based_event_is_the_insurgents_attack(tmp_path, name):
    doc, [attack] = only("ucdp", write_csv(tmp_path / name, UCDP_COLUMNS, [ucdp_row()]))
    assert ids(attack) == {"perpetrator": "taliban", "place": "place:kabul", "target": "Government of Afghanistan",
                           "killed": 21, "claimed": False}
    assert (attack.time.start, attack.time.precision) == ("2015-08-07", "day")
    assert (doc.id, doc.outlet, doc.source, doc.url) == ("ucdp-190001", "UCDP", "ucdp:23.1:190001", None)


@pytest.mark.parametrize("violence, side_a, side_b, perpetrator, rivalry", [
    ("2", "Al-Shabaab", "Hizbul Islam", "al-shabaab", True),
    ("3", "Boko Haram", "Civilians", "boko-haram", False)])
def test_ucdp_non_state_and_one_sided_events(tmp_path, violence, side_a, side_b, perpetrator, rivalry):
    path = write_csv(tmp_path / "ged.csv", UCDP_COLUMNS, [ucdp_row(
        type_of_violence=violence, side_a=side_a, side_b=side_b)])
    _, claims = only("ucdp", path)
    assert ids(claims[0])["perpetrator"] == perpetrator and claims[0].args["target"] == side_b
    assert [c.type for c in claims] == (["ATTACK", "RIVALRY"] if rivalry else ["ATTACK"])


@pytest.mark.parametrize("prec, start, end, expected", [("1", "2015-08-07", "2015-08-07", "day"),
                                                        ("2", "2015-08-07", "2015-08-10", "day"),
                                                        ("4", "2015-08", "2015-09", "month"),
                                                        ("5", "2015", "2015", "year")])
def test_ucdp_date_precision(tmp_path, prec, start, end, expected):
    date_end = {"1": "2015-08-07", "2": "2015-08-10", "4": "2015-09-02", "5": "2015-12-31"}[prec]
    path = write_csv(tmp_path / "ged.csv", UCDP_COLUMNS, [ucdp_row(
        date_prec=prec, date_start="2015-08-07 00:00:00.000", date_end=date_end)])
    _, [attack] = only("ucdp", path)
    assert (attack.time.start, attack.time.end, attack.time.precision) == (start, end, expected)


@pytest.mark.parametrize("article, url", [("https://example.org/kabul-academy", "https://example.org/kabul-academy"),
                                          ("news agency, 2015-08-07, Bomber hits police academy", None)])
def test_ucdp_source_article_is_the_url_only_when_it_is_one(tmp_path, article, url):
    doc, _ = only("ucdp", write_csv(tmp_path / "ged.csv", UCDP_COLUMNS, [ucdp_row(source_article=article)]))
    assert doc.url == url


# -- MMP --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, ctype, args", [
    ("allies", "ALLIANCE", {"a": "al-shabaab", "b": "al-qaeda"}),
    ("rivalry", "RIVALRY", {"a": "al-shabaab", "b": "al-qaeda"}),
    ("affiliates", "AFFILIATION", {"member": "al-shabaab", "patron": "al-qaeda"}),
    ("splinter", "SPLIT", {"splinter": "al-shabaab", "parent": "al-qaeda"}),
    ("merger", "MERGER", {"parts": ("al-shabaab", "al-qaeda")})])
@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_mmp_relationship_types(tmp_path, kind, ctype, args, suffix):
    row = {"id": "9101", "type": kind, "group1": "Al Shabaab", "group2": "Al Qaeda Central", "date_raw": "2/9/12",
           "text": "The group&#039;s leader announced the step in a video."}
    path = tmp_path / f"mmp{suffix}"
    if suffix == ".jsonl":
        path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    else:
        write_csv(path, tuple(row), [row])
    doc, [claim] = only("mmp", path)
    assert claim.type == ctype and ids(claim) == args and claim.attribution == "MMP"
    assert (claim.time.start, claim.time.precision) == ("2012-02-09", "day")
    assert (doc.id, doc.outlet, doc.published) == ("mmp-9101", "MMP", "2012-02-09")
    assert doc.text.endswith("The group's leader announced the step in a video.")


@pytest.mark.parametrize("raw, start, precision", [("2/18/10", "2010-02-18", "day"), ("11/3/98", "1998-11-03", "day"),
                                                   ("2007-02-00", "2007-02", "month"), ("1991-00-00", "1991", "year"),
                                                   ("2012", "2012", "year"), ("", None, None)])
def test_mmp_dates(raw, start, precision):
    span = parse_mmp_date(raw)
    assert (span.start, span.precision) == (start, precision)


@pytest.mark.parametrize("raw", ["Feb 2010", "13/45/10"])
def test_mmp_bad_date_is_an_error(raw):
    with pytest.raises(FactionmapError) as info:
        parse_mmp_date(raw)
    assert info.value.code == "E132"


# -- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize("kind, columns", [("gtd", ("eventid", "iyear", "country_txt")),
                                          ("acled", ("event_id_cnty", "event_date")),
                                          ("ucdp", ("id", "side_a"))])
def test_datasets_missing_column_is_one_error_for_the_file(tmp_path, kind, columns):
    path = write_csv(tmp_path / "x.csv", columns, [{c: "1" for c in columns}] * 3)
    [error] = records(kind, path)
    assert isinstance(error, IngestError) and error.code == "E130" and error.source == str(path)
    assert "lacks the column(s)" in error.reason


@pytest.mark.parametrize("bad, line, code", [({"nkill": "many"}, 3, "E132"), ({"iyear": ""}, 3, "E107"),
                                             ({"imonth": "13"}, 3, "E132"), ({"iyear": "2099"}, 3, "E115")])
def test_datasets_bad_row_is_its_line_error_and_the_rest_goes_in(tmp_path, bad, line, code):
    path = gtd(tmp_path, {}, {"eventid": "201508070052", **bad}, {"eventid": "201508070053", "city": "Herat"})
    errors = []
    report = import_dataset("gtd", path, tmp_path / "fm.db", on_error=errors.append)
    [error] = report.failed
    assert errors == [error] and error.source == f"{path}:{line}" and error.code == code
    assert (report.records, report.claims) == (2, 2)


@pytest.mark.parametrize("tail", ['201508070099,2015,"8\n'])
def test_datasets_broken_csv_row_is_reported(tmp_path, tail):
    path = gtd(tmp_path, {})
    path.write_text(path.read_text(encoding="utf-8") + "201508070098,2015\n" + tail, encoding="utf-8")
    items = records("gtd", path)
    assert isinstance(items[0], tuple)
    assert [(i.source, i.code) for i in items[1:]] == [(f"{path}:3", "E131"), (f"{path}:4", "E131")]


@pytest.mark.parametrize("lines", [['{"id": "1", "type": "allies", "group1": "Al Shabaab", "group2": "Al Qaeda"}',
                                    '{"id": "2", "type": ', '["a list"]',
                                    '{"id": "3", "type": "allies", "group1": "Al Shabaab"}']])
def test_mmp_bad_lines_are_reported_with_their_line(tmp_path, lines):
    path = tmp_path / "mmp.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = records("mmp", path)
    assert isinstance(items[0], tuple)
    assert [(i.source, i.code) for i in items[1:]] == [(f"{path}:2", "E106"), (f"{path}:3", "E106"),
                                                       (f"{path}:4", "E107")]


@pytest.mark.parametrize("name, code", [("missing.csv", "E110"), ("gtd.xlsx", "E134")])
def test_datasets_unreadable_file_is_one_error(tmp_path, name, code):
    path = tmp_path / name
    if name.endswith(".xlsx"):
        path.write_bytes(b"PK\x03\x04")
    [error] = records("gtd", path)
    assert error.code == code


@pytest.mark.parametrize("kind", ["gdt"])
def test_datasets_unknown_kind_is_refused(tmp_path, kind):
    with pytest.raises(FactionmapError) as info:
        read_dataset(kind, tmp_path / "x.csv")
    assert info.value.code == "E407" and ", ".join(DATASETS) in info.value.message


@pytest.mark.parametrize("kind", ["gtd"])
def test_datasets_reimport_adds_nothing(tmp_path, kind):
    path, db = gtd(tmp_path, {}, {"eventid": "201508070052", "city": "Herat"}), tmp_path / "fm.db"
    first = import_dataset(kind, path, db)
    with Store.open(db) as store:
        before = store.counts()
    again = import_dataset(kind, path, db, version="another")
    with Store.open(db) as store:
        assert store.counts() == before
    assert (first.records, first.claims, again.records, again.claims) == (2, 2, 0, 0)
    assert again.skip_reasons() == [("already imported", 2)] and again.ok


@pytest.mark.parametrize("summary", ["A revised summary of the incident."])
def test_datasets_record_stored_with_other_content_is_an_error(tmp_path, summary):
    db = tmp_path / "fm.db"
    import_dataset("gtd", gtd(tmp_path, {}), db)
    report = import_dataset("gtd", gtd(tmp_path, {"summary": summary}, name="v2.csv"), db)
    [error] = report.failed
    assert error.code == "E133" and "gtd-201508070051" in error.reason


# -- fusion with the news -----------------------------------------------------------------


def news(tmp_path, text: str, published: str, outlet: str = "Example Wire") -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "news-1", "text": text, "published": published, "outlet": outlet}) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("published", ["2015-08-08"])
def test_datasets_gtd_incident_and_news_report_are_one_attack_fact(nlp, tmp_path, published):
    db = tmp_path / "fm.db"
    assert ingest_paths([news(tmp_path, NEWS_KABUL, published)], db).ok
    assert import_dataset("gtd", gtd(tmp_path, {}), db).records == 1
    with Store.open(db) as store:
        attacks = [f for f in list_facts(store, types=["ATTACK"]) if "place:kabul" in f.actors]
        [fact] = attacks
        assert fact.documents == 2 and set(fact.outlets) == {"Example Wire", "GTD"}
        with store.as_known_on("2015-08-06"):  # a record is known from its event date, 2015-08-07
            assert not list_facts(store, types=["ATTACK"])


@pytest.mark.parametrize("second_day, facts", [("22", 2), ("15", 2), ("14", 1), ("8", 1)])
def test_datasets_incidents_of_one_group_in_one_city_are_one_fact_only_within_a_week(tmp_path, second_day, facts):
    db = tmp_path / "fm.db"
    path = gtd(tmp_path, {}, {"eventid": "201508220007", "imonth": "8", "iday": second_day, "nkill": "12.0"})
    assert import_dataset("gtd", path, db).records == 2
    with Store.open(db) as store:
        attacks = [f for f in list_facts(store, types=["ATTACK"]) if "place:kabul" in f.actors]
        assert len(attacks) == facts and sum(f.documents for f in attacks) == 2
        assert min(f.start for f in attacks) == "2015-08-07"
        rows = [r for r in events(store).to_dicts() if r["location"] == "Kabul"]
        assert len(rows) == facts


@pytest.mark.parametrize("days", [(1, 9, 5), (9, 1, 5), (1, 5, 9)])
def test_datasets_an_attack_joins_the_nearest_attack_within_a_week(tmp_path, days):
    db = tmp_path / "fm.db"
    rows = [{"eventid": f"2015080{d}00{i}", "iday": str(d)} for i, d in enumerate(days)]
    assert import_dataset("gtd", gtd(tmp_path, *rows), db).records == 3
    with Store.open(db) as store:
        attacks = sorted((f.start, f.documents) for f in list_facts(store, types=["ATTACK"]))
        # the 5th is as near the 1st as the 9th (a tie goes to the earlier); the 1st and the 9th
        # are eight days apart, whichever came first
        assert attacks == [("2015-08-01", 2), ("2015-08-09", 1)]


@pytest.mark.parametrize("year_only", ["The Taliban attack in Kabul in 2015 is still remembered."])
def test_datasets_attack_told_by_its_year_only_stays_apart_from_the_dated_one(nlp, tmp_path, year_only):
    db = tmp_path / "fm.db"
    assert ingest_paths([news(tmp_path, year_only, "2019-03-01")], db).ok
    assert import_dataset("gtd", gtd(tmp_path, {}), db).records == 1
    with Store.open(db) as store:
        attacks = [f for f in list_facts(store, types=["ATTACK"]) if "place:kabul" in f.actors]
        assert sorted(f.start or "" for f in attacks) == ["2015", "2015-08-07"]


@pytest.mark.parametrize("date_raw", ["10/1/09"])
def test_datasets_mmp_rivalry_and_news_are_one_rivalry_fact(nlp, tmp_path, date_raw):
    db = tmp_path / "fm.db"
    assert ingest_paths([news(tmp_path, NEWS_KISMAYO, "2009-10-20")], db).ok
    path = tmp_path / "mmp.jsonl"
    path.write_text(json.dumps({"id": "9102", "type": "rivals", "group1": "Hizbul Islam", "group2": "Al Shabaab",
                                "date_raw": date_raw, "text": "The two groups fought over the port of Kismayo."}),
                    encoding="utf-8")
    assert import_dataset("mmp", path, db).records == 1
    with Store.open(db) as store:
        [fact] = list_facts(store, types=["RIVALRY"])
        assert fact.documents == 2 and set(fact.outlets) == {"Example Wire", "MMP"}
        assert set(fact.actors) == {"al-shabaab", "hizbul-islam"}


# -- the command ------------------------------------------------------------------------


def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """The test app."""

    register(app)
    register(app)  # twice: no second command
    assert [c.name for c in app.registered_commands] == ["import"]
    return app


@pytest.mark.parametrize("args", [()])
def test_cli_import_prints_counts_and_fails_on_a_bad_record(tmp_path, args):
    path = gtd(tmp_path, {}, {"eventid": "201508070052", "nkill": "many"})
    result = runner.invoke(cli(), ["import", "gtd", str(path), "--db", str(tmp_path / "fm.db"), *args])
    assert result.exit_code == 1
    assert "1 records, 1 claims, 0 skipped, 1 failed" in result.stdout
    assert f"{path}:3: field 'nkill' is 'many', not a number [E132]" in result.stderr


@pytest.mark.parametrize("kind", ["gdt"])
def test_cli_import_unknown_kind_exits_2(tmp_path, kind):
    result = runner.invoke(cli(), ["import", kind, str(tmp_path / "x.csv"), "--db", str(tmp_path / "fm.db")])
    assert result.exit_code == 2 and "did you mean gtd?" in result.stderr and "gtd, acled, ucdp, mmp" in result.stderr


@pytest.mark.parametrize("version", ["0522"])
def test_cli_import_json_and_version(tmp_path, version):
    db = tmp_path / "fm.db"
    result = runner.invoke(cli(), ["import", "gtd", str(gtd(tmp_path, {})), "--db", str(db),
                                   "--dataset-version", version, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"records": 1, "claims": 1, "skipped": [], "failed": []}
    with Store.open(db) as store:
        assert store.document("gtd-201508070051").source == f"gtd:{version}:201508070051"
