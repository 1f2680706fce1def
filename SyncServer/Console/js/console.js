// The county console: login, then every station's sync state (stale ones marked), the conflict
// review queue with both values side by side, vouchers to review and post, publishing a notice,
// importing prices, registering a station, and which stations lack an urgent notice.
import { api, beijingTime, el, newScreen, say, yuan } from "./common.js";
import { vouchersScreen } from "./vouchers.js";

let person = null;
const staleAfterHours = 24;

function loginScreen() {
  const login = el("input", { id: "login", autocomplete: "username" });
  const password = el("input", { id: "password", type: "password", autocomplete: "current-password" });
  const submit = async (event) => {
    event.preventDefault();
    try {
      person = await api("session", { method: "POST", body: { login: login.value.trim(), secret: password.value } });
      location.hash = "#/stations";
      render();
    } catch (error) { password.value = ""; say(error.message); }
  };
  return el("form", { class: "card", onsubmit: submit }, el("h2", {}, "工作人员登录"),
    el("div", { class: "form" }, el("label", {}, "登录名", login), el("label", {}, "密码", password)),
    el("button", { class: "primary", id: "login-submit" }, "登录"));
}

function hoursSince(iso) { return iso ? (Date.now() - new Date(iso).getTime()) / 3600000 : Infinity; }

async function stationsScreen() {
  const [{ stations }, { villages }, { observations }, { varieties }] = await Promise.all([
    api("sync/stations"), api("villages"), api("prices/observations?limit=10"), api("prices/varieties")]);
  const varietyNames = Object.fromEntries(varieties.map((v) => [v.code, v.name]));
  const names = Object.fromEntries(villages.map((v) => [v.code, v.name]));
  const village = el("select", { id: "new-station-village" }, villages.map((v) => el("option", { value: v.code }, `${v.township_name} ${v.name}`)));
  const name = el("input", { id: "new-station-name", placeholder: "如 北塘村信息服务站" });
  const shown = el("div", { id: "new-station-code" });
  const add = async (event) => {
    event.preventDefault();
    try {
      const added = await api("sync/stations", { method: "POST", body: { village: village.value, name: name.value.trim() } });
      shown.replaceChildren(el("p", {}, "一次性注册码（7 天内有效，只显示这一次）："), el("p", { class: "code" }, added.code),
        el("p", {}, `县级密钥指纹：${added.county_fingerprint}`),
        el("p", {}, `在站点上运行：kiosk enroll --server ${location.origin} --code ${added.code} --county-fingerprint ${added.county_fingerprint}`));
    } catch (error) { say(error.message); }
  };
  const rows = stations.map((s) => {
    const stale = !s.revoked_at && hoursSince(s.last_sync_at) > staleAfterHours;
    return el("tr", { class: stale ? "stale" : "", dataset: { station: s.id } },
      el("td", {}, s.name), el("td", {}, names[s.village] || s.village),
      el("td", {}, s.last_sync_at ? beijingTime(s.last_sync_at) : "从未", stale ? el("span", { class: "stale-mark" }, " ⚠ 超过一天未同步") : ""),
      el("td", { class: "number" }, String(s.pending)), el("td", { class: "number" }, String(s.quarantined)),
      el("td", { class: "number" }, String(s.open_conflicts)), el("td", { class: "number" }, `${Math.round(s.clock_offset_ms / 1000)} 秒`),
      el("td", { class: "number" }, s.protocol_version ? `v${s.protocol_version}` : "—"),
      // Records its verifications found otherwise than the county's, and mended: a store being damaged.
      el("td", { class: "number", title: s.last_mended_at ? `最近一次：${beijingTime(s.last_mended_at)}` : "" }, String(s.mended || 0)),
      el("td", {}, s.revoked_at ? "已吊销" : s.enrolled_at ? "在用" : "待注册",
        s.warning ? el("p", { class: "station-warning" }, `⚠ ${s.warning}`) : ""));
  });
  // Which stations still run an older release, before the county stops accepting it.
  const versions = {};
  for (const s of stations) if (s.protocol_version) versions[s.protocol_version] = (versions[s.protocol_version] || 0) + 1;
  const byVersion = Object.keys(versions).sort().map((v) => `协议 v${v}：${versions[v]} 个站`).join("　");
  return [el("h2", {}, "站点同步情况"),
    byVersion ? el("p", { id: "stations-by-version" }, byVersion) : null,
    el("table", { id: "stations" }, el("thead", {}, el("tr", {}, ["站点", "村", "上次同步（北京时间）", "待同步", "被拒收", "冲突", "时钟偏差", "协议", "校验修复", "状态"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)),
    el("h3", {}, "各站最近记录的价格"),
    el("table", { id: "observations" }, el("tbody", {}, observations.map((o) => el("tr", {},
      el("td", {}, o.observed_on), el("td", {}, names[o.village_code] || o.village_code), el("td", {}, varietyNames[o.variety_code] || o.variety_code),
      el("td", { class: "number" }, `均价 ${yuan(o.avg_fen)} 元/公斤`), el("td", {}, o.recorded_by),
      el("td", {}, (o.flags || "").split(",").includes("unit_slip") ? "待核实：疑似斤/公斤填错" : ""))))),
    el("form", { class: "card", onsubmit: add }, el("h3", {}, "登记新站点"),
      el("div", { class: "form" }, el("label", {}, "村", village), el("label", {}, "站名", name)),
      el("button", { class: "primary", id: "new-station-add" }, "生成注册码"), shown)];
}

function value(v) { return v === null || v === undefined ? "（空）" : String(v); }

async function conflictsScreen() {
  const { conflicts } = await api("sync/conflicts");
  const resolve = (c, chosen) => async () => {
    try {
      await api(`sync/conflicts/${c.id}/resolve`, { method: "POST", body: { value: chosen } });
      say("已处理，结果会同步到站点", "ok");
      render();
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "冲突审核"), el("p", {}, "同一字段在两处同时被改：先保留了较晚的值，请核对后选定。"),
    conflicts.length === 0 ? el("p", {}, "没有待处理的冲突。") : conflicts.map((c) => el("div", { class: "card", dataset: { conflict: c.id } },
      el("p", {}, `${c.collection} · ${c.record_id} · 字段 ${c.field}`),
      el("div", { class: "side" },
        el("section", {}, el("h3", {}, "现在保留的值"), el("p", {}, value(c.kept_value)), el("p", {}, `来自 ${c.kept_origin}`),
          el("button", { onclick: resolve(c, c.kept_value) }, "确认保留")),
        el("section", {}, el("h3", {}, "另一处的值"), el("p", {}, value(c.other_value)), el("p", {}, `来自 ${c.other_origin}`),
          el("button", { onclick: resolve(c, c.other_value) }, "改用此值")))))];
}

/** The categories the county's notices are filed under (公开目录), as the data has them. */
const noticeCategories = ["补贴政策", "农业生产", "土地政策", "灾害预警", "疫情防控", "村务管理", "乡村振兴", "社会保障"];

/** The day `days` after a YYYY-MM-DD day. */
function beijingDayAfter(day, days) {
  return new Date(Date.parse(day + "T00:00:00Z") + days * 86400000).toISOString().slice(0, 10);
}

function noticesScreen() {
  const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const input = (id, attributes = {}) => el("input", { id, ...attributes });
  const fields = {
    title: input("notice-title"), issuer: input("notice-issuer", { value: "大埔县农业农村局" }),
    document_number: input("notice-number", { placeholder: "埔农〔2026〕1号" }),
    category: el("select", { id: "notice-category" }, noticeCategories.map((c) => el("option", {}, c))),
    effective_on: input("notice-effective", { type: "date", value: today }),
    summary: el("textarea", { id: "notice-summary", rows: 2 }), body: el("textarea", { id: "notice-body", rows: 6 }),
  };
  // 紧急 is a big switch, and a warning carries the day it is lifted: the stations stop showing it then.
  const ends = input("notice-expires", { type: "date", value: beijingDayAfter(today, 3), min: today, required: true });
  const endsLabel = el("label", { hidden: true }, "紧急解除日期", ends);
  const urgent = el("button", { id: "notice-urgent", type: "button", "aria-pressed": "false", class: "switch",
    onclick: () => {
      const on = urgent.getAttribute("aria-pressed") !== "true";
      urgent.setAttribute("aria-pressed", String(on));
      urgent.textContent = on ? "紧急：是（优先送达各站）" : "紧急：否";
      endsLabel.hidden = !on;
      ends.disabled = !on;
    } }, "紧急：否");
  ends.disabled = true;
  const publish = async (event) => {
    event.preventDefault();
    const id = `N-${today.replaceAll("-", "")}-${Date.now() % 100000}`;
    const notice = { id, index_number: id, issuer: fields.issuer.value.trim(), document_number: fields.document_number.value.trim(),
      title: fields.title.value.trim(), category: fields.category.value, signed_on: today, published_on: today,
      effective_on: fields.effective_on.value, summary: fields.summary.value.trim(), body: fields.body.value.trim(),
      urgent: urgent.getAttribute("aria-pressed") === "true", relations: [] };
    if (notice.urgent) notice.expires_on = ends.value;
    try {
      await api("notices", { method: "POST", body: [notice] });
      say(`已发布：${notice.title}${notice.urgent ? "（紧急，优先送达各站）" : ""}`, "ok");
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "发布通知"), el("form", { class: "card", onsubmit: publish },
    el("div", { class: "form" }, Object.entries({ title: "标题", issuer: "发文机关", document_number: "文号", category: "类别",
      effective_on: "施行日期", summary: "要点", body: "正文" }).map(([k, label]) => el("label", {}, label, fields[k])),
      el("div", {}, el("p", {}, "紧急（灾害预警等）"), urgent), endsLabel),
    el("button", { class: "primary", id: "notice-publish" }, "发布"))];
}

function pricesScreen() {
  const file = el("input", { id: "prices-file", type: "file", accept: ".csv,text/csv" });
  const report = el("div", { id: "prices-report" });
  const send = async (event) => {
    event.preventDefault();
    if (!file.files[0]) return say("请选择 CSV 文件");
    try {
      const answer = await api("prices/imports", { method: "POST", raw: await file.files[0].arrayBuffer(), type: "text/csv" });
      report.replaceChildren(el("p", {}, `导入 ${answer.taken} 行，${answer.bulletins.length} 期价格；已有相同 ${answer.already_published} 行；更正 ${answer.corrections} 行；待核实 ${answer.flagged} 行；拒收 ${answer.refused.length} 行`),
        el("ul", {}, answer.refused.map((r) => el("li", {}, `第 ${r.line} 行${r.column ? "（" + r.column + "）" : ""}：${r.reason}`))));
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "导入价格"), el("p", {}, "Excel 另存为 CSV（UTF-8 或 GBK 均可）：日期, 品种, 市场, 最低价, 平均价, 最高价, 单位（元）。"),
    el("form", { class: "card", onsubmit: send }, file, " ", el("button", { class: "primary", id: "prices-import" }, "导入")), report];
}

async function urgentScreen() {
  const { notices } = await api("notices?all=true&limit=100");
  const urgent = notices.filter((n) => n.urgent);
  const cards = await Promise.all(urgent.map(async (n) => {
    const receipts = await api(`notices/${encodeURIComponent(n.id)}/receipts`);
    const missing = receipts.stations.filter((s) => receipts.missing.includes(s.station_id));
    return el("div", { class: "card" }, el("h3", {}, n.title),
      missing.length ? el("p", { class: "stale-mark" }, `未收到：${missing.map((s) => s.name).join("、")}`) : el("p", {}, "各站都已收到。"),
      el("ul", {}, receipts.stations.filter((s) => s.received_at).map((s) =>
        el("li", {}, `${s.name}：${beijingTime(s.received_at)} 收到${s.first_shown_at ? "，" + beijingTime(s.first_shown_at) + " 首次显示" : "，尚未显示"}`))));
  }));
  return [el("h2", {}, "紧急通知回执"), urgent.length ? cards : el("p", {}, "没有紧急通知。")];
}

const screens = { stations: stationsScreen, conflicts: conflictsScreen, vouchers: vouchersScreen, notices: noticesScreen, prices: pricesScreen, urgent: urgentScreen };

async function render() {
  const main = document.getElementById("screen");
  newScreen();
  document.getElementById("tabs").hidden = !person;
  document.getElementById("who").hidden = !person;
  if (!person) { main.replaceChildren(loginScreen()); return; }
  document.getElementById("who").textContent = `${person.name}（${person.roles.join("、")}）`;
  const name = location.hash.replace(/^#\/?/, "").split(/[/?]/)[0] || "stations";
  document.querySelectorAll("#tabs a").forEach((a) => a.classList.toggle("current", a.getAttribute("href") === `#/${name}`));
  try {
    main.replaceChildren(...[await (screens[name] || stationsScreen)()].flat(Infinity));
  } catch (error) {
    if (error.status === 401) { person = null; return render(); }
    main.replaceChildren(el("h2", {}, "打不开"), el("p", {}, error.message));
  }
}

async function start() {
  try {
    const health = await (await fetch("/healthz")).json();
    document.getElementById("health").textContent = `${health.program} ${health.version} · schema ${health.schema_version} · ${health.status}`;
    const county = await api("county");
    document.getElementById("county").textContent = `${county.province}${county.city}${county.name} 县级同步服务器`;
  } catch (_) { /* shown without it */ }
  try { person = await api("session"); } catch (_) { person = null; }
  render();
}

document.getElementById("logout").addEventListener("click", async () => {
  await api("session", { method: "DELETE" }).catch(() => {});
  person = null;
  render();
});
window.addEventListener("hashchange", render);
start();

