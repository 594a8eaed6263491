"""The stages in order: language -> actors -> claims, for one document or many."""

from __future__ import annotations

from dataclasses import dataclass

from .actors.resolve import resolve_actors
from .extract.claims import extract_claims, rules_version
from .ingest.readers import content_hash
from .language.nlp import load_pipeline, parse, parse_many
from .model import Claim, Document


@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline found in one document."""

    document: Document
    claims: tuple[Claim, ...]


def process(document: Document) -> DocumentResult:
    """Read one document: its claims, each with its evidence."""
    return _result(document, parse(document.text))


def process_many(documents, batch_size: int = 8):
    """Read documents in batches (spaCy's pipe is faster than one by one). The words the
    batch adds to spaCy's string store are dropped when it is done (`memory_zone`): only
    plain claims leave here."""
    documents = list(documents)
    with load_pipeline().memory_zone():
        for document, doc in zip(documents, parse_many((d.text for d in documents), batch_size=batch_size)):
            yield _result(document, doc)


def _result(document: Document, doc, registry=None) -> DocumentResult:
    actors = resolve_actors(doc, registry)
    return DocumentResult(document, tuple(extract_claims(doc, actors, document)))


def extract(text: str, published: str | None = None, doc_id: str = "d", *, nlp=None,
            registry=None) -> list[Claim]:
    """The claims of one text, without a store. `nlp` and `registry` (built together with
    `language.build_pipeline`) replace the shipped ones, for experiments."""
    document = Document(id=doc_id, text=text, published=published, content_hash=content_hash(text))
    return list(_result(document, parse(text, nlp), registry).claims)


__all__ = ["DocumentResult", "extract", "process", "process_many", "rules_version"]
