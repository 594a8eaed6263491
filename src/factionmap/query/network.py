"""The network of groups on a date: groups as nodes, the fused relations that hold that day
as edges, each with the number of evidence sentences behind it. `graphio` writes it as
JSON, GraphML, GEXF (with each node's and edge's interval, for Gephi's timeline) or SVG.
"""

from __future__ import annotations

from ..export.graph import Edge, Graph, Node
from ..facts.intervals import holds_on
from ..lexicon.states import country_code
from ..model import SYMMETRIC_TYPES
from .fused import RELATION_TYPES, _views


def _region_code(region: str | None) -> str | None:
    if region is None:
        return None
    return region.upper() if len(region) == 2 else (country_code(region) or region)


def build_network(store, on: str | None = None, region: str | None = None, types=None):
    """The groups and relations holding on `on` (all dates when None), limited to relations with
    a group of the region (ISO code or country name) and to the given types."""
    types = [t.upper() for t in types] if types else list(RELATION_TYPES)
    facts = store.facts(f"f.type IN ({','.join('?' * len(types))})", types)
    facts, members, found = _views(store, facts)
    code = _region_code(region)
    known: dict = {}

    def actor(actor_id: str):  # one store lookup an id, however many edges name it
        if actor_id not in known:
            known[actor_id] = store.actor(actor_id)
        return known[actor_id]

    edges, used = [], set()
    contested = {f.id for f in facts if f.status == "contested"}
    for f in facts:
        span = found[f.id]
        if f.status in ("denied", "hypothetical") or len(f.actor_ids) < 2:
            continue
        if on is not None and not holds_on(span, on):
            continue
        weight = sum(len(c.evidence) or 1 for c in members[f.id])
        for source, target in _ends(f):
            if source == target or not (_is_org(source, actor(source)) and _is_org(target, actor(target))):
                continue  # groups and states only: a pledge by a person is the leader's matter
            if code is not None and not any(getattr(actor(i), "country", None) == code for i in (source, target)):
                continue
            edges.append(Edge(source, target, f.type, f.type not in SYMMETRIC_TYPES, weight, span.start, span.end,
                              span.end_inferred, f.id, f.id in contested))
            used.update((source, target))
    nodes = []
    for actor_id in sorted(used):
        row = actor(actor_id)
        kind = "state" if actor_id.startswith("state:") or (row and row.category == "government") else "group"
        nodes.append(Node(actor_id, row.name if row else actor_id, kind, row.country if row else None))
    edges.sort(key=lambda e: (e.source, e.target, e.type))
    return Graph(on, tuple(nodes), tuple(edges))


def _ends(fact) -> list[tuple[str, str]]:
    """A merger joins each part to its result (or the parts to each other); other facts join
    their first core actor to their second."""
    if fact.type == "MERGER":
        parts_text, result = fact.key.split("|")[1:3]
        parts = parts_text.split("+")
        return [(p, result) for p in parts] if result else [(a, b) for i, a in enumerate(parts) for b in parts[i + 1:]]
    return [(fact.actor_ids[0], fact.actor_ids[1])]


def _is_org(actor_id: str, row) -> bool:
    return actor_id.startswith("state:") or (row is not None and row.kind == "org")
