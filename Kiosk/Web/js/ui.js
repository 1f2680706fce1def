// The kiosk's own helpers beside the shared ones (common.js): prices typed in 元, today in Beijing,
// changes in words, pages of big rows, the home screens' tiles. No framework and no build step:
// the station has no registry to fetch one from.
import { api, el } from "./common.js";

export { actKey, api, APIError, beijingTime, el, message, newScreen, say, yuan } from "./common.js";

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

/** A change in percent in words and an arrow, not colour alone: "↑ 涨 3.2%". */
export function change(percent) {
  if (percent === null || percent === undefined) return el("span", { class: "muted" }, "—");
  if (Math.abs(percent) < 0.05) return el("span", {}, "→ 持平");
  const up = percent > 0;
  return el("span", { class: up ? "bad" : "good" }, `${up ? "↑ 涨" : "↓ 跌"} ${Math.abs(percent).toFixed(1)}%`);
}

/** Rows in pages of `size`, with 上一页 / 下一页 buttons, so big text never needs fine scrolling.
    `pagerFirst` puts the buttons above the rows, where the bar can never cover them; `page` and
    `onPage` let a screen remember the page for 返回. */
export function paged(items, size, render, { pagerFirst = false, page: first = 0, onPage } = {}) {
  const holder = el("div");
  const pages = Math.max(1, Math.ceil(items.length / size));
  let page = Math.min(Math.max(0, first), pages - 1);
  const turn = (to) => () => { page = to; if (onPage) onPage(page); draw(); };
  const draw = () => {
    const pager = pages > 1 ? el("div", { class: "row pager" },
      el("button", { type: "button", disabled: page === 0, onclick: turn(page - 1) }, "上一页"),
      el("span", {}, `第 ${page + 1} / ${pages} 页`),
      el("button", { type: "button", disabled: page + 1 >= pages, onclick: turn(page + 1) }, "下一页")) : null;
    const rows = render(items.slice(page * size, page * size + size));
    // a one-page list has no pager, and no "null" where it would be
    holder.replaceChildren(...(pagerFirst ? [pager, rows] : [rows, pager]).filter(Boolean));
  };
  draw();
  return holder;
}

/** A big tile of the home screens: an icon, a 2–4 character label, and where it leads. */
export function tile(icon, label, href, note) {
  return el("button", { class: "tile", type: "button", dataset: { href }, onclick: () => { location.hash = href; } },
    el("span", { class: "icon", "aria-hidden": "true" }, icon), label, note ? el("small", {}, note) : null);
}

let phoneAddress;
/** Where phones open the station's pages, or null when the station offers phones none (asked once). */
function phone() {
  phoneAddress ??= api("station/phone").then((answer) => answer.url).catch(() => null);
  return phoneAddress;
}

/**
 * A QR code (二维码) that opens `page` of this station on a phone on its Wi-Fi, to take home, with the
 * address written beside it; null when the station offers phones none.
 */
export async function phoneCode(page, title) {
  const url = await phone();
  if (!url) return null;
  return el("section", { class: "panel phone-code", "aria-label": title },
    el("img", { class: "qr", src: `/api/v1/station/phone.svg?page=${encodeURIComponent(page)}`, alt: `二维码，打开 ${url}/${page}` }),
    el("div", {}, el("h3", {}, title), el("p", {}, "连上本站的无线网（Wi-Fi），用手机扫一扫，带回家看。"), el("p", { class: "phone-url" }, url)));
}
