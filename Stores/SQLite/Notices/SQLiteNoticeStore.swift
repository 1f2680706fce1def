public import ChinaLocale
public import Foundation
import GRDB
public import Notices
public import Storage

/// Notices in a SQLite store (the tables of ``NoticesSchema``): statuses and warnings derived in
/// SQL for the day asked, search through the FTS5 index the arrival hook keeps.
///
/// ```swift
/// let queries = NoticeQueries(store: SQLiteNoticeStore(store))
/// ```
public struct SQLiteNoticeStore: NoticeStore {
    let store: Store

    public init(_ store: Store) {
        self.store = store
    }

    public func list(category: String?, statuses: [NoticeStatus], limit: Int, offset: Int, on day: NoticeDay) async throws
        -> [NoticeQueries.Summary]
    {
        let shown = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try await store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT *, \(Self.warningSQL) AS warning FROM (
                        SELECT \(Self.summaryColumns), n.expires_on, n.seq FROM notice n
                        WHERE :category IS NULL OR n.category = :category
                    ) WHERE status IN (\(shown))
                    ORDER BY warning DESC, published_on DESC, seq DESC LIMIT :limit OFFSET :offset
                    """,
                arguments: Self.arguments(day) + ["category": category, "limit": limit, "offset": offset]
            ).map(Self.summary)
        }
    }

    public func warnings(limit: Int, on day: NoticeDay) async throws -> [NoticeQueries.Summary] {
        try await store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT *, 1 AS warning FROM (
                        SELECT \(Self.summaryColumns), n.expires_on, n.seq FROM notice n WHERE n.urgent <> 0
                    ) WHERE \(Self.warningSQL)
                    ORDER BY published_on DESC, seq DESC LIMIT :limit
                    """,
                arguments: Self.arguments(day) + ["limit": limit]
            ).map(Self.summary)
        }
    }

    public func notice(id: String, on day: NoticeDay) async throws -> NoticeQueries.Detail? {
        try await store.pool.read { db in
            let arguments = Self.arguments(day) + ["id": id]
            let sql = "SELECT *, \(Self.warningSQL) AS warning FROM (SELECT n.*, \(Self.statusSQL) AS status FROM notice n WHERE n.id = :id)"
            guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments),
                let status = NoticeStatus(rawValue: row["status"])
            else { return nil }
            let relatedSQL = "SELECT r.kind, n.id, n.title, \(Self.statusSQL) AS status FROM notice_relation r JOIN notice n"
            return NoticeQueries.Detail(
                notice: try Self.notice(from: row), status: status, warning: row["warning"],
                acts: try Row.fetchAll(db, sql: relatedSQL + " ON n.id = r.target_id WHERE r.notice_id = :id", arguments: arguments)
                    .compactMap(Self.related),
                actedOnBy: try Row.fetchAll(db, sql: relatedSQL + " ON n.id = r.notice_id WHERE r.target_id = :id", arguments: arguments)
                    .compactMap(Self.related),
                attachments: try Row.fetchAll(
                    db, sql: "SELECT id, file_name, media_type, size FROM notice_attachment WHERE notice_id = :id ORDER BY file_name",
                    arguments: arguments
                ).map(Self.attachmentEntry))
        }
    }

    public func attachment(_ id: String, of noticeID: String) async throws -> (entry: NoticeQueries.AttachmentEntry, content: Data)? {
        try await store.pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM notice_attachment WHERE id = ? AND notice_id = ?", arguments: [id, noticeID]),
                let content = Data(base64Encoded: row["content"] as String)
            else { return nil }
            return (Self.attachmentEntry(row), content)
        }
    }

    public func firstShown(of noticeID: String) async throws -> [String: String] {
        try await store.pool.read { db in
            var shown: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT village_code, shown_at FROM notice_shown WHERE notice_id = ?", arguments: [noticeID])
            {
                shown[row["village_code"]] = row["shown_at"]
            }
            return shown
        }
    }
}

extension NoticeQueries {
    /// The notices of a SQLite store.
    public init(store: Store, today: @escaping @Sendable () -> BeijingDay = { BeijingDay.today() }) {
        self.init(store: SQLiteNoticeStore(store), today: today)
    }
}
