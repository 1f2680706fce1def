// Vouchers of a village waiting for the county: submitted ones to review (审核), reviewed ones to
// post (记账), and a submitted one returned (退回) with the reason the village's bookkeeper corrects
// it from. It opens on the village with the most waiting; each line names its account. The reviewer
// may not be the preparer; the server holds that rule.
import { api, el, say, yuan } from "./common.js";

let village = "";

export async function vouchersScreen() {
  const [{ villages }, waiting, { accounts }] = await Promise.all([
    api("villages"), api("ledger/drafts/waiting").then((answer) => answer.villages), api("ledger/accounts")]);
  const count = Object.fromEntries(waiting.map((w) => [w.village_code, w.submitted + w.reviewed]));
  const names = Object.fromEntries(accounts.map((a) => [a.code, a.name]));
  village = village || (waiting[0] && waiting[0].village_code) || (villages[0] && villages[0].code) || "";
  const pick = el("select", { id: "voucher-village", onchange: (e) => { village = e.target.value; location.hash = "#/vouchers?" + village; } },
    villages.map((v) => el("option", { value: v.code, selected: v.code === village },
      `${v.township_name} ${v.name}${count[v.code] ? `（待办 ${count[v.code]}）` : ""}`)));
  const { drafts } = await api(`ledger/drafts?village=${village}`);
  const act = (draft, path, body, done) => async () => {
    try {
      await api(`ledger/drafts/${draft.id}/${path}`, { method: "POST", body: typeof body === "function" ? body() : body });
      say(done, "ok");
      location.hash = "#/vouchers?" + Date.now();
    } catch (error) { say(error.message); }
  };
  const returning = (draft) => {
    const note = el("input", { class: "return-note", "aria-label": "退回原因", placeholder: "退回原因（必填），如 摘要与附件不符" });
    const send = act(draft, "review", () => ({ approve: false, note: note.value.trim(), actor: { role: "reviewer" } }), "已退回");
    return [note, " ", el("button", { class: "return", onclick: () => {
      if (note.value.trim()) return send();
      say("请填写退回原因：村会计要据此修改凭证");
      note.focus();
    } }, "退回")];
  };
  const open = drafts.filter((d) => d.status === "submitted" || d.status === "reviewed");
  const account = (line) => `${line.account} ${names[line.account] || ""}${line.subaccount ? " / " + line.subaccount : ""}`;
  return [el("h2", {}, "凭证审核与记账"), el("label", {}, "村", pick),
    open.length === 0 ? el("p", {}, "没有等待审核或记账的凭证。") : open.map((d) => el("div", { class: "card", dataset: { draft: d.id } },
      el("p", {}, `${d.voucher_date} · 制单 ${d.preparer} · ${d.status === "submitted" ? "待审核" : "已审核，待记账"}`),
      el("table", {}, el("tbody", {}, d.lines.map((l) => el("tr", {}, el("td", {}, l.summary), el("td", {}, account(l)),
        el("td", { class: "number" }, l.debit_fen ? "借 " + yuan(l.debit_fen) : ""), el("td", { class: "number" }, l.credit_fen ? "贷 " + yuan(l.credit_fen) : ""))))),
      d.status === "submitted"
        ? el("p", {}, el("button", { class: "primary", onclick: act(d, "review", { approve: true, actor: { role: "reviewer" } }, "已审核") }, "审核通过"), " ",
            returning(d))
        : el("button", { class: "primary", onclick: act(d, "post", { actor: { role: "poster" } }, "已记账：编号并链入本村账链") }, "记账")))];
}
