"""A network of groups at a date, written as JSON, GraphML, GEXF or an SVG picture.

The graph comes in as plain frozen dataclasses (`Graph`, `Node`, `Edge`); each
writer returns text and never changes it. Output is deterministic: nodes are
written sorted by id and edges by (source, target, type), so the same graph
always gives the same bytes. Every edge endpoint must be one of the nodes.

The picture is drawn by `graphsvg.to_svg`, re-exported here.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import asdict

from ..daterange import date_bounds
from .graph import Edge, Graph, Node, check_graph, sorted_edges, sorted_nodes  # noqa: F401 (the writers' API)
from .graphsvg import to_svg as _draw

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

# (key id, for, attr.name, attr.type); node and edge both have start/end, so ids carry a prefix.
_GRAPHML_KEYS = (
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_country", "node", "country", "string"),
    ("n_start", "node", "start", "string"),
    ("n_end", "node", "end", "string"),
    ("e_type", "edge", "type", "string"),
    ("e_weight", "edge", "weight", "int"),
    ("e_start", "edge", "start", "string"),
    ("e_end", "edge", "end", "string"),
    ("e_end_inferred", "edge", "end_inferred", "boolean"),
    ("e_fact_id", "edge", "fact_id", "string"),
    ("e_contested", "edge", "contested", "boolean"),
    ("e_directed", "edge", "directed", "boolean"),
)

# (attribute id, class, title, type) for GEXF; start/end are the element's own attributes there.
_GEXF_ATTRIBUTES = (
    ("kind", "node", "kind", "string"),
    ("country", "node", "country", "string"),
    ("type", "edge", "type", "string"),
    ("weight", "edge", "weight", "integer"),
    ("fact_id", "edge", "fact_id", "string"),
    ("contested", "edge", "contested", "boolean"),
    ("end_inferred", "edge", "end_inferred", "boolean"),
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


def _serialize(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---- GraphML ------------------------------------------------------------------

def to_graphml(graph: Graph) -> str:
    """GraphML with declared keys; undirected by default, `directed="true"` on directed edges.

    Values that are None (country, start, end) are left out of the node or
    edge. The `on` date is kept in the graph's id ("on-<date>" or
    "all-dates"); readers that ignore graph ids lose nothing else.
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
        "id": f"on-{graph.on}" if graph.on else "all-dates", "edgedefault": "undirected"})

    def data(parent: ET.Element, key: str, value: object) -> None:
        if value is None:
            return
        text = _bool(value) if isinstance(value, bool) else str(value)
        ET.SubElement(parent, q("data"), {"key": key}).text = text

    for node in sorted_nodes(graph):
        el = ET.SubElement(g, q("node"), {"id": node.id})
        for field in ("label", "kind", "country", "start", "end"):
            data(el, f"n_{field}", getattr(node, field))
    for i, edge in enumerate(sorted_edges(graph)):
        el = ET.SubElement(g, q("edge"), {
            "id": f"e{i}", "source": edge.source, "target": edge.target, "directed": _bool(edge.directed)})
        for field in ("type", "weight", "start", "end", "end_inferred", "fact_id", "contested", "directed"):
            data(el, f"e_{field}", getattr(edge, field))
    return _serialize(root)


# ---- GEXF -----------------------------------------------------------------------

def to_gexf(graph: Graph) -> str:
    """GEXF 1.3, dynamic: nodes and edges carry start/end as full days for Gephi's timeline.

    A partial start is widened to its first day and a partial end to its last
    (see `widen_date`); an unknown date is left out, which Gephi reads as
    open on that side. Edges are undirected by default and `type="directed"`
    where directed; the edge type is also the GEXF `kind`, so an alliance and
    a rivalry between the same two groups stay two edges.
    """
    check_graph(graph)
    ET.register_namespace("", GEXF_NS)
    q = lambda tag: f"{{{GEXF_NS}}}{tag}"  # noqa: E731 - a short local name helper
    root = ET.Element(q("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("creator")).text = "factionmap"
    ET.SubElement(meta, q("description")).text = (
        f"Groups and relations on {graph.on}" if graph.on else "Groups and relations, all dates")
    g = ET.SubElement(root, q("graph"), {
        "mode": "dynamic", "timeformat": "date", "defaultedgetype": "undirected"})
    for class_ in ("node", "edge"):
        attrs = ET.SubElement(g, q("attributes"), {"class": class_, "mode": "static"})
        for att_id, att_class, title, type_ in _GEXF_ATTRIBUTES:
            if att_class == class_:
                ET.SubElement(attrs, q("attribute"), {"id": att_id, "title": title, "type": type_})

    def span(attrs: dict[str, str], start: str | None, end: str | None) -> dict[str, str]:
        for side, value in (("start", start), ("end", end)):
            wide = widen_date(value, side)
            if wide is not None:
                attrs[side] = wide
        return attrs

    def attvalues(parent: ET.Element, values: dict[str, object]) -> None:
        box = ET.SubElement(parent, q("attvalues"))
        for att_id, value in values.items():
            if value is not None:
                text = _bool(value) if isinstance(value, bool) else str(value)
                ET.SubElement(box, q("attvalue"), {"for": att_id, "value": text})

    nodes_el = ET.SubElement(g, q("nodes"))
    for node in sorted_nodes(graph):
        el = ET.SubElement(nodes_el, q("node"), span({"id": node.id, "label": node.label}, node.start, node.end))
        attvalues(el, {"kind": node.kind, "country": node.country})
    edges_el = ET.SubElement(g, q("edges"))
    for i, edge in enumerate(sorted_edges(graph)):
        attrs = {"id": f"e{i}", "source": edge.source, "target": edge.target, "kind": edge.type,
                 "weight": str(edge.weight)}
        if edge.directed:
            attrs["type"] = "directed"
        el = ET.SubElement(edges_el, q("edge"), span(attrs, edge.start, edge.end))
        attvalues(el, {"type": edge.type, "weight": edge.weight, "fact_id": edge.fact_id,
                       "contested": edge.contested, "end_inferred": edge.end_inferred})
    return _serialize(root)


def to_svg(graph: Graph, width: int = 1000, height: int = 700) -> str:
    """A readable SVG picture of the graph; see `graphsvg.to_svg`."""
    check_graph(graph)
    return _draw(graph, width, height)
