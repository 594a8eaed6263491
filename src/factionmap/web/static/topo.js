// Reading TopoJSON (the world-atlas country outlines) and drawing it in an equirectangular
// projection: the arcs are decoded (quantized, delta-encoded), stitched into rings and
// written as SVG path data.

/** The arcs of a topology as arrays of [longitude, latitude]. */
export function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      if (!t) return [p[0], p[1]];
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function ring(indexes, arcs) {
  const points = [];
  for (const i of indexes) {
    const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    arc.forEach((p, k) => { if (k > 0 || points.length === 0) points.push(p); });
  }
  return points;
}

/** The features of one GeometryCollection: [{id, name, rings: [[[lon, lat], ...], ...]}]. */
export function features(topology, objectName) {
  const arcs = decodeArcs(topology);
  const object = topology.objects[objectName];
  if (!object) return [];
  return object.geometries.map((g) => {
    let polygons = [];
    if (g.type === "Polygon") polygons = [g.arcs];
    else if (g.type === "MultiPolygon") polygons = g.arcs;
    return {
      id: g.id === undefined || g.id === null ? null : String(g.id),
      name: (g.properties && g.properties.name) || "",
      rings: polygons.flatMap((poly) => poly.map((r) => ring(r, arcs))),
    };
  });
}

/** An equirectangular projection of the box [west, south, east, north] onto width pixels. */
export function projection(width, [west, south, east, north] = [-180, -58, 180, 84]) {
  const scale = width / (east - west);
  const project = ([lon, lat]) => [(lon - west) * scale, (north - lat) * scale];
  project.height = (north - south) * scale;
  project.width = width;
  return project;
}

/** A ring whose longitudes never jump by more than 180° (a ring across the antimeridian
 * then runs past ±180 instead of drawing a line across the whole world). */
export function unwrap(ring) {
  const out = [];
  let shift = 0;
  ring.forEach(([lon, lat], i) => {
    if (i) {
      const previous = ring[i - 1][0];
      if (lon - previous > 180) shift -= 360;
      else if (previous - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  });
  return out;
}

/** SVG path data for rings of [lon, lat] points; a ring past ±180 is drawn again 360° over. */
export function pathData(rings, project) {
  let d = "";
  const draw = (r, offset) => {
    r.forEach(([lon, lat], i) => {
      const [x, y] = project([lon + offset, lat]);
      d += `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    });
    d += "Z";
  };
  for (const raw of rings) {
    if (raw.length < 3) continue;
    const r = unwrap(raw);
    draw(r, 0);
    if (r.some(([lon]) => lon > 180)) draw(r, -360);
    if (r.some(([lon]) => lon < -180)) draw(r, 360);
  }
  return d;
}
