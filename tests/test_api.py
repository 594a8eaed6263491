"""The ingest API: files in, documents and claims stored, a report of what happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from factionmap.api import IngestReport, ingest_paths
from factionmap.store.sqlite import Store

ARTICLES = {
    "pledge.txt": (
        "Boko Haram pledged allegiance to the Islamic State in March, the group said in an audio "
        "message. Its leader, Abubakar Shekau, read the pledge himself. The group is active in Borno, "
        "where it has fought the Nigerian army for years."
    ),
    "alliance.txt": (
        "Al-Shabaab is allied with al-Qaeda, and the two groups have long shared fighters and money. "
        "Al-Shabaab attacked a hotel in Mogadishu on Sunday, and the group said it would strike again "
        "in the coming weeks."
    ),
    "split.txt": (
        "Jamaat-ul-Ahrar broke away from the Pakistani Taliban in August 2014, after a dispute over the "
        "leadership of the movement. The faction has since claimed several attacks in the northwest of "
        "the country, and it is active in Mohmand."
    ),
}


def _write(folder, names):
    paths = []
    for name in names:
        path = folder / name
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    return paths


def _counts(db):
    with Store.open(db) as store:
        return store.counts()


@pytest.mark.parametrize("names", [["pledge.txt"], ["pledge.txt", "alliance.txt", "split.txt"]])
def test_api_ingest_counts_documents_and_claims(nlp, tmp_path, names):
    db = tmp_path / "fm.db"
    report = ingest_paths(_write(tmp_path, names), db, published="2015-08-14")
    counts = _counts(db)
    assert isinstance(report, IngestReport) and report.ok
    assert report.documents == len(names) == counts["documents"]
    assert report.claims == counts["claims"] > 0


@pytest.mark.parametrize("published", ["2015-08-14"])
def test_api_ingest_stores_the_publication_date(nlp, tmp_path, published):
    db = tmp_path / "fm.db"
    ingest_paths(_write(tmp_path, ["pledge.txt"]), db, published=published)
    with Store.open(db) as store:
        assert store.document("pledge").published == published


@pytest.mark.parametrize("names", [["pledge.txt"], ["pledge.txt", "alliance.txt"]])
def test_api_reingesting_the_same_text_is_skipped(nlp, tmp_path, names):
    db = tmp_path / "fm.db"
    paths = _write(tmp_path, names)
    first = ingest_paths(paths, db)
    before = _counts(db)
    again = ingest_paths(paths, db)
    assert (again.documents, again.claims, again.failed) == (0, 0, ())
    assert sorted(again.skipped) == sorted((str(p), p.stem) for p in paths)
    assert first.skipped == ()
    assert _counts(db) == before


@pytest.mark.parametrize("copy_name", ["pledge-again.txt", "a-copy.txt"])
def test_api_duplicate_in_one_batch_is_skipped(nlp, tmp_path, copy_name):
    db = tmp_path / "fm.db"
    (original,) = _write(tmp_path, ["pledge.txt"])
    copy = tmp_path / copy_name
    copy.write_text("  " + ARTICLES["pledge.txt"].replace(". ", ".\n") + "\n", encoding="utf-8")
    report = ingest_paths([original, copy], db)
    assert report.documents == 1
    ((source, stored_id),) = report.skipped  # whichever was read second points at the first
    assert {Path(source).stem, stored_id} == {original.stem, copy.stem}


@pytest.mark.parametrize(
    "bad_name, content, code",
    [
        ("empty.txt", b"", "E101"),
        ("blank.txt", b"   \n\t\n", "E113"),
        ("binary.txt", b"\x00\x01\x02binary", "E102"),
        ("notes.pdf", b"%PDF-1.4", "E109"),
    ],
)
def test_api_bad_file_is_reported_and_the_rest_ingested(nlp, tmp_path, bad_name, content, code):
    db = tmp_path / "fm.db"
    good = _write(tmp_path, ["pledge.txt", "split.txt"])
    bad = tmp_path / bad_name
    bad.write_bytes(content)
    report = ingest_paths([*good, bad], db)
    assert not report.ok
    assert [(f.source, f.code) for f in report.failed] == [(str(bad), code)]
    assert report.documents == 2 == _counts(db)["documents"]


@pytest.mark.parametrize("names", [["pledge.txt", "alliance.txt", "split.txt"]])
def test_api_progress_called_once_per_item(nlp, tmp_path, names):
    db = tmp_path / "fm.db"
    paths = _write(tmp_path, names)
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    calls = []
    ingest_paths([*paths, bad], db, on_progress=lambda done, total, source: calls.append((done, total, source)))
    total = len(names) + 1
    assert [(done, t) for done, t, _ in calls] == [(i, total) for i in range(1, total + 1)]
    assert sorted(source for _, _, source in calls) == sorted(str(p) for p in [*paths, bad])


@pytest.mark.parametrize("names", [["pledge.txt", "alliance.txt"]])
def test_api_progress_reports_skipped_items_too(nlp, tmp_path, names):
    db = tmp_path / "fm.db"
    paths = _write(tmp_path, names)
    ingest_paths(paths, db)
    calls = []
    ingest_paths(paths, db, on_progress=lambda done, total, source: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
