// The station's screen: a hash router over the public screens and the operator's, the warning band
// (an urgent notice in force, above every public screen), the fixed bar (返回 / 首页 / 字大一点), and the
// two-minute rule: without a touch, the public home screen returns and any operator is logged out.
// Everything it loads comes from the station itself.
import { api, el, newScreen, phoneCode, tile, yuan } from "./ui.js";
import { pricesScreen, varietyScreen } from "./prices.js";
import { scanScreen } from "./scan.js";
import { noticesScreen, noticeScreen } from "./notices.js";
import { disclosuresScreen, disclosureScreen } from "./disclosures.js";
import { loginScreen, operatorRoutes, session, logout } from "./operator.js";
import { keepForm, restoreForm } from "./keptform.js";

// Two minutes by default; a station may set another with ?idle=SECONDS in its start URL. The last
// seconds are counted down on screen, and any touch starts the time again.
const idleSeconds = Number(new URLSearchParams(location.search).get("idle"));
const idleMilliseconds = (idleSeconds >= 1 && idleSeconds <= 3600 ? idleSeconds : 120) * 1000;
const countdownMilliseconds = Math.min(20000, idleMilliseconds / 2);
let idleTimer, countdownTimer, countdownTick;

async function home() {
  // What most people come for is on the home screen itself: the day's prices and the newest notice.
  const [board, local, newest, phone] = await Promise.all([
    api("prices/board").catch(() => null),
    api("prices/local").catch(() => null),
    api("notices?limit=1").then((answer) => answer.notices[0]).catch(() => null),
    phoneCode("#/", "用手机看价格和村务公开"),
  ]);
  return [
    el("h2", {}, "您好，请选择服务"),
    el("nav", { class: "tiles home", "aria-label": "服务" },
      tile("¥", "查价格", "#/prices", "今日农产品价格"),
      tile("▦", "扫一扫", "#/scan", "查产品追溯码"),
      tile("☰", "惠农政策", "#/notices", "补贴 通知 预警"),
      tile("◎", "村务公开", "#/disclosures", "村集体账目"),
      tile("✎", "信息员", session.person ? "#/operator" : "#/login", "登录后记录")),
    el("div", { class: "home-panels" }, todaysPrices(board, local), newestNotice(newest), phone),
  ];
}

/**
 * The day's prices at the village's own county's markets (the county's board when the station has
 * none there yet), a touch from each variety's markets and history.
 */
function todaysPrices(board, local) {
  const own = !!local && local.rows.length > 0;
  const rows = own ? local.rows : (board ? board.rows.slice(0, 3) : []);
  if (rows.length === 0) return null;
  const day = (own ? local : board).freshness.as_of;
  return el("section", { class: "panel", id: "home-prices", "aria-label": "今日价格" },
    el("h3", {}, `${own ? "本县市场今日价格" : "今日价格"}（${day}，元/斤）`),
    el("ul", { class: "list" }, rows.map((row) =>
      el("li", {}, el("button", { type: "button", class: "price-line", dataset: { code: row.variety_code },
        onclick: () => { location.hash = `#/prices/${row.variety_code}`; } },
        el("span", {}, row.variety_name), el("strong", {}, yuan(Math.round(row.avg_fen / 2))))))));
}

/** The newest notice in force, a touch from reading it. */
function newestNotice(notice) {
  if (!notice) return null;
  return el("section", { class: "panel", id: "home-notice", "aria-label": "最新政策" },
    el("h3", {}, "最新政策"),
    el("button", { type: "button", class: "notice-line", dataset: { id: notice.id },
      onclick: () => { location.hash = `#/notices/${encodeURIComponent(notice.id)}`; } },
      el("span", { class: notice.warning ? "urgent" : "" }, notice.warning ? "【紧急】" : "", notice.title),
      el("small", {}, [notice.issuer, notice.published_on].join(" · "))));
}

/** Screens by the hash's first part; each returns nodes (or a promise of them) for <main>. */
const routes = {
  "": home,
  prices: ([code]) => (code ? varietyScreen(code) : pricesScreen()),
  scan: ([code]) => scanScreen(code),
  notices: ([id]) => (id ? noticeScreen(id) : noticesScreen()),
  disclosures: ([id]) => (id ? disclosureScreen(id) : disclosuresScreen()),
  login: () => loginScreen(),
  ...operatorRoutes,
};

async function render() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const screen = routes[name] || home;
  const main = document.getElementById("screen");
  newScreen();
  try {
    const nodes = await screen(rest);
    main.replaceChildren(...[nodes].flat(Infinity).filter((node) => node !== null && node !== undefined));
  } catch (error) {
    main.replaceChildren(el("h2", {}, "暂时打不开"), el("p", {}, error.message));
  }
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  showWho();
  showWarnings(name in operatorRoutes || name === "login");
  if (session.person) restoreForm(session.person.login, session.person.idle_timeout_seconds * 1000);
}

/** The urgent notices in force (a typhoon, a flood), one button each above the screen, touched to
    read; on every public screen, so that no one has to look for a warning behind 惠农政策. */
async function showWarnings(operatorScreen) {
  const band = document.getElementById("warnings");
  let warnings = [];
  if (!operatorScreen) {
    try { warnings = (await api("notices/warnings")).notices; } catch (_) { /* the screen works without it */ }
  }
  band.replaceChildren(...warnings.map((n) => el("button", { type: "button", dataset: { id: n.id },
    onclick: () => { location.hash = `#/notices/${encodeURIComponent(n.id)}`; } }, `⚠ 紧急：${n.title}（点此阅读）`)));
  band.hidden = warnings.length === 0;
}

function showWho() {
  const who = document.getElementById("who");
  who.hidden = !session.person;
  who.textContent = session.person ? `信息员：${session.person.name}` : "";
}

function touched() {
  clearTimeout(idleTimer);
  clearTimeout(countdownTimer);
  clearInterval(countdownTick);
  document.getElementById("idle-countdown").hidden = true;
  countdownTimer = setTimeout(countDown, idleMilliseconds - countdownMilliseconds);
  idleTimer = setTimeout(goIdle, idleMilliseconds);
}

/** The seconds left before the idle rule, on screen; nothing to count on the public home screen. */
function countDown() {
  if (!session.person && (location.hash || "#/") === "#/") return;
  const box = document.getElementById("idle-countdown");
  const ends = Date.now() + countdownMilliseconds;
  const draw = () => {
    const seconds = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
    box.textContent = `${seconds} 秒后回到首页${session.person ? "并退出登录" : ""}，点一下屏幕就继续`;
  };
  draw();
  box.hidden = false;
  countdownTick = setInterval(draw, 500);
}

/** The idle rule: an operator's half-filled form is kept for them, they are logged out, and the
    public home screen returns. */
async function goIdle() {
  clearInterval(countdownTick);
  document.getElementById("idle-countdown").hidden = true;
  if (session.person) {
    keepForm(session.person.login);
    await logout();
  }
  if (location.hash && location.hash !== "#/") location.hash = "#/";
  else render();
}

/** A USB scanner types a code and Enter faster than any hand: caught on any screen outside a form
    field, it opens the lookup. */
function listenForScanner() {
  let typed = "", last = 0;
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const now = performance.now();
    if (now - last > 80) typed = "";
    last = now;
    if (event.key === "Enter" && typed.length >= 6) {
      location.hash = `#/scan/${encodeURIComponent(typed)}`;
      typed = "";
    } else if (event.key.length === 1) {
      typed += event.key;
    }
  });
}

async function loadPlace() {
  try {
    const county = await api("county");
    document.getElementById("station-name").textContent = `${county.name}村级信息服务站`;
    document.getElementById("station-place").textContent = county.province + county.city + county.name;
  } catch (_) { /* the screen works without it */ }
}

// The screens visited in this application, so that 返回 goes back within it and never past its
// first screen (a page opened at #/prices goes home, not to a blank page or another site).
const visited = [location.hash || "#/"];
window.addEventListener("hashchange", () => {
  const here = location.hash || "#/";
  if (visited.length > 1 && visited[visited.length - 2] === here) visited.pop();
  else if (visited[visited.length - 1] !== here) visited.push(here);
});
document.getElementById("back").addEventListener("click", () => {
  if (visited.length > 1) history.back();
  else if ((location.hash || "#/") !== "#/") location.hash = "#/";
});
document.getElementById("go-home").addEventListener("click", () => { location.hash = "#/"; });
document.getElementById("bigger").addEventListener("click", () => {
  const now = parseInt(getComputedStyle(document.documentElement).getPropertyValue("--text"), 10);
  document.documentElement.style.setProperty("--text", (now >= 36 ? 24 : now + 6) + "px");
});
["pointerdown", "keydown"].forEach((kind) => document.addEventListener(kind, touched, { capture: true }));
window.addEventListener("hashchange", render);
listenForScanner();
touched();
loadPlace();
session.load().then(render);
