"""The network of groups at a date drawn as one SVG picture, the same picture every time.

Layout is Fruchterman-Reingold (200 rounds) from a seeded start: nodes sorted
by id sit on a circle with a small fixed jitter, so the same graph always
gives the same bytes. A node's circle grows with its number of relations and
its colour says its kind (group, state, other); an edge's colour says its
type, its width the evidence behind it (capped), an arrow that it is directed
and a dash that it is contested. Several edges between the same two nodes are
drawn as separate arcs. Labels longer than 28 characters are cut with an
ellipsis (the full name is the node's tooltip) and each label takes the place
around its node that overlaps least with labels and nodes already drawn.
A self-loop (an edge from a node to itself) is not drawn.
"""

from __future__ import annotations

import math
import random
import xml.etree.ElementTree as ET

from .graph import Edge, Graph, Node, sorted_edges, sorted_nodes

SVG_NS = "http://www.w3.org/2000/svg"
MAX_LABEL = 28
ITERATIONS = 200
SEED = 20150601

EDGE_COLOURS = {
    "ALLIANCE": "#2e7d32", "RIVALRY": "#c62828", "AFFILIATION": "#1565c0",
    "BRANCH": "#00838f", "SPLIT": "#ef6c00", "MERGER": "#6a1b9a",
    "SPONSORSHIP": "#8d6e63", "PLEDGE": "#ad1457", "CONTROL": "#546e7a",
}
_SPARE_COLOURS = ("#9e9d24", "#283593", "#4e342e", "#00695c", "#f9a825", "#37474f", "#d81b60")
NODE_STYLE = {  # kind -> (fill, stroke, legend text)
    "group": ("#ffe082", "#8d6e00", "armed group"),
    "state": ("#b0bec5", "#37474f", "state"),
    "other": ("#e0e0e0", "#757575", "other"),
}
_FONT = "Helvetica, Arial, sans-serif"


def truncate_label(label: str, limit: int = MAX_LABEL) -> str:
    """The label as drawn: more than `limit` characters are cut to limit-1 and an ellipsis."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def edge_colours(types: list[str]) -> dict[str, str]:
    """A colour per edge type: known types keep theirs, others take spare colours in name order."""
    spare = iter(_SPARE_COLOURS * (len(types) // len(_SPARE_COLOURS) + 1))
    return {t: EDGE_COLOURS.get(t) or next(spare) for t in sorted(types)}


def layout(ids: list[str], pairs: list[tuple[str, str]],
           iterations: int = ITERATIONS) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions around (0.5, 0.5), with a pull to the centre.

    Start: `ids` in sorted order on a circle, jittered by a fixed-seed random
    generator. The ideal edge length is sqrt(1 / number of nodes). The pull
    keeps unconnected nodes and small components from drifting away.
    """
    ids = sorted(ids)
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (0.5, 0.5)}
    rng = random.Random(SEED)
    pos = []
    for i in range(n):
        angle = 2 * math.pi * i / n
        pos.append([0.5 + 0.4 * math.cos(angle) + rng.uniform(-0.01, 0.01),
                    0.5 + 0.4 * math.sin(angle) + rng.uniform(-0.01, 0.01)])
    index = {node_id: i for i, node_id in enumerate(ids)}
    links = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in pairs if a != b})
    k = math.sqrt(1.0 / n)
    gravity = 2.0
    for step in range(iterations):
        temperature = 0.1 * (1 - step / iterations)
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                dist = max(math.hypot(dx, dy), 1e-3)
                push = k * k / dist
                fx, fy = dx / dist * push, dy / dist * push
                disp[i][0] += fx
                disp[i][1] += fy
                disp[j][0] -= fx
                disp[j][1] -= fy
        for i, j in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            dist = max(math.hypot(dx, dy), 1e-3)
            pull = dist * dist / k
            fx, fy = dx / dist * pull, dy / dist * pull
            disp[i][0] -= fx
            disp[i][1] -= fy
            disp[j][0] += fx
            disp[j][1] += fy
        for i in range(n):
            disp[i][0] -= gravity * (pos[i][0] - 0.5)
            disp[i][1] -= gravity * (pos[i][1] - 0.5)
            length = math.hypot(*disp[i])
            if length > 0:
                scale = min(length, temperature) / length
                pos[i][0] += disp[i][0] * scale
                pos[i][1] += disp[i][1] * scale
    return {node_id: (p[0], p[1]) for node_id, p in zip(ids, pos)}


def fit(pos: dict[str, tuple[float, float]], box: tuple[float, float, float, float],
        max_edge: float = 200.0) -> dict[str, tuple[float, float]]:
    """Layout positions scaled into `box` (left, top, right, bottom) and centred there.

    Each axis is stretched to fill the box, but never so far that the ideal
    edge length exceeds `max_edge` pixels: two or three nodes stay close
    together in the middle instead of going to opposite corners.
    """
    if not pos:
        return {}
    limit = max_edge / math.sqrt(1.0 / len(pos))
    out_axes = []
    for axis, (low_px, high_px) in enumerate(((box[0], box[2]), (box[1], box[3]))):
        values = [p[axis] for p in pos.values()]
        low, span = min(values), max(values) - min(values)
        scale = limit if span < 1e-9 else min((high_px - low_px) / span, limit)
        offset = (low_px + high_px) / 2 - (low + span / 2) * scale
        out_axes.append((scale, offset))
    (sx, ox), (sy, oy) = out_axes
    return {i: (x * sx + ox, y * sy + oy) for i, (x, y) in pos.items()}


def _fmt(value: float) -> str:
    return f"{value:.1f}"


class _Canvas:
    """The SVG tree being drawn, with a helper to add elements under a parent."""

    def __init__(self, width: int, height: int) -> None:
        ET.register_namespace("", SVG_NS)
        self.root = ET.Element(self.q("svg"), {
            "width": str(width), "height": str(height), "viewBox": f"0 0 {width} {height}",
            "font-family": _FONT})

    @staticmethod
    def q(tag: str) -> str:
        return f"{{{SVG_NS}}}{tag}"

    def add(self, parent: ET.Element | None, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
        clean = {k.rstrip("_").replace("_", "-"): (_fmt(v) if isinstance(v, float) else str(v))
                 for k, v in attrs.items() if v is not None}
        el = ET.SubElement(self.root if parent is None else parent, self.q(tag), clean)
        if text is not None:
            el.text = text
        return el


def to_svg(graph: Graph, width: int = 1000, height: int = 700) -> str:
    """The picture: title, edges, nodes, labels, and a legend of the edge types and node kinds present."""
    canvas = _Canvas(width, height)
    nodes = sorted_nodes(graph)
    edges = [e for e in sorted_edges(graph) if e.source != e.target]
    canvas.add(None, "rect", x=0, y=0, width=width, height=height, fill="#ffffff")
    title = f"Groups and relations on {graph.on}" if graph.on else "Groups and relations, all dates"
    canvas.add(None, "text", title, x=20, y=30, font_size=18, font_weight="bold", fill="#212121")
    canvas.add(None, "text", f"{len(nodes)} actors, {len(graph.edges)} relations",
               x=20, y=50, font_size=12, fill="#616161")
    legend_width = min(210, width // 4)
    box = (40.0, 80.0, width - legend_width - 40.0, height - 40.0)  # left, top, right, bottom for node centres
    if not graph.edges:  # in the middle of an empty picture, under the title when there are nodes
        canvas.add(None, "text", "no relations on this date" if graph.on else "no relations at any date",
                   x=(box[0] + box[2]) / 2 if not nodes else 20, y=(box[1] + box[3]) / 2 if not nodes else 70,
                   font_size=16 if not nodes else 12, fill="#757575",
                   text_anchor="middle" if not nodes else None)
    degree = {n.id: 0 for n in nodes}
    for e in edges:
        degree[e.source] += 1
        degree[e.target] += 1
    radius = {n.id: min(6.0 + 3.0 * math.sqrt(degree[n.id]), 20.0) for n in nodes}
    xy = fit(layout([n.id for n in nodes], [(e.source, e.target) for e in edges]), box)
    colours = edge_colours(sorted({e.type for e in graph.edges}))
    marker_ids = {t: f"arrow-{i}" for i, t in enumerate(colours) if any(
        e.directed and e.type == t for e in graph.edges)}
    _draw_markers(canvas, marker_ids, colours)
    edge_points = _draw_edges(canvas, edges, xy, radius, colours, marker_ids)
    legend_bottom = _draw_legend(canvas, graph, colours, marker_ids, width - legend_width)
    legend = (width - legend_width, 70.0, float(width), legend_bottom + 10)
    _draw_nodes(canvas, nodes, xy, radius, degree, edge_points, (4.0, 60.0, width - 4.0, height - 10.0), legend)
    ET.indent(canvas.root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(canvas.root, encoding="unicode") + "\n"


def _draw_markers(canvas: _Canvas, marker_ids: dict[str, str], colours: dict[str, str]) -> None:
    if not marker_ids:
        return
    defs = canvas.add(None, "defs")
    for edge_type, marker_id in marker_ids.items():
        # userSpaceOnUse: the arrow keeps one size whatever the line width.
        marker = canvas.add(defs, "marker", id=marker_id, viewBox="0 0 10 10", refX=0, refY=5,
                            markerWidth=10, markerHeight=10, markerUnits="userSpaceOnUse", orient="auto")
        canvas.add(marker, "path", d="M0,0 L10,5 L0,10 z", fill=colours[edge_type])


def _edge_width(weight: int) -> float:
    """1.5 px for one piece of evidence, wider by log2 of the count, at most 5 px."""
    return min(1.5 + 1.2 * math.log2(max(weight, 1)), 5.0)


def _draw_edges(canvas: _Canvas, edges: list[Edge], xy: dict, radius: dict,
                colours: dict[str, str], marker_ids: dict[str, str]) -> list[tuple[float, float]]:
    """Draws the edges and returns points along them, which labels try to keep off."""
    points: list[tuple[float, float]] = []
    layer = canvas.add(None, "g", id="edges", fill="none")
    by_pair: dict[tuple[str, str], list[Edge]] = {}
    for e in edges:
        by_pair.setdefault((min(e.source, e.target), max(e.source, e.target)), []).append(e)
    for (a, b), group in by_pair.items():
        (ax, ay), (bx, by) = xy[a], xy[b]
        length = max(math.hypot(bx - ax, by - ay), 1e-6)
        nx, ny = -(by - ay) / length, (bx - ax) / length  # normal of the a -> b line, a fixed side per pair
        for k, e in enumerate(group):
            offset = (k - (len(group) - 1) / 2) * 30.0
            cx, cy = (ax + bx) / 2 + nx * offset, (ay + by) / 2 + ny * offset
            (sx, sy), (tx, ty) = xy[e.source], xy[e.target]
            # A quadratic curve leaves each end towards its control point, so cutting along that
            # line stops the edge at the circle (and leaves room for the arrow head).
            sx, sy = _towards((sx, sy), (cx, cy), radius[e.source] + 1)
            tx, ty = _towards((tx, ty), (cx, cy), radius[e.target] + (11 if e.directed else 1))
            path = canvas.add(
                layer, "path", d=f"M{_fmt(sx)},{_fmt(sy)} Q{_fmt(cx)},{_fmt(cy)} {_fmt(tx)},{_fmt(ty)}",
                stroke=colours[e.type], stroke_width=_edge_width(e.weight), stroke_opacity="0.85",
                stroke_dasharray="7 4" if e.contested else None,
                marker_end=f"url(#{marker_ids[e.type]})" if e.directed else None)
            points.extend(_along((sx, sy), (cx, cy), (tx, ty)))
            arrow = "\u2192" if e.directed else "\u2014"
            when = f"{e.start or '?'} to {e.end or 'open'}{' (end inferred)' if e.end_inferred else ''}"
            canvas.add(path, "title", f"{e.source} {arrow} {e.target}: {e.type}, {when}, weight {e.weight}"
                                      f"{', contested' if e.contested else ''}")
    return points


def _along(p0: tuple[float, float], c: tuple[float, float], p2: tuple[float, float], steps: int = 16) -> list:
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, d = (1 - t) ** 2, 2 * t * (1 - t), t * t
        out.append((a * p0[0] + b * c[0] + d * p2[0], a * p0[1] + b * c[1] + d * p2[1]))
    return out


def _towards(point: tuple[float, float], other: tuple[float, float], dist: float) -> tuple[float, float]:
    dx, dy = other[0] - point[0], other[1] - point[1]
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return point
    step = min(dist, length * 0.45)
    return point[0] + dx / length * step, point[1] + dy / length * step


def _draw_nodes(canvas: _Canvas, nodes: list[Node], xy: dict, radius: dict, degree: dict,
                edge_points: list[tuple[float, float]], bounds: tuple[float, float, float, float],
                legend: tuple[float, float, float, float]) -> None:
    layer = canvas.add(None, "g", id="nodes", stroke_width="1.5")
    for n in nodes:
        fill, stroke, _ = NODE_STYLE.get(n.kind, NODE_STYLE["other"])
        x, y = xy[n.id]
        circle = canvas.add(layer, "circle", cx=x, cy=y, r=radius[n.id], fill=fill, stroke=stroke)
        canvas.add(circle, "title", f"{n.label} ({n.id})")
    font = 12 if len(nodes) <= 40 else 10
    placed: list[tuple[float, float, float, float]] = []
    obstacles = [(xy[n.id][0] - radius[n.id], xy[n.id][1] - radius[n.id],
                  xy[n.id][0] + radius[n.id], xy[n.id][1] + radius[n.id]) for n in nodes]
    labels = canvas.add(None, "g", id="labels", font_size=font, fill="#212121", stroke="#ffffff",
                        stroke_width="3", stroke_linejoin="round", paint_order="stroke")
    for n in sorted(nodes, key=lambda n: (-degree[n.id], n.id)):
        text = truncate_label(n.label)
        w, h = 0.6 * font * len(text), 1.2 * font
        own = (xy[n.id][0] - radius[n.id], xy[n.id][1] - radius[n.id],
               xy[n.id][0] + radius[n.id], xy[n.id][1] + radius[n.id])
        others = [o for o in obstacles if o != own]
        left, top = _place_label(xy[n.id], radius[n.id], w, h, placed, others, edge_points, bounds, legend)
        placed.append((left, top, left + w, top + h))
        canvas.add(labels, "text", text, x=left, y=top + 0.85 * font)


def _place_label(centre: tuple[float, float], r: float, w: float, h: float,
                 placed: list, obstacles: list, points: list,
                 bounds: tuple[float, float, float, float],
                 legend: tuple[float, float, float, float]) -> tuple[float, float]:
    """The top-left corner of the candidate box around the node that overlaps least.

    Candidates in order of preference: right, left, below, above, then the
    four diagonals. Cost: the area shared with labels already placed and
    (half) with other nodes, a fixed cost per edge point under the label, and
    ten times the area outside the picture or on the legend.
    """
    x, y = centre
    d = r * 0.75
    candidates = [
        (x + r + 4, y - h / 2), (x - r - 4 - w, y - h / 2), (x - w / 2, y + r + 2), (x - w / 2, y - r - 2 - h),
        (x + d + 2, y - d - h), (x + d + 2, y + d), (x - d - 2 - w, y - d - h), (x - d - 2 - w, y + d),
    ]
    best, best_cost = candidates[0], math.inf
    for rank, (left, top) in enumerate(candidates):
        rect = (left, top, left + w, top + h)
        cost = sum(_overlap(rect, other) for other in placed)
        cost += 0.5 * sum(_overlap(rect, other) for other in obstacles)
        cost += 30 * sum(1 for px, py in points if rect[0] <= px <= rect[2] and rect[1] <= py <= rect[3])
        inside = _overlap(rect, bounds)
        cost += 10 * (w * h - inside + _overlap(rect, legend))
        cost += rank * 0.5
        if cost < best_cost:
            best, best_cost = (left, top), cost
    return best


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _draw_legend(canvas: _Canvas, graph: Graph, colours: dict[str, str], marker_ids: dict[str, str],
                 left: float) -> float:
    """Draws the legend of edge types and node kinds present; returns its lowest y."""
    if not graph.nodes and not graph.edges:
        return 70.0
    layer = canvas.add(None, "g", id="legend", font_size=12, fill="#212121")
    x, y = left + 10, 90.0
    if colours:
        canvas.add(layer, "text", "Relations", x=x, y=y, font_weight="bold")
        counts = {t: sum(1 for e in graph.edges if e.type == t) for t in colours}
        for edge_type, colour in colours.items():
            y += 20
            canvas.add(layer, "path", d=f"M{_fmt(x)},{_fmt(y - 4)} h22", stroke=colour, stroke_width="3",
                       marker_end=f"url(#{marker_ids[edge_type]})" if edge_type in marker_ids else None)
            canvas.add(layer, "text", truncate_label(f"{edge_type} ({counts[edge_type]})", 22), x=x + 40, y=y)
        if any(e.contested for e in graph.edges):
            y += 20
            canvas.add(layer, "path", d=f"M{_fmt(x)},{_fmt(y - 4)} h30", stroke="#616161", stroke_width="2",
                       stroke_dasharray="7 4")
            canvas.add(layer, "text", "contested", x=x + 40, y=y)
        y += 20
        canvas.add(layer, "text", "width: pieces of evidence", x=x, y=y, fill="#616161", font_size=11)
        if marker_ids:
            y += 16
            canvas.add(layer, "text", "arrow: source \u2192 target", x=x, y=y, fill="#616161", font_size=11)
        y += 30
    kinds = sorted({n.kind if n.kind in NODE_STYLE else "other" for n in graph.nodes},
                   key=list(NODE_STYLE).index)
    if kinds:
        canvas.add(layer, "text", "Actors", x=x, y=y, font_weight="bold")
        for kind in kinds:
            y += 20
            fill, stroke, text = NODE_STYLE[kind]
            canvas.add(layer, "circle", cx=x + 15, cy=y - 4, r=7, fill=fill, stroke=stroke, stroke_width="1.5")
            canvas.add(layer, "text", text, x=x + 40, y=y)
        y += 20
        canvas.add(layer, "text", "size: number of relations", x=x, y=y, fill="#616161", font_size=11)
    return y
