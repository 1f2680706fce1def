// A large on-screen keypad that types into an input, for people without a keyboard. A USB scanner
// types into the same input as keystrokes, then Enter; a phone brings its own keyboard.
import { el } from "./ui.js";

/** The keys of a trace code, in rows of eleven: every character the code readers accept that a
    label prints — digits, the letters A–Z in alphabet order, and the marks of GS1 element strings
    `(01)…(10)…`, lot numbers and Digital Links. */
const codeRows = ["1234567890-", "ABCDEFGHIJK", "LMNOPQRSTUV", "WXYZ()/."];

/** Keys under the input, and 退格 / 清空 / 确定; a PIN's keypad has the digits only. */
export function keypad(input, { letters = true, onEnter } = {}) {
  const type = (text) => () => { input.value += text; input.dispatchEvent(new Event("input")); };
  const rows = letters ? codeRows : ["1234567890"];
  const keys = rows.join("").split("").map((k) =>
    el("button", { type: "button", "aria-label": k, dataset: { key: k }, onclick: type(k) }, k));
  return el("div", { class: letters ? "keypad code" : "keypad", role: "group", "aria-label": "屏幕键盘" },
    keys,
    el("button", { type: "button", onclick: () => { input.value = input.value.slice(0, -1); } }, "退格"),
    el("button", { type: "button", onclick: () => { input.value = ""; } }, "清空"),
    onEnter ? el("button", { type: "button", class: "primary", onclick: onEnter }, "确定") : null);
}
