"""factionmap: a sourced, time-aware map of armed groups read from news reporting.

The public API: read documents and extract claims (`extract`, `process`),
ingest into a store (`ingest_paths`, `Store`), ask it questions (`leader_on`,
`relations`, `timeline`, `claim_detail`, `list_actors`; fused facts with `list_facts`,
`fact_detail`, `changes`, `find_conflicts`, `build_network` and the `to_*` writers; with
`Store.as_known_on(day)` for what was known then), correct actors (`merge_actors`,
`split_actor`, `undo_edit`), export and evaluate; the store as flat tables for pandas
(`facts`, `events`, `table`: each a `Table` with `.to_pandas()`).
Heavy modules (spaCy) load on first use, not on import.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "pipeline", "process": "pipeline", "process_many": "pipeline",
    "ingest_paths": "api", "IngestReport": "api", "facts": "api", "events": "api", "table": "api",
    "Table": "export.tabular",
    "read_documents": "ingest.readers",
    "Store": "store.sqlite",
    "leader_on": "query.leaders", "relations": "query.relations", "timeline": "query.claims",
    "claim_detail": "query.claims", "list_actors": "query.answers", "find_actor": "query.answers",
    "faction_map": "query.overview",
    "list_facts": "query.fused", "fact_detail": "query.fused", "changes": "query.fused",
    "find_conflicts": "query.conflicts", "build_network": "query.network",
    "to_json": "export.graphio", "to_graphml": "export.graphio", "to_gexf": "export.graphio", "to_svg": "export.graphio",
    "merge_actors": "actor_edits", "split_actor": "actor_edits", "undo_edit": "actor_edits",
    "export_claims": "export.claims", "claim_to_dict": "export.claims", "write_jsonl": "export.claims",
    "evaluate_store": "evaluate", "score_document": "evaluate",
    "resolve_time": "extract.timeexpr",
    "Claim": "model", "Document": "model", "Entity": "model", "Evidence": "model",
    "TimeSpan": "model", "Actor": "model", "IngestError": "model",
    "FactionmapError": "errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'factionmap' has no attribute {name!r}")
