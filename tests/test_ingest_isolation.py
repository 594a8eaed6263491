"""Nothing lost on bad input (issue 11): documents stream, and a document that fails in any
way is its own one-line coded error while the rest of the batch is stored."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from factionmap import pipeline
from factionmap.api import ingest_paths
from factionmap.cli.main import app
from factionmap.store.sqlite import Store

GOOD = [
    "Boko Haram pledged allegiance to the Islamic State in March, the group said in an audio message. "
    "Its leader, Abubakar Shekau, read the pledge himself.",
    "Al-Shabaab is allied with al-Qaeda, and the two groups have long shared fighters and money. "
    "The group attacked a hotel in Mogadishu on Sunday.",
    "Jamaat-ul-Ahrar broke away from the Pakistani Taliban in August 2014, after a dispute over the "
    "leadership of the movement.",
]
ONE_LINE = re.compile(r"^[^\n]+ \[E\d{3}\]$")


def _row(text, **extra) -> str:
    return json.dumps({"text": text, "published": "2015-08-14", **extra})


def _stored(db) -> int:
    with Store.open(db) as store:
        return store.counts()["documents"]


def _trip_on(monkeypatch, word: str, trip) -> None:
    """Make the claims stage call `trip()` on any document whose text has `word` in it."""
    real = pipeline.extract_claims

    def tripping(doc, actors, document):
        if word in document.text:
            trip()
        return real(doc, actors, document)

    monkeypatch.setattr(pipeline, "extract_claims", tripping)


def _raise(exc: BaseException):
    def trip():
        raise exc
    return trip


def test_a_failure_inside_the_pipeline_is_that_document_s_error_only(tmp_path, monkeypatch, nlp):
    _trip_on(monkeypatch, "Shekau", _raise(RuntimeError("a rule tripped over this text")))
    for i, text in enumerate(GOOD):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "fm.db"
    seen = []
    report = ingest_paths([tmp_path], db, on_unexpected=lambda source, exc: seen.append((source, exc)))
    assert report.documents == 2 == _stored(db)
    [failure] = report.failed
    assert failure.code == "E199" and failure.source.endswith("0.txt") and "RuntimeError" in failure.reason
    assert ONE_LINE.match(str(failure))
    assert [s for s, _ in seen] == [failure.source] and isinstance(seen[0][1], RuntimeError)


def test_a_failure_in_the_store_is_that_document_s_error_only(tmp_path, monkeypatch, nlp):
    real = Store.store_document

    def fragile(self, doc, claims, rules_version=""):
        if "Jamaat" in doc.text:
            raise KeyError("an unforeseen store failure")
        return real(self, doc, claims, rules_version)

    monkeypatch.setattr(Store, "store_document", fragile)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(_row(t, id=f"n{i}") for i, t in enumerate(GOOD)) + "\n", encoding="utf-8")
    report = ingest_paths([corpus], tmp_path / "fm.db")
    assert report.documents == 2 and [f.code for f in report.failed] == ["E199"]
    assert report.failed[0].source == f"{corpus}:3"


def _hostile_rows() -> list[str]:
    deep = "[" * 2000 + "]" * 2000
    return [
        _row("A lone surrogate \ud800 in the text of an otherwise ordinary English news report."),
        '{"text": ' + deep + '}',  # nested 2,000 deep
        '{"id": ' + "7" * 4301 + ', "text": "' + GOOD[0] + '"}',  # an id too long to be a number
        _row(GOOD[1].replace("Sunday", "Monday"), published="0001-01-01"),
        _row(("The group said it would fight on. " * 30000)[:1_000_100]),  # over spaCy's length limit
        "\x1b[31m not json at all",
    ]


def test_hostile_rows_each_get_one_coded_line_and_the_good_ones_are_stored(tmp_path, nlp):
    corpus = tmp_path / "mixed.jsonl"
    rows = [_row(GOOD[0], id="g0"), *_hostile_rows(), _row(GOOD[2], id="g2")]
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sidecar_doc = tmp_path / "side.txt"
    sidecar_doc.write_text(GOOD[1], encoding="utf-8")
    (tmp_path / "side.json").write_text('{"published": ' + "[" * 2000 + "]" * 2000 + "}", encoding="utf-8")
    report = ingest_paths([corpus, sidecar_doc], tmp_path / "fm.db")
    assert _stored(tmp_path / "fm.db") == report.documents >= 2
    assert {"g0", "g2"} <= _stored_ids(tmp_path / "fm.db")
    # every row and file is accounted for, once
    assert report.documents + len(report.failed) + len(report.skipped) == len(rows) + 1
    for failure in report.failed:
        assert ONE_LINE.match(str(failure)), str(failure)
        assert "\x1b" not in str(failure)


def _stored_ids(db) -> set[str]:
    with Store.open(db) as store:
        return {row[0] for row in store.connection.execute("SELECT id FROM documents")}


def test_the_cli_prints_one_line_per_failure_and_a_traceback_with_debug(tmp_path, monkeypatch, nlp):
    _trip_on(monkeypatch, "Shekau", _raise(RuntimeError("boom\\nsecond line")))
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD[1], encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "fm.db")])
    assert plain.exit_code == 1
    errors = [line for line in plain.stderr.splitlines() if "[E199]" in line]
    assert len(errors) == 1 and "a.txt" in errors[0] and "Traceback" not in plain.stderr
    debug = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "fm2.db"), "--debug"])
    assert debug.exit_code == 1 and "Traceback" in debug.stderr and "RuntimeError" in debug.stderr


@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["text", "id", "published", "url", "outlet", "title"]),
                    st.one_of(st.text(max_size=40), st.integers(), st.none(), st.floats(), st.booleans(),
                              st.lists(st.integers(), max_size=3)), max_size=6),
    st.text(st.characters(blacklist_characters="\x00"), max_size=60)), min_size=1, max_size=6))
def test_generated_rows_never_raise_and_are_each_accounted_for(tmp_path, rows):
    # (a NUL byte makes the whole file binary: one error for the file, tested in test_ingest.py)
    corpus = tmp_path / "gen.jsonl"
    lines = [json.dumps(r) if isinstance(r, dict) else r.replace("\n", " ") for r in rows]
    lines.append(_row("Ansar Dine is allied with al-Qaeda in the Islamic Maghreb, the statement said."))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    db = tmp_path / "gen.db"
    if db.exists():
        db.unlink()
    report = ingest_paths([corpus], db)
    # a row is blank when its bytes are ASCII blanks ("\x85" is Python's whitespace, not JSON's)
    blank = [not x.encode("utf-8", "surrogatepass").strip() for x in lines]
    assert report.documents + len(report.failed) + len(report.skipped) == blank.count(False)
    assert all(ONE_LINE.match(str(f)) for f in report.failed)


def test_a_document_over_its_time_budget_is_stopped_and_the_rest_go_on(tmp_path, monkeypatch, nlp):
    import time

    _trip_on(monkeypatch, "Jamaat", lambda: time.sleep(30))  # a runaway document
    for i, text in enumerate(GOOD):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    report = ingest_paths([tmp_path], tmp_path / "fm.db", doc_timeout=0.5)
    assert time.monotonic() - started < 25  # stopped, not waited for
    assert report.documents == 2
    [failure] = report.failed
    assert failure.code == "E117" and failure.source.endswith("2.txt")


def test_a_run_on_text_is_cut_into_bounded_sentences_and_news_is_not(nlp):
    from factionmap.language.nlp import MAX_SENTENCE_TOKENS, parse

    run_on = " ".join(["Al-Shabaab fighters attacked a base in Lower Shabelle, and the army answered"] * 120)
    doc = parse(run_on)
    assert len(doc) > 5 * MAX_SENTENCE_TOKENS
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1
    news = " ".join(GOOD)
    capped = [s.text for s in parse(news).sents]
    with nlp.select_pipes(disable=["factionmap_sentence_cap"]):
        assert capped == [s.text for s in parse(news).sents]


def test_each_failure_is_told_as_it_happens_not_at_the_end(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")  # empty: E101
    for i, text in enumerate(GOOD):
        (folder / f"b{i}.txt").write_text(text, encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00binary")
    events = []
    report = ingest_paths([folder], tmp_path / "fm.db", on_error=lambda e: events.append(("error", e.code)),
                          on_progress=lambda done, total, source: events.append(("done", done)), batch_size=2)
    assert events == [("error", "E101"), ("done", 1), ("done", 2), ("done", 3), ("done", 4),
                      ("error", "E102"), ("done", 5)]
    assert [f.code for f in report.failed] == ["E101", "E102"]


def test_the_command_line_prints_each_failure_once(tmp_path, nlp):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(GOOD[0], encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "fm.db")])
    assert result.exit_code == 1
    assert result.output.count("[E101]") == 1
    assert "1 documents" in result.output and "1 failed" in result.output
