// 惠农政策: notices newest first with urgent ones ahead, searched in Chinese, pinyin or initials,
// and read in full. Showing an urgent notice is reported, so the county knows it reached the village.
import { api, el, paged, say } from "./ui.js";

/** A title or excerpt with the words that matched the search marked. */
function marked(parts) {
  return parts.map((part) => (part.hit ? el("mark", {}, part.text) : part.text));
}

/** Notices, or search hits (which carry their matched words), five to a page. */
function list(notices) {
  if (notices.length === 0) return el("p", {}, "没有找到相关政策。");
  return paged(notices, 5, (page) => el("ul", { class: "list" }, page.map((n) =>
    el("li", {}, el("button", { type: "button", dataset: { id: n.id }, onclick: () => { location.hash = `#/notices/${encodeURIComponent(n.id)}`; } },
      el("span", { class: n.warning ? "urgent" : "" }, n.warning ? "【紧急】" : "", n.title_parts ? marked(n.title_parts) : n.title),
      n.excerpt_parts && n.excerpt_parts.length ? el("small", {}, marked(n.excerpt_parts)) : null,
      el("small", {}, [n.issuer, n.document_number, n.category, n.published_on, n.status].filter(Boolean).join(" · ")))))));
}

export async function noticesScreen() {
  const { notices } = await api("notices");
  const results = el("div", { id: "notice-results" }, list(notices));
  // The query lives in this screen's history entry: 返回 from a notice finds it again, a new visit does not.
  const box = el("input", { id: "notice-search", type: "search", "aria-label": "搜索政策", placeholder: "输入关键词，如 补贴 或 butie",
    value: (history.state && history.state.q) || "" });
  const search = async () => {
    const q = box.value.trim();
    history.replaceState({ ...(history.state || {}), q }, "");
    say("");  // the last search's error goes as the next one starts
    try {
      const found = q ? (await api(`notices/search?q=${encodeURIComponent(q)}`)).hits : notices;
      results.replaceChildren(list(found));
    } catch (error) { say(error.message); }
  };
  box.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); search(); } });
  if (box.value) await search();
  return [el("h2", {}, "惠农政策"),
    el("div", { class: "row" }, box, el("button", { type: "button", class: "primary", onclick: search }, "搜索")),
    results];
}

export async function noticeScreen(id) {
  const detail = await api(`notices/${encodeURIComponent(id)}`);
  const n = detail.notice;
  if (n.urgent) api(`notices/${encodeURIComponent(id)}/shown`, { method: "POST" }).catch(() => {});
  return [
    el("h2", { class: detail.warning ? "urgent" : "" }, detail.warning ? `【紧急】${n.title}` : n.title),
    el("p", {}, `${n.issuer}　${n.document_number}`),
    el("p", {}, `发布：${n.published_on}　施行：${n.effective_on}${n.expires_on ? "　有效至：" + n.expires_on : ""}　状态：${detail.status}`),
    n.summary ? el("section", { class: "panel" }, el("h3", {}, "要点"), el("p", {}, n.summary)) : null,
    el("article", { class: "panel" }, n.body.split(/\n+/).map((p) => el("p", {}, p))),
    n.interpretation ? el("section", { class: "panel" }, el("h3", {}, "政策解读"), el("p", {}, n.interpretation)) : null,
    detail.acted_on_by.length ? el("p", { class: "bad" }, `已被以下文件修改或废止：${detail.acted_on_by.map((r) => r.title).join("、")}`) : null,
  ];
}
