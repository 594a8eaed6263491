// The day the views answer for, and whether to use only what was known on that day.
// Shared by the network and the map; views subscribe and refetch when it changes.

const DAY = 86400000;
const listeners = new Set();

export const state = { date: null, knownOn: false, min: "1990-01-01", max: today() };

export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** "1990" -> "1990-01-01", "2016-06" -> "2016-06-01"; a full day as is; null when not a date. */
export function fullDay(text, atEnd = false) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text || "").trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : atEnd ? 12 : 1;
  let day = m[3] ? Number(m[3]) : 1;
  if (!m[3] && atEnd) day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export function toDays(day) {
  const [y, m, d] = day.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
}

export function fromDays(days) {
  return new Date(days * DAY).toISOString().slice(0, 10);
}

/** The query parameters every dated request carries. */
export function dated(extra = {}) {
  return { on: state.date, known_on: state.knownOn ? state.date : null, ...extra };
}

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function update(changes) {
  let changed = false;
  for (const [key, value] of Object.entries(changes)) {
    if (state[key] !== value) {
      state[key] = value;
      changed = true;
    }
  }
  if (changed) for (const fn of [...listeners]) fn(state);
}
