// 村务公开: the village's published disclosures, each a snapshot of a closed month or quarter:
// income and expenses item by item, cash, assets, debts and contracts. Names are masked at the source.
import { api, el, paged, phoneCode, yuan } from "./ui.js";

export async function disclosuresScreen() {
  const { disclosures } = await api("ledger/disclosures");
  return [el("h2", {}, "村务公开"),
    disclosures.length === 0 ? el("p", {}, "还没有公开的账目。") : paged(disclosures, 5, (page) =>
      el("ul", { class: "list" }, page.map((d) =>
        el("li", {}, el("button", { type: "button", dataset: { id: d.id }, onclick: () => { location.hash = `#/disclosures/${encodeURIComponent(d.id)}`; } },
          d.title, el("small", {}, `公开于 ${d.published_at.slice(0, 10)}`))))))];
}

function items(title, rows, total) {
  return el("section", { class: "panel" }, el("h3", {}, `${title}　合计 ${yuan(total)} 元`),
    rows.length === 0 ? el("p", {}, "无") : paged(rows, 6, (page) => el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "日期"), el("th", {}, "摘要"), el("th", {}, "科目"), el("th", { class: "number" }, "金额（元）"))),
      el("tbody", {}, page.map((r) => el("tr", {},
        el("td", {}, r.voucher_date), el("td", {}, r.summary), el("td", {}, r.account_name), el("td", { class: "number" }, yuan(r.amount_fen))))))));
}

export async function disclosureScreen(id) {
  const d = await api(`ledger/disclosures/${encodeURIComponent(id)}`);
  const c = d.content;
  return [
    el("h2", {}, d.title),
    el("p", {}, `${c.period_label}　公开人：${d.published_by}　公开时间：${d.published_at.slice(0, 10)}`),
    el("section", { class: "panel", id: "disclosure-totals" },
      el("p", {}, el("strong", {}, "收入："), `${yuan(c.income_fen)} 元`),
      el("p", {}, el("strong", {}, "支出："), `${yuan(c.expenses_fen)} 元`),
      el("p", {}, el("strong", {}, "现金和银行存款："), `${yuan(c.cash_and_bank_fen)} 元`)),
    items("收入明细", c.income, c.income_fen),
    items("支出明细", c.expenses, c.expenses_fen),
    el("section", { class: "panel" }, el("h3", {}, "资产"), el("ul", {}, c.assets.map((a) =>
      el("li", {}, `${a.name}：原值 ${yuan(a.original_fen)} 元，净值 ${yuan(a.net_fen)} 元（${a.use_status}）`)))),
    el("section", { class: "panel" }, el("h3", {}, "债务"), c.debts.length ? el("ul", {}, c.debts.map((x) =>
      el("li", {}, `${x.name}：${yuan(x.amount_fen)} 元`))) : el("p", {}, "无")),
    el("section", { class: "panel" }, el("h3", {}, "合同"), el("ul", {}, c.contracts.map((k) =>
      el("li", {}, `${k.subject}（${k.party_b}）：合同金额 ${yuan(k.amount_fen)} 元，已收 ${yuan(k.received_fen || 0)} 元`,
        k.overdue_fen > 0 ? el("span", { class: "bad" }, `，逾期未收 ${yuan(k.overdue_fen)} 元`) : "",
        k.next_due_on ? `，下次应收 ${k.next_due_on}` : "")))),
    await phoneCode(`#/disclosures/${encodeURIComponent(id)}`, "把这份公开带回家"),
  ];
}
