// Network at a date: groups and their relations from /api/network, laid out by layout.js
// and drawn as SVG. Filters (relation types, region, search), a legend, and a side panel
// answering "who led the selected group on this day" from /api/leader.

import { get } from "./api.js";
import { el, svg, clear, notice } from "./dom.js";
import { layout } from "./layout.js";
import { state, dated, subscribe } from "./state.js";
import { openEvidence } from "./evidence.js";
import { groupPanel } from "./grouppanel.js";

const W = 900;
const H = 620;

/** A CSS-safe token for a type name from the data. */
export function token(type) {
  return String(type || "OTHER").toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

export function networkView(root) {
  const hidden = new Set(); // relation types switched off
  let data = { nodes: [], edges: [] };
  let region = "";
  let search = "";
  let selected = null; // the group shown in the side panel
  let request = 0;

  const status = el("div", { class: "status", "aria-live": "polite" });
  const typeBox = el("fieldset", { class: "types" }, el("legend", {}, "Relation types"));
  const regionField = el("input", { type: "text", id: "region", placeholder: "e.g. SO or Somalia", size: 14 });
  const searchField = el("input", { type: "search", id: "search", placeholder: "group name", size: 16 });
  const onlyMatches = el("input", { type: "checkbox", id: "only-matches" });
  const canvas = svg("svg", { id: "network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Network of groups" });
  const side = el("aside", { class: "side", id: "group-panel", "aria-live": "polite" });
  const panel = groupPanel(side);

  root.append(el("div", { class: "network-layout" },
    el("div", { class: "filters" },
      el("label", { for: "search" }, "Search groups"), searchField,
      el("label", { class: "toggle", for: "only-matches" }, onlyMatches, " only matches and ties"),
      el("label", { for: "region" }, "Region (country code or name)"), regionField,
      typeBox, el("div", { class: "legend", id: "network-legend" })),
    el("div", { class: "canvas" }, status, canvas),
    side));

  regionField.addEventListener("change", () => { region = regionField.value.trim(); load(); });
  let searchTimer = null;
  searchField.addEventListener("input", () => {
    search = searchField.value.trim();
    draw();
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => select(search || null), 300);
  });
  onlyMatches.addEventListener("change", draw);

  function select(name) {
    selected = name;
    panel.show(selected);
  }

  async function load() {
    const mine = ++request;
    status.replaceChildren(notice(`Loading the network on ${state.date}…`));
    try {
      const answer = await get("network", dated({ region: region || null }));
      if (mine !== request) return;
      data = answer;
      status.replaceChildren();
      types();
      draw();
    } catch (e) {
      if (mine !== request) return;
      data = { nodes: [], edges: [] };
      status.replaceChildren(notice(e.message, "error"));
      draw();
    }
    panel.show(selected);
  }

  function types() {
    const present = [...new Set(data.edges.map((e) => e.type))].sort();
    const known = new Set([...typeBox.querySelectorAll("input")].map((i) => i.value));
    for (const type of present) {
      if (known.has(type)) continue;
      const box = el("input", { type: "checkbox", value: type, id: `type-${token(type)}`, checked: !hidden.has(type) });
      box.addEventListener("change", () => { box.checked ? hidden.delete(type) : hidden.add(type); draw(); });
      typeBox.append(el("label", { class: "toggle", for: box.id }, box, el("span", { class: `swatch t-${token(type)}` }), ` ${type}`));
    }
    for (const label of typeBox.querySelectorAll("label")) {
      const input = label.querySelector("input");
      label.classList.toggle("absent", !present.includes(input.value));
    }
    const legend = root.querySelector("#network-legend");
    legend.replaceChildren(el("h3", {}, "Legend"),
      el("p", {}, "Node size: number of ties. Arrows: directed relations (A → B)."),
      el("p", {}, el("span", { class: "swatch node-group" }), " group ", el("span", { class: "swatch node-state" }), " state"));
  }

  function matches(node) {
    if (!search) return false;
    const q = search.toLowerCase();
    return node.label.toLowerCase().includes(q) || node.id.toLowerCase().includes(q);
  }

  function draw() {
    clear(canvas);
    let edges = data.edges.filter((e) => !hidden.has(e.type));
    let nodes = data.nodes;
    const matched = new Set(nodes.filter(matches).map((n) => n.id));
    if (onlyMatches.checked && search) {
      edges = edges.filter((e) => matched.has(e.source) || matched.has(e.target));
      const keep = new Set([...matched, ...edges.flatMap((e) => [e.source, e.target])]);
      nodes = nodes.filter((n) => keep.has(n.id));
    }
    if (!nodes.length) {
      canvas.append(svg("text", { x: W / 2, y: H / 2, class: "empty", "text-anchor": "middle" },
        `No groups with relations on ${state.date}${region ? " in " + region : ""}.`));
      return;
    }
    const degree = new Map(nodes.map((n) => [n.id, 0]));
    for (const e of edges) {
      degree.set(e.source, (degree.get(e.source) || 0) + 1);
      degree.set(e.target, (degree.get(e.target) || 0) + 1);
    }
    const radius = (id) => 6 + 3.2 * Math.sqrt(degree.get(id) || 0);
    const pos = layout(nodes, edges, W - 170, H); // room on the right for labels
    const defs = svg("defs", {});
    for (const type of new Set(edges.map((e) => e.type))) {
      defs.append(svg("marker", { id: `arrow-${token(type)}`, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", class: `arrowhead t-${token(type)}` })));
    }
    canvas.append(defs);
    const edgeLayer = svg("g", { class: "edges" });
    const nodeLayer = svg("g", { class: "nodes" });
    canvas.append(edgeLayer, nodeLayer);
    if (search) canvas.classList.add("searching"); else canvas.classList.remove("searching");

    const pairs = new Map();
    for (const e of edges) {
      const key = [e.source, e.target].sort().join("\u0000");
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(e);
    }
    const byNode = new Map(nodes.map((n) => [n.id, []]));
    for (const group of pairs.values()) {
      group.forEach((e, i) => {
        const line = edgeShape(e, pos, radius, (i - (group.length - 1) / 2) * 9);
        if (!line) return;
        edgeLayer.append(line);
        byNode.get(e.source)?.push(line);
        byNode.get(e.target)?.push(line);
      });
    }
    const nodeEls = new Map();
    for (const node of nodes) {
      const [x, y] = pos.get(node.id);
      const g = svg("g", { class: `node kind-${token(node.kind).toLowerCase()}${matched.has(node.id) ? " match" : ""}`,
        transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`, tabindex: 0, role: "link",
        "data-id": node.id, "data-ties": degree.get(node.id) || 0,
        "aria-label": `${node.label}: ${degree.get(node.id) || 0} ties; open its page` },
      svg("title", {}, `${node.label} (${node.country || "no country"}) — ${degree.get(node.id) || 0} ties`),
      node.kind === "state"
        ? svg("rect", { x: -radius(node.id), y: -radius(node.id), width: 2 * radius(node.id), height: 2 * radius(node.id), rx: 3 })
        : svg("circle", { r: radius(node.id) }),
      svg("text", { x: radius(node.id) + 3, y: 4, class: "label" }, node.label));
      nodeEls.set(node.id, g);
      const ties = byNode.get(node.id) || [];
      const on = () => {
        canvas.classList.add("focusing");
        g.classList.add("hl");
        for (const t of ties) {
          t.classList.add("hl");
          nodeEls.get(t.dataset.source)?.classList.add("hl");
          nodeEls.get(t.dataset.target)?.classList.add("hl");
        }
      };
      const off = () => {
        canvas.classList.remove("focusing");
        for (const h of canvas.querySelectorAll(".hl")) h.classList.remove("hl");
      };
      g.addEventListener("mouseenter", on);
      g.addEventListener("mouseleave", off);
      g.addEventListener("focus", () => { on(); select(node.label); });
      g.addEventListener("blur", off);
      g.addEventListener("click", () => { location.hash = `#/actor/${encodeURIComponent(node.id)}`; });
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") location.hash = `#/actor/${encodeURIComponent(node.id)}`; });
      nodeLayer.append(g);
    }
  }

  function edgeShape(e, pos, radius, offset) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) return null;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.sqrt(dx * dx + dy * dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    const [ox, oy] = [-uy * offset, ux * offset];
    const ra = radius(e.source) + 1;
    const rb = radius(e.target) + (e.directed ? 2 : 1);
    const x1 = a[0] + ux * ra + ox, y1 = a[1] + uy * ra + oy;
    const x2 = b[0] - ux * rb + ox, y2 = b[1] - uy * rb + oy;
    const t = token(e.type);
    const label = `${e.type}: ${e.source} ${e.directed ? "→" : "—"} ${e.target}` +
      `${e.start ? " from " + e.start : ""}${e.end ? " until " + e.end : ""}${e.contested ? " (contested)" : ""}`;
    const g = svg("g", { class: `edge t-${t}${e.contested ? " contested" : ""}`, tabindex: 0, role: "button",
      "data-fact-id": e.fact_id, "data-type": e.type, "data-source": e.source, "data-target": e.target,
      "aria-label": `${label}; show evidence` },
    svg("title", {}, label),
    svg("line", { x1, y1, x2, y2, class: "hit" }),
    svg("line", { x1, y1, x2, y2, class: `stroke t-${t}`, "stroke-width": Math.min(1.2 + e.weight * 0.6, 4),
      "marker-end": e.directed ? `url(#arrow-${t})` : null }));
    g.addEventListener("click", () => openEvidence(e.fact_id));
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openEvidence(e.fact_id); } });
    return g;
  }

  const unsubscribe = subscribe(load);
  load();
  return { destroy: unsubscribe };
}
