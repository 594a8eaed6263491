"""The Python API the CLI is a thin layer over."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .model import IngestError


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
    raise NotImplementedError("being written")  # replaced when the pipeline lands
