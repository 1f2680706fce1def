// The browser's side of the API conventions (WebAPI), shared by both fronts: building elements,
// calling the API with the session cookie, the one message line (never a pop-up), money in 分 and
// times in Beijing. Kiosk/Web/js/common.js and SyncServer/Console/js/common.js link here.

/** el("button", {class: "primary", onclick}, "查询") builds an element; strings become text. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An error the API answered: its Chinese message, its code and the field at fault. */
export class APIError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `服务暂时不可用（${status}）`);
    this.status = status;
    this.code = body && body.error;
    this.field = body && body.field;
  }
}

/** The key of what the person is doing now (IdempotencyMiddleware): a second tap of 登记 or 发布,
 * or a request sent again, carries the same key and gets the first answer instead of a second
 * record. A new key comes with each new screen and after each act that succeeded. */
let actionKey = newActionKey();
function newActionKey() { return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12); }

/** The key of the act on screen now: an act of several requests takes it first and names each
 * request's key after it, so that a second tap repeats every one of them. */
export function actKey() { return actionKey; }

/** Calls the program's own API (`/api/v1/…`); `raw` sends bytes of `type` instead of JSON; `key`
 * names the request's idempotency key (the act's by default). */
export async function api(path, { method = "GET", body, raw, type, key } = {}) {
  const headers = raw !== undefined ? { "Content-Type": type } : body !== undefined ? { "Content-Type": "application/json" } : {};
  const acts = method !== "GET";
  if (acts) headers["Idempotency-Key"] = key || actionKey;
  const response = await fetch("/api/v1/" + path, {
    method, headers, credentials: "same-origin",
    body: raw !== undefined ? raw : body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new APIError(response.status, json);
  if (acts) actionKey = newActionKey();
  return json;
}

/** Whether the line survives the next screen: a success usually leads to the screen that shows it. */
export const message = { keep: false };

/** Shows the one message line (#message): an error in words, or a success. */
export function say(text, kind = "error") {
  message.keep = kind === "ok" && !!text;
  const line = document.getElementById("message");
  line.textContent = text;
  line.classList.toggle("ok", kind === "ok");
  line.hidden = !text;
}

/** Clears the line when a new screen comes, unless a success asked to stay for it. */
export function newScreen() {
  actionKey = newActionKey();
  if (message.keep) message.keep = false;
  else say("");
}

/** 分 as 元 with two decimals: 1234 → "12.34". */
export function yuan(fen) {
  const abs = Math.abs(fen);
  return `${fen < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** An ISO time shown in Beijing time: "2026-11-22 14:05". */
export function beijingTime(iso) {
  if (!iso) return "";
  const at = new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}
