"""A document's write, found first and written after: `plan_document` reads the store to
decide everything (the document's id, which stored actor each argument names, the rows of
its claims, its source among near copies, what its claims add to their facts) and
`write_document` only writes what was decided, in one transaction the caller holds.

Finding apart from writing: the planning step runs the stages that come before storage
(identity resolution in `identity`, fusion in `facts.fusion` through `factstore.plan_facts`),
and the write path has no decision left to make.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Sequence

from ..errors import FactionmapError
from ..model import Claim, Document, Entity
from .factstore import FactWrites, plan_facts, write_facts
from .identity import IdentityResolver, claim_entity_ids
from .neardup import FoundSource, find_source, record_source
from .pg import is_pg


@dataclass(frozen=True)
class DocumentWrite:
    """Every row one document adds to the store, in the order they are written."""

    document: tuple  # the documents row, without its text
    text: str
    actors: tuple[tuple[Entity, tuple[str, ...]], ...]  # (actor, names to add), upserted in order
    claims: tuple[tuple, ...]  # claims rows
    args: tuple[tuple, ...]  # claim_args rows
    evidence: tuple[tuple, ...]  # evidence rows
    source: FoundSource | None  # None in a store without the facts tables
    facts: FactWrites | None

    @property
    def claim_ids(self) -> list[str]:
        return [row[0] for row in self.claims]


def plan_document(conn, doc: Document, claims: Sequence[Claim], content_hash: str, rules_version: str,
                  stamp: str, with_facts: bool) -> DocumentWrite:
    """Decide a document's rows. Only reads; E304 when its id is taken."""
    doc_id = doc.id or _next_document_id(conn)
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
        raise FactionmapError("E304", id=doc_id)
    first = _next_claim_number(conn)
    identity = IdentityResolver(conn, claim_entity_ids(claims))  # users' edits, spellings
    actors, claim_rows, arg_rows, evidence_rows, resolved = [], [], [], [], []
    for offset, claim in enumerate(claims):
        claim_id = f"c-{first + offset:06d}"
        t = claim.time
        claim_rows.append((claim_id, doc_id, claim.type, t.start, t.end, t.precision, t.text, claim.modality,
                           int(claim.negated), claim.attribution, float(claim.confidence), claim.rule or None))
        identity.start_claim()
        texts = [ev.text for ev in claim.evidence]
        args = {}
        for name, value in claim.args.items():
            rows, args[name] = _arg_rows(value, identity, texts, actors)
            arg_rows += [(claim_id, name, position, entity_id, value_json, *written)
                         for position, entity_id, value_json, written in rows]
        for position, ev in enumerate(claim.evidence):
            # evidence found in this document points at its stored id
            ev_doc = doc_id if ev.document in ("", None) else ev.document
            evidence_rows.append((claim_id, position, ev_doc, ev.sentence, ev.start, ev.end, ev.text))
        resolved.append((claim_id, replace(claim, args=args)))
    source = facts = None
    if with_facts:  # (a store built without the facts migration, in tests, has none)
        source = find_source(conn, doc_id, doc.text)  # a near copy of a stored text: one source
        facts = plan_facts(conn, doc_id, doc.outlet, source.source, resolved, stamp, doc.published)
    document = (doc_id, content_hash, doc.published, doc.url, doc.outlet, doc.title, doc.source, stamp,
                rules_version or None)
    return DocumentWrite(document, doc.text, tuple(actors), tuple(claim_rows), tuple(arg_rows),
                         tuple(evidence_rows), source, facts)


def write_document(conn, plan: DocumentWrite, add_aliases) -> None:
    """Write what `plan_document` decided. Only writes."""
    conn.execute("INSERT INTO documents (id, content_hash, published, url, outlet, title, source, ingested_at,"
                 " rules_version, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*plan.document, plan.text))
    for entity, aliases in plan.actors:
        conn.execute(
            "INSERT INTO actors (id, name, kind, country, admin1, lat, lon, origin)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'text')"
            " ON CONFLICT(id) DO UPDATE SET country = COALESCE(actors.country, excluded.country),"
            " admin1 = COALESCE(actors.admin1, excluded.admin1),"
            " lat = COALESCE(actors.lat, excluded.lat), lon = COALESCE(actors.lon, excluded.lon)",
            (entity.id, entity.name, entity.kind, entity.country, getattr(entity, "admin1", None),
             getattr(entity, "lat", None), getattr(entity, "lon", None)),
        )
        add_aliases(conn, entity.id, aliases)
    conn.executemany(
        "INSERT INTO claims (id, document_id, type, time_start, time_end, time_precision, time_text,"
        " modality, negated, attribution, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", plan.claims)
    conn.executemany("INSERT INTO claim_args (claim_id, name, position, entity_id, value_json, mention,"
                     " via_edit, edit_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", plan.args)
    conn.executemany('INSERT INTO evidence (claim_id, position, document_id, sentence, start, "end", text)'
                     " VALUES (?, ?, ?, ?, ?, ?, ?)", plan.evidence)
    if plan.source is not None:
        record_source(conn, plan.document[0], plan.source)
    if plan.facts is not None:
        write_facts(conn, plan.facts)


def _arg_rows(value: object, identity: IdentityResolver, texts: list[str], actors: list) -> tuple[list, object]:
    """The rows of one argument ((position, entity id, value JSON, (mention, via_edit, edit_from))) and
    the argument as resolved; the actors it names are added to `actors` in order."""
    if value is None:
        return [], None
    single = isinstance(value, Entity)
    if single or isinstance(value, (tuple, list)) and value and all(isinstance(v, Entity) for v in value):
        rows, entities = [], []
        for i, entity in enumerate([value] if single else value):
            found = identity.resolve(entity, texts)
            identity.will_write(found.entity, found.aliases)
            actors.append((found.entity, tuple(found.aliases)))
            rows.append((None if single else i, found.entity.id, None, (found.mention, found.edit_id, found.edit_from)))
            entities.append(found.entity)
        return rows, entities[0] if single else tuple(entities)
    return [(None, None, json.dumps(value), (None, None, None))], value  # TypeError for anything not JSON


def _next_document_id(conn) -> str:
    if is_pg(conn):  # (PostgreSQL's CAST fails on "d-12x" where SQLite's reads 12)
        row = conn.execute("SELECT MAX(CAST(substring(id from 3 for 18) AS BIGINT)) FROM documents"
                           " WHERE id ~ '^d-[0-9]{1,18}$'").fetchone()
    else:
        row = conn.execute("SELECT MAX(CAST(substr(id, 3) AS INTEGER)) FROM documents WHERE id GLOB 'd-[0-9]*'").fetchone()
    return f"d-{(row[0] or 0) + 1}"


def _next_claim_number(conn) -> int:
    row = conn.execute("SELECT MAX(CAST(substr(id, 3) AS INTEGER)) FROM claims").fetchone()
    return (row[0] or 0) + 1
