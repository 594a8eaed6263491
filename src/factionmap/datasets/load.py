"""Importing a dataset file into a store: `read_dataset`'s records written one transaction
each through `Store.store_document`, so they fuse with news claims like any document.

A record whose text is stored already (the same content hash) is skipped: importing a file
twice adds nothing. A record that fails, in reading or in writing, is its one-line coded
error and the rest of the file goes in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import FactionmapError, unexpected
from ..model import IngestError
from ..store.sqlite import Store
from . import read_dataset
from .records import MAPPING_VERSION, Skipped

ALREADY = "already imported"


@dataclass(frozen=True)
class ImportReport:
    """What one import did."""

    records: int = 0  # records newly stored (one document each)
    claims: int = 0  # claims stored from them
    skipped: tuple[tuple[str, str], ...] = ()  # (source, why): not mapped, or already imported
    failed: tuple[IngestError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failed

    def skip_reasons(self) -> list[tuple[str, int]]:
        """Each reason records were skipped for, with how many, most frequent first."""
        return Counter(reason for _, reason in self.skipped).most_common()

    def __add__(self, other: "ImportReport") -> "ImportReport":
        return ImportReport(self.records + other.records, self.claims + other.claims,
                            self.skipped + other.skipped, self.failed + other.failed)

    def to_dict(self) -> dict:
        return {"records": self.records, "claims": self.claims,
                "skipped": [{"source": s, "reason": r} for s, r in self.skipped],
                "failed": [{"source": f.source, "code": f.code, "message": f.reason} for f in self.failed]}


def import_dataset(kind: str, path: str | Path, db_path: "str | Path | Store" = "factionmap.db",
                   version: str | None = None, on_error: Callable[[IngestError], None] | None = None) -> ImportReport:
    """Import one dataset file (`datasets.read_dataset`) into the store at `db_path` (created
    if missing) or into an open Store. `on_error(error)` is told of each failed record as it
    happens; the report lists them all too. E407 for an unknown kind, before anything."""
    records = read_dataset(kind, path, version)
    if isinstance(db_path, Store):
        return _import(records, str(path), db_path, on_error)
    with Store.open(db_path) as store:
        return _import(records, str(path), store, on_error)


def _import(records, path: str, store: Store, on_error) -> ImportReport:
    stored = claims = 0
    skipped: list[tuple[str, str]] = []
    failed: list[IngestError] = []

    def fail(error: IngestError) -> None:
        failed.append(error)
        if on_error:
            on_error(error)

    for item in records:
        if isinstance(item, IngestError):
            fail(item)
            continue
        if isinstance(item, Skipped):
            skipped.append((item.source, item.reason))
            continue
        doc, found = item
        source = f"{path} record {doc.id}"
        if store.document_by_hash(doc.content_hash):
            skipped.append((source, ALREADY))
            continue
        if store.document_info(doc.id) is not None:  # the id is stored with another text
            error = FactionmapError("E133", id=doc.id)
            fail(IngestError(source, error.message, error.code))
            continue
        try:
            ids = store.store_document(doc, found, rules_version=MAPPING_VERSION)
        except Exception as exc:  # noqa: BLE001 - this record's error, not the file's
            error = exc if isinstance(exc, FactionmapError) else unexpected(exc)
            fail(IngestError(source, error.message, error.code))
            continue
        if ids is None:  # stored meanwhile by another process
            skipped.append((source, ALREADY))
        else:
            stored += 1
            claims += len(ids)
    return ImportReport(stored, claims, tuple(skipped), tuple(failed))
