"""The ingest queue (store/queue.py) on both backends: concurrent claimers never take a
document twice and lose none; failures and stale claims."""

from __future__ import annotations

import threading

from conftest import document

from factionmap.store.sqlite import Store


def _docs(n: int) -> list:
    return [document(f"d-{i}", "2015-01-01", text=f"text number {i}", source=f"feed/{i}.txt") for i in range(n)]


def test_queue_round_trip(fresh_store):
    ids = fresh_store.enqueue(_docs(3))
    assert len(ids) == 3 and fresh_store.queue_counts()["queued"] == 3
    batch = fresh_store.claim_batch(2, "w1")
    assert [q.id for q in batch] == ids[:2]
    assert batch[0].document == _docs(3)[0] and batch[0].source == "feed/0.txt"
    fresh_store.finish([ids[0]], errors={ids[1]: "E303 could not store"})
    assert fresh_store.queue_counts() == {"queued": 1, "claimed": 0, "done": 1, "failed": 1}
    row = fresh_store.connection.execute("SELECT state, error FROM ingest_queue WHERE id = ?", (ids[1],)).fetchone()
    assert tuple(row) == ("failed", "E303 could not store")


def test_queue_stale_claims_go_back(fresh_store):
    fresh_store.enqueue(_docs(2))
    taken = fresh_store.claim_batch(5, "dead-worker")
    assert len(taken) == 2 and fresh_store.claim_batch(5, "w2") == []
    assert fresh_store.requeue_stale(3600) == 0  # claimed just now: not stale
    assert fresh_store.requeue_stale(-1) == 2
    assert [q.id for q in fresh_store.claim_batch(5, "w2")] == [q.id for q in taken]


def test_queue_concurrent_claimers_take_each_document_once(store_backend, tmp_path, request):
    n = 200
    if store_backend == "sqlite":  # threads need one file, each with its own connection
        url = str(tmp_path / "queue.db")
        Store(url).close()
    else:
        url = request.getfixturevalue("pg_databases").take()
    with Store(url) as store:
        queued = set(store.enqueue(_docs(n)))
    taken: dict[str, list[int]] = {}
    failures: list[BaseException] = []

    def work(name: str) -> None:
        try:
            with Store(url) as store:
                mine = taken.setdefault(name, [])
                while batch := store.claim_batch(7, name):
                    mine.extend(q.id for q in batch)
                    store.finish([q.id for q in batch])
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    every = [i for ids in taken.values() for i in ids]
    assert len(every) == len(set(every)) == n and set(every) == queued  # none twice, none lost
    with Store(url) as store:
        assert store.queue_counts() == {"queued": 0, "claimed": 0, "done": n, "failed": 0}
    if store_backend == "postgresql":
        request.getfixturevalue("pg_databases").give_back(url)
