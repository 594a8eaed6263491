// A deterministic force-directed layout (Fruchterman–Reingold with a pull to the centre).
// Start positions come from a hash of each node's id, so a node keeps roughly its place
// from one date to the next and the same graph always gets the same picture.

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function random(seed) {
  let a = seed >>> 0;
  return () => { // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Positions {id: [x, y]} inside width x height (minus margin) for nodes [{id}] and edges [{source, target}]. */
export function layout(nodes, edges, width, height, { iterations = 300, margin = 40 } = {}) {
  const n = nodes.length;
  const pos = new Map();
  if (n === 0) return pos;
  const w = width - 2 * margin;
  const h = height - 2 * margin;
  for (const node of nodes) {
    const rnd = random(hash(node.id));
    pos.set(node.id, [(rnd() - 0.5) * w, (rnd() - 0.5) * h]);
  }
  const ids = nodes.map((d) => d.id);
  const links = edges.filter((e) => pos.has(e.source) && pos.has(e.target) && e.source !== e.target);
  const k = 0.9 * Math.sqrt((w * h) / n);
  const gx = (3 * (n - 1) * k * k) / (w * w);
  const gy = (3 * (n - 1) * k * k) / (h * h);
  let temperature = w / 8;
  const cool = temperature / (iterations + 1);
  for (let it = 0; it < iterations; it++) {
    const disp = new Map(ids.map((id) => [id, [0, 0]]));
    for (let i = 0; i < n; i++) {
      const a = pos.get(ids[i]);
      for (let j = i + 1; j < n; j++) {
        const b = pos.get(ids[j]);
        let dx = a[0] - b[0];
        let dy = a[1] - b[1];
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = dx * dx + dy * dy; }
        const f = (k * k) / d2; // repulsion k²/d, along the unit vector (dx, dy)/d
        disp.get(ids[i])[0] += dx * f; disp.get(ids[i])[1] += dy * f;
        disp.get(ids[j])[0] -= dx * f; disp.get(ids[j])[1] -= dy * f;
      }
    }
    for (const e of links) {
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      const dx = a[0] - b[0];
      const dy = a[1] - b[1];
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = d / k; // attraction d²/k
      disp.get(e.source)[0] -= dx * f; disp.get(e.source)[1] -= dy * f;
      disp.get(e.target)[0] += dx * f; disp.get(e.target)[1] += dy * f;
    }
    for (const id of ids) {
      const p = pos.get(id);
      const v = disp.get(id);
      v[0] -= p[0] * gx; // gravity keeps separate clusters on screen: a lone node pushed by
      v[1] -= p[1] * gy; // all the others comes to rest about half the box from the centre
      const len = Math.sqrt(v[0] * v[0] + v[1] * v[1]) || 1;
      const step = Math.min(len, temperature);
      p[0] += (v[0] / len) * step;
      p[1] += (v[1] / len) * step;
    }
    temperature -= cool;
  }
  // fit into the box
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pos.values()) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const sx = maxX > minX ? w / (maxX - minX) : 1;
  const sy = maxY > minY ? h / (maxY - minY) : 1;
  const s = Math.min(sx, sy);
  const ox = margin + (w - (maxX - minX) * s) / 2;
  const oy = margin + (h - (maxY - minY) * s) / 2;
  for (const [id, [x, y]] of pos) pos.set(id, [ox + (x - minX) * s, oy + (y - minY) * s]);
  return pos;
}
