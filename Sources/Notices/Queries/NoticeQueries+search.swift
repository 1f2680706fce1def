public import ChinaLocale
import GRDB
import Storage

extension NoticeQueries {
    /// A notice found by a search, ranked, with the parts of its title and summary that matched.
    public struct Hit: Codable, Sendable, Equatable {
        public let id: String
        public let title: String
        public let category: String
        public let publishedOn: String
        public let urgent: Bool
        /// Whether it is a warning in force today (``NoticeQueries/Summary/warning``).
        public let warning: Bool
        public let status: NoticeStatus
        /// The title and an excerpt, cut into runs that matched (`hit`) and runs that did not.
        public let titleParts: [SearchHighlight.Part]
        public let excerptParts: [SearchHighlight.Part]
    }

    /// Notices matching what a person typed: Chinese of any length (麦, 补贴, 耕地地力保护补贴),
    /// pinyin (gengdi) or initials (gdbt) of titles. Ranked in two tiers, newest first within each:
    /// notices whose title matches, then those whose text does. Every status is searchable; the
    /// status says which are no longer in force.
    ///
    /// Both tiers walk the index newest first and stop at `limit`, so a word found in every notice
    /// costs no more than a rare one (a relevance score would have to score every match).
    public func search(_ text: String, limit: Int = 20) async throws -> [Hit] {
        guard
            let titles = ChineseSearchTerms.query(
                text, unigrams: "title_unigrams", bigrams: "title_bigrams", pinyin: "title_pinyin"),
            let anywhere = ChineseSearchTerms.query(
                text, unigrams: "{title_unigrams body_unigrams}", bigrams: "{title_bigrams body_bigrams}",
                pinyin: "title_pinyin")
        else { return [] }
        let highlight = SearchHighlight(query: text)
        return try store.readOnCallingTask { db in
            let arguments: StatementArguments = dayArguments + ["titles": titles, "anywhere": anywhere, "limit": limit]
            return try Row.fetchAll(db.cachedStatement(sql: Self.searchSQL), arguments: arguments).map { row in
                let summary: String = row["summary"]
                return Hit(
                    id: row["id"], title: row["title"], category: row["category"], publishedOn: row["published_on"],
                    urgent: row["urgent"], warning: row["warning"], status: NoticeStatus(rawValue: row["status"]) ?? .inForce,
                    titleParts: highlight.parts(of: row["title"]),
                    excerptParts: highlight.parts(of: highlight.excerpt(of: summary.isEmpty ? row["body"] : summary)))
            }
        }
    }

    static let searchSQL = """
        WITH in_titles AS (
            SELECT rowid, 0 AS tier FROM notice_search WHERE notice_search MATCH :titles ORDER BY rowid DESC LIMIT :limit
        ), in_texts AS (
            SELECT rowid, 1 AS tier FROM notice_search
            WHERE notice_search MATCH :anywhere AND rowid NOT IN (SELECT rowid FROM in_titles)
            ORDER BY rowid DESC LIMIT :limit
        )
        SELECT *, \(warningSQL) AS warning FROM (
            SELECT n.id, n.title, n.category, n.published_on, n.effective_on, n.expires_on, n.urgent, n.summary, n.body,
                \(NoticeStatus.sql) AS status, found.tier, found.rowid AS seq
            FROM (SELECT * FROM in_titles UNION ALL SELECT * FROM in_texts) AS found JOIN notice n ON n.seq = found.rowid
        )
        ORDER BY tier, seq DESC
        LIMIT :limit
        """
}
