"""The pipeline on a Dask cluster (`ingest --engine dask --scheduler ADDR`).

Each Dask worker holds one pipeline, loaded once by a worker plugin when it joins; batches of
documents go out as tasks, their claims come back, and this process (the one writer) stores
them **in input order**, exactly as `workers.in_order` does for a local pool: the store ends
up the same as a one-process ingest leaves it. At most `2 × workers` batches are out at once,
so a corpus of any size streams through. Several such writers, each with its own documents,
can share one PostgreSQL store (its writes are serialised per document).

Dask is imported only here, and only when this engine is asked for.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from .errors import FactionmapError
from .model import Document
from .workers import _work

PLUGIN_NAME = "factionmap-pipeline"


class PipelinePlugin:
    """A Dask worker plugin: the pipeline loaded when the worker starts (not per task)."""

    name = PLUGIN_NAME

    def setup(self, worker) -> None:
        from .pipeline import load_pipeline

        load_pipeline()

    def teardown(self, worker) -> None:
        pass


def connect(scheduler: str, timeout: float = 10.0):
    """A Dask client for the scheduler at ADDR (tcp://host:8786), with the plugin registered;
    E140 when none answers within `timeout` seconds."""
    try:
        from distributed import Client
    except ImportError:
        raise FactionmapError("E141") from None
    try:
        client = Client(scheduler, timeout=f"{timeout}s")
    except (OSError, TimeoutError) as error:
        raise FactionmapError("E140", address=scheduler, detail=str(error)) from None
    client.register_plugin(_plugin())
    return client


def _plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class _Plugin(PipelinePlugin, WorkerPlugin):
        pass

    return _Plugin()


def _read(documents: list[Document], timeout: float | None):
    # worker threads have no timer signals: the budget holds in a worker's main thread only
    return _work(documents, timeout)


def dask_in_order(batches: Iterable[tuple[object, list[Document]]], client,
                  timeout: float | None = None) -> Iterator[tuple[object, list[tuple[Document, object]]]]:
    """For each (tag, documents) batch, in the order given: (tag, [(document, result)]), the
    reading done on the cluster behind `client`."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    try:
        for tag, documents in batches:
            pending.append((tag, client.submit(_read, documents, timeout, pure=False) if documents else None))
            while len(pending) >= 2 * workers:
                yield _next(pending)
        while pending:
            yield _next(pending)
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()


def _next(pending: deque):
    tag, future = pending.popleft()
    return tag, (future.result() if future is not None else [])
