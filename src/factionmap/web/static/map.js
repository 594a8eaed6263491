// The map at a date: country outlines from the vendored world-atlas TopoJSON (drawn without
// them when it is not installed), points for places with coordinates (one symbol per type),
// and countries shaded for facts placed only at country level. Click → evidence.

import { get, getCached, optionalJSON } from "./api.js";
import { el, svg, notice, button } from "./dom.js";
import { features, projection, pathData } from "./topo.js";
import { state, dated, subscribe } from "./state.js";
import { openEvidence } from "./evidence.js";
import { token } from "./network.js";

const WIDTH = 960;
const TYPE_NAMES = { PRESENCE: "presence", CONTROL: "control", SEIZURE: "seizure", ATTACK: "attack" };
let outlines = null; // the world, loaded once

function symbol(type, x, y, s = 4.5) {
  switch (type) {
    case "CONTROL": return svg("rect", { x: x - s, y: y - s, width: 2 * s, height: 2 * s });
    case "SEIZURE": return svg("path", { d: `M${x},${y - s - 1}L${x + s + 1},${y + s}L${x - s - 1},${y + s}Z` });
    case "ATTACK": return svg("path", { d: `M${x},${y - s - 1}L${x + s + 1},${y}L${x},${y + s + 1}L${x - s - 1},${y}Z` });
    default: return svg("circle", { cx: x, cy: y, r: s });
  }
}

function legend() {
  const items = Object.entries(TYPE_NAMES).map(([type, name]) => {
    const icon = svg("svg", { width: 16, height: 16, viewBox: "0 0 16 16", class: `feature t-${type}`, "aria-hidden": "true" }, symbol(type, 8, 8));
    return el("li", {}, icon, ` ${name}`);
  });
  items.push(el("li", {}, el("span", { class: "swatch shade" }), " country-level fact (shaded)"));
  return el("div", { class: "legend" }, el("h3", {}, "Legend"), el("ul", { class: "plain" }, ...items));
}

/** The view box [x, y, width, height] around the points and shaded countries (padded, the
 * map's proportions kept), or null when there is nothing to frame. */
function extent(items, w, project) {
  const xs = [];
  const ys = [];
  const numeric = new Set(items.filter((f) => !f.geometry).map((f) => w.numeric.get(f.properties.country)).filter(Boolean));
  for (const f of items) {
    if (f.geometry && f.geometry.type === "Point") {
      const [x, y] = project(f.geometry.coordinates);
      xs.push(x); ys.push(y);
    }
  }
  for (const c of w.countries) {
    if (!numeric.has(c.id)) continue;
    for (const r of c.rings) for (const p of r) { const [x, y] = project(p); xs.push(x); ys.push(y); }
  }
  if (!xs.length) return null;
  const ratio = project.height / WIDTH;
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let width = Math.max(x1 - x0, 120) * 1.25;
  let height = Math.max(y1 - y0, 60) * 1.25;
  if (height / width > ratio) width = height / ratio; else height = width * ratio;
  width = Math.min(width, WIDTH);
  height = Math.min(height, project.height);
  const cx = Math.min(Math.max((x0 + x1) / 2, width / 2), WIDTH - width / 2);
  const cy = Math.min(Math.max((y0 + y1) / 2, height / 2), project.height - height / 2);
  return [cx - width / 2, cy - height / 2, width, height];
}

export function mapView(root) {
  const project = projection(WIDTH);
  const canvas = svg("svg", { id: "map", viewBox: `0 0 ${WIDTH} ${project.height.toFixed(0)}`, role: "img",
    "aria-label": "Map of presence, control, seizures and attacks" });
  const status = el("div", { class: "status", "aria-live": "polite" });
  const side = el("aside", { class: "side", id: "map-panel" });
  const daysField = el("input", { type: "number", id: "map-days", min: 1, max: 36600, value: 365, size: 6 });
  const zoomBox = el("input", { type: "checkbox", id: "map-zoom", checked: true });
  root.append(el("div", { class: "map-layout" },
    el("div", { class: "canvas" }, status, canvas,
      el("div", { class: "map-controls" },
        el("label", { for: "map-days" }, "Seizures and attacks of the last "), daysField, " days ",
        el("label", { class: "toggle inline", for: "map-zoom" }, zoomBox, " zoom to the facts"))),
    el("div", { class: "map-side" }, legend(), side)));
  let request = 0;
  daysField.addEventListener("change", load);
  zoomBox.addEventListener("change", load);

  async function world() {
    if (outlines === null) {
      const topology = await optionalJSON("/vendor/world/countries-110m.json");
      let codes = [];
      try {
        codes = await getCached("countries");
      } catch (e) {
        codes = [];
      }
      outlines = {
        countries: topology ? features(topology, "countries").filter((c) => c.id !== "010") : [],
        numeric: new Map(codes.map((c) => [c.alpha_2, c.numeric])),
      };
    }
    return outlines;
  }

  async function load() {
    const mine = ++request;
    status.replaceChildren(notice(`Loading the map on ${state.date}…`));
    const days = Number(daysField.value) || 365;
    let geo;
    const w = await world();
    try {
      geo = await get("places", dated({ days }));
    } catch (e) {
      if (mine === request) { status.replaceChildren(notice(e.message, "error")); draw(w, []); }
      return;
    }
    if (mine !== request) return;
    status.replaceChildren(w.countries.length ? "" : notice("Country outlines are not installed (npm set-up); points only.", "warn"));
    draw(w, geo.features);
  }

  function draw(w, items) {
    canvas.replaceChildren(svg("rect", { x: 0, y: 0, width: WIDTH, height: project.height, class: "ocean" }));
    const byCountry = new Map();
    for (const f of items) {
      if (f.geometry) continue;
      const code = f.properties.country;
      if (!code) continue;
      if (!byCountry.has(code)) byCountry.set(code, []);
      byCountry.get(code).push(f);
    }
    const numericToAlpha = new Map([...w.numeric].map(([a, n]) => [n, a]));
    const land = svg("g", { class: "countries" });
    for (const c of w.countries) {
      const alpha = c.id ? numericToAlpha.get(c.id) : null;
      const facts = alpha ? byCountry.get(alpha) : null;
      const path = svg("path", { d: pathData(c.rings, project), class: facts ? `country shade t-${token(facts[0].properties.type)}` : "country",
        "data-country": alpha || "", "data-name": c.name },
      svg("title", {}, facts ? `${c.name}: ${facts.map((f) => f.properties.text).join("; ")}` : c.name));
      if (facts) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        const open = () => showList(`${c.name}`, facts);
        path.addEventListener("click", open);
        path.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
      }
      land.append(path);
    }
    const box = zoomBox.checked ? extent(items, w, project) : null;
    const zoom = box ? WIDTH / box[2] : 1;
    canvas.setAttribute("viewBox", box ? box.map((v) => v.toFixed(1)).join(" ") : `0 0 ${WIDTH} ${project.height.toFixed(0)}`);
    const size = 4.5 / Math.sqrt(zoom);
    const points = svg("g", { class: "points" });
    const seen = new Map();
    for (const f of items) {
      if (!f.geometry || f.geometry.type !== "Point") continue;
      const [x0, y0] = project(f.geometry.coordinates);
      const key = `${x0.toFixed(0)},${y0.toFixed(0)}`;
      const n = seen.get(key) || 0; // several facts at one place: spread them a little
      seen.set(key, n + 1);
      const x = x0 + (n ? 1.6 * size * Math.cos(n * 2.1) : 0);
      const y = y0 + (n ? 1.6 * size * Math.sin(n * 2.1) : 0);
      const p = f.properties;
      const g = svg("g", { class: `feature point t-${token(p.type)}`, tabindex: 0, role: "button",
        "data-fact-id": p.fact_id, "data-type": p.type, "aria-label": `${p.type}: ${p.text}; show evidence` },
      svg("title", {}, `${p.type}: ${p.text}${p.start ? " (" + p.start + ")" : ""}`), symbol(p.type, x, y, size));
      g.addEventListener("click", () => openEvidence(p.fact_id));
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvidence(p.fact_id); });
      points.append(g);
    }
    canvas.append(land, points);
    showList(`On ${state.date}`, items);
  }

  function showList(title, items) {
    const rows = [...items].sort((a, b) => String(a.properties.type).localeCompare(b.properties.type));
    side.replaceChildren(el("h2", {}, title), el("p", { class: "help" }, `${items.length} facts`),
      el("ul", { class: "feature-list" }, ...rows.map((f) => {
        const p = f.properties;
        return el("li", {}, el("span", { class: `tag t-${token(p.type)}` }, p.type), " ",
          button(p.text, () => openEvidence(p.fact_id), { class: "link", "data-fact-id": p.fact_id }),
          p.start ? ` (${p.start})` : "", f.geometry ? "" : " · country level");
      })));
  }

  const unsubscribe = subscribe(load);
  load();
  return { destroy: unsubscribe };
}
