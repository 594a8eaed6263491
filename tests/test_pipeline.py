"""The pipeline as a whole: claims with evidence pointing into the text, batch and single alike."""

from __future__ import annotations

import pytest

from factionmap.ingest.readers import content_hash
from factionmap.model import CLAIM_TYPES, Document, Entity
from factionmap.pipeline import extract, process, process_many

TEXTS = [
    "Boko Haram pledged allegiance to the Islamic State in March. The group is active in Borno.",
    "  Mullah Omar led the Taliban.\n\nAkhtar Mansour  succeeded Mullah Omar in July.  ",
    "Al-Shabaab, the Somali branch of al-Qaeda, attacked a hotel in Mogadishu.\n"
    "The Taliban clashed with the Islamic State in Nangarhar on Sunday.",
]


def _document(i, text, published="2015-08-14"):
    return Document(id=f"d-{i}", text=text, published=published, content_hash=content_hash(text))


@pytest.mark.parametrize("text", TEXTS)
def test_pipeline_evidence_offsets_point_at_the_sentence(nlp, text):
    claims = extract(text, published="2015-08-14")
    assert claims
    for claim in claims:
        for ev in claim.evidence:
            assert " ".join(text[ev.start:ev.end].split()) == ev.text
            assert text[ev.start:ev.end] == text[ev.start:ev.end].strip()


@pytest.mark.parametrize("text", TEXTS)
def test_pipeline_evidence_sentence_index_matches_the_parse(nlp, text):
    sentences = list(nlp(text).sents)
    for claim in extract(text, published="2015-08-14"):
        for ev in claim.evidence:
            sent = sentences[ev.sentence]
            assert sent.start_char <= ev.start < ev.end <= sent.end_char


@pytest.mark.parametrize("text", TEXTS)
def test_pipeline_entity_args_are_model_entities(nlp, text):
    for claim in extract(text, published="2015-08-14"):
        for name in CLAIM_TYPES[claim.type]["core"]:
            value = claim.args[name]
            values = value if isinstance(value, tuple) else (value,)
            assert all(isinstance(v, Entity) for v in values), (claim.type, name, value)


@pytest.mark.parametrize("doc_id", ["d-42", "article-7"])
def test_pipeline_evidence_names_the_document(nlp, doc_id):
    claims = extract(TEXTS[0], published="2015-08-14", doc_id=doc_id)
    assert claims and {ev.document for c in claims for ev in c.evidence} == {doc_id}


@pytest.mark.parametrize("batch_size", [1, 2, 8])
def test_pipeline_process_many_gives_the_same_claims_as_process(nlp, batch_size):
    documents = [_document(i, text) for i, text in enumerate(TEXTS)]
    singly = [process(d).claims for d in documents]
    batched = [r.claims for r in process_many(documents, batch_size=batch_size)]
    assert batched == singly


@pytest.mark.parametrize("count", [3])
def test_pipeline_process_many_keeps_document_order(nlp, count):
    documents = [_document(i, text) for i, text in enumerate(TEXTS[:count])]
    assert [r.document.id for r in process_many(documents)] == [d.id for d in documents]


@pytest.mark.parametrize("text", ["Boko Haram pledged allegiance to the Islamic State on Thursday."])
def test_pipeline_extract_uses_the_publication_date(nlp, text):
    # (the pledge, not the affiliation it implies)
    (with_date,) = [c for c in extract(text, published="2015-08-14") if c.type == "PLEDGE"]
    (without,) = [c for c in extract(text, published=None) if c.type == "PLEDGE"]
    assert (with_date.time.start, without.time.start) == ("2015-08-13", None)


@pytest.mark.parametrize("text", ["The weather in Kabul was mild on Friday.", "Prices rose again."])
def test_pipeline_text_without_claims_gives_none(nlp, text):
    assert extract(text) == []
