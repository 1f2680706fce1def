// 查价格: today's board across the county's markets, in 斤 or 公斤, and a variety's history as a
// chart with its markets. Prices come in 分 per 公斤; a 斤 is half a 公斤.
import { api, change, el, paged, yuan } from "./ui.js";

let perJin = true;  // farmers mostly think in 斤

function unitSwitch(redraw) {
  const pick = (jin) => () => { perJin = jin; redraw(); };
  return el("div", { class: "row", role: "group", "aria-label": "单位" },
    el("span", {}, "单位："),
    el("button", { type: "button", class: perJin ? "primary" : "", "aria-pressed": String(perJin), onclick: pick(true) }, "元/斤"),
    el("button", { type: "button", class: perJin ? "" : "primary", "aria-pressed": String(!perJin), onclick: pick(false) }, "元/公斤"));
}

/** A price per 公斤 in 分, shown in the chosen unit. */
function price(fenPerKilo) {
  return yuan(perJin ? Math.round(fenPerKilo / 2) : fenPerKilo);
}

function freshness(fresh) {
  if (!fresh || !fresh.as_of) return el("p", { class: "muted" }, "暂无价格数据");
  const age = fresh.age_days > 0 ? `（${fresh.age_days} 天前的价格）` : "（今日）";
  return el("p", {}, `价格日期：${fresh.as_of}${age}`);
}

export async function pricesScreen() {
  const board = await api("prices/board");
  const holder = el("div");
  const draw = () => holder.replaceChildren(
    unitSwitch(draw),
    freshness(board.freshness),
    board.rows.length === 0 ? el("p", {}, "暂无价格。") : paged(board.rows, 6, (rows) =>
      el("table", { class: "board" },
        el("thead", {}, el("tr", {},
          el("th", {}, "品种"), el("th", { class: "number" }, `均价 元/${perJin ? "斤" : "公斤"}`),
          el("th", { class: "number" }, "最低—最高"), el("th", {}, "比上周"))),
        el("tbody", {}, rows.map((row) =>
          el("tr", { class: "pick", dataset: { code: row.variety_code }, onclick: () => { location.hash = `#/prices/${row.variety_code}`; } },
            el("td", {}, el("button", { type: "button", class: "link" }, row.variety_name)),
            el("td", { class: "number" }, price(row.avg_fen)),
            el("td", { class: "number" }, `${price(row.min_fen)}—${price(row.max_fen)}`),
            el("td", {}, change(row.week_on_week_percent))))))));
  draw();
  return [el("h2", {}, "今日农产品价格"), el("p", {}, "点品种名看近 30 天走势。"), holder];
}

/** The day's average as a line over the days, with the lowest and highest marked. */
function chart(points) {
  const width = 900, height = 320, left = 90, bottom = 50, top = 20;
  if (points.length < 2) return el("p", {}, "价格天数太少，画不出走势。");
  const values = points.map((p) => Number(price(p.avg_fen)));
  // At least ±10% around the mean, so that a few fen of change do not look like a crash.
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const low = Math.min(...values, mean * 0.9), high = Math.max(...values, mean * 1.1);
  const span = high - low || 1;
  const x = (i) => left + (i * (width - left - 20)) / (points.length - 1);
  const y = (v) => top + ((high - v) * (height - top - bottom)) / span;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `近 ${points.length} 天均价走势，最低 ${Math.min(...values).toFixed(2)}，最高 ${Math.max(...values).toFixed(2)}`);
  const add = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    svg.append(node);
  };
  add("polyline", { points: values.map((v, i) => `${x(i)},${y(v)}`).join(" "), fill: "none", stroke: "#0b5d3b", "stroke-width": 5 });
  values.forEach((v, i) => add("circle", { cx: x(i), cy: y(v), r: 6, fill: "#0b5d3b" }));
  add("text", { x: 8, y: y(high) + 6 }, high.toFixed(2));
  add("text", { x: 8, y: y(low) + 6 }, low.toFixed(2));
  add("text", { x: left, y: height - 12 }, points[0].day.slice(5));
  add("text", { x: width - 80, y: height - 12 }, points[points.length - 1].day.slice(5));
  return svg;
}

export async function varietyScreen(code) {
  const [history, across] = await Promise.all([
    api(`prices/varieties/${encodeURIComponent(code)}/history?days=30`),
    api(`prices/varieties/${encodeURIComponent(code)}`),
  ]);
  const holder = el("div");
  const draw = () => holder.replaceChildren(
    unitSwitch(draw),
    freshness(history.freshness),
    el("div", { class: "row" }, el("span", {}, "比上周："), change(history.week_on_week_percent),
      el("span", {}, "比去年同期："), change(history.year_on_year_percent)),
    chart(history.points),
    el("h3", {}, "各市场最新价格"),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "市场"), el("th", {}, "日期"), el("th", { class: "number" }, `均价 元/${perJin ? "斤" : "公斤"}`))),
      el("tbody", {}, (across.markets || []).map((m) =>
        el("tr", {}, el("td", {}, m.market_name), el("td", {}, m.day), el("td", { class: "number" }, price(m.avg_fen)))))));
  draw();
  return [el("h2", {}, `${history.variety_name} 价格走势`), holder];
}
