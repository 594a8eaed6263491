// Small DOM helpers. Every piece of text from the API goes in through textContent,
// createTextNode or setAttribute: nothing here parses HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("p", {class: "x"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** A link for a URL from the data: only http(s) URLs become links, others stay text. */
export function safeLink(url, text) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch (e) {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    return el("span", { class: "url" }, text || url || "");
  }
  return el("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank", class: "url" }, text || url);
}

/** A message for the user (errors from the API included). */
export function notice(text, kind = "info") {
  return el("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

/** A button that runs `action` when pressed. */
export function button(label, action, attrs = {}) {
  return el("button", { type: "button", ...attrs, onclick: action }, label);
}

/** "2016-05-25 – today (inferred end)" for an interval. */
export function interval(start, end, endInferred) {
  const from = start || "?";
  const to = end ? end + (endInferred ? " (inferred)" : "") : "open";
  return `${from} – ${to}`;
}
