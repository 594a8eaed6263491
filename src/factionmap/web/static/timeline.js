// Horizontal bars for intervals (leaders, relations): one row per fact from start to end.
// An unknown start begins at the left edge (marked), an open end runs to today, and an end
// the system inferred is marked "(inferred)". Each row opens the fact's evidence.

import { el, svg } from "./dom.js";
import { fullDay, toDays, today } from "./state.js";
import { openEvidence } from "./evidence.js";
import { token } from "./network.js";

const WIDTH = 900;
const LABEL = 330;
const ROW = 24;

/** rows: [{id, label, type, start, end, endInferred}] → an element (an SVG chart, or a note when empty). */
export function timeline(rows, { title = "timeline", id = null } = {}) {
  if (!rows.length) return el("p", { class: "help" }, "none known");
  const days = rows.flatMap((r) => [r.start && fullDay(r.start), r.end && fullDay(r.end, true)]).filter(Boolean).map(toDays);
  const now = toDays(today());
  let lo = days.length ? Math.min(...days) : now - 3650;
  lo -= 365; // room before the first date and for unknown starts
  const hi = now;
  const x = (d) => LABEL + ((d - lo) / Math.max(1, hi - lo)) * (WIDTH - LABEL - 10);
  const height = rows.length * ROW + 30;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "timeline", role: "list", "aria-label": title, id });
  const first = new Date(lo * 86400000).getUTCFullYear() + 1;
  const last = new Date(hi * 86400000).getUTCFullYear();
  const every = Math.max(1, Math.ceil((last - first + 1) / 12));
  for (let year = first; year <= last; year += every) {
    const xx = x(toDays(`${year}-01-01`));
    chart.append(svg("line", { x1: xx, x2: xx, y1: 0, y2: height - 18, class: "tick" }),
      svg("text", { x: xx, y: height - 4, class: "axis", "text-anchor": "middle" }, String(year)));
  }
  rows.forEach((r, i) => {
    const y = i * ROW + 4;
    const s = r.start ? toDays(fullDay(r.start)) : lo;
    const e = r.end ? toDays(fullDay(r.end, true)) : now;
    const when = `${r.start || "start unknown"} – ${r.end ? r.end + (r.endInferred ? " (inferred)" : "") : "open (to today)"}`;
    const row = svg("g", { class: `row t-${token(r.type)}`, role: "listitem", tabindex: 0, "data-fact-id": r.id,
      "aria-label": `${r.label}: ${when}; show evidence` },
    svg("title", {}, `${r.label}: ${when}`),
    svg("text", { x: 0, y: y + 14, class: "row-label" }, r.label.length > 52 ? r.label.slice(0, 50) + "…" : r.label),
    svg("rect", { x: x(s), y: y + 3, width: Math.max(3, x(e) - x(s)), height: ROW - 8, rx: 3,
      class: `bar t-${token(r.type)}${r.start ? "" : " open-start"}${r.end ? "" : " open-end"}${r.endInferred ? " inferred" : ""}` }));
    if (!r.end) row.append(svg("text", { x: Math.min(x(e) + 2, WIDTH - 8), y: y + 15, class: "bar-note" }, "›"));
    if (r.endInferred) row.append(svg("text", { x: Math.max(LABEL, x(e) - 64), y: y + 15, class: "bar-note" }, "(inferred)"));
    if (!r.start) row.append(svg("text", { x: x(s) + 2, y: y + 15, class: "bar-note" }, "?"));
    row.addEventListener("click", () => openEvidence(r.id));
    row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvidence(r.id); });
    chart.append(row);
  });
  return chart;
}

/** Sort by start (unknown starts first), then end. */
export function byTime(a, b) {
  const key = (f) => `${f.start || "0000"}|${f.end || "9999"}`;
  return key(a).localeCompare(key(b));
}
