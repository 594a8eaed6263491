// The time bar: a day slider, a date field kept in sync with it, a play button and the
// "as known on this date" switch. It drives state.js; the network and the map listen.

import { el } from "./dom.js";
import { state, update, subscribe, fullDay, toDays, fromDays } from "./state.js";

const STEPS = { day: 1, week: 7, month: 30, year: 365 };

export function timeBar() {
  const slider = el("input", { type: "range", id: "date-slider", step: 1, "aria-label": "Date (slider, one step a day)" });
  const field = el("input", {
    type: "text", id: "date-field", size: 10, inputmode: "numeric", autocomplete: "off",
    pattern: "\\d{4}-\\d{2}-\\d{2}", "aria-describedby": "date-help",
  });
  const help = el("span", { id: "date-help", class: "help" }, "");
  const play = el("button", { type: "button", id: "play", "aria-pressed": "false" }, "▶ Play");
  const step = el("select", { id: "play-step", "aria-label": "Play step" },
    ...Object.keys(STEPS).map((k) => el("option", { value: k, selected: k === "month" }, `+1 ${k}`)));
  const known = el("input", { type: "checkbox", id: "known-on" });
  let timer = null;
  let pending = null;

  function sync() {
    slider.min = String(toDays(state.min));
    slider.max = String(toDays(state.max));
    if (state.date) {
      slider.value = String(toDays(state.date));
      if (document.activeElement !== field) field.value = state.date;
      field.removeAttribute("aria-invalid");
    }
    help.textContent = `${state.min} … ${state.max}`;
    known.checked = state.knownOn;
  }

  function setDate(day) {
    clearTimeout(pending);
    pending = null;
    update({ date: day });
  }

  slider.addEventListener("input", () => {
    field.value = fromDays(Number(slider.value));
    clearTimeout(pending); // dragging: ask the server once the slider rests
    pending = setTimeout(() => setDate(field.value), 120);
  });
  slider.addEventListener("change", () => setDate(fromDays(Number(slider.value))));
  function fromField() {
    const day = fullDay(field.value);
    if (!day || day < state.min || day > state.max) {
      field.setAttribute("aria-invalid", "true");
      help.textContent = `give a day YYYY-MM-DD between ${state.min} and ${state.max}`;
      return;
    }
    field.value = day;
    setDate(day);
  }
  field.addEventListener("change", fromField);
  field.addEventListener("keydown", (e) => { if (e.key === "Enter") fromField(); });
  known.addEventListener("change", () => update({ knownOn: known.checked }));

  function stop() {
    clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
    play.setAttribute("aria-pressed", "false");
  }
  play.addEventListener("click", () => {
    if (timer) return stop();
    play.textContent = "⏸ Pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      const next = toDays(state.date) + STEPS[step.value];
      if (next > toDays(state.max)) return stop();
      setDate(fromDays(next));
    }, 700);
  });

  subscribe(sync);
  sync();
  return el("div", { class: "timebar", role: "group", "aria-label": "Date" },
    el("label", { for: "date-slider", class: "sr-only" }, "Date slider"),
    slider,
    el("label", { for: "date-field" }, "On "),
    field, help, play, step,
    el("label", { class: "toggle", for: "known-on" }, known, " as known on this date"));
}
