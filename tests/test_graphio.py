"""The network writers on small hand-made graphs: JSON, GraphML, GEXF and the SVG picture; the
GraphML and GEXF read back by networkx, and the GEXF checked against Gephi's conventions."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from factionmap.errors import FactionmapError
from factionmap.export.graphio import (
    Edge, Graph, Node, from_json, oriented_edges, to_gexf, to_graphml, to_json, to_svg, widen_date,
)
from factionmap.export.graphsvg import truncate_label

GML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
SVG = "{http://www.w3.org/2000/svg}"

# Given in an unsorted order on purpose; the label of "ttp" has '&', "'" and more than 28 characters.
NODES = (
    Node("taliban", "Taliban", "group", "af", start="1994"),
    Node("state:af", "Afghanistan", "state", "af"),
    Node("aq", "al-Qaeda", "group", start="1988-08", end="2024"),
    Node("ttp", "Tehrik-i-Taliban Pakistan & 'friends' <TTP>", "group", "pk", start="2007-12-14"),
    Node("isk", "Islamic State Khorasan Province", "group", "af", start="2015-01"),
)
EDGES = (
    Edge("taliban", "state:af", "RIVALRY", False, 12, start="2001", contested=True, fact_id="f-2"),
    Edge("taliban", "aq", "ALLIANCE", False, 5, start="1996", fact_id="f-1"),
    Edge("ttp", "taliban", "PLEDGE", True, 1, start="2007", end="2015-07", end_inferred=True, fact_id="f-4"),
    Edge("isk", "ttp", "SPLIT", True, 2, start="2015-01", fact_id="f-3"),
    Edge("isk", "taliban", "RIVALRY", False, 7, start="2015", fact_id="f-5"),
    Edge("aq", "taliban", "SPONSORSHIP", True, 3, fact_id="f-6"),
)
GRAPH = Graph(on="2016-01-01", nodes=NODES, edges=EDGES)
EMPTY = Graph(on="2015-06", nodes=(), edges=())
ALL_FORMATS = [to_json, to_graphml, to_gexf, to_svg]


# ---- widening of partial dates ---------------------------------------------------

@pytest.mark.parametrize("value, side, expected", [
    ("2015", "start", "2015-01-01"),
    ("2015", "end", "2015-12-31"),
    ("2015-07", "start", "2015-07-01"),
    ("2015-07", "end", "2015-07-31"),
    ("2016-02", "end", "2016-02-29"),
    ("2015-02", "end", "2015-02-28"),
    ("2015-08-13", "start", "2015-08-13"),
    ("2015-08-13", "end", "2015-08-13"),
    (None, "start", None),
    (None, "end", None),
])
def test_graphio_widen_date(value, side, expected):
    assert widen_date(value, side) == expected


@pytest.mark.parametrize("value", ["last spring", "2015-13", "15"])
def test_graphio_widen_date_rejects_non_dates(value):
    with pytest.raises(FactionmapError) as err:
        widen_date(value, "start")
    assert err.value.code == "E403"


# ---- checks on the input ------------------------------------------------------------

@pytest.mark.parametrize("writer", ALL_FORMATS)
def test_graphio_edge_to_unknown_node_is_refused(writer):
    graph = Graph(on=None, nodes=NODES[:1], edges=(Edge("taliban", "nobody", "ALLIANCE", False, 1),))
    with pytest.raises(ValueError, match="nobody"):
        writer(graph)


# ---- JSON -----------------------------------------------------------------------------

@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_json_round_trips_sorted(graph):
    text = to_json(graph)
    back = from_json(text)
    assert back.on == graph.on
    assert set(back.nodes) == set(graph.nodes) and set(back.edges) == set(graph.edges)
    assert [n.id for n in back.nodes] == sorted(n.id for n in graph.nodes)
    keys = [(e.source, e.target, e.type) for e in back.edges]
    assert keys == sorted(keys)
    assert to_json(back) == text


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_json_keeps_every_field_in_order(graph):
    data = json.loads(to_json(graph))
    assert list(data) == ["on", "nodes", "edges"]
    assert list(data["nodes"][0]) == ["id", "label", "kind", "country", "start", "end"]
    assert list(data["edges"][0]) == ["source", "target", "type", "directed", "weight", "start", "end",
                                      "end_inferred", "fact_id", "contested"]


# ---- GraphML --------------------------------------------------------------------------

@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_graphml_structure(graph):
    root = ET.fromstring(to_graphml(graph))
    assert root.tag == f"{GML}graphml"
    keys = {(k.get("for"), k.get("attr.name")): k.get("id") for k in root.iter(f"{GML}key")}
    for name in ("label", "kind", "country", "start", "end"):
        assert ("node", name) in keys
    for name in ("type", "weight", "start", "end", "end_inferred", "fact_id", "contested", "directed"):
        assert ("edge", name) in keys
    g = root.find(f"{GML}graph")
    assert g.get("edgedefault") == "directed"
    assert len(g.findall(f"{GML}node")) == 5
    edges = g.findall(f"{GML}edge")
    assert len(edges) == 6
    declared = set(keys.values())
    assert all(d.get("key") in declared for d in root.iter(f"{GML}data"))
    node_ids = {n.get("id") for n in g.findall(f"{GML}node")}
    assert all(e.get("source") in node_ids and e.get("target") in node_ids for e in edges)


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_graphml_directed_as_data(graph):
    # one directedness per file: no edge overrides it, each says in its data whether it has an arrow
    root = ET.fromstring(to_graphml(graph))
    flags = {}
    for edge in root.iter(f"{GML}edge"):
        assert "directed" not in edge.attrib
        data = {d.get("key"): d.text for d in edge.findall(f"{GML}data")}
        flags[(edge.get("source"), edge.get("target"), data["e_type"])] = data["e_directed"]
    assert flags[("ttp", "taliban", "PLEDGE")] == "true"
    assert flags[("aq", "taliban", "ALLIANCE")] == "false"  # given as taliban -> aq: smaller id first
    assert flags[("state:af", "taliban", "RIVALRY")] == "false"
    assert sum(1 for v in flags.values() if v == "true") == 3


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_graphml_leaves_out_unknown_values(graph):
    root = ET.fromstring(to_graphml(graph))
    node = next(n for n in root.iter(f"{GML}node") if n.get("id") == "state:af")
    assert {d.get("key") for d in node} == {"n_label", "n_kind", "n_country"}


# ---- GEXF -----------------------------------------------------------------------------

@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_gexf_is_dynamic_with_declared_attributes(graph):
    root = ET.fromstring(to_gexf(graph))
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    g = root.find(f"{GEXF}graph")
    assert (g.get("mode"), g.get("timeformat"), g.get("defaultedgetype")) == ("dynamic", "date", "directed")
    declared = {a.get("class"): {x.get("id") for x in a} for a in g.findall(f"{GEXF}attributes")}
    assert declared["node"] == {"kind", "country", "stated_start", "stated_end"}
    assert declared["edge"] == {"type", "directed", "fact_id", "contested", "end_inferred", "stated_start",
                                "stated_end"}
    assert len(g.find(f"{GEXF}nodes")) == 5 and len(g.find(f"{GEXF}edges")) == 6
    for node in g.iter(f"{GEXF}node"):
        assert all(v.get("for") in declared["node"] for v in node.iter(f"{GEXF}attvalue"))


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_gexf_widens_dates_and_omits_unknown(graph):
    g = ET.fromstring(to_gexf(graph)).find(f"{GEXF}graph")
    nodes = {n.get("id"): n for n in g.iter(f"{GEXF}node")}
    assert (nodes["aq"].get("start"), nodes["aq"].get("end")) == ("1988-08-01", "2024-12-31")
    assert nodes["taliban"].get("start") == "1994-01-01" and "end" not in nodes["taliban"].attrib
    assert "start" not in nodes["state:af"].attrib and "end" not in nodes["state:af"].attrib
    edges = {(e.get("source"), e.get("target"), e.get("kind")): e for e in g.iter(f"{GEXF}edge")}
    pledge = edges[("ttp", "taliban", "PLEDGE")]
    assert (pledge.get("start"), pledge.get("end")) == ("2007-01-01", "2015-07-31")
    stated = {v.get("for"): v.get("value") for v in pledge.iter(f"{GEXF}attvalue")}
    assert (stated["stated_start"], stated["stated_end"]) == ("2007", "2015-07")
    assert "start" not in edges[("aq", "taliban", "SPONSORSHIP")].attrib
    every_date = [v for el in g.iter() for k, v in el.attrib.items() if k in ("start", "end")]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for v in every_date)


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_gexf_edge_direction_and_weight(graph):
    g = ET.fromstring(to_gexf(graph)).find(f"{GEXF}graph")
    edges = {(e.get("source"), e.get("target"), e.get("kind")): e for e in g.iter(f"{GEXF}edge")}
    assert all("type" not in e.attrib for e in edges.values())  # the graph's default: directed
    rivalry = edges[("state:af", "taliban", "RIVALRY")]  # given as taliban -> state:af
    assert rivalry.get("weight") == "12" and rivalry.get("label") == "RIVALRY"
    values = {v.get("for"): v.get("value") for v in rivalry.iter(f"{GEXF}attvalue")}
    assert values == {"type": "RIVALRY", "directed": "false", "fact_id": "f-2", "contested": "true",
                      "end_inferred": "false", "stated_start": "2001"}
    split = {v.get("for"): v.get("value") for v in edges[("isk", "ttp", "SPLIT")].iter(f"{GEXF}attvalue")}
    assert split["directed"] == "true"


@pytest.mark.parametrize("edge", [Edge("isk", "ttp", "SPLIT", True, 1, start="2016-03", end="2015")])
def test_graphio_gexf_leaves_out_an_end_before_the_start(edge):
    graph = Graph(None, NODES, (edge,))
    el = next(ET.fromstring(to_gexf(graph)).iter(f"{GEXF}edge"))
    assert el.get("start") == "2016-03-01" and "end" not in el.attrib
    assert {v.get("for"): v.get("value") for v in el.iter(f"{GEXF}attvalue")}["stated_end"] == "2015"


# ---- what other tools read back ---------------------------------------------------------

# Parallel edges of three types between one pair (one symmetric relation given larger id
# first), a directed and an undirected edge, partial dates, unknown values, non-ASCII labels.
ROUND_TRIP = Graph(on="2016-07", nodes=(
    Node("taliban", "Taliban", "group", "AF", start="1994-09"),
    Node("aq", "al-Qāʿida (القاعدة)", "group"),
    Node("state:af", "Afghanistan", "state", "AF", end="2021-08-15"),
    Node("hig", "Ḥizb-i Islāmī Gulbuddīn", "group", "AF", start="1976", end="2016"),
), edges=(
    Edge("taliban", "aq", "ALLIANCE", False, 4, start="1996", fact_id="f-a"),
    Edge("aq", "taliban", "PLEDGE", True, 2, start="2015-08-13", end="2016-05", end_inferred=True, fact_id="f-p"),
    Edge("taliban", "aq", "RIVALRY", False, 1, contested=True, fact_id="f-r"),
    Edge("taliban", "state:af", "RIVALRY", False, 9, start="2001-10", fact_id="f-s"),
    Edge("hig", "taliban", "SPLIT", True, 1, start="1994", end=None, fact_id=""),
))


def _read_back(reader, text: str, path):
    path.write_text(text, encoding="utf-8")
    return reader(path)


def _edges_by_fact(g) -> dict:
    assert g.is_directed()
    found = {}
    for source, target, data in g.edges(data=True):
        found[data["fact_id"]] = (source, target, data)
    return found


def _expected_ends(edge: Edge) -> tuple[str, str]:
    return (edge.source, edge.target) if edge.directed else tuple(sorted((edge.source, edge.target)))


@pytest.mark.parametrize("graph", [ROUND_TRIP])
def test_graphio_graphml_read_back_by_networkx(graph, tmp_path):
    g = _read_back(nx.read_graphml, to_graphml(graph), tmp_path / "net.graphml")
    assert isinstance(g, nx.MultiDiGraph)  # the parallel edges made it a multigraph
    assert g.graph["on"] == graph.on
    assert set(g.nodes) == {n.id for n in graph.nodes}
    for node in graph.nodes:
        data = g.nodes[node.id]
        assert {f: data.get(f) for f in ("label", "kind", "country", "start", "end")} == {
            "label": node.label, "kind": node.kind, "country": node.country, "start": node.start, "end": node.end}
    found = _edges_by_fact(g)
    assert len(found) == g.number_of_edges() == len(graph.edges)
    for edge in graph.edges:
        source, target, data = found[edge.fact_id]
        assert (source, target) == _expected_ends(edge)
        assert {f: data.get(f) for f in ("type", "directed", "weight", "start", "end", "end_inferred",
                                         "contested")} == {
            "type": edge.type, "directed": edge.directed, "weight": edge.weight, "start": edge.start,
            "end": edge.end, "end_inferred": edge.end_inferred, "contested": edge.contested}
        assert type(data["weight"]) is int and type(data["directed"]) is bool


@pytest.mark.parametrize("graph", [ROUND_TRIP])
def test_graphio_gexf_read_back_by_networkx(graph, tmp_path):
    g = _read_back(nx.read_gexf, to_gexf(graph), tmp_path / "net.gexf")
    assert isinstance(g, nx.MultiDiGraph) and g.graph["mode"] == "dynamic"
    assert set(g.nodes) == {n.id for n in graph.nodes}
    for node in graph.nodes:
        data = g.nodes[node.id]
        assert {f: data.get(f) for f in ("label", "kind", "country", "stated_start", "stated_end")} == {
            "label": node.label, "kind": node.kind, "country": node.country, "stated_start": node.start,
            "stated_end": node.end}
        assert (data.get("start"), data.get("end")) == (widen_date(node.start, "start"), widen_date(node.end, "end"))
    found = _edges_by_fact(g)
    assert len(found) == g.number_of_edges() == len(graph.edges)
    for edge in graph.edges:
        source, target, data = found[edge.fact_id]
        assert (source, target) == _expected_ends(edge)
        assert {f: data.get(f) for f in ("type", "directed", "stated_start", "stated_end", "end_inferred",
                                         "contested")} == {
            "type": edge.type, "directed": edge.directed, "stated_start": edge.start, "stated_end": edge.end,
            "end_inferred": edge.end_inferred, "contested": edge.contested}
        assert data["weight"] == edge.weight and data["label"] == edge.type
        assert (data.get("start"), data.get("end")) == (widen_date(edge.start, "start"), widen_date(edge.end, "end"))


def _gephi_conventions(text: str) -> None:
    """What Gephi's GEXF 1.3 importer expects of a dynamic graph, checked on the XML."""
    root = ET.fromstring(text)
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    assert root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split() == [
        "http://gexf.net/1.3", "http://gexf.net/1.3/gexf.xsd"]
    g = root.find(f"{GEXF}graph")
    assert (g.get("mode"), g.get("timeformat"), g.get("timerepresentation")) == ("dynamic", "date", "interval")
    assert g.get("defaultedgetype") in ("directed", "undirected", "mutual")
    gephi_types = {"integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI"}
    declared = {}
    for block in g.findall(f"{GEXF}attributes"):
        assert block.get("class") in ("node", "edge") and block.get("mode") in ("static", "dynamic")
        ids = [a.get("id") for a in block.findall(f"{GEXF}attribute")]
        assert len(ids) == len(set(ids))
        for a in block.findall(f"{GEXF}attribute"):
            assert a.get("title") and a.get("type") in gephi_types
        declared[block.get("class")] = {a.get("id"): a.get("type") for a in block.findall(f"{GEXF}attribute")}
    for class_, tag in (("node", "nodes"), ("edge", "edges")):
        box = g.find(f"{GEXF}{tag}")
        elements = [] if box is None else box.findall(f"{GEXF}{class_}")
        ids = [el.get("id") for el in elements]
        assert len(ids) == len(set(ids)) and all(ids), f"{class_} ids must be unique"
        for el in elements:
            dates = [el.get(side) for side in ("start", "end") if el.get(side) is not None]
            assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates), dates
            if len(dates) == 2:
                assert dates[0] <= dates[1]
            for value in el.iter(f"{GEXF}attvalue"):
                assert value.get("for") in declared[class_], value.get("for")
                if declared[class_][value.get("for")] == "boolean":
                    assert value.get("value") in ("true", "false")
            if class_ == "edge":
                float(el.get("weight"))
                assert el.get("kind") and el.get("type") in (None, "directed")


@pytest.mark.parametrize("graph", [GRAPH, ROUND_TRIP, EMPTY])
def test_graphio_gexf_meets_gephi_conventions(graph):
    _gephi_conventions(to_gexf(graph))


@pytest.mark.parametrize("writer", [to_graphml, to_gexf])
def test_graphio_xml_is_deterministic(writer):
    shuffled = Graph(ROUND_TRIP.on, tuple(reversed(ROUND_TRIP.nodes)), tuple(reversed(ROUND_TRIP.edges)))
    assert writer(shuffled) == writer(ROUND_TRIP)


@pytest.mark.parametrize("graph", [ROUND_TRIP])
def test_graphio_oriented_edges_put_the_smaller_id_first_when_symmetric(graph):
    ends = {e.fact_id: (e.source, e.target) for e in oriented_edges(graph)}
    assert ends == {"f-a": ("aq", "taliban"), "f-p": ("aq", "taliban"), "f-r": ("aq", "taliban"),
                    "f-s": ("state:af", "taliban"), "": ("hig", "taliban")}


# Four articles of the example corpus: parallel edges (al-Qaeda and the Taliban allied and
# affiliated; al-Nusra affiliated to al-Qaeda and splitting from it), symmetric and not.
CORPUS_FILES = ("zawahiri_pledge_haibatullah.txt", "nusra_front_cuts_al_qaeda_ties.txt",
                "boko_haram_islamic_state_pledge.txt", "iswap_barnawi_replaces_shekau.txt")


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory):
    from factionmap.api import ingest_paths
    from factionmap.query.network import build_network
    from factionmap.store.sqlite import Store

    db = tmp_path_factory.mktemp("graphio") / "fm.db"
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    ingest_paths([corpus / name for name in CORPUS_FILES], db)
    with Store.open(db, create=False) as store:
        return build_network(store)


@pytest.mark.parametrize("reader, writer, suffix", [(nx.read_graphml, to_graphml, "graphml"),
                                                    (nx.read_gexf, to_gexf, "gexf")])
def test_graphio_corpus_network_read_back_by_networkx(corpus_graph, reader, writer, suffix, tmp_path):
    graph = corpus_graph
    assert len(graph.edges) >= 5 and any(not e.directed for e in graph.edges)
    pairs = [frozenset((e.source, e.target)) for e in graph.edges]
    assert len(set(pairs)) < len(pairs), "the corpus should give parallel edges"
    g = _read_back(reader, writer(graph), tmp_path / f"net.{suffix}")
    assert g.number_of_nodes() == len(graph.nodes) and g.number_of_edges() == len(graph.edges)
    assert {d["fact_id"] for _, _, d in g.edges(data=True)} == {e.fact_id for e in graph.edges}
    assert {n: d["label"] for n, d in g.nodes(data=True)} == {n.id: n.label for n in graph.nodes}
    if suffix == "gexf":
        _gephi_conventions(writer(graph))


# ---- SVG ------------------------------------------------------------------------------

def _texts(root: ET.Element) -> list[str]:
    return [el.text for el in root.iter() if el.text and el.text.strip()]


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_svg_shows_every_label_escaped(graph):
    text = to_svg(graph)
    assert "&amp; &apos;" in text or "&amp; '" in text  # the '&' is escaped wherever the label appears
    assert "<TTP>" not in text
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    drawn = [t.text for t in root.find(f"{SVG}g[@id='labels']")]
    assert sorted(drawn) == sorted(truncate_label(n.label) for n in graph.nodes)
    tooltips = " ".join(t.text for t in root.iter(f"{SVG}title"))
    assert all(n.label in tooltips for n in graph.nodes)  # full labels, even the cut one
    assert "Groups and relations on 2016-01-01" in _texts(root)


@pytest.mark.parametrize("label, expected", [
    ("Taliban", "Taliban"),
    ("x" * 28, "x" * 28),
    ("Islamic State Khorasan Province", "Islamic State Khorasan Prov\u2026"),
])
def test_graphio_truncate_label(label, expected):
    assert truncate_label(label) == expected


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_svg_legend_and_markers(graph):
    root = ET.fromstring(to_svg(graph))
    legend = " ".join(_texts(root.find(f"{SVG}g[@id='legend']")))
    for edge_type in {e.type for e in graph.edges}:
        assert edge_type in legend
    assert "BRANCH" not in legend  # only the types present
    assert "contested" in legend
    markers = root.findall(f".//{SVG}marker")
    assert len(markers) == 3  # PLEDGE, SPLIT, SPONSORSHIP are directed
    paths = root.find(f"{SVG}g[@id='edges']").findall(f"{SVG}path")
    assert len(paths) == 6
    assert sum(1 for p in paths if p.get("marker-end")) == 3
    assert sum(1 for p in paths if p.get("stroke-dasharray")) == 1


@pytest.mark.parametrize("graph", [GRAPH])
def test_graphio_svg_is_deterministic(graph):
    assert to_svg(graph) == to_svg(graph)
    shuffled = Graph(graph.on, tuple(reversed(graph.nodes)), tuple(reversed(graph.edges)))
    assert to_svg(shuffled) == to_svg(graph)


@pytest.mark.parametrize("width, height", [(1000, 700), (640, 480)])
def test_graphio_svg_nodes_and_labels_inside_canvas(width, height):
    root = ET.fromstring(to_svg(GRAPH, width, height))
    for circle in root.find(f"{SVG}g[@id='nodes']"):
        x, y, r = (float(circle.get(a)) for a in ("cx", "cy", "r"))
        assert 10 <= x - r and x + r <= width - 10 and 60 <= y - r and y + r <= height - 10
    for label in root.find(f"{SVG}g[@id='labels']"):
        x, y = float(label.get("x")), float(label.get("y"))
        assert 0 <= x and x + 7.2 * len(label.text) <= width and 60 <= y <= height


# ---- the empty graph -----------------------------------------------------------------

@pytest.mark.parametrize("writer", [to_graphml, to_gexf, to_svg])
def test_graphio_empty_graph_is_valid_xml(writer):
    root = ET.fromstring(writer(EMPTY))
    assert not [el for el in root.iter() if el.tag.endswith("}node") or el.tag.endswith("}edge")]


def test_graphio_empty_graph_json_and_svg_message():
    assert json.loads(to_json(EMPTY)) == {"on": "2015-06", "nodes": [], "edges": []}
    assert "no relations on this date" in _texts(ET.fromstring(to_svg(EMPTY)))
