// The operator's screens, behind a PIN: record prices, register lots and events, issue certificates,
// prepare vouchers, watch the station's sync and resolve its conflicts. The session ends at 退出,
// or after two minutes without a touch (app.js).
import { actKey, api, beijingTime, beijingToday, el, fen, say, tile, yuan } from "./ui.js";
import { keypad } from "./keypad.js";
import { keptForm } from "./keptform.js";

/** Who is logged in at this screen, if anyone. */
export const session = {
  person: null,
  async load() {
    try { this.person = await api("session"); } catch (_) { this.person = null; }
  },
  holds(role) { return !!this.person && this.person.roles.includes(role); },
};

export async function logout() {
  try { await api("session", { method: "DELETE" }); } catch (_) { /* over already */ }
  session.person = null;
}

export function loginScreen() {
  const login = el("input", { id: "login", type: "text", autocomplete: "username", "aria-label": "登录名", placeholder: "登录名" });
  const pin = el("input", { id: "pin", type: "password", inputmode: "numeric", autocomplete: "current-password", "aria-label": "PIN 密码", placeholder: "PIN 密码" });
  const submit = async () => {
    try {
      session.person = await api("session", { method: "POST", body: { login: login.value.trim(), secret: pin.value } });
      // Back to the form the idle rule left half filled, if this operator had one.
      const kept = keptForm(session.person.login, session.person.idle_timeout_seconds * 1000);
      location.hash = kept ? kept.hash : "#/operator";
    } catch (error) {
      pin.value = "";
      say(error.message);
    }
  };
  pin.addEventListener("keydown", (event) => { if (event.key === "Enter") submit(); });
  return [el("h2", {}, "信息员登录"),
    el("div", { class: "form" }, el("label", {}, "登录名", login), el("label", {}, "PIN 密码", pin)),
    keypad(pin, { letters: false, onEnter: submit }),
    el("button", { type: "button", class: "primary", id: "login-submit", onclick: submit }, "登录")];
}

/** Every operator screen checks the session first; without one, the login screen. */
function guarded(screen) {
  return async (rest) => {
    if (!session.person) await session.load();
    if (!session.person) return loginScreen();
    return screen(rest);
  };
}

function operatorHome() {
  return [el("h2", {}, `${session.person.name}，您好`),
    el("nav", { class: "tiles", "aria-label": "信息员服务" },
      session.holds("operator") ? tile("¥", "记录价格", "#/operator/price") : null,
      session.holds("operator") ? tile("▤", "登记批次", "#/operator/lot") : null,
      session.holds("operator") ? tile("✔", "开合格证", "#/operator/certificate") : null,
      session.holds("bookkeeper") ? tile("✎", "记账凭证", "#/operator/voucher") : null,
      tile("⇅", "同步状态", "#/operator/sync")),
    el("div", { class: "row" }, el("button", { type: "button", id: "logout", onclick: async () => { await logout(); location.hash = "#/"; } }, "退出登录"))];
}

function field(label, input) { return el("label", {}, label, input); }

function select(id, options) {
  return el("select", { id }, options.map(([value, text]) => el("option", { value }, text)));
}

async function priceScreen() {
  const [{ varieties }, { markets }, { observations }] = await Promise.all([
    api("prices/varieties"), api("prices/markets"), api("prices/observations?limit=10")]);
  const variety = select("price-variety", varieties.map((v) => [v.code, v.name]));
  const varietyNames = Object.fromEntries(varieties.map((v) => [v.code, v.name]));
  const market = select("price-market", markets.map((m) => [m.id, m.name]));
  const day = el("input", { id: "price-day", type: "date", value: beijingToday() });
  const unit = select("price-unit", [["元/斤", "元/斤"], ["元/公斤", "元/公斤"]]);
  const low = el("input", { id: "price-min", inputmode: "decimal", placeholder: "如 2.50" });
  const avg = el("input", { id: "price-avg", inputmode: "decimal", placeholder: "如 2.80" });
  const high = el("input", { id: "price-max", inputmode: "decimal", placeholder: "如 3.00" });
  const save = async () => {
    const values = [low, avg, high].map((input) => fen(input.value));
    if (values.some((v) => v === null)) return say("价格请填元，如 2.80（最多两位小数）");
    try {
      const kept = await api("prices/observations", { method: "POST", body: { price: {
        variety_code: variety.value, market_id: market.value, observed_on: day.value,
        min_fen: values[0], avg_fen: values[1], max_fen: values[2], unit: unit.value } } });
      // Echoed in the unit the operator typed; a suspected 斤/公斤 slip is said at once.
      const typed = `平均价 ${yuan(values[1])} ${unit.value}`;
      const slip = (kept.flags || "").split(",").includes("unit_slip");
      say(slip ? `已记录：${typed}。请核对单位：这个价格约是该市场上次的一半或两倍，是否把斤和公斤弄混了？`
        : `已记录：${typed}，等待同步到县里`, "ok");
      location.hash = "#/operator/sync";
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "记录价格"),
    el("div", { class: "form" }, field("品种", variety), field("市场", market), field("日期", day), field("单位", unit),
      field("最低价（元）", low), field("平均价（元）", avg), field("最高价（元）", high)),
    el("div", { class: "row" }, el("button", { type: "button", class: "primary", id: "price-save", onclick: save }, "保存")),
    el("h3", {}, "本站最近记录"),
    el("ul", {}, observations.map((o) => el("li", {}, `${o.observed_on} ${varietyNames[o.variety_code] || o.variety_code} 均价 ${yuan(o.avg_fen)} 元/公斤（${o.recorded_by}）`)))];
}

async function lotScreen() {
  const product = el("input", { id: "lot-product", placeholder: "如 大埔蜜柚" });
  const kilos = el("input", { id: "lot-kilos", inputmode: "numeric", placeholder: "公斤" });
  const producer = el("input", { id: "lot-producer", placeholder: "姓名或单位" });
  const kind = select("lot-kind", [["person", "农户"], ["family_farm", "家庭农场"], ["cooperative", "合作社"], ["company", "企业"]]);
  const phone = el("input", { id: "lot-phone", inputmode: "tel", placeholder: "手机（可不填）" });
  const save = async () => {
    const grams = Math.round(Number(kilos.value) * 1000);
    if (!(grams > 0)) return say("数量请填公斤数");
    const key = actKey();  // a second tap repeats the lot and its harvest, and records neither twice
    try {
      const lot = await api("trace/lots", { method: "POST", key, body: { entry: {
        product_name: product.value.trim(), quantity_g: grams, producer_name: producer.value.trim(),
        producer_kind: kind.value, producer_phone: phone.value.trim() || null } } });
      await api("trace/events", { method: "POST", key: key + "/harvest", body: { entry: {
        lot_id: lot.id, kind: "harvesting", occurred_at: new Date().toISOString() } } });
      say(`已登记，追溯码 ${lot.trace_code}，并记了采收`, "ok");
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "登记批次（采收）"),
    el("div", { class: "form" }, field("品名", product), field("数量（公斤）", kilos), field("生产者", producer),
      field("类型", kind), field("手机", phone)),
    el("button", { type: "button", class: "primary", id: "lot-save", onclick: save }, "登记")];
}

async function certificateScreen() {
  const { lots } = await api("trace/lots?limit=20");
  if (lots.length === 0) return [el("h2", {}, "开合格证"), el("p", {}, "还没有登记的批次。")];
  const lot = select("certificate-lot", lots.map((l) => [l.id, `${l.product_name} ${l.trace_code}`]));
  const passed = select("certificate-test", [["yes", "自检合格"], ["none", "未检测"]]);
  const issue = async () => {
    try {
      const made = await api("trace/certificates", { method: "POST", body: { entry: {
        lot_id: lot.value, test_kind: passed.value === "yes" ? "self" : null, test_passed: passed.value === "yes" ? true : null } } });
      say(`已开具合格证 ${made.code || ""}`, "ok");
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "开合格证"), el("div", { class: "form" }, field("批次", lot), field("检测", passed)),
    el("button", { type: "button", class: "primary", id: "certificate-issue", onclick: issue }, "开具")];
}

async function voucherScreen() {
  const day = el("input", { id: "voucher-day", type: "date", value: beijingToday() });
  const summary = el("input", { id: "voucher-summary", placeholder: "摘要，如 收到鱼塘承包费" });
  const debit = el("input", { id: "voucher-debit", value: "101", inputmode: "numeric" });
  const credit = el("input", { id: "voucher-credit", value: "501", inputmode: "numeric" });
  const amount = el("input", { id: "voucher-amount", inputmode: "decimal", placeholder: "元" });
  const save = async () => {
    const money = fen(amount.value);
    if (!money) return say("金额请填元，如 500.00");
    const lines = [
      { summary: summary.value.trim(), account: debit.value.trim(), debit_fen: money, credit_fen: 0 },
      { summary: summary.value.trim(), account: credit.value.trim(), debit_fen: 0, credit_fen: money }];
    const key = actKey();  // a second tap repeats the draft and its submission
    try {
      const draft = await api("ledger/drafts", { method: "POST", key, body: { actor: { role: "preparer" },
        entry: { voucher_date: day.value, attachments: 1, lines } } });
      await api(`ledger/drafts/${draft.id}/submit`, { method: "POST", key: key + "/submit", body: { actor: { role: "preparer" } } });
      say("凭证已提交，等待审核", "ok");
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "记账凭证（制单并提交审核）"),
    el("div", { class: "form" }, field("日期", day), field("摘要", summary), field("借方科目", debit), field("贷方科目", credit), field("金额（元）", amount)),
    el("button", { type: "button", class: "primary", id: "voucher-save", onclick: save }, "提交")];
}

function value(v) { return v === null || v === undefined ? "（空）" : String(v); }

/** The county's announced end of this release's sync protocol, said to the operator well before it. */
function upgradeNotice(upgradeBy) {
  if (upgradeBy === undefined || upgradeBy === null) return null;
  return el("p", { class: "bad", id: "upgrade-notice" }, upgradeBy
    ? `⚠ 县里将于 ${upgradeBy} 之后不再接受本站程序的同步，请在此之前升级本站程序。`
    : "⚠ 县里已不再接受本站程序的同步，请尽快升级本站程序。");
}

async function syncScreen() {
  const [status, { quarantined }, { conflicts }] = await Promise.all([
    api("sync/status"), api("sync/quarantine"), api("sync/conflicts")]);
  const resolve = (conflict, chosen) => async () => {
    try {
      await api(`sync/conflicts/${conflict.id}/resolve`, { method: "POST", body: { value: chosen } });
      say("已处理，结果会同步到县里", "ok");
      location.hash = "#/operator/sync?" + Date.now();
    } catch (error) { say(error.message); }
  };
  const now = async () => {
    try {
      const report = await api("sync/now", { method: "POST" });
      say(`同步完成：送出 ${report.pushed} 条，收到 ${report.pulled} 条`, "ok");
      location.hash = "#/operator/sync?" + Date.now();
    } catch (error) { say(error.message); }
  };
  return [el("h2", {}, "同步状态"),
    el("section", { class: "panel", id: "sync-status" },
      el("p", {}, "上次同步成功：", status.last_success ? beijingTime(status.last_success) : "从未"),
      el("p", {}, "待同步：", el("strong", { id: "pending-count" }, String(status.pending_push)), " 条"),
      el("p", {}, `被拒收：${status.quarantined} 条　待处理冲突：${status.open_conflicts} 个`),
      el("p", {}, `本机时钟与县里相差：${Math.round(status.clock_offset_milliseconds / 1000)} 秒`),
      upgradeNotice(status.upgrade_by)),
    el("button", { type: "button", class: "primary", id: "sync-now", onclick: now }, "立即同步"),
    quarantined.length ? el("section", { class: "panel" }, el("h3", {}, "被拒收的记录"),
      el("ul", {}, quarantined.map((q) => el("li", {}, `${q.collection} ${q.record_id}：${q.reason}`)))) : null,
    conflicts.length ? el("section", { class: "panel", id: "conflicts" }, el("h3", {}, "冲突：两处同时修改，请选一个"),
      conflicts.map((c) => el("div", { class: "row" },
        el("span", {}, `${c.collection} ${c.field}：`),
        el("button", { type: "button", onclick: resolve(c, c.kept_value) }, `保留 ${value(c.kept_value)}`),
        el("button", { type: "button", onclick: resolve(c, c.other_value) }, `改为 ${value(c.other_value)}`)))) : null];
}

export const operatorRoutes = {
  operator: guarded(([part]) => {
    const screens = { price: priceScreen, lot: lotScreen, certificate: certificateScreen, voucher: voucherScreen, sync: syncScreen };
    const name = (part || "").split("?")[0];
    return (screens[name] || operatorHome)();
  }),
};
