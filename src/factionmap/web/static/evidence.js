// The evidence for a fact (f-...) or a claim (c-...): what it says, how sure, when; then
// every source sentence with its outlet, date and URL, highlighted (<mark>) inside the full
// text of its document. Opens in a drawer beside any view, or as the page #/evidence/<id>.

import { get } from "./api.js";
import { el, clear, notice, safeLink, interval } from "./dom.js";
import { state } from "./state.js";

/** Where `sentence` is in `text`: [start, end] or null. Tries the offsets given, then an exact
 * search, then a search that ignores differences in whitespace. */
export function findSpan(text, sentence, start, end) {
  if (!sentence) return null;
  if (Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === sentence) return [start, end];
  const at = text.indexOf(sentence);
  if (at >= 0) return [at, at + sentence.length];
  const squeeze = (s) => {
    const chars = [];
    const where = [];
    let space = false;
    for (let i = 0; i < s.length; i++) {
      if (/\s/.test(s[i])) { space = true; continue; }
      if (space && chars.length) { chars.push(" "); where.push(i); }
      space = false;
      chars.push(s[i]);
      where.push(i);
    }
    return [chars.join(""), where];
  };
  const [flat, where] = squeeze(text);
  const [needle] = squeeze(sentence);
  const i = flat.indexOf(needle);
  if (i < 0 || !needle.length) return null;
  return [where[i], where[i + needle.length - 1] + 1];
}

/** The document's text as nodes, with each span wrapped in <mark>. */
export function marked(text, spans) {
  const nodes = [];
  let last = 0;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    if (s < last) continue; // overlapping: the first one wins
    nodes.push(document.createTextNode(text.slice(last, s)));
    nodes.push(el("mark", {}, text.slice(s, e)));
    last = e;
  }
  nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

function argsText(args) {
  return Object.entries(args || {}).filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === "object" ? v.name || v.text || v.id || JSON.stringify(v) : v}`).join("; ");
}

/** Render the evidence for `id` into `root`. */
export async function renderEvidence(root, id) {
  clear(root).append(notice(`Loading evidence ${id}…`));
  let answer;
  try {
    answer = await get(`evidence/${encodeURIComponent(id)}`, { known_on: state.knownOn ? state.date : null });
  } catch (e) {
    clear(root).append(el("h2", {}, `Evidence ${id}`), notice(e.message, "error"));
    return;
  }
  const head = [];
  let sources;
  if (answer.fact) {
    const f = answer.fact;
    head.push(el("h2", {}, `${f.type}: `, el("span", { class: "fact-text" }, f.text)),
      el("dl", { class: "facts" },
        el("dt", {}, "Fact"), el("dd", {}, f.id),
        el("dt", {}, "Status"), el("dd", { class: `status-${f.status}` }, f.status),
        el("dt", {}, "Confidence"), el("dd", {}, Number(f.confidence).toFixed(2)),
        el("dt", {}, "Interval"), el("dd", {}, interval(f.start, f.end, f.end_inferred), f.end_why ? ` — ${f.end_why}` : ""),
        el("dt", {}, "Sources"), el("dd", {}, `${f.documents} document${f.documents === 1 ? "" : "s"}, ${f.independent} independent`)));
    sources = answer.sources;
  } else {
    const c = answer.claim;
    head.push(el("h2", {}, `${c.type} claim: `, el("span", { class: "fact-text" }, argsText(c.args))),
      el("dl", { class: "facts" },
        el("dt", {}, "Claim"), el("dd", {}, c.id),
        el("dt", {}, "Modality"), el("dd", {}, c.modality, c.negated ? " (negated)" : ""),
        el("dt", {}, "Confidence"), el("dd", {}, Number(c.confidence).toFixed(2)),
        el("dt", {}, "Time"), el("dd", {}, c.time && (c.time.start || c.time.end) ? interval(c.time.start, c.time.end) : "not stated"),
        c.attribution ? el("dt", {}, "Attributed to") : null, c.attribution ? el("dd", {}, String(c.attribution.name || c.attribution.text || c.attribution)) : null));
    const offsets = new Map((c.evidence || []).map((e) => [`${e.document}#${e.sentence}`, e]));
    sources = (answer.sources || []).map((s) => {
      const ev = offsets.get(`${s.document}#${s.sentence}`) || {};
      return { ...s, claim_id: c.id, modality: c.modality, negated: c.negated, start: ev.start, end: ev.end };
    });
  }
  const byDoc = new Map();
  for (const s of sources) {
    if (!byDoc.has(s.document)) byDoc.set(s.document, []);
    byDoc.get(s.document).push(s);
  }
  const blocks = [...byDoc].map(([docId, items]) => sourceBlock(docId, items));
  clear(root).append(...head, el("h3", {}, `${sources.length} source sentence${sources.length === 1 ? "" : "s"} in ${byDoc.size} document${byDoc.size === 1 ? "" : "s"}`),
    ...blocks.map((b) => b.node));
  await Promise.all(blocks.map((b) => b.load()));
}

function sourceBlock(docId, items) {
  const first = items[0];
  const text = el("div", { class: "doctext", tabindex: 0, "aria-label": "Document text" }, notice("Loading the document…"));
  const title = el("h4", { class: "doc-title" }, first.title || docId);
  const node = el("section", { class: "source", "data-document": docId },
    title,
    el("p", { class: "meta" },
      el("span", { class: "outlet" }, first.outlet || "unknown outlet"), " · ",
      el("span", { class: "published" }, first.published || "undated"), " · ",
      first.url ? safeLink(first.url) : "no URL"),
    el("ul", { class: "claims" }, ...items.map((s) => el("li", {},
      el("span", { class: "modality" }, s.modality || ""), s.negated ? el("span", { class: "negated" }, " negated") : "",
      ` (${s.claim_id}, sentence ${s.sentence}): `, el("q", { class: "sentence" }, s.text)))),
    text);
  async function load() {
    let doc;
    try {
      doc = await get(`documents/${encodeURIComponent(docId)}`);
    } catch (e) {
      text.replaceChildren(notice(e.message, "error"));
      return;
    }
    if (doc.title) title.textContent = doc.title;
    const spans = items.map((s) => findSpan(doc.text, s.text, s.start, s.end)).filter(Boolean);
    text.replaceChildren(...marked(doc.text, spans));
    if (spans.length < items.length) text.prepend(notice("Some sentences were not found in the stored text.", "warn"));
    const mark = text.querySelector("mark");
    if (mark) text.scrollTop = Math.max(0, mark.offsetTop - 24); // .doctext is the offsetParent
  }
  return { node, load };
}

/** Show the evidence for `id` in the drawer beside the current view. */
export function openEvidence(id) {
  const drawer = document.getElementById("evidence-panel");
  const body = drawer.querySelector(".drawer-body");
  drawer.hidden = false;
  drawer.dataset.id = id;
  const link = drawer.querySelector(".permalink");
  link.setAttribute("href", `#/evidence/${encodeURIComponent(id)}`);
  drawer.querySelector(".drawer-close").focus();
  return renderEvidence(body, id);
}

export function closeEvidence() {
  const drawer = document.getElementById("evidence-panel");
  drawer.hidden = true;
}
