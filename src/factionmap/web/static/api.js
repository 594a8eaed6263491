// Talking to the JSON API (same origin). Errors come back as {"error": {code, message, status}}
// and are thrown as ApiError carrying the server's message.

export class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** GET /api/<path> with query parameters (arrays repeat; null/undefined/"" are left out). */
export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== null && v !== undefined && v !== "") query.append(key, String(v));
    }
  }
  const qs = query.toString();
  let response;
  try {
    response = await fetch(`/api/${path}${qs ? "?" + qs : ""}`, { headers: { Accept: "application/json" } });
  } catch (e) {
    throw new ApiError(`cannot reach the server (${e.message})`, "network", 0);
  }
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") && !path.startsWith("export/") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const err = body && body.error ? body.error : { message: `HTTP ${response.status}`, code: "", status: response.status };
    throw new ApiError(err.message, err.code, err.status);
  }
  return body;
}

/** Static files that may be absent (the country outlines): null when not there. */
export async function optionalJSON(url) {
  try {
    const response = await fetch(url);
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

const cache = new Map();
/** A GET whose answer does not change while the page is open (meta, countries, actors). */
export function getCached(path, params = {}) {
  const key = path + JSON.stringify(params);
  if (!cache.has(key)) cache.set(key, get(path, params).catch((e) => { cache.delete(key); throw e; }));
  return cache.get(key);
}
