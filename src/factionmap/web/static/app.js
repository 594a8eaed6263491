// The web app's entry point: reads /api/meta for the date span, puts up the time bar and
// routes the hash (#/network, #/map, #/actor/<id>, #/actors?q=, #/evidence/<id>) to views.

import { getCached } from "./api.js";
import { el, notice } from "./dom.js";
import { state, update, fullDay, today } from "./state.js";
import { timeBar } from "./controls.js";
import { networkView } from "./network.js";
import { mapView } from "./map.js";
import { actorView, searchBox } from "./actor.js";
import { renderEvidence, closeEvidence } from "./evidence.js";

const view = document.getElementById("view");
const bar = document.getElementById("timebar");
let current = null;

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  const [name, ...rest] = path.split("/");
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : "";
  if (current && current.destroy) current.destroy();
  current = null;
  closeEvidence();
  view.replaceChildren();
  const page = name || "network";
  bar.hidden = !(page === "network" || page === "map");
  for (const a of document.querySelectorAll("nav a[data-route]")) {
    if (a.dataset.route === page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  if (page === "network") {
    document.title = "Network — factionmap";
    current = networkView(view);
  } else if (page === "map") {
    document.title = "Map — factionmap";
    current = mapView(view);
  } else if (page === "actor" && arg) {
    document.title = `${arg} — factionmap`;
    actorView(view, arg);
  } else if (page === "actors") {
    document.title = "Actors — factionmap";
    const q = new URLSearchParams(query).get("q") || "";
    view.append(el("h1", {}, "Actors"), searchBox(q));
  } else if (page === "evidence" && arg) {
    document.title = `Evidence ${arg} — factionmap`;
    const box = el("div", { class: "evidence-page" });
    view.append(box);
    renderEvidence(box, arg);
  } else {
    view.append(notice(`No page at #${hash}`, "error"));
  }
}

async function start() {
  const drawer = document.getElementById("evidence-panel");
  drawer.querySelector(".drawer-close").addEventListener("click", closeEvidence);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !drawer.hidden) closeEvidence(); });
  document.getElementById("nav-search").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = document.getElementById("nav-q").value.trim();
    location.hash = `#/actors?q=${encodeURIComponent(q)}`;
  });
  let meta = null;
  try {
    meta = await getCached("meta");
  } catch (e) {
    view.replaceChildren(notice(e.message, "error"));
  }
  const now = today();
  const first = (meta && fullDay(meta.first)) || "1990-01-01";
  const last = (meta && fullDay(meta.last, true)) || now;
  const max = last > now ? last : now;
  update({ min: first < max ? first : max, max, date: last < max ? last : max });
  if (meta) document.getElementById("version").textContent = `v${meta.version} · ${meta.counts.documents} documents · ${meta.counts.facts} facts`;
  bar.append(timeBar());
  window.addEventListener("hashchange", route);
  route();
}

start();
