"""The metadata.json Datasette (0.65) reads beside a factionmap store: titles, descriptions
of the views (`store/views.py`) and main tables and of their columns, default sorts, facets,
and the internal tables hidden from the table list (still there for SQL).

`datasette factionmap.db -m metadata.json` then shows the views first, described. Only
tables and columns the store has are named: the store is opened (which gives an older store
the views) and each table's columns are read.
"""

from __future__ import annotations

from pathlib import Path

from ..store.sqlite import Store

TITLE = "factionmap: armed groups, their relations and their attacks, from news texts"
DESCRIPTION = (
    "Claims extracted by rules from the ingested news articles, each with the sentences it "
    "rests on, fused into facts across documents. Start with the views: v_facts (one row a "
    "fact), v_relations_today, v_events (attacks and seizures) and v_evidence (every "
    "sentence behind a claim). Extraction makes mistakes: read the evidence before you rely "
    "on a row.")
SOURCE = "factionmap: rule-based extraction from the ingested texts (see each row's url and outlet)"
LICENSE_NOTE = "each text's publisher's terms (see its outlet and url); the extracted rows derive from the texts"

# columns every fact-shaped view shares (v_facts and v_relations_today)
_FACT_COLUMNS = {
    "id": "The fact's id (f-...), as `factionmap facts` and `factionmap evidence ID` show it",
    "type": "Claim type: ALLIANCE, RIVALRY, AFFILIATION, LEADERSHIP, ATTACK... (docs/format.md)",
    "actor_1": "First core actor's id (the type's first role: a, member, branch, leader, place...)",
    "actor_1_name": "First core actor's name",
    "actor_2": "Second core actor's id (empty for one-actor facts, and an attack with no perpetrator named)",
    "actor_2_name": "Second core actor's name",
    "actors": "Every core actor's id (JSON array, in id order; a merger's parts and result)",
    "time_start": "Stated start (YYYY, YYYY-MM or YYYY-MM-DD; empty: unknown)",
    "time_end": "Stated end (empty: open or unknown); the CLI also infers ends, this column does not",
    "status": "asserted, contested (stated and denied), denied or hypothetical",
    "confidence": "1 - product of (1 - best claim) over independent sources; a fact nothing asserts "
                  "keeps its best claim's confidence",
    "documents": "Documents with a claim of this fact",
    "independent_sources": "Sources, near copies of one text (reprinted wire stories) counted once",
    "outlets": "Outlets that published those documents (JSON array)",
    "claims_stating": "Claims that state the fact",
    "claims_denying": "Claims that deny or negate it",
    "claims_hypothetical": "Claims that only suppose it (could, may, plans to)",
    "first_seen": "When the first claim of the fact was ingested (UTC)",
    "updated_at": "When a claim last changed the fact (UTC)",
    "key": "The fact's identity: type and core actor ids (and a year for events that recur)",
}

TABLES: dict[str, dict] = {
    "v_facts": {
        "description": "One row a fused fact: claims of the same thing from any number of documents.",
        "columns": _FACT_COLUMNS,
        "sort_desc": "confidence",
        "facets": ["type", "status", {"array": "outlets"}],
        "sortable_columns": ["type", "time_start", "time_end", "confidence", "documents", "independent_sources",
                             "first_seen", "updated_at"],
    },
    "v_relations_today": {
        "description": (
            "Relations between groups (asserted or contested) whose stored span holds today. An "
            "approximation: it reads the stated start and end only, while `factionmap network` also ends a "
            "relation by a reversal, a split, a succession or a death, so this view can list a relation "
            "the CLI says has ended."),
        "columns": {**_FACT_COLUMNS, "as_of": "The day the view was read on (date('now'), UTC)"},
        "sort_desc": "confidence",
        "facets": ["type", "status"],
        "sortable_columns": ["type", "time_start", "confidence", "documents", "independent_sources"],
    },
    "v_events": {
        "description": "One row an ATTACK or SEIZURE claim, with its place, document and evidence.",
        "columns": {
            "claim_id": "The claim's id (c-...), as `factionmap evidence ID` shows it",
            "fact_id": "The fact the claim is fused into (v_facts.id)",
            "type": "ATTACK or SEIZURE",
            "date": "When it happened (start; YYYY, YYYY-MM or YYYY-MM-DD)",
            "date_end": "Last day of a span (same as date for a single day)",
            "precision": "day, month or year",
            "time_text": "The words that gave the date (\"last September\")",
            "modality": "asserted, reported, claimed, denied or hypothetical",
            "negated": "1 when the sentence negates it",
            "confidence": "The claim's confidence, 0 to 1",
            "attack_type": "air strike, suicide bombing, kidnapping... (attacks only)",
            "perpetrator": "Who attacked (an attack's perpetrator) or seized (a seizure's group): actor id",
            "perpetrator_name": "Their name",
            "target_id": "The target's actor id when it is one (a seizure: the group the place was taken from)",
            "target": "The target as the text names it, or that actor's name",
            "place": "Where: place id",
            "place_name": "The place's name",
            "country": "The place's country (ISO 3166 alpha-2)",
            "admin1": "The place's province or state",
            "lat": "Latitude of the place (WGS84), when known",
            "lon": "Longitude of the place",
            "killed": "People killed, as the text states",
            "wounded": "People wounded, as the text states",
            "claimed": "1 when a group claimed responsibility",
            "document_id": "The document (documents.id)",
            "outlet": "Who published it",
            "url": "Where it was published",
            "published": "Publication date",
            "title": "The document's title",
            "evidence": "The sentences the claim rests on (joined by \" … \")",
        },
        "sort_desc": "date",
        "facets": ["type", "attack_type", "country", "outlet"],
        "sortable_columns": ["date", "published", "killed", "wounded", "confidence", "country", "perpetrator_name"],
    },
    "v_evidence": {
        "description": "One row an evidence sentence: what a claim rests on, where it was published.",
        "columns": {
            "claim_id": "The claim (claims.id)",
            "position": "The sentence's rank among its claim's evidence (0 first)",
            "fact_id": "The fact the claim is fused into (empty: a claim with a core actor missing)",
            "claim_type": "The claim's type",
            "modality": "asserted, reported, claimed, denied or hypothetical",
            "negated": "1 when the sentence negates the claim",
            "document_id": "The document (documents.id)",
            "url": "Where it was published",
            "outlet": "Who published it",
            "published": "Publication date",
            "title": "The document's title",
            "sentence": "The sentence's number in the document (0 first)",
            "start": "Character offset where the sentence starts",
            "end": "Character offset where it ends",
            "text": "The sentence",
        },
        "facets": ["claim_type", "modality", "outlet"],
        "sortable_columns": ["published", "claim_type", "outlet"],
    },
    "facts": {
        "description": "The fused facts' running aggregates (read v_facts instead: status and confidence "
                       "worked out, actors named).",
        "columns": {
            "pos": "Claims stating the fact", "neg": "Claims denying it", "weak": "Hypothetical claims",
            "log_doubt": "Sum over independent sources of log(1 - best claim); confidence = 1 - exp(log_doubt)",
            "best": "The best claim's confidence",
        },
        "facets": ["type"],
    },
    "claims": {
        "description": "Every claim extracted from a document, one sentence or more behind each (evidence).",
        "columns": {
            "document_id": "The document it was read in",
            "type": "Claim type (docs/format.md)",
            "time_start": "Stated start", "time_end": "Stated end", "time_precision": "day, month or year",
            "time_text": "The words that gave the time",
            "modality": "asserted, reported, claimed, denied or hypothetical",
            "negated": "1 when negated", "attribution": "Who the text says states it",
            "confidence": "0 to 1", "rule": "The extraction rule that made it",
        },
        "facets": ["type", "modality"],
    },
    "claim_args": {
        "description": "Claims' arguments: an actor (entity_id) or a value (value_json, JSON).",
        "columns": {
            "name": "The argument's role (a, b, leader, org, place, killed...)",
            "position": "Rank in a list argument (empty: a single value)",
            "entity_id": "The actor, when the argument is one",
            "value_json": "The value, when it is none (JSON)",
            "mention": "The name the evidence used for the actor",
        },
        "facets": ["name"],
    },
    "actors": {
        "description": "Groups, people and places the claims name.",
        "label_column": "name",
        "columns": {
            "kind": "org, person or place", "country": "ISO 3166 alpha-2", "category": "Registry category",
            "admin1": "A place's province or state", "lat": "A place's latitude", "lon": "A place's longitude",
            "origin": "registry (known in advance) or text (first met in a document)",
        },
        "facets": ["kind", "country", "origin"],
    },
    "actor_aliases": {"description": "The names each actor is known by."},
    "actor_edits": {"description": "Users' corrections of actor identity (merges and splits), with undo."},
    "documents": {
        "description": "The ingested texts with their metadata.",
        "label_column": "title",
        "facets": ["outlet"],
    },
    "evidence": {"description": "The sentences each claim rests on (read v_evidence for documents and facts)."},
}

# bookkeeping tables: hidden from Datasette's table list, still there for SQL
HIDDEN = ("migrations", "sketch_counts", "doc_sketch", "doc_sources", "fact_sources", "fact_docs",
          "fact_outlets", "fact_actors", "fact_claims")


def _columns(conn, name: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}


def datasette_metadata(store_path: str | Path, license: str | None = None,
                       license_url: str | None = None) -> dict:
    """The metadata.json content for Datasette serving the store at `store_path` (the database
    is named after the file's stem, as Datasette names it). A missing store is E305.
    `license` / `license_url` name the data's licence when you know it; otherwise Datasette
    shows a note that the texts' publishers' terms hold."""
    with Store.open(store_path, create=False) as store:
        conn = store.connection
        present = {row[0]: _columns(conn, row[0]) for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").fetchall()}
    tables: dict[str, dict] = {}
    for name, entry in TABLES.items():
        if name not in present:
            continue
        entry = dict(entry)
        if "columns" in entry:
            entry["columns"] = {c: d for c, d in entry["columns"].items() if c in present[name]}
        tables[name] = entry
    for name in HIDDEN:
        if name in present:
            tables[name] = {"hidden": True}
    database = {"description": "A factionmap store: documents, actors, claims and the facts fused from them.",
                "tables": tables}
    metadata: dict = {"title": TITLE, "description": DESCRIPTION, "license": license or LICENSE_NOTE}
    if license is not None and license_url is not None:
        metadata["license_url"] = license_url
    metadata["source"] = SOURCE
    metadata["databases"] = {Path(store_path).stem: database}
    return metadata
