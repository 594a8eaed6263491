"""The store as flat tables for spreadsheets, pandas and Parquet: claims, facts, events,
relations, actors and evidence (`export --what`; `api.facts`, `api.events`, `api.table`).

Each builder reads through the same queries as the CLI's answers (`list_facts`, the
claims and their documents), so a table says what `factionmap facts` says, one row a
fact (or claim, actor, evidence sentence) with fixed columns (`export.tabular.Table`).
Every row that rests on articles names where it was published: the first source's
document, URL, outlet and date, and a sentence of it; the evidence table has every
sentence with its document's URL, outlet and date.
"""

from __future__ import annotations

import json
from typing import Callable

from ..export.tabular import Column, Table
from ..model import CLAIM_TYPES, RELATION_SIDES, SYMMETRIC_TYPES, Claim, Entity
from ..errors import FactionmapError
from ..export.claims import claim_to_dict
from .answers import find_actor, list_actors
from .fused import RELATION_TYPES, FactRow, list_facts

INCIDENT_TYPES = ("ATTACK", "SEIZURE")  # incidents at a place and a moment, as in GTD and ACLED
ROLE_RELATIONS = ("LEADERSHIP", "MEMBERSHIP")  # a person's tie to a group, over a span

# what a column means wherever it appears (a table may say more in its own column)
GLOSSARY = {
    "fact_id": "the fused fact's id (f-...)", "claim_id": "the claim's id (c-...)",
    "type": "the claim type (docs/format.md, section 2)", "summary": "the fact in words",
    "start": "ISO date (day, month or year) it holds or happened from; empty: unknown",
    "end": "ISO date it holds until; empty: open or unknown",
    "end_inferred": "the end was inferred (a successor, a death, a reversal), not stated",
    "end_why": "what the inferred end rests on",
    "status": "asserted, contested (some sources deny it), denied or hypothetical",
    "confidence": "1 - the product of (1 - best claim) over independent sources",
    "evidence": "evidence sentences behind it", "documents": "documents stating it",
    "sources": "independent sources (near copies of one text count once)",
    "outlets": "the outlets that published those documents",
    "first_document": "document id of the earliest published source", "first_url": "that document's URL",
    "first_outlet": "its outlet", "first_published": "its publication date",
    "quote": "a sentence of it that states this", "claim_ids": "the claims fused into it",
    "first_seen": "when the store first had it (UTC)", "updated_at": "when a document last changed it (UTC)",
    "modality": "asserted, reported, claimed, denied or hypothetical", "negated": "the text says it did not happen",
    "document": "the document's id", "url": "the document's URL", "outlet": "the document's outlet",
    "published": "the document's publication date", "title": "the document's title",
    "sentence": "sentence number in the document (from 0)",
}


def col(name: str, kind: str = "string", doc: str | None = None) -> Column:
    """A column, meaning what the glossary says unless `doc` says more."""
    return Column(name, kind, doc or GLOSSARY[name])


_SOURCE_COLUMNS = tuple(col(n) for n in ("first_document", "first_url", "first_outlet", "first_published", "quote"))
_FUSED_COLUMNS = (col("status"), col("confidence", "float"), col("evidence", "int"), col("documents", "int"),
                  col("sources", "int"), col("outlets", "list"))
_SPAN_COLUMNS = (col("start"), col("end"), col("end_inferred", "bool"), col("end_why"))

FACT_COLUMNS = (
    col("fact_id"), col("type"), col("summary"),
    col("actor_1", doc="first core actor's id (leader, member, pledger, group...)"),
    col("actor_1_name", doc="its name"),
    col("actor_2", doc="second core actor's id (the place, for PRESENCE, CONTROL, SEIZURE, ATTACK)"),
    col("actor_2_name", doc="its name"),
    *_SPAN_COLUMNS, *_FUSED_COLUMNS, *_SOURCE_COLUMNS,
    col("claim_ids", "list"), col("first_seen"), col("updated_at"),
)

RELATION_COLUMNS = (
    col("relation_id", doc="the fact's id"), col("type"),
    col("source", doc="actor id the relation goes from (member, branch, splinter, pledger, sponsor, leader)"),
    col("source_name", doc="its name"), col("target", doc="actor id it goes to"), col("target_name", doc="its name"),
    col("directed", "bool", "false for ALLIANCE and RIVALRY, whose two sides are alike"),
    col("role", doc="a leader's or member's role as written (emir, deputy...)"),
    *_SPAN_COLUMNS, *_FUSED_COLUMNS, *_SOURCE_COLUMNS,
)

EVENT_COLUMNS = (
    col("event_id", doc="the fact's id: the reports of one incident are one event"),
    col("event_date", doc="ISO date the reports give, as precise as they are; empty: none gives one"),
    col("date_precision", doc="day, month or year"),
    col("event_type", doc="ATTACK or SEIZURE"),
    col("attack_type", doc="bombing, suicide bombing, armed assault, assassination, kidnapping... (ATTACK)"),
    col("actor1", doc="the perpetrator (ATTACK) or the group that took the place (SEIZURE)"),
    col("actor1_id", doc="its id"),
    col("actor2", doc="the target (ATTACK; an actor or words) or the group the place was taken from (SEIZURE)"),
    col("actor2_id", doc="its id, when it is an actor"),
    col("country_iso", doc="ISO 3166-1 alpha-2 code of the place"), col("admin1", doc="province or state"),
    col("location", doc="the place as named"), col("location_id", doc="its id (place:...)"),
    col("latitude", "float", "of the place, when the gazetteer has it"), col("longitude", "float", "likewise"),
    col("fatalities", "int", "killed, as the latest published report that gives a number says"),
    col("wounded", "int", "wounded, likewise"),
    col("claimed", "bool", "a group claimed responsibility"),
    *_FUSED_COLUMNS, *_SOURCE_COLUMNS,
)

CLAIM_COLUMNS = (
    col("claim_id"), col("type"), col("fact_id", doc="the fact it was fused into (empty: a core actor is missing)"),
    col("arg_1", doc="first core argument's id"), col("arg_1_name", doc="its name"),
    col("arg_2", doc="second core argument's id"), col("arg_2_name", doc="its name"),
    col("args_json", doc="every argument, as in the JSON Lines export"),
    col("time_start", doc="ISO date it starts (docs/format.md, section 3)"), col("time_end", doc="ISO date it ends"),
    col("time_precision", doc="day, month or year"), col("time_text", doc="the words the time was read from"),
    col("modality"), col("negated", "bool"), col("attribution", doc="who the text says said it"),
    col("confidence", "float", "the claim's own confidence"),
    col("document"), col("url"), col("outlet"), col("published"),
    col("sentence", "int", "number of its first evidence sentence"), col("quote", doc="its first evidence sentence"),
)

ACTOR_COLUMNS = (
    col("actor_id", doc="registry id, new:<slug> for a group first seen in text, place:<slug>"),
    col("name", doc="the actor's name"), col("kind", doc="org, person or place"),
    col("country", doc="ISO code of its country, when known"),
    col("category", doc="government, armed group... from the registry"),
    col("claims", "int", "claims naming it"), col("aliases", "list", "every name it is known by"),
)

EVIDENCE_COLUMNS = (
    col("claim_id"), col("fact_id"), col("type"), col("modality"), col("negated", "bool"),
    col("confidence", "float", "the claim's own confidence"), col("document"), col("url"), col("outlet"),
    col("published"), col("title"), col("sentence", "int"),
    col("start", "int", "offset of the sentence in the document's text"), col("end", "int", "its end (exclusive)"),
    col("text", doc="the sentence"),
)


class _Context:
    """The claims and documents behind some facts, loaded once (two queries) for all rows."""

    def __init__(self, store, rows: list[FactRow] | None = None, claims: list[Claim] | None = None) -> None:
        if claims is None:
            claims = store.claims_for(claim_ids=[c for r in rows or () for c in r.claim_ids])
        self.claims = {c.id: c for c in claims}
        self.docs = store.claim_documents(self.claims)
        self.store = store
        self._actors: dict[str, object] = {}

    def name(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        if actor_id not in self._actors:
            self._actors[actor_id] = self.store.actor(actor_id)
        actor = self._actors[actor_id]
        return actor.name if actor is not None else actor_id

    def members(self, row: FactRow) -> list[Claim]:
        return [self.claims[c] for c in row.claim_ids if c in self.claims]

    def sources(self, row: FactRow) -> dict:
        """The fused counts and the first published source of a fact."""
        claims = self.members(row)
        first = min(claims, key=lambda c: (self._published(c) or "9999", c.id), default=None)
        doc = self.docs.get(first.id) if first else None
        return {
            "status": row.status, "confidence": row.confidence,
            "evidence": sum(len(c.evidence) for c in claims), "documents": row.documents,
            "sources": row.independent, "outlets": list(row.outlets),
            "first_document": doc.id if doc else None, "first_url": doc.url if doc else None,
            "first_outlet": doc.outlet if doc else None, "first_published": doc.published if doc else None,
            "quote": first.evidence[0].text if first and first.evidence else None,
        }

    def _published(self, claim: Claim) -> str | None:
        doc = self.docs.get(claim.id)
        return doc.published if doc else None

    def latest(self, row: FactRow, arg: str):
        """An argument's value in the latest published claim that gives it (tolls get revised)."""
        given = [c for c in self.members(row) if c.args.get(arg) is not None]
        best = max(given, key=lambda c: (self._published(c) or "", c.confidence), default=None)
        return best.args[arg] if best else None


def _entity(value) -> Entity | None:
    value = value[0] if isinstance(value, tuple) and value else value
    return value if isinstance(value, Entity) else None


def facts_table(store, actor: str | None = None, types=None, on: str | None = None) -> Table:
    """One row a fused fact (as `factionmap facts` lists them)."""
    rows = list_facts(store, actor, types, on)
    ctx = _Context(store, rows)
    out = []
    for r in rows:
        ids = list(r.actors) + [None, None]
        out.append({
            "fact_id": r.id, "type": r.type, "summary": r.text,
            "actor_1": ids[0], "actor_1_name": ctx.name(ids[0]), "actor_2": ids[1], "actor_2_name": ctx.name(ids[1]),
            "start": r.start, "end": r.end, "end_inferred": r.end_inferred, "end_why": r.end_why,
            **ctx.sources(r), "claim_ids": list(r.claim_ids), "first_seen": r.first_seen, "updated_at": r.updated_at,
        })
    return Table("facts", FACT_COLUMNS, out)


def relations_table(store, actor: str | None = None, types=None, on: str | None = None) -> Table:
    """One row a relation between two actors (a merger: one a part), and a person's
    leadership or membership of a group, each with its interval and evidence counts."""
    wanted = [t.upper() for t in types] if types else [*RELATION_TYPES, *ROLE_RELATIONS]
    rows = [r for r in list_facts(store, actor, wanted, on) if r.type in (*RELATION_TYPES, *ROLE_RELATIONS)]
    ctx = _Context(store, rows)
    out = []
    for r in rows:
        if len(r.actors) < 2:
            continue
        ends = _merger_ends(ctx, r) if r.type == "MERGER" else [(r.actors[0], r.actors[1])]
        role = ctx.latest(r, "role") if r.type in ROLE_RELATIONS else None
        for source, target in ends:
            if r.type in ROLE_RELATIONS:  # leader -> group, as the other relations go from the junior side
                source, target = r.actors[0], r.actors[1]
            out.append({
                "relation_id": r.id, "type": r.type, "source": source, "source_name": ctx.name(source),
                "target": target, "target_name": ctx.name(target), "directed": r.type not in SYMMETRIC_TYPES,
                "role": role, "start": r.start, "end": r.end, "end_inferred": r.end_inferred, "end_why": r.end_why,
                **ctx.sources(r),
            })
    return Table("relations", RELATION_COLUMNS, out)


def _merger_ends(ctx: _Context, row: FactRow) -> list[tuple[str, str]]:
    """A merger joins each part to its result, or the parts to each other when none is named
    (as the network draws it)."""
    parts = [e.id for e in ctx.latest(row, "parts") or () if isinstance(e, Entity)]
    result = _entity(ctx.latest(row, "result"))
    if result is not None:
        return [(p, result.id) for p in parts if p != result.id]
    return [(a, b) for i, a in enumerate(parts) for b in parts[i + 1:]]


def events_table(store, actor: str | None = None, types=None, on: str | None = None) -> Table:
    """One row an incident (ATTACK, SEIZURE fact) in the columns incident datasets use."""
    wanted = [t.upper() for t in types] if types else list(INCIDENT_TYPES)
    rows = [r for r in list_facts(store, actor, wanted, on) if r.type in INCIDENT_TYPES]
    ctx = _Context(store, rows)
    out = []
    for r in rows:
        attack = r.type == "ATTACK"
        place = _entity(ctx.latest(r, "place"))
        doer = _entity(ctx.latest(r, "perpetrator" if attack else "org"))
        other_value = ctx.latest(r, "target" if attack else "from")
        other = _entity(other_value)
        extras = store.actor_extras(place.id) if place else {}
        # the date the reports give (not, as a fact's interval may, the first report's date)
        day = r.start if any(c.time.start for c in ctx.members(r)) else None
        precision = next((c.time.precision for c in ctx.members(r) if c.time.start == day and c.time.precision),
                         _precision(day))
        out.append({
            "event_id": r.id, "event_date": day, "date_precision": precision if day else None,
            "event_type": r.type, "attack_type": ctx.latest(r, "attack_type") if attack else None,
            "actor1": doer.name if doer else None, "actor1_id": doer.id if doer else None,
            "actor2": other.name if other else (str(other_value) if other_value is not None else None),
            "actor2_id": other.id if other else None,
            "country_iso": place.country if place else None,
            "admin1": extras.get("admin1", place.admin1 if place else None),
            "location": place.name if place else None, "location_id": place.id if place else None,
            "latitude": extras.get("lat", place.lat if place else None),
            "longitude": extras.get("lon", place.lon if place else None),
            "fatalities": _count(ctx.latest(r, "killed")) if attack else None,
            "wounded": _count(ctx.latest(r, "wounded")) if attack else None,
            "claimed": _claimed(ctx.latest(r, "claimed")) if attack else None,
            **ctx.sources(r),
        })
    out.sort(key=lambda e: (e["event_date"] or "9999", e["event_id"]))
    return Table("events", EVENT_COLUMNS, out)


def _precision(day: str | None) -> str | None:
    return None if not day else {4: "year", 7: "month"}.get(len(day), "day")


def _count(value) -> int | None:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def _claimed(value) -> bool | None:
    if value is None:
        return None
    return value if isinstance(value, bool) else str(value).lower() not in ("false", "no", "0", "")


def _core_entities(claim: Claim) -> list[Entity]:
    names = RELATION_SIDES.get(claim.type) or CLAIM_TYPES.get(claim.type, {}).get("core", ())
    found = []
    for name in names:
        value = claim.args.get(name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Entity):
                found.append(item)
    return found


def _selected_claims(store, actor: str | None, types) -> list[Claim]:
    actor_id = find_actor(store, actor).id if actor is not None else None
    return store.claims_for(actor_id=actor_id, types=[t.upper() for t in types] if types else None)


def _no_date(table: str, on: str | None) -> None:
    if on is not None:
        raise FactionmapError("E410", table=table)


def claims_table(store, actor: str | None = None, types=None, on: str | None = None) -> Table:
    """One row a claim, with its document's URL, outlet and date (args_json: all arguments)."""
    _no_date("claims", on)
    claims = _selected_claims(store, actor, types)
    ctx = _Context(store, claims=claims)
    fact_of = store.fact_of_claims(list(ctx.claims))
    out = []
    for c in claims:
        doc, core = ctx.docs.get(c.id), _core_entities(c) + [None, None]
        out.append({
            "claim_id": c.id, "type": c.type, "fact_id": fact_of.get(c.id),
            "arg_1": core[0].id if core[0] else None, "arg_1_name": core[0].name if core[0] else None,
            "arg_2": core[1].id if core[1] else None, "arg_2_name": core[1].name if core[1] else None,
            "args_json": json.dumps(claim_to_dict(c)["args"], ensure_ascii=False),
            "time_start": c.time.start, "time_end": c.time.end, "time_precision": c.time.precision,
            "time_text": c.time.text, "modality": c.modality, "negated": c.negated, "attribution": c.attribution,
            "confidence": round(float(c.confidence), 2), "document": doc.id if doc else None,
            "url": doc.url if doc else None, "outlet": doc.outlet if doc else None,
            "published": doc.published if doc else None,
            "sentence": c.evidence[0].sentence if c.evidence else None,
            "quote": c.evidence[0].text if c.evidence else None,
        })
    return Table("claims", CLAIM_COLUMNS, out)


def actors_table(store, actor: str | None = None, types=None, on: str | None = None) -> Table:
    """One row an actor: names, kind, country and how many claims name it (`actor`: those
    whose name or alias contains it; `types` is not used)."""
    _no_date("actors", on)
    rows = [{"actor_id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "category": a.category,
             "claims": a.claims, "aliases": list(a.aliases)} for a in list_actors(store, actor)]
    return Table("actors", ACTOR_COLUMNS, rows)


def evidence_table(store, actor: str | None = None, types=None, on: str | None = None) -> Table:
    """One row an evidence sentence, with its claim, fact and document (URL, outlet, date)."""
    _no_date("evidence", on)
    claims = _selected_claims(store, actor, types)
    docs = store.claim_documents(c.id for c in claims)
    fact_of = store.fact_of_claims([c.id for c in claims])
    out = []
    for c in claims:
        doc = docs.get(c.id)
        for ev in c.evidence:
            out.append({
                "claim_id": c.id, "fact_id": fact_of.get(c.id), "type": c.type, "modality": c.modality,
                "negated": c.negated, "confidence": round(float(c.confidence), 2),
                "document": doc.id if doc else ev.document, "url": doc.url if doc else None,
                "outlet": doc.outlet if doc else None, "published": doc.published if doc else None,
                "title": doc.title if doc else None, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
                "text": ev.text,
            })
    return Table("evidence", EVIDENCE_COLUMNS, out)


TABLES: dict[str, Callable[..., Table]] = {
    "claims": claims_table, "facts": facts_table, "events": events_table, "relations": relations_table,
    "actors": actors_table, "evidence": evidence_table,
}
COLUMNS: dict[str, tuple[Column, ...]] = {
    "claims": CLAIM_COLUMNS, "facts": FACT_COLUMNS, "events": EVENT_COLUMNS, "relations": RELATION_COLUMNS,
    "actors": ACTOR_COLUMNS, "evidence": EVIDENCE_COLUMNS,
}
