// An actor's page: who it is, its leaders over time, its relations over time, the attacks
// and seizures it is tied to, and the conflicts among claims that touch it; every row
// links to its evidence.

import { get } from "./api.js";
import { el, notice, button, interval } from "./dom.js";
import { timeline, byTime } from "./timeline.js";
import { openEvidence } from "./evidence.js";
import { token } from "./network.js";

const EVENT_TYPES = ["ATTACK", "SEIZURE"];
const NOT_RELATIONS = new Set(["LEADERSHIP", "ATTACK", "SEIZURE", "PRESENCE", "CONTROL", "DEATH", "FOUNDING", "SUCCESSION", "MEMBERSHIP", "CAPTURE"]);

function evidenceButton(id) {
  return button("evidence", () => openEvidence(id), { class: "link", "data-fact-id": id });
}

function factTable(facts, caption) {
  if (!facts.length) return el("p", { class: "help" }, "none known");
  return el("table", { class: "facts-table" }, el("caption", { class: "sr-only" }, caption),
    el("thead", {}, el("tr", {}, el("th", {}, "Type"), el("th", {}, "What"), el("th", {}, "When"),
      el("th", {}, "Status"), el("th", {}, "Sources"), el("th", {}, ""))),
    el("tbody", {}, ...facts.map((f) => el("tr", { "data-fact-id": f.id },
      el("td", {}, el("span", { class: `tag t-${token(f.type)}` }, f.type)), el("td", {}, f.text),
      el("td", {}, interval(f.start, f.end, f.end_inferred)), el("td", {}, f.status),
      el("td", {}, `${f.documents}`), el("td", {}, evidenceButton(f.id))))));
}

export async function actorView(root, name) {
  root.append(notice(`Loading ${name}…`));
  let actor;
  try {
    actor = await get(`actors/${encodeURIComponent(name)}`);
  } catch (e) {
    root.replaceChildren(el("h1", {}, name), notice(e.message, "error"), searchBox());
    return;
  }
  const id = actor.id;
  const [leaders, all, conflicts] = await Promise.all([
    get("facts", { actor: id, type: "LEADERSHIP" }).catch((e) => e),
    get("facts", { actor: id }).catch((e) => e),
    get("conflicts").catch((e) => e),
  ]);
  const section = (title, sid, ...body) => el("section", { class: "actor-section", id: sid }, el("h2", {}, title), ...body);
  const failed = (value) => (value instanceof Error ? notice(value.message, "error") : null);
  const out = [
    el("h1", {}, actor.name),
    el("dl", { class: "facts" },
      el("dt", {}, "Kind"), el("dd", {}, actor.kind),
      el("dt", {}, "Country"), el("dd", {}, actor.country || "unknown"),
      actor.category ? el("dt", {}, "Category") : null, actor.category ? el("dd", {}, actor.category) : null,
      el("dt", {}, "Claims"), el("dd", {}, String(actor.claims)),
      el("dt", {}, "Also called"), el("dd", { class: "aliases" }, actor.aliases.filter((a) => a !== actor.name).join(" · ") || "—")),
  ];
  out.push(section(actor.kind === "person" ? "Leadership roles over time" : "Leaders over time", "leaders", failed(leaders) ||
    timeline([...leaders].sort(byTime).map((f) => ({ id: f.id, label: f.text, type: f.type, start: f.start, end: f.end, endInferred: f.end_inferred })),
      { title: `Leaders of ${actor.name} over time`, id: "leaders-timeline" })));
  if (!(all instanceof Error)) {
    const relations = all.filter((f) => !NOT_RELATIONS.has(f.type)).sort(byTime);
    out.push(section("Relations over time", "relations",
      timeline(relations.map((f) => ({ id: f.id, label: `${f.type}: ${f.text}`, type: f.type, start: f.start, end: f.end, endInferred: f.end_inferred })),
        { title: `Relations of ${actor.name} over time`, id: "relations-timeline" })));
    out.push(section("Attacks and seizures", "events", factTable(all.filter((f) => EVENT_TYPES.includes(f.type)).sort(byTime), "Events")));
    const other = all.filter((f) => NOT_RELATIONS.has(f.type) && f.type !== "LEADERSHIP" && !EVENT_TYPES.includes(f.type)).sort(byTime);
    out.push(section("Other facts", "other", factTable(other, "Other facts")));
  } else out.push(failed(all));
  if (conflicts instanceof Error) out.push(section("Conflicts", "conflicts", failed(conflicts)));
  else {
    const mine = conflicts.filter((c) => c.facts.some((f) => (f.actors || []).includes(id)));
    out.push(section("Conflicting claims", "conflicts", mine.length ? el("ul", {}, ...mine.map((c) =>
      el("li", {}, el("strong", {}, c.kind), `: ${c.text} `, ...c.facts.map((f) => evidenceButton(f.id))))) : el("p", { class: "help" }, "none")));
  }
  root.replaceChildren(...out);
}

/** The actors search (#/actors): names containing the text, each linking to its page. */
export function searchBox(initial = "") {
  const field = el("input", { type: "search", id: "actor-search", placeholder: "name or alias", value: initial });
  const list = el("ul", { class: "actor-list", "aria-live": "polite" });
  let request = 0;
  async function run() {
    const mine = ++request;
    try {
      const found = await get("actors", { search: field.value.trim() || null });
      if (mine !== request) return;
      list.replaceChildren(...found.slice(0, 200).map((a) => el("li", {},
        el("a", { href: `#/actor/${encodeURIComponent(a.id)}` }, a.name), ` — ${a.kind}${a.country ? ", " + a.country : ""}, ${a.claims} claim${a.claims === 1 ? "" : "s"}`)));
      if (!found.length) list.replaceChildren(el("li", { class: "help" }, "no actor matches"));
    } catch (e) {
      list.replaceChildren(el("li", {}, notice(e.message, "error")));
    }
  }
  let timer = null;
  field.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  run();
  return el("div", { class: "actor-search" }, el("label", { for: "actor-search" }, "Find an actor "), field, list);
}
