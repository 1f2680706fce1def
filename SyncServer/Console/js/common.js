// What every console screen shares: elements, the API with the session cookie, the message line,
// money and Beijing time.

/** el("button", {class: "primary", onclick}, "发布") builds an element; strings become text. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An error the API answered, with its Chinese message. */
export class APIError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `服务暂时不可用（${status}）`);
    this.status = status;
  }
}

/** Calls the county's API; `raw` sends bytes of `type` instead of JSON. */
export async function api(path, { method = "GET", body, raw, type } = {}) {
  const headers = raw !== undefined ? { "Content-Type": type } : body !== undefined ? { "Content-Type": "application/json" } : {};
  const response = await fetch("/api/v1/" + path, { method, headers, credentials: "same-origin",
    body: raw !== undefined ? raw : body !== undefined ? JSON.stringify(body) : undefined });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new APIError(response.status, json);
  return json;
}

/** One line at the foot of the page; never a pop-up. */
export function say(text, kind = "error") {
  const line = document.getElementById("message");
  line.textContent = text;
  line.className = kind === "ok" ? "ok" : "";
  line.hidden = !text;
}

/** 分 as 元: 1234 → "12.34". */
export function yuan(fen) {
  const abs = Math.abs(fen);
  return `${fen < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** An ISO time in Beijing time: "2026-11-22 14:05". */
export function beijingTime(iso) {
  if (!iso) return "";
  const at = new Date(new Date(iso).getTime() + 8 * 3600000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}
