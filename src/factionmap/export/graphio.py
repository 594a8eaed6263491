"""A network of groups at a date, written as JSON, GraphML, GEXF or an SVG picture.

The graph comes in as plain frozen dataclasses (`Graph`, `Node`, `Edge`); each
writer returns text and never changes it. Output is deterministic: nodes are
written sorted by id and edges by (source, target, type), so the same graph
always gives the same bytes. Every edge endpoint must be one of the nodes.

GraphML and GEXF hold one directedness per file, so both are directed graphs
that `networkx.read_graphml` / `read_gexf` read back as a (Multi)DiGraph, and
each edge says in its `directed` attribute whether its relation has a direction
(docs/graphs.md).

The picture is drawn by `graphsvg.to_svg`, re-exported here.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import asdict, replace

from ..daterange import date_bounds
from .graph import Edge, Graph, Node, check_graph, sorted_edges, sorted_nodes  # noqa: F401 (the writers' API)
from .graphsvg import to_svg as _draw

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

_NODE_FIELDS = ("label", "kind", "country", "start", "end")
_EDGE_FIELDS = ("type", "directed", "weight", "start", "end", "end_inferred", "fact_id", "contested")
_GRAPHML_TYPES = {"weight": "int", "directed": "boolean", "end_inferred": "boolean", "contested": "boolean"}
# (key id, for, attr.name, attr.type); node and edge both have start/end, so ids carry a prefix.
_GRAPHML_KEYS = (
    ("g_on", "graph", "on", "string"),
    *((f"n_{f}", "node", f, "string") for f in _NODE_FIELDS),
    *((f"e_{f}", "edge", f, _GRAPHML_TYPES.get(f, "string")) for f in _EDGE_FIELDS),
)

# (attribute id = title, class, type) for GEXF; label, start, end and weight are the
# elements' own XML attributes there (Gephi's Label, Interval and Weight columns).
_GEXF_ATTRIBUTES = (
    ("kind", "node", "string"),
    ("country", "node", "string"),
    ("stated_start", "node", "string"),
    ("stated_end", "node", "string"),
    ("type", "edge", "string"),
    ("directed", "edge", "boolean"),
    ("fact_id", "edge", "string"),
    ("contested", "edge", "boolean"),
    ("end_inferred", "edge", "boolean"),
    ("stated_start", "edge", "string"),
    ("stated_end", "edge", "string"),
)


def widen_date(value: str | None, side: str) -> str | None:
    """A partial ISO date as a full day: a start takes its first day, an end its last.

    "2015" starts on 2015-01-01 and ends on 2015-12-31; "2015-02" ends on
    2015-02-28 (or 29). None stays None. A value that is not an ISO date
    raises FactionmapError E403.
    """
    if value is None:
        return None
    if side not in ("start", "end"):
        raise ValueError(f"side must be 'start' or 'end', not {side!r}")
    first, last = date_bounds(value)
    return (first if side == "start" else last).isoformat()


# ---- JSON -------------------------------------------------------------------

def to_json(graph: Graph) -> str:
    """`{"on", "nodes", "edges"}` with every dataclass field in declaration order, sorted, indented."""
    check_graph(graph)
    payload = {
        "on": graph.on,
        "nodes": [asdict(n) for n in sorted_nodes(graph)],
        "edges": [asdict(e) for e in sorted_edges(graph)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> Graph:
    """The graph `to_json` wrote (nodes and edges come back sorted)."""
    data = json.loads(text)
    return Graph(
        on=data["on"],
        nodes=tuple(Node(**n) for n in data["nodes"]),
        edges=tuple(Edge(**e) for e in data["edges"]),
    )


# ---- shared XML helpers ---------------------------------------------------------

def _bool(value: bool) -> str:
    return "true" if value else "false"


def _text(value: object) -> str:
    return _bool(value) if isinstance(value, bool) else str(value)


def _serialize(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def oriented_edges(graph: Graph) -> list[Edge]:
    """The edges as a file of one directedness holds them, sorted: a symmetric relation
    (`directed` false) points from the smaller node id to the larger, an arbitrary but fixed
    arrow; a directed one keeps its own."""
    edges = [e if e.directed or e.source <= e.target else replace(e, source=e.target, target=e.source)
             for e in graph.edges]
    return sorted_edges(Graph(graph.on, (), tuple(edges)))


# ---- GraphML ------------------------------------------------------------------

def to_graphml(graph: Graph) -> str:
    """GraphML with declared keys, directed: every edge has an arrow, and its `directed` key
    says whether the relation has one (false: an alliance or rivalry, written smaller id
    first). Readers such as `networkx.read_graphml` get a (Multi)DiGraph back; an alliance
    and a rivalry between the same two groups are two edges with ids e0, e1...

    Values that are None (country, start, end) are left out; dates are kept at the precision
    the sources give ("2015", "2015-07"). The `on` date is the graph's `on` key and its id
    ("on-<date>" or "all-dates").
    """
    check_graph(graph)
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", _XSI)
    q = lambda tag: f"{{{GRAPHML_NS}}}{tag}"  # noqa: E731 - a short local name helper
    root = ET.Element(q("graphml"), {
        f"{{{_XSI}}}schemaLocation":
            f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    })
    for key_id, for_, name, type_ in _GRAPHML_KEYS:
        ET.SubElement(root, q("key"), {"id": key_id, "for": for_, "attr.name": name, "attr.type": type_})
    g = ET.SubElement(root, q("graph"), {
        "id": f"on-{graph.on}" if graph.on else "all-dates", "edgedefault": "directed"})

    def data(parent: ET.Element, key: str, value: object) -> None:
        if value is not None:
            ET.SubElement(parent, q("data"), {"key": key}).text = _text(value)

    data(g, "g_on", graph.on)
    for node in sorted_nodes(graph):
        el = ET.SubElement(g, q("node"), {"id": node.id})
        for field in _NODE_FIELDS:
            data(el, f"n_{field}", getattr(node, field))
    for i, edge in enumerate(oriented_edges(graph)):
        el = ET.SubElement(g, q("edge"), {"id": f"e{i}", "source": edge.source, "target": edge.target})
        for field in _EDGE_FIELDS:
            data(el, f"e_{field}", getattr(edge, field))
    return _serialize(root)


# ---- GEXF -----------------------------------------------------------------------

def to_gexf(graph: Graph) -> str:
    """GEXF 1.3 for Gephi's timeline: a dynamic, directed graph of intervals in days.

    Nodes and edges carry `start`/`end` as full days: a partial start is widened to its
    first day and a partial end to its last (`widen_date`), an unknown date is left out
    (open on that side), and the dates as the sources give them are the `stated_start` and
    `stated_end` attributes. An end that would fall before its start is left out. Every
    edge has an arrow; the `directed` attribute says whether the relation has one (false:
    an alliance or rivalry, written smaller id first). The relation type is the edge's
    `kind` and `label` (so parallel edges of different types stay apart) and its `type`
    attribute; `weight` is the number of evidence sentences. Attribute values do not
    change within an edge's span (a changed relation is another fact, so another edge),
    so the attributes are static: only the spans are dynamic.
    """
    check_graph(graph)
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", _XSI)
    q = lambda tag: f"{{{GEXF_NS}}}{tag}"  # noqa: E731 - a short local name helper
    root = ET.Element(q("gexf"), {
        "version": "1.3", f"{{{_XSI}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("creator")).text = "factionmap"
    ET.SubElement(meta, q("description")).text = (
        f"Groups and relations on {graph.on}" if graph.on else "Groups and relations, all dates")
    g = ET.SubElement(root, q("graph"), {
        "mode": "dynamic", "timeformat": "date", "timerepresentation": "interval", "defaultedgetype": "directed"})
    for class_ in ("node", "edge"):
        attrs = ET.SubElement(g, q("attributes"), {"class": class_, "mode": "static"})
        for att_id, att_class, type_ in _GEXF_ATTRIBUTES:
            if att_class == class_:
                ET.SubElement(attrs, q("attribute"), {"id": att_id, "title": att_id, "type": type_})

    def span(attrs: dict[str, str], start: str | None, end: str | None) -> dict[str, str]:
        first, last = widen_date(start, "start"), widen_date(end, "end")
        if first is not None:
            attrs["start"] = first
        if last is not None and (first is None or first <= last):
            attrs["end"] = last
        return attrs

    def attvalues(parent: ET.Element, values: dict[str, object]) -> None:
        box = ET.SubElement(parent, q("attvalues"))
        for att_id, value in values.items():
            if value is not None:
                ET.SubElement(box, q("attvalue"), {"for": att_id, "value": _text(value)})

    nodes_el = ET.SubElement(g, q("nodes"))
    for node in sorted_nodes(graph):
        el = ET.SubElement(nodes_el, q("node"), span({"id": node.id, "label": node.label}, node.start, node.end))
        attvalues(el, {"kind": node.kind, "country": node.country,
                       "stated_start": node.start, "stated_end": node.end})
    edges_el = ET.SubElement(g, q("edges"))
    for i, edge in enumerate(oriented_edges(graph)):
        attrs = {"id": f"e{i}", "source": edge.source, "target": edge.target, "kind": edge.type,
                 "label": edge.type, "weight": str(edge.weight)}
        el = ET.SubElement(edges_el, q("edge"), span(attrs, edge.start, edge.end))
        attvalues(el, {"type": edge.type, "directed": edge.directed, "fact_id": edge.fact_id,
                       "contested": edge.contested, "end_inferred": edge.end_inferred,
                       "stated_start": edge.start, "stated_end": edge.end})
    return _serialize(root)


def to_svg(graph: Graph, width: int = 1000, height: int = 700) -> str:
    """A readable SVG picture of the graph; see `graphsvg.to_svg`."""
    check_graph(graph)
    return _draw(graph, width, height)
