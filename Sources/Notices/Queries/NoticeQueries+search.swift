import ChinaLocale
import GRDB

extension NoticeQueries {
    /// A notice found by a search, ranked, with the parts of its title and summary that matched.
    public struct Hit: Codable, Sendable, Equatable {
        public let id: String
        public let title: String
        public let category: String
        public let publishedOn: String
        public let urgent: Bool
        public let status: NoticeStatus
        /// The title and an excerpt, cut into runs that matched (`hit`) and runs that did not.
        public let titleParts: [SearchHighlight.Part]
        public let excerptParts: [SearchHighlight.Part]
    }

    /// Notices matching what a person typed: Chinese of any length (麦, 补贴, 耕地地力保护补贴),
    /// pinyin (gengdi) or initials (gdbt) of titles. Best first: matches in titles weigh most.
    /// Every status is searchable; the status says which are no longer in force.
    public func search(_ text: String, limit: Int = 20) async throws -> [Hit] {
        guard
            let query = ChineseSearchTerms.query(
                text, unigrams: "{title_unigrams body_unigrams}", bigrams: "{title_bigrams body_bigrams}",
                pinyin: "title_pinyin")
        else { return [] }
        let highlight = SearchHighlight(query: text)
        return try store.readOnCallingTask { db in
            // Ranked in the index first; only the best few get their status and text read.
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT n.id, n.title, n.category, n.published_on, n.urgent, n.summary, n.body,
                            \(NoticeStatus.sql) AS status
                        FROM (
                            SELECT rowid, rank FROM notice_search
                            WHERE notice_search MATCH :query AND rank MATCH 'bm25(10.0, 10.0, 1.0, 1.0, 8.0)'
                            ORDER BY rank LIMIT :limit
                        ) AS found JOIN notice n ON n.seq = found.rowid
                        ORDER BY found.rank
                        """),
                arguments: ["query": query, "limit": limit, "today": today().text]
            ).map { row in
                let summary: String = row["summary"]
                return Hit(
                    id: row["id"], title: row["title"], category: row["category"], publishedOn: row["published_on"],
                    urgent: row["urgent"], status: NoticeStatus(rawValue: row["status"]) ?? .inForce,
                    titleParts: highlight.parts(of: row["title"]),
                    excerptParts: highlight.parts(of: highlight.excerpt(of: summary.isEmpty ? row["body"] : summary)))
            }
        }
    }
}
