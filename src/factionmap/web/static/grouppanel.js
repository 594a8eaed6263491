// The network's side panel: for the selected or searched group, who led it on the slider's
// day (/api/leader) and its relations then (/api/relations), each with its evidence.

import { get } from "./api.js";
import { el, notice, button } from "./dom.js";
import { state, dated } from "./state.js";
import { openEvidence } from "./evidence.js";

export function groupPanel(side) {
  let request = 0;
  const empty = () => side.replaceChildren(el("h2", {}, "Group"),
    el("p", { class: "help" }, "Type a group's name in the search box, or tab to a node, to see who led it on this date."));
  empty();

  async function show(name) {
    const mine = ++request;
    if (!name) return empty();
    side.replaceChildren(el("h2", {}, name), notice("Loading…"));
    let leader;
    try {
      leader = await get("leader", dated({ org: name }));
    } catch (e) {
      if (mine === request) side.replaceChildren(el("h2", {}, name), notice(e.message, "error"));
      return;
    }
    let relations = [];
    let relError = null;
    try {
      relations = await get("relations", dated({ org: leader.org_id }));
    } catch (e) {
      relError = e.message;
    }
    if (mine !== request) return;
    const who = leader.leader;
    const body = [
      el("h2", {}, el("a", { href: `#/actor/${encodeURIComponent(leader.org_id)}` }, leader.org)),
      el("p", { class: "answer", id: "leader-answer" },
        `Leader on ${state.date}${state.knownOn ? " (as known then)" : ""}: `,
        el("strong", {}, who ? who.name : "unknown")),
    ];
    if (who) {
      body.push(el("p", { class: "help" }, `${who.status}${who.start ? ", since " + who.start : ""}` +
        `${who.attested.length ? "; attested " + who.attested.join(", ") : ""}`));
      if (who.pledges.length) {
        body.push(el("h3", {}, "Pledges to this leader"), el("ul", {}, ...who.pledges.map((p) =>
          el("li", {}, `${p.pledger}${p.on_behalf_of ? " (for " + p.on_behalf_of + ")" : ""}${p.date ? ", " + p.date : ""} `,
            ...p.claim_ids.map((c) => button("evidence", () => openEvidence(c), { class: "link" }))))));
      }
    }
    for (const note of leader.notes) body.push(el("p", { class: "note" }, note));
    const others = leader.candidates.filter((c) => !who || c.person_id !== who.person_id);
    if (others.length) {
      body.push(el("h3", {}, "Other leaders known"), el("ul", {}, ...others.map((c) =>
        el("li", {}, `${c.name}: ${c.status}`)))); 
    }
    body.push(el("h3", {}, `Relations on ${state.date}`));
    if (relError) body.push(notice(relError, "error"));
    else if (!relations.length) body.push(el("p", { class: "help" }, "none"));
    else {
      body.push(el("ul", { class: "relations" }, ...relations.map((r) =>
        el("li", {}, el("span", { class: `swatch t-${String(r.type).replace(/[^A-Z0-9_]/gi, "_").toUpperCase()}` }),
          ` ${r.type} ${r.direction} `, el("a", { href: `#/actor/${encodeURIComponent(r.other_id)}` }, r.other),
          r.start ? ` (from ${r.start})` : "", r.negated ? " (negated)" : "", " ",
          ...(r.facts.length ? r.facts : r.claim_ids).map((id) => button("evidence", () => openEvidence(id), { class: "link" }))))));
    }
    side.replaceChildren(...body);
  }
  return { show };
}
