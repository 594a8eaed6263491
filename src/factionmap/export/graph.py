"""The network as plain data: nodes (groups, states), edges (relations with their spans)
and the graph of both at a date, in the fixed order every writer and the picture use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    id: str            # actor id, e.g. "taliban", "state:af", "new:some-group"
    label: str         # display name
    kind: str          # "group" | "state" | "other"
    country: str | None = None
    start: str | None = None   # ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from which the node is in the network; None = unknown/always
    end: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str                # node ids
    type: str                  # ALLIANCE | RIVALRY | AFFILIATION | BRANCH | SPLIT | MERGER | SPONSORSHIP | PLEDGE | CONTROL...
    directed: bool             # ALLIANCE/RIVALRY undirected; others directed source -> target
    weight: int                # number of evidence sentences (or sources) behind it, >= 1
    start: str | None = None   # ISO date (any precision) the relation holds from; None = unknown
    end: str | None = None     # None = open / still holds
    end_inferred: bool = False
    fact_id: str = ""
    contested: bool = False


@dataclass(frozen=True)
class Graph:
    on: str | None             # the date asked about (None = all time)
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def sorted_nodes(graph: Graph) -> list[Node]:
    """The nodes in id order."""
    return sorted(graph.nodes, key=lambda n: n.id)


def sorted_edges(graph: Graph) -> list[Edge]:
    """The edges in (source, target, type) order; ties keep a fixed order by dates and fact id."""
    return sorted(graph.edges, key=lambda e: (e.source, e.target, e.type, e.start or "", e.end or "", e.fact_id))


def check_graph(graph: Graph) -> None:
    """ValueError when two nodes share an id or an edge names a node the graph lacks."""
    ids = [n.id for n in graph.nodes]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"graph has several nodes with id {dupes[0]!r}; node ids must be unique")
    known = set(ids)
    for edge in graph.edges:
        for end in (edge.source, edge.target):
            if end not in known:
                raise ValueError(
                    f"edge {edge.source} -{edge.type}-> {edge.target} names node {end!r}, "
                    "which is not in graph.nodes; add the node or drop the edge")
