// An operator's half-filled form, kept when the idle rule logs them out and given back to the same
// operator who logs in again within the idle time: nobody loses a long entry to a phone call, and
// nobody else ever sees it. Kept in the tab's sessionStorage, never on the server.
import { say } from "./ui.js";

const key = "kept-form";

/** Keeps the filled fields of the screen on show (never a PIN or a file) for `login`. */
export function keepForm(login) {
  const fields = [...document.querySelectorAll("main input[id], main select[id], main textarea[id]")]
    .filter((field) => field.type !== "password" && field.type !== "file" && field.value);
  if (fields.length === 0) return;
  sessionStorage.setItem(key, JSON.stringify({
    hash: location.hash, login, at: Date.now(), values: Object.fromEntries(fields.map((field) => [field.id, field.value])),
  }));
}

/** The kept form of `login`, if it is still within `withinMilliseconds`; an older one is dropped. */
export function keptForm(login, withinMilliseconds) {
  let kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (_) { /* none */ }
  if (!kept) return null;
  if (Date.now() - kept.at > withinMilliseconds) {
    sessionStorage.removeItem(key);
    return null;
  }
  return kept.login === login ? kept : null;
}

/** Puts a kept form back into the screen now on show, if it is that form's screen. */
export function restoreForm(login, withinMilliseconds) {
  const kept = keptForm(login, withinMilliseconds);
  if (!kept || kept.hash !== location.hash) return;
  sessionStorage.removeItem(key);
  for (const [id, value] of Object.entries(kept.values)) {
    const field = document.getElementById(id);
    if (field) field.value = value;
  }
  say("已恢复您上次没有提交的内容，请核对后再提交。", "ok");
}
