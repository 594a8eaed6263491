"""A long text is parsed in passages joined into one Doc: offsets stay the whole text's,
entities keep their registry ids, and spaCy's own length limit no longer refuses it."""

from __future__ import annotations

import pytest

from factionmap import pipeline
from factionmap.language import nlp as language

PARAGRAPH = ("Al-Shabaab fighters attacked an army base near Kismayo on Sunday, the group said.\n\n"
             "IS named a new leader for its West Africa province in March.\n\n")


@pytest.mark.parametrize("text,limit", [
    ("one two three. four five six. " * 40, 100),
    ("word " * 500, 64),
    ("x" * 1000, 90),  # no break at all: cut where the passage is full
    (PARAGRAPH * 12, 400),
])
def test_passages_cover_the_text_end_to_end_within_the_limit(text, limit):
    bounds = language.passage_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(bounds, bounds[1:]))
    assert all(0 < end - start <= limit for start, end in bounds)
    assert len(bounds) >= len(text) // limit


def test_passages_end_at_a_blank_line_when_there_is_one_and_start_on_a_word():
    bounds = language.passage_bounds(PARAGRAPH * 12, 400)
    text = PARAGRAPH * 12
    for start, end in bounds[:-1]:
        assert text[start:end].endswith("\n\n")
        assert not text[end].isspace()


def test_a_short_text_is_one_passage():
    assert language.passage_bounds("The Taliban named a leader.", 100) == [(0, 27)]


@pytest.fixture
def small_passages(monkeypatch):
    monkeypatch.setattr(language, "PASSAGE_CHARS", 400)


def test_a_long_text_is_one_doc_with_the_whole_texts_offsets(small_passages):
    text = PARAGRAPH * 6
    doc = language.parse(text)
    assert len(language.passage_bounds(text)) > 2
    assert doc.text == language.mask_for_parse(text)
    assert language.original_text(doc) == text
    groups = [e for e in doc.ents if e.ent_id_]
    # every paragraph's names are found, "IS" stood in for and given back in each passage
    assert sum(e.text == "Al-Shabaab" for e in groups) == 6
    assert sum(text[e.start_char:e.end_char] == "IS" and e.ent_id_ == "islamic-state" for e in groups) == 6
    assert all(doc.text[e.start_char:e.end_char] == e.text for e in groups)
    assert len(list(doc.sents)) >= 12


def test_claims_of_a_long_text_point_into_the_whole_text(small_passages):
    text = "".join(PARAGRAPH.replace("Sunday", day) for day in ("Sunday", "Monday", "Tuesday", "Friday"))
    claims = pipeline.extract(text, published="2024-05-10")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert len(attacks) == 4
    for claim in claims:
        for ev in claim.evidence:
            assert " ".join(text[ev.start:ev.end].split()) == ev.text
    assert {c.evidence[0].sentence for c in attacks} == {0, 2, 4, 6}


def test_a_text_longer_than_spacys_limit_is_read_in_passages(small_passages):
    nlp = language.load_pipeline()
    text = PARAGRAPH * 4
    limit = nlp.max_length
    nlp.max_length = 500  # spaCy refuses (E088) one text longer than this
    try:
        with pytest.raises(ValueError, match="E088"):
            nlp(text)
        doc = language.parse(text)
        (many,) = language.parse_many([text])
    finally:
        nlp.max_length = limit
    assert doc.text == many.text == language.mask_for_parse(text)


def test_a_text_over_the_size_limit_is_refused_with_its_code_and_the_rest_go_on(tmp_path, nlp):
    from typer.testing import CliRunner

    from factionmap.api import ingest_paths
    from factionmap.cli.main import app

    (tmp_path / "long.txt").write_text(PARAGRAPH * 15, encoding="utf-8")  # about 2.4 KB
    (tmp_path / "short.txt").write_text(PARAGRAPH, encoding="utf-8")
    report = ingest_paths([tmp_path], tmp_path / "a.db", max_doc_kb=2)
    assert report.documents == 1 and [f.code for f in report.failed] == ["E118"]
    assert "long.txt" in report.failed[0].source and "--max-doc-kb" in report.failed[0].reason
    assert ingest_paths([tmp_path], tmp_path / "b.db", max_doc_kb=None).documents == 2
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "c.db"), "--max-doc-kb", "2"])
    assert result.exit_code == 1 and result.output.count("[E118]") == 1
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "d.db"), "--max-doc-kb", "0"])
    assert result.exit_code == 0, result.output


def _mention(token, sentence, entity_id):
    from factionmap.actors import Mention
    from factionmap.model import Entity

    return Mention(token, token * 5, token * 5 + 4, sentence, entity_id, Entity(entity_id, entity_id, "org"), "registry")


def test_indexed_mentions_answer_as_a_scan_does():
    """Coreference looks a few sentences back through an index kept while only `add` changes
    the mentions; its answers are those of a scan of every mention, in the text's order."""
    from factionmap.actors import DocActors

    def fill(out):
        for token, sentence, name in [(1, 0, "a"), (4, 0, "b"), (9, 1, "a"), (15, 2, "c"), (30, 5, "b")]:
            out.add(_mention(token, sentence, name))

    plain, indexed = DocActors(), DocActors()
    fill(plain)
    fill(indexed)
    with indexed.indexed():
        for before in range(0, 40, 3):
            for lo, hi in [(0, 2), (1, 5), (3, 6), (-2, 0)]:
                assert indexed.recent(before, lo, hi) == plain.recent(before, lo, hi)
            assert indexed.counts_before(before) == plain.counts_before(before)
            if before == 12:  # one found later through a pronoun, at an earlier token: in its place
                late = _mention(11, 1, "c")
                indexed.add(late)
                plain.add(late)
                assert [m.token for m in indexed.recent(13, 0, 2)] == [1, 4, 9, 11]
    assert [m.token for m in plain.recent(40, 0, 9)] == [1, 4, 9, 11, 15, 30]
