"""Generated inputs (hypothesis): dates, ids, sidecars, texts and documents of news words.
Whatever comes in, the answer is a value or a one-line coded error, never an exception of
another kind; the extractor's evidence always points at the sentence it quotes.
(`FACTIONMAP_NIGHTLY=1` runs many more examples: see conftest.py.)"""

from __future__ import annotations

import json
import re
import string
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from factionmap import pipeline
from factionmap.errors import FactionmapError
from factionmap.ingest.readers import document_from_text, normalize_published, read_documents
from factionmap.language.nlp import passage_bounds
from factionmap.model import Document, IngestError

ONE_LINE = re.compile(r"^[^\n]+ \[E\d{3}\]$")
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=12)
DATES = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.from_regex(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z"),
    st.text(alphabet=string.digits + "-T:+Z ٠١٢٣", max_size=25),
    JSON,
)


@given(DATES)
def test_a_generated_publication_date_is_an_iso_date_in_range_or_a_coded_error(value):
    try:
        found = normalize_published(value)
    except FactionmapError as error:
        assert error.code in ("E112", "E115")
        return
    if found is not None:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", found)
        assert "1900" <= found[:4] and found <= (date.today() + timedelta(days=1)).isoformat()[:len(found)]


NEWS_WORDS = ("Al-Shabaab", "the Taliban", "Boko Haram", "Islamic State", "al-Qaeda", "Hamas", "the group",
              "its", "leader", "pledged", "allegiance", "to", "attacked", "seized", "Mogadishu", "Kabul",
              "killed", "12", "soldiers", "on", "Sunday", "in", "March", "2015", "allied", "with", "split",
              "from", "said", "would", "not", "may", "named", "as", "new", "emir", "and", ",", ".", "(IS)",
              "\n\n", "“", "”", "-", "rivals", "fought", "against", "the", "army", "claimed", "responsibility")


@given(st.lists(st.sampled_from(NEWS_WORDS), min_size=1, max_size=60), st.sampled_from([None, "2016-05-01"]))
def test_generated_news_text_gives_claims_whose_evidence_quotes_the_text(nlp, words, published):
    text = " ".join(words)
    claims = pipeline.extract(text, published=published)
    for claim in claims:
        assert claim.type and claim.evidence
        for ev in claim.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
            assert " ".join(text[ev.start:ev.end].split()) == " ".join(ev.text.split())


@given(st.text(max_size=300), st.integers(min_value=5, max_value=80))
def test_generated_text_is_cut_into_passages_that_cover_it(text, limit):
    bounds = passage_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(end - start <= limit for start, end in bounds)


@given(st.text(max_size=200), st.one_of(st.text(max_size=30), st.integers().map(str)))
def test_a_generated_text_and_id_make_a_document_or_a_coded_error(text, doc_id):
    try:
        doc = document_from_text(text, doc_id)
    except FactionmapError as error:
        assert ONE_LINE.match(str(error)) or error.code
        return
    assert isinstance(doc, Document) and doc.text == text and doc.content_hash


@given(JSON, st.one_of(st.integers(min_value=-10**50, max_value=10**50), st.text(max_size=30), JSON))
def test_a_generated_sidecar_and_row_id_are_read_or_are_one_coded_line(tmp_path_factory, sidecar, row_id):
    folder = tmp_path_factory.mktemp("gen")
    (folder / "a.txt").write_text("The Taliban named a new leader on Sunday, the group said.", encoding="utf-8")
    (folder / "a.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (folder / "rows.jsonl").write_text(json.dumps({"id": row_id, "text": "Hamas fired rockets."}) + "\n",
                                       encoding="utf-8")
    items = list(read_documents([folder]))
    assert len(items) == 2
    for item in items:
        assert isinstance(item, (Document, IngestError))
        if isinstance(item, IngestError):
            assert ONE_LINE.match(str(item)), str(item)
