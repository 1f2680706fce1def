public import ChinaLocale
import Sync
import StoreInterface

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
        let highlight = SearchHighlight(query: text)
        let day = day
        return try store.readingNow { try $0.notices.search(text, limit: limit, on: day) }.map { match in
            Hit(
                id: match.id, title: match.title, category: match.category, publishedOn: match.publishedOn,
                urgent: match.urgent, warning: match.warning, status: match.status,
                titleParts: highlight.parts(of: match.title),
                excerptParts: highlight.parts(of: highlight.excerpt(of: match.summary.isEmpty ? match.body : match.summary)))
        }
    }
}
