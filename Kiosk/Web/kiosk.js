// The station's home screen: shows where it is, opens a panel per service, and goes back home
// after two minutes without a touch. No network beyond the station itself.
"use strict";
const homeAfterMs = 2 * 60 * 1000;
const titles = { prices: "查价格", scan: "扫一扫", notices: "惠农政策", disclosure: "村务公开" };
let idleTimer;

function show(panel) {
  document.getElementById("home").hidden = panel !== null;
  document.getElementById("panel").hidden = panel === null;
  if (panel) document.getElementById("panel-title").textContent = titles[panel];
}

function touched() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => show(null), homeAfterMs);
}

async function loadPlace() {
  try {
    const county = await (await fetch("/api/v1/county")).json();
    if (county.name) {
      document.getElementById("station-name").textContent = county.name + " 信息服务站";
      document.getElementById("station-place").textContent = county.province + county.city + county.name;
    }
  } catch (_) { /* the screen works without it */ }
}

document.querySelectorAll(".tile").forEach((tile) => tile.addEventListener("click", () => show(tile.dataset.panel)));
document.getElementById("back").addEventListener("click", () => show(null));
document.getElementById("go-home").addEventListener("click", () => show(null));
document.getElementById("bigger").addEventListener("click", () => {
  const now = parseInt(getComputedStyle(document.documentElement).getPropertyValue("--text"), 10);
  document.documentElement.style.setProperty("--text", (now >= 36 ? 24 : now + 6) + "px");
});
["pointerdown", "keydown"].forEach((kind) => document.addEventListener(kind, touched));
touched();
loadPlace();
