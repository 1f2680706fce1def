// 查价格: today's board across the county's markets, in 斤 or 公斤, narrowed by a category chip or
// by what a person types (characters, pinyin or initials), and a variety's history as a chart with
// its markets. Prices come in 分 per 公斤; a 斤 is half a 公斤. The chip, the search and the page live
// in the screen's history entry, so 返回 from a variety finds the board as it was left.
import { api, change, el, paged, phoneCode, say, yuan } from "./ui.js";

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
  const [board, { categories }] = await Promise.all([
    api("prices/board"), api("prices/categories").catch(() => ({ categories: [] }))]);
  const state = { category: "", q: "", page: 0, ...(history.state || {}) };
  const remember = () => history.replaceState({ ...(history.state || {}), ...state }, "");
  // The chips are the catalogue's second level (谷物, 蔬菜, 水果 …) that has prices today.
  const groupOf = (code) => code.slice(0, 4);
  const present = new Set(board.rows.map((row) => groupOf(row.category_code)));
  const chips = categories.filter((c) => c.code.length === 4 && present.has(c.code));
  let found = null;  // the varieties a search matched, best first
  const search = el("input", { id: "price-search", type: "search", "aria-label": "搜索品种",
    placeholder: "品种名、拼音或首字母，如 蜜柚、miyou、my", value: state.q });
  const holder = el("div");
  const shown = () => {
    const rows = board.rows.filter((row) => !state.category || groupOf(row.category_code) === state.category);
    if (!found) return rows;
    const rank = new Map(found.map((code, index) => [code, index]));
    return rows.filter((row) => rank.has(row.variety_code)).sort((a, b) => rank.get(a.variety_code) - rank.get(b.variety_code));
  };
  const pick = (code) => () => {  // a chip replaces the search: the two are ways to the same rows
    Object.assign(state, { category: code, page: 0, q: "" });
    found = null;
    search.value = "";
    remember();
    draw();
  };
  const draw = () => {
    const rows = shown();
    holder.replaceChildren(
      el("div", { class: "row chips", role: "group", "aria-label": "品类" },
        [{ code: "", name: "全部" }, ...chips].map((c) => el("button", { type: "button", class: state.category === c.code ? "chip primary" : "chip",
          "aria-pressed": String(state.category === c.code), dataset: { category: c.code }, onclick: pick(c.code) }, c.name))),
      rows.length === 0 ? el("p", {}, found ? "没有找到这个品种的今日价格。" : "暂无价格。") : paged(rows, 6, (page) =>
        el("table", { class: "board" },
          el("thead", {}, el("tr", {},
            el("th", {}, "品种"), el("th", { class: "number" }, `均价 元/${perJin ? "斤" : "公斤"}`),
            el("th", { class: "number" }, "最低—最高"), el("th", {}, "比上周"))),
          el("tbody", {}, page.map((row) =>
            el("tr", { class: "pick", dataset: { code: row.variety_code }, onclick: () => { location.hash = `#/prices/${row.variety_code}`; } },
              el("td", {}, el("button", { type: "button", class: "link" }, row.variety_name)),
              el("td", { class: "number price" }, price(row.avg_fen)),
              el("td", { class: "number" }, `${price(row.min_fen)}—${price(row.max_fen)}`),
              el("td", {}, change(row.week_on_week_percent)))))),
        { pagerFirst: true, page: state.page, onPage: (page) => { state.page = page; remember(); } }));
  };
  /** The varieties matching what was typed; `restoring` keeps the chip and page 返回 brought back. */
  const find = async (restoring = false) => {
    if (!restoring) {
      Object.assign(state, { q: search.value.trim(), category: "", page: 0 });
      remember();
    }
    try {
      found = state.q ? (await api(`prices/varieties?q=${encodeURIComponent(state.q)}`)).varieties.map((v) => v.code) : null;
    } catch (error) { found = []; say(error.message); }
    draw();
  };
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); find(); } });
  if (state.q) await find(true); else draw();
  // Few rows above the board, so that its first prices and the pager stand clear of the bar on a
  // 768-pixel screen: the day beside the title, the unit beside the search.
  const units = el("span");
  const drawUnits = () => units.replaceChildren(unitSwitch(() => { drawUnits(); draw(); }));
  drawUnits();
  return [el("h2", {}, "今日农产品价格 ", el("small", { class: "muted" }, freshness(board.freshness).textContent)),
    el("div", { class: "row" }, search, el("button", { type: "button", class: "primary", onclick: () => find() }, "找品种"), units),
    holder, await phoneCode("#/prices", "把今日价格带回家")];
}

/** The day's average as a line over the days, with the lowest and highest marked. */
function chart(points) {
  // Drawn at about the width it is shown at, so that its labels keep their size on a phone.
  const width = Math.round(Math.min(900, Math.max(300, document.documentElement.clientWidth - 32)));
  const height = Math.round(Math.min(320, Math.max(220, width * 0.6))), left = 90, bottom = 50, top = 20;
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
        // The station's own county's markets come first, marked so (本县, 本市).
        el("tr", { class: m.nearness === "本县" ? "own-market" : null },
          el("td", {}, m.market_name, " ", m.nearness === "本县" || m.nearness === "本市" ? el("span", { class: "tag" }, m.nearness) : null),
          el("td", {}, m.day), el("td", { class: "number" }, price(m.avg_fen)))))));
  draw();
  return [el("h2", {}, `${history.variety_name} 价格走势`), holder,
    await phoneCode(`#/prices/${encodeURIComponent(code)}`, `把${history.variety_name}的价格带回家`)];
}
