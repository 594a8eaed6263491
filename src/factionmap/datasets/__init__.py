"""Existing datasets (GTD, ACLED, UCDP GED, MMP) as sourced claims of the ontology.

Each record of a dataset file is one Document (id "gtd-<eventid>", outlet the dataset's
label, published on the record's event date) with the claims it codes, attributed to the
dataset, naming actors and places with the ids the news extractor gives them, so that they
fuse with news claims into the same facts. Reading is apart from writing: `read_dataset`
returns records; `load.import_dataset` stores them (docs/datasets.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import FactionmapError
from . import acled, gtd, mmp, ucdp
from .records import MAPPING_VERSION, Item, Record, Skipped

READERS = {"gtd": gtd.read, "acled": acled.read, "ucdp": ucdp.read, "mmp": mmp.read}
DATASETS = tuple(READERS)


def read_dataset(kind: str, path: str | Path, version: str | None = None) -> Iterator[Item]:
    """The records of a dataset file: (Document, claims), `Skipped` (a record of a kind the
    ontology has no claim for, counted), or the IngestError of one record (or of the whole
    file: a missing column, a missing file). `version` is the dataset's version, stored in
    the documents' source ("gtd:<version>:<record id>"); by default the one the file's name
    carries, if any. E407 for an unknown kind."""
    reader = READERS.get(kind.lower().strip()) if isinstance(kind, str) else None
    if reader is None:
        raise FactionmapError("E407", option="dataset", value=kind, hint="", expected=", ".join(DATASETS))
    return reader(path, version)


__all__ = ["DATASETS", "MAPPING_VERSION", "Item", "Record", "Skipped", "read_dataset"]
