// Small helpers every screen uses: building elements, the API, money and dates, the message line.
// No framework and no build step: the station has no registry to fetch one from.

/** el("button", {class: "primary", onclick}, "查询") builds an element; strings become text. */
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

/** An error the API answered: its Chinese message, and the field at fault. */
export class APIError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `服务暂时不可用（${status}）`);
    this.status = status;
    this.code = body && body.error;
    this.field = body && body.field;
  }
}

/** Calls the program's own API; the session cookie travels by itself. */
export async function api(path, { method = "GET", body } = {}) {
  const response = await fetch("/api/v1/" + path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new APIError(response.status, json);
  return json;
}

/** Whether the line survives the next screen: a success usually leads to the screen that shows it. */
export const message = { keep: false };

/** Shows one line under the screen: an error in words, never a pop-up. It stays until the next act. */
export function say(text, kind = "error") {
  message.keep = kind === "ok";
  const line = document.getElementById("message");
  line.textContent = text;
  line.className = "message" + (kind === "ok" ? " ok" : "");
  line.hidden = !text;
}

/** 分 as 元 with two decimals: 1234 → "12.34". */
export function yuan(fen) {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** 元 typed by a person ("12.3") as 分 (1230), or null when it is not a price. */
export function fen(text) {
  const match = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] || "").padEnd(2, "0"));
}

/** Today in Beijing, YYYY-MM-DD, whatever the machine's zone. */
export function beijingToday() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** An ISO time shown in Beijing time: "2026-11-22 14:05". */
export function beijingTime(iso) {
  if (!iso) return "";
  const at = new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

/** A change in percent in words and an arrow, not colour alone: "↑ 涨 3.2%". */
export function change(percent) {
  if (percent === null || percent === undefined) return el("span", { class: "muted" }, "—");
  if (Math.abs(percent) < 0.05) return el("span", {}, "→ 持平");
  const up = percent > 0;
  return el("span", { class: up ? "bad" : "good" }, `${up ? "↑ 涨" : "↓ 跌"} ${Math.abs(percent).toFixed(1)}%`);
}

/** Rows in pages of `size`, with 上一页 / 下一页 buttons, so big text never needs fine scrolling. */
export function paged(items, size, render) {
  const holder = el("div");
  let page = 0;
  const draw = () => {
    const pages = Math.max(1, Math.ceil(items.length / size));
    holder.replaceChildren(
      render(items.slice(page * size, page * size + size)),
      pages > 1 ? el("div", { class: "row" },
        el("button", { type: "button", disabled: page === 0, onclick: () => { page -= 1; draw(); } }, "上一页"),
        el("span", {}, `第 ${page + 1} / ${pages} 页`),
        el("button", { type: "button", disabled: page + 1 >= pages, onclick: () => { page += 1; draw(); } }, "下一页")) : null);
  };
  draw();
  return holder;
}

/** A big tile of the home screens: an icon, a 2–4 character label, and where it leads. */
export function tile(icon, label, href, note) {
  return el("button", { class: "tile", type: "button", dataset: { href }, onclick: () => { location.hash = href; } },
    el("span", { class: "icon", "aria-hidden": "true" }, icon), label, note ? el("small", {}, note) : null);
}
