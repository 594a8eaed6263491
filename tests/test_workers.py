"""`ingest --workers N`: the pipeline in a pool of processes, results stored by one writer in
input order, so the store is the same as a one-process ingest's (workers.py)."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

from factionmap.api import ingest_paths
from factionmap.errors import FactionmapError
from factionmap.export.claims import write_jsonl
from factionmap.query.fused import list_facts
from factionmap.store.sqlite import Store
from factionmap.workers import RemoteError, _portable, in_order

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _corpus(tmp_path: Path, n: int) -> Path:
    """The first n example articles (with their metadata), plus a copy of the first (a skip),
    an empty file (E101) and an article too long for the limit used below (E118)."""
    folder = tmp_path / "in"
    folder.mkdir()
    texts = sorted(CORPUS.glob("*.txt"))[:n]
    for text in texts:
        shutil.copy(text, folder / text.name)
        if text.with_suffix(".json").exists():
            shutil.copy(text.with_suffix(".json"), folder / text.with_suffix(".json").name)
    shutil.copy(texts[0], folder / "zz_copy.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "long.txt").write_text("The Taliban attacked a checkpoint in Kunduz. " * 600, encoding="utf-8")
    return folder


def _store_contents(db: Path) -> tuple:
    with Store.open(db, create=False) as store:
        claims = []

        class Lines:
            def write(self, text):
                claims.append(text)

        write_jsonl(store, Lines())
        facts = [f.to_dict() for f in list_facts(store)]
        docs = [tuple(r) for r in store.connection.execute("SELECT id, source, content_hash FROM documents ORDER BY id")]
    for fact in facts:  # when it was stored differs between runs, nothing else
        fact.pop("first_seen", None)
        fact.pop("updated_at", None)
    return docs, [json.loads(c) for c in "".join(claims).splitlines()], facts


@pytest.mark.parametrize("workers", [2])
def test_workers_store_exactly_what_one_process_stores(tmp_path, nlp, workers):
    folder = _corpus(tmp_path, 7)
    one, many = tmp_path / "one.db", tmp_path / "many.db"
    single = ingest_paths([folder], one, batch_size=2, max_doc_kb=16)
    pooled = ingest_paths([folder], many, batch_size=2, max_doc_kb=16, workers=workers)
    assert single == pooled  # the same documents, skips and failures, in the same order
    assert single.documents == 7 and len(single.skipped) == 1
    assert sorted(f.code for f in single.failed) == ["E101", "E118"]
    docs, claims, facts = _store_contents(one)
    assert (docs, claims, facts) == _store_contents(many)
    assert len(claims) > 20 and len(facts) > 10


def test_workers_progress_is_told_in_input_order(tmp_path, nlp):
    folder = _corpus(tmp_path, 3)
    seen: list[tuple[int, str]] = []
    ingest_paths([folder], tmp_path / "fm.db", batch_size=1, workers=2, max_doc_kb=16,
                 on_progress=lambda done, total, source: seen.append((done, Path(source).name)))
    assert [d for d, _ in seen] == list(range(1, len(seen) + 1))
    assert [name for _, name in seen] == sorted(name for _, name in seen)  # the folder's order


def test_in_order_keeps_the_order_of_batches_with_one_process():
    batches = [(i, []) for i in range(5)]
    assert [tag for tag, _ in in_order(batches, workers=1)] == list(range(5))


@pytest.mark.parametrize("error", [ValueError("bad byte"), FactionmapError("E117", seconds=2)])
def test_a_worker_failure_crosses_to_the_writer_with_its_code(error):
    try:
        raise error
    except Exception as raised:
        portable = _portable(raised)
    back = pickle.loads(pickle.dumps(portable))
    assert isinstance(back, RemoteError) and isinstance(back, FactionmapError)
    expected = "E199" if isinstance(error, ValueError) else "E117"
    assert back.code == expected and back.message == portable.message
    assert ("ValueError: bad byte" in back.remote_traceback) == isinstance(error, ValueError)
    assert str(back).startswith(f"{back.message} [{expected}]")
