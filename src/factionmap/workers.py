"""Reading documents in this process or in a pool of worker processes (`ingest --workers N`).

The pipeline is the costly part of ingest; storing is quick. So with N workers, batches of
documents go to N processes, each holding its own pipeline (loaded once, when the process
starts), and their claims come back **in the order the batches were sent**: the one writer
(the caller) stores them in input order, and the store ends up exactly as a one-process
ingest leaves it (same document and claim ids, same facts). At most 2 × N batches are out
at once, so a corpus of any size streams through in bounded memory.

Each worker keeps the per-document time budget (E117) and turns a failure nobody foresaw
into E199 with the worker's traceback attached, so errors read the same as in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import traceback
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterable, Iterator

from .errors import FactionmapError, unexpected
from .model import Document


def processed(documents: list[Document], timeout: float | None = None) -> list[tuple[Document, object]]:
    """(document, its DocumentResult or the exception it raised), in order: the batch is
    parsed together within one document's time budget, and when anything in it fails (or
    the batch runs out of time), each document again on its own, each with its budget."""
    from .pipeline import process_many

    if not documents:
        return []
    try:
        with time_budget(timeout):  # the whole batch in one document's time: a runaway costs one budget
            return list(zip(documents, process_many(documents)))
    except Exception:  # noqa: BLE001 - find which document it was
        pass
    out: list[tuple[Document, object]] = []
    for doc in documents:
        try:
            with time_budget(timeout):
                found: object = next(iter(process_many([doc])))
        except Exception as exc:  # noqa: BLE001
            found = exc
        out.append((doc, found))
    return out


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Stop the work inside after `seconds` with E117 (where the platform has timers: the
    main thread of a Unix process; elsewhere there is no limit)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def out_of_time(signum, frame):
        raise FactionmapError("E117", seconds=seconds)

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class RemoteError(FactionmapError):
    """A failure in a worker process, as the code and message it would have had here, with
    the worker's traceback for `--debug`."""

    def __init__(self, code: str, message: str, remote_traceback: str = "") -> None:
        Exception.__init__(self, f"{message} [{code}]")
        self.code, self.details, self.message, self.remote_traceback = code, {}, message, remote_traceback

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]" + (f"\n{self.remote_traceback}" if self.remote_traceback else "")

    def __reduce__(self):
        return RemoteError, (self.code, self.message, self.remote_traceback)


def _portable(result: object) -> object:
    """A result that crosses a process boundary intact: exceptions become RemoteError."""
    if not isinstance(result, BaseException):
        return result
    text = "".join(traceback.format_exception(result))
    error = result if isinstance(result, FactionmapError) else unexpected(result)
    return RemoteError(error.code, error.message, "" if isinstance(result, FactionmapError) else text)


def _start_worker() -> None:
    """Load the pipeline once per process, before the first batch arrives; Ctrl-C is the
    parent's to handle (it stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .pipeline import load_pipeline

    load_pipeline()


def _work(documents: list[Document], timeout: float | None) -> list[tuple[Document, object]]:
    return [(doc, _portable(found)) for doc, found in processed(documents, timeout)]


def _context():
    """fork where the platform has it: the workers start at once with the pipeline the parent
    loaded (shared, copy on write); else spawn, each worker loading its own."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def in_order(batches: Iterable[tuple[object, list[Document]]], workers: int = 1,
             timeout: float | None = None) -> Iterator[tuple[object, list[tuple[Document, object]]]]:
    """For each (tag, documents) batch, in the order given: (tag, [(document, result)]).
    One worker reads in this process; more read in a pool of that many processes."""
    if workers <= 1:
        for tag, documents in batches:
            yield tag, processed(documents, timeout)
        return
    context = _context()
    if context.get_start_method() == "fork":
        from .pipeline import load_pipeline

        load_pipeline()  # once, here: every worker has it from the start
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker) as pool:
        pending: deque = deque()
        try:
            for tag, documents in batches:
                pending.append((tag, pool.submit(_work, documents, timeout)))
                while len(pending) >= 2 * workers:
                    done_tag, future = pending.popleft()
                    yield done_tag, future.result()
            while pending:
                done_tag, future = pending.popleft()
                yield done_tag, future.result()
        except BaseException:
            for _, future in pending:
                future.cancel()
            raise


def cpu_count() -> int:
    """The processors this process may use (a container's limit, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
