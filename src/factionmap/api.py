"""The Python API the CLI is a thin layer over."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import FactionmapError
from .model import IngestError
from .store.sqlite import Store


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run did."""

    documents: int = 0  # documents newly stored
    claims: int = 0  # claims stored from them
    skipped: tuple[tuple[str, str], ...] = ()  # (source, id of the stored copy): already ingested
    failed: tuple[IngestError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest_paths(
    paths: Iterable[str | Path],
    db_path: str | Path = "factionmap.db",
    published: str | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Read documents from paths, extract claims, store them (one transaction a document).

    `on_progress(done, total, source)` is called after each document is handled.
    """
    from .ingest.readers import read_documents
    from .pipeline import process_many, rules_version
    items = list(read_documents(paths, published=published))
    total = len(items)
    done = 0
    failed: list[IngestError] = [i for i in items if isinstance(i, IngestError)]
    skipped: list[tuple[str, str]] = []
    stored_docs = 0
    stored_claims = 0
    with Store.open(db_path) as store:
        todo = []
        seen: dict[str, str] = {}
        for item in items:
            if isinstance(item, IngestError):
                done += 1
                if on_progress:
                    on_progress(done, total, item.source)
                continue
            existing = store.document_by_hash(item.content_hash) or seen.get(item.content_hash)
            if existing:
                skipped.append((item.source or item.id, existing))
                done += 1
                if on_progress:
                    on_progress(done, total, item.source or item.id)
                continue
            seen[item.content_hash] = item.id
            todo.append(item)
        version = rules_version()
        for result in process_many(todo):
            doc = result.document
            try:
                ids = store.add_document(doc, list(result.claims), rules_version=version)
            except FactionmapError as exc:
                failed.append(IngestError(doc.source or doc.id, exc.message, exc.code))
            else:
                stored_docs += 1
                stored_claims += len(ids)
            done += 1
            if on_progress:
                on_progress(done, total, doc.source or doc.id)
    return IngestReport(stored_docs, stored_claims, tuple(skipped), tuple(failed))
