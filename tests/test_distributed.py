"""`ingest --engine dask`: the pipeline on a Dask cluster (a LocalCluster of two worker
processes over loopback here), the claims stored by this process in input order: the same
store as a local ingest (distributed.py)."""

from __future__ import annotations

import pytest

from factionmap.api import ingest_paths
from factionmap.distributed import PLUGIN_NAME, connect
from factionmap.errors import FactionmapError

from test_workers import _corpus, _store_contents

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as running:
        yield running


def test_dask_engine_stores_exactly_what_a_local_ingest_stores(tmp_path, nlp, cluster):
    folder = _corpus(tmp_path, 5)
    local, remote = tmp_path / "local.db", tmp_path / "dask.db"
    here = ingest_paths([folder], local, batch_size=2, max_doc_kb=16)
    there = ingest_paths([folder], remote, batch_size=2, max_doc_kb=16, scheduler=cluster.scheduler_address)
    assert here == there and here.documents == 5
    assert _store_contents(local) == _store_contents(remote)


def test_dask_workers_hold_the_pipeline_from_the_plugin(cluster):
    client = connect(cluster.scheduler_address)
    try:
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
        assert len(plugins) == 2 and all(PLUGIN_NAME in names for names in plugins.values())
        loaded = client.run(lambda: __import__("factionmap.language.nlp", fromlist=["x"]).load_pipeline.cache_info().currsize)
        assert set(loaded.values()) == {1}
    finally:
        client.close()


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9"])
def test_dask_engine_with_no_scheduler_is_one_coded_error(address):
    with pytest.raises(FactionmapError) as raised:
        connect(address, timeout=1)
    assert raised.value.code == "E140" and address in raised.value.message
