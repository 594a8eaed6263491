"""The Python API the CLI is a thin layer over."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import FactionmapError, unexpected
from .model import IngestError
from .query.tables import TABLES
from .store.sqlite import Store
from .distributed import connect, dask_in_order
from .workers import in_order

DOC_TIMEOUT = 120.0  # seconds one document may take to read (`--doc-timeout`)
# The longest text read by default (`--max-doc-kb`), in units of 1,024 characters: what is
# read in about 10 s here on the densest text (benchmarks/doc_size.py); longer than news.
MAX_DOC_KB = 64


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

    def to_dict(self) -> dict:
        """What `ingest --json` prints and `POST /api/documents` answers."""
        return {"documents": self.documents, "claims": self.claims,
                "skipped": [{"source": source, "stored_as": stored} for source, stored in self.skipped],
                "failed": [{"source": f.source, "code": f.code, "message": f.reason} for f in self.failed]}


def ingest_paths(
    paths: Iterable[str | Path],
    db_path: str | Path = "factionmap.db",
    published: str | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    batch_size: int = 8,
    on_unexpected: Callable[[str, BaseException], None] | None = None,
    follow_symlinks: bool = False,
    doc_timeout: float | None = DOC_TIMEOUT,
    on_error: Callable[[IngestError], None] | None = None,
    max_doc_kb: float | None = MAX_DOC_KB,
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestReport:
    """Read documents from paths, extract claims, store them (one transaction a document).

    The documents stream: they are read, parsed (`batch_size` at a time) and committed as
    they come, so memory does not grow with the corpus. A document that fails, in any way,
    is that document's one-line coded error and the rest go on: a failure nobody foresaw is
    E199 (`on_unexpected(source, exception)` is told of it, for a traceback).
    `on_progress(done, total, source)` is called after each document is handled; `total`
    is counted before reading (`ingest.count_items`). In a folder, a symbolic link out of it
    is not read (E116) unless `follow_symlinks`. A document whose reading takes longer
    than `doc_timeout` seconds is stopped and reported (E117); None: no limit.
    A text longer than `max_doc_kb` times 1,024 characters is refused (E118); None: no limit
    (a long text is read in passages, in time that grows with its length).
    `on_error(error)` is told of each failure as it happens (an overnight run's errors
    need not wait for its end); the report lists them all too.
    With `workers` > 1 the pipeline runs in that many processes (`workers.in_order`), and
    with a Dask `scheduler` address on that cluster (`distributed.dask_in_order`); this
    process stores what they find in input order, so the store is the same as with one.
    """
    from .ingest.readers import count_items, read_documents
    from .pipeline import rules_version

    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    total = count_items(paths, follow_symlinks)
    done = 0
    failed: list[IngestError] = []
    skipped: list[tuple[str, str]] = []
    stored_docs = stored_claims = 0
    limit = int(max_doc_kb * 1024) if max_doc_kb else None

    def tick(source: str) -> None:
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, max(total, done), source)

    def fail(source: str, exc: BaseException) -> None:
        error = exc if isinstance(exc, FactionmapError) else unexpected(exc)
        if on_unexpected and (not isinstance(exc, FactionmapError) or getattr(exc, "remote_traceback", "")):
            on_unexpected(source, exc)
        failed_one(IngestError(source, error.message, error.code))

    def failed_one(error: IngestError) -> None:
        failed.append(error)
        if on_error:
            on_error(error)

    with Store.open(db_path) as store:
        version = rules_version()

        def readable(item) -> bool:  # worth sending to the pipeline (checked again when stored)
            return (not isinstance(item, IngestError) and not (limit and len(item.text) > limit)
                    and not store.document_by_hash(item.content_hash))

        def batches():
            for batch in _batches(read_documents(paths, published, follow_symlinks), batch_size):
                todo = [item for item in batch if readable(item)]
                yield (batch, todo), todo

        client = connect(scheduler) if scheduler else None
        reading = dask_in_order(batches(), client, doc_timeout) if client else in_order(batches(), workers, doc_timeout)
        try:
            for (batch, todo), results in reading:
                found = {id(doc): result for doc, (_, result) in zip(todo, results)}
                for item in batch:  # in input order: the same store whatever the number of workers
                    if isinstance(item, IngestError):
                        failed_one(item)
                        tick(item.source)
                        continue
                    source = item.source or item.id
                    existing = store.document_by_hash(item.content_hash)
                    if existing:  # stored before this run, or earlier in it
                        skipped.append((source, existing))
                    elif limit and len(item.text) > limit:
                        fail(source, FactionmapError("E118", size=len(item.text), limit=limit))
                    elif isinstance(result := found.get(id(item)), BaseException) or result is None:
                        fail(source, result or FactionmapError("E199", kind="missing", detail="not read"))
                    else:
                        try:
                            ids = store.store_document(item, list(result.claims), rules_version=version)
                        except Exception as exc:  # noqa: BLE001 - this document's error, not the batch's
                            fail(source, exc)
                        else:
                            if ids is not None:
                                stored_docs += 1
                                stored_claims += len(ids)
                            else:  # stored meanwhile by another process: a skip, truthfully
                                skipped.append((source, store.document_by_hash(item.content_hash) or "?"))
                    tick(source)
        finally:
            if client is not None:
                client.close()
    return IngestReport(stored_docs, stored_claims, tuple(skipped), tuple(failed))


def table(what: str, db: "str | Path | Store" = "factionmap.db", actor: str | None = None, types=None,
          on: str | None = None, known_on: str | None = None):
    """One of the flat tables (claims, facts, events, relations, actors, evidence) as a
    `Table`: `.to_pandas()`, `.to_arrow()`, `.to_dicts()`, or written by `export.tabular`.

    `db` is a store path (which must exist: E305) or an open `Store`. `actor` keeps the rows
    naming that actor (for actors: whose names contain it), `types` some claim types, `on`
    the facts, events and relations holding that day, `known_on` only what documents
    published by that day said. The rows are those `factionmap facts` and the other
    commands answer with.
    """
    if what not in TABLES:
        raise FactionmapError("E407", option="table", value=what, hint="", expected=", ".join(TABLES))
    if isinstance(db, Store):
        if known_on is None:  # an open store keeps the date its caller set, if any
            return TABLES[what](db, actor, types, on)
        with db.as_known_on(known_on):
            return TABLES[what](db, actor, types, on)
    with Store.open(db, create=False) as store, store.as_known_on(known_on):
        return TABLES[what](store, actor, types, on)


def facts(db: "str | Path | Store" = "factionmap.db", actor: str | None = None, types=None,
          on: str | None = None, known_on: str | None = None):
    """The fused facts as a `Table` (one row a fact); see `table`."""
    return table("facts", db, actor, types, on, known_on)


def events(db: "str | Path | Store" = "factionmap.db", actor: str | None = None, types=None,
           on: str | None = None, known_on: str | None = None):
    """Attacks and seizures as a `Table` in the columns incident datasets use; see `table`."""
    return table("events", db, actor, types, on, known_on)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


