public import ChinaLocale
public import Foundation

/// Where notices are kept, as the screens read them. The SQLite store (`NoticesSQLite`) implements
/// it; what is read inside a write is ``NoticeTransaction``.
///
/// Each notice's ``NoticeStatus`` and whether it is a warning in force are derived by the store
/// for the day asked (``NoticeDay``), by the rules those types state.
///
/// ```swift
/// let queries = NoticeQueries(store: SQLiteNoticeStore(store))
/// ```
public protocol NoticeStore: Sendable {
    /// Notices with one of `statuses`, warnings in force first, then newest published first.
    func list(category: String?, statuses: [NoticeStatus], limit: Int, offset: Int, on day: NoticeDay) async throws
        -> [NoticeQueries.Summary]
    /// The warnings in force, newest first, at most `limit`.
    func warnings(limit: Int, on day: NoticeDay) async throws -> [NoticeQueries.Summary]
    /// One notice with its relations both ways and its files.
    func notice(id: String, on day: NoticeDay) async throws -> NoticeQueries.Detail?
    /// A file of a notice, with its bytes as kept.
    func attachment(_ id: String, of noticeID: String) async throws -> (entry: NoticeQueries.AttachmentEntry, content: Data)?
    /// Notices whose title matches `text` (tier 0), then those whose text does (tier 1), each tier
    /// newest first and at most `limit`: Chinese of any length, title pinyin or initials.
    func search(_ text: String, limit: Int, on day: NoticeDay) throws -> [NoticeMatch]
    /// Each village's first showing of a notice on its screen.
    func firstShown(of noticeID: String) async throws -> [String: String]
}

/// The day a notice store derives statuses and warnings for: today, and the first effective day
/// an urgent notice without an end may have and still be a warning.
public struct NoticeDay: Sendable {
    public let today: BeijingDay
    public let warningSince: BeijingDay

    public init(today: BeijingDay, warningSince: BeijingDay) {
        self.today = today
        self.warningSince = warningSince
    }
}

/// A notice a search found, before its matches are marked.
public struct NoticeMatch: Sendable {
    public let id: String
    public let title: String
    public let category: String
    public let publishedOn: String
    public let urgent: Bool
    public let warning: Bool
    public let status: NoticeStatus
    public let summary: String
    public let body: String

    public init(
        id: String, title: String, category: String, publishedOn: String, urgent: Bool, warning: Bool, status: NoticeStatus,
        summary: String, body: String
    ) {
        (self.id, self.title, self.category, self.publishedOn) = (id, title, category, publishedOn)
        (self.urgent, self.warning, self.status, self.summary, self.body) = (urgent, warning, status, summary, body)
    }
}
