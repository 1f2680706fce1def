// A large on-screen keypad that types into an input, for people without a keyboard. A USB scanner
// types into the same input as keystrokes, then Enter.
import { el } from "./ui.js";

/** Keys under the input: digits, then the letters and marks trace codes use, and 退格 / 清空. */
export function keypad(input, { letters = true, onEnter } = {}) {
  const type = (text) => () => { input.value += text; input.dispatchEvent(new Event("input")); };
  const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"].map((k) =>
    el("button", { type: "button", "aria-label": k, onclick: type(k) }, k));
  const extra = letters
    ? ["(", ")", "-", "A", "B", "C", "E", "H", "N", "T"].map((k) => el("button", { type: "button", onclick: type(k) }, k))
    : [];
  return el("div", { class: "keypad", role: "group", "aria-label": "屏幕键盘" },
    keys, extra,
    el("button", { type: "button", onclick: () => { input.value = input.value.slice(0, -1); } }, "退格"),
    el("button", { type: "button", onclick: () => { input.value = ""; } }, "清空"),
    onEnter ? el("button", { type: "button", class: "primary", onclick: onEnter }, "确定") : null);
}
