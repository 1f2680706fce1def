// 扫一扫: a trace code from the USB scanner (keystrokes and Enter) or the on-screen keypad, looked up
// in the station's own data; the answer in the order a person needs it (REFERENCE: 查到/未查到 first,
// then warnings, producer, origin, dates, tests, the flow from field to market).
import { api, el } from "./ui.js";
import { keypad } from "./keypad.js";

function line(label, value) {
  return value ? el("p", {}, el("strong", {}, `${label}：`), value) : null;
}

function answer(result) {
  if (!result.found) {
    return el("section", { class: "panel", "aria-label": "查询结果" },
      el("p", { class: "verdict bad" }, result.headline),
      el("p", {}, `您输入的是：${result.code}`),
      el("p", {}, "请核对标签上的号码后再试。"));
  }
  const f = result.found;
  return el("section", { class: "panel", "aria-label": "查询结果" },
    el("p", { class: "verdict " + (f.passed ? "good" : "bad") }, `${result.headline}：${f.product_name}`, " ",
      el("span", { class: "tag" }, f.passed ? `✔ ${f.badge}` : `✘ ${f.badge}`)),
    f.warnings.map((w) => el("p", { class: "bad" }, `⚠ ${w.message}`)),
    line("生产者", `${f.producer.name}（${f.producer.kind}）${f.producer.phone ? " " + f.producer.phone : ""}`),
    line("产地", f.origin.place || f.origin.village),
    line("采收日期", f.harvested_on),
    line("合格证", f.certificate ? `${f.certificate.code}（${f.certificate.issued_on} 开具）` : null),
    line("数量", f.quantity),
    line("承诺", f.promise),
    f.tests.length ? el("div", {}, el("h3", {}, "检测"), el("ul", {}, f.tests.map((t) =>
      el("li", {}, `${t.on} ${t.kind} ${t.item}：`, el("span", { class: t.passed ? "good" : "bad" }, t.passed ? "合格" : "不合格"))))) : null,
    f.timeline.length ? el("div", {}, el("h3", {}, "从田间到市场"), el("ol", {}, f.timeline.map((s) =>
      el("li", {}, `${s.at.slice(0, 10)} ${s.stage}：${s.what}${s.place ? "，" + s.place : ""}${s.party ? "，" + s.party : ""}`)))) : null,
    f.recall ? el("p", { class: "bad" }, `已召回：${f.recall.on} ${f.recall.reason}`) : null);
}

export async function scanScreen(code) {
  const input = el("input", { id: "trace-code", type: "text", autocapitalize: "characters", autocomplete: "off", spellcheck: "false",
    "aria-label": "追溯码", placeholder: "扫码或输入追溯码", value: code || "" });
  const result = el("div", { id: "trace-result" });
  const look = async () => {
    const typed = input.value.trim();
    if (!typed) return;
    result.replaceChildren(el("p", {}, "正在查询…"));
    try {
      result.replaceChildren(answer(await api(`trace/lookup?code=${encodeURIComponent(typed)}`)));
    } catch (error) {  // every lookup ends on screen: the answer, or why there is none
      result.replaceChildren(el("p", { class: "bad", role: "alert" }, error.message));
    }
    result.scrollIntoView({ block: "start" });  // the answer in sight, above the bar, not under the keypad
  };
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); look(); } });
  if (code) await look();
  setTimeout(() => input.focus(), 0);  // a scanner types wherever the focus is
  return [el("h2", {}, "扫一扫 查产品来源"),
    el("p", {}, "把标签上的条码对准扫码器，或用下面的键盘输入号码。"),
    el("div", { class: "row" }, input, el("button", { type: "button", class: "primary", onclick: look }, "查询")),
    keypad(input, { onEnter: look }),  // right under the field, never pushed under the bar by an answer
    result];
}
