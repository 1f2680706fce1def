public import ChinaLocale
public import Foundation
public import GRDB
public import Storage

/// What people ask the station about notices, answered from local data: the current notices (by
/// default), one notice with what it changed and what changed it, and search in Chinese.
///
/// ```swift
/// let queries = NoticeQueries(store: store)
/// let current = try await queries.list(category: "补贴政策")
/// let found = try await queries.search("gdbt")
/// ```
public struct NoticeQueries: Sendable {
    let store: Store
    let today: @Sendable () -> BeijingDay

    public init(store: Store, today: @escaping @Sendable () -> BeijingDay = { BeijingDay.today() }) {
        self.store = store
        self.today = today
    }

    /// A notice in a list.
    public struct Summary: Codable, Sendable, Equatable, FetchableRecord {
        public let id: String
        public let title: String
        public let category: String
        public let issuer: String
        public let documentNumber: String
        public let publishedOn: String
        public let effectiveOn: String
        public let urgent: Bool
        /// Whether it is an urgent notice whose warning is in force today (``warningDaysWithoutEnd``).
        public let warning: Bool
        public let status: NoticeStatus
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    /// How many days an urgent notice published without an end (`expires_on`) stays a warning after
    /// it takes effect: a warning that is never lifted would sit above every notice for ever.
    public static let warningDaysWithoutEnd = 7

    static let summaryColumns = """
        n.id, n.title, n.category, n.issuer, n.document_number, n.published_on, n.effective_on, n.urgent,
        \(NoticeStatus.sql) AS status
        """

    /// Whether the notice row `n`, with its `status`, is a warning in force; binds `:warningSince`.
    static let warningSQL = """
        (urgent <> 0 AND status IN ('\(NoticeStatus.inForce.rawValue)', '\(NoticeStatus.amended.rawValue)')
            AND (expires_on IS NOT NULL OR effective_on >= :warningSince))
        """

    /// Notices newest first, warnings in force ahead; by default only those in force or about to be.
    public func list(category: String? = nil, all: Bool = false, limit: Int = 20, offset: Int = 0) async throws -> [Summary] {
        let shown = (all ? NoticeStatus.allCases : NoticeStatus.listedByDefault).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try await store.pool.read { db in
            try Summary.fetchAll(
                db,
                sql: """
                    SELECT *, \(Self.warningSQL) AS warning FROM (
                        SELECT \(Self.summaryColumns), n.expires_on, n.seq FROM notice n
                        WHERE :category IS NULL OR n.category = :category
                    ) WHERE status IN (\(shown))
                    ORDER BY warning DESC, published_on DESC, seq DESC LIMIT :limit OFFSET :offset
                    """,
                arguments: dayArguments + ["category": category, "limit": limit, "offset": offset])
        }
    }

    /// The urgent notices whose warning is in force today, newest first: what every public screen
    /// shows in its warning band.
    public func warnings() async throws -> [Summary] {
        try await store.pool.read { db in
            try Summary.fetchAll(
                db,
                sql: """
                    SELECT *, 1 AS warning FROM (
                        SELECT \(Self.summaryColumns), n.expires_on, n.seq FROM notice n WHERE n.urgent <> 0
                    ) WHERE \(Self.warningSQL)
                    ORDER BY published_on DESC, seq DESC LIMIT 5
                    """,
                arguments: dayArguments)
        }
    }

    /// Today, and the first effective day of a warning without an end still in force.
    var dayArguments: StatementArguments {
        let today = today()
        return ["today": today.text, "warningSince": today.adding(days: -(Self.warningDaysWithoutEnd - 1)).text]
    }

    /// One notice in full, with its status and its relations both ways.
    public struct Detail: Codable, Sendable, Equatable {
        public let notice: Notice
        public let status: NoticeStatus
        /// Whether it is a warning in force today (``Summary/warning``).
        public let warning: Bool
        /// The notices this one acts on, and those acting on it (such as the one that repealed it).
        public let acts: [Related]
        public let actedOnBy: [Related]
        /// Its files, such as the scan of the signed document.
        public let attachments: [AttachmentEntry]
    }

    public struct Related: Codable, Sendable, Equatable, FetchableRecord {
        public let kind: NoticeRelation.Kind
        public let id: String
        public let title: String
        public let status: NoticeStatus
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    public func notice(id: String) async throws -> Detail? {
        try await store.pool.read { db in
            let arguments: StatementArguments = dayArguments + ["id": id]
            let sql = "SELECT *, \(Self.warningSQL) AS warning FROM (SELECT n.*, \(NoticeStatus.sql) AS status FROM notice n WHERE n.id = :id)"
            guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments),
                let status = NoticeStatus(rawValue: row["status"])
            else { return nil }
            let relatedSQL = "SELECT r.kind, n.id, n.title, \(NoticeStatus.sql) AS status FROM notice_relation r JOIN notice n"
            return Detail(
                notice: try Self.notice(from: row), status: status, warning: row["warning"],
                acts: try Related.fetchAll(db, sql: relatedSQL + " ON n.id = r.target_id WHERE r.notice_id = :id", arguments: arguments),
                actedOnBy: try Related.fetchAll(db, sql: relatedSQL + " ON n.id = r.notice_id WHERE r.target_id = :id", arguments: arguments),
                attachments: try AttachmentEntry.fetchAll(
                    db, sql: "SELECT id, file_name, media_type, size FROM notice_attachment WHERE notice_id = :id ORDER BY file_name",
                    arguments: arguments))
        }
    }

    static func notice(from row: Row) throws -> Notice {
        Notice(
            id: row["id"], indexNumber: row["index_number"], issuer: row["issuer"], documentNumber: row["document_number"],
            title: row["title"], category: row["category"], signedOn: row["signed_on"], publishedOn: row["published_on"],
            effectiveOn: row["effective_on"], expiresOn: row["expires_on"], summary: row["summary"], body: row["body"],
            interpretation: row["interpretation"], urgent: row["urgent"],
            relations: try JSONDecoder().decode([NoticeRelation].self, from: Data((row["relations"] as String).utf8)))
    }
}

extension NoticeQueries {
    /// A notice's file as listed with it.
    public struct AttachmentEntry: Codable, Sendable, Equatable, FetchableRecord {
        public let id: String
        public let fileName: String
        public let mediaType: String
        public let size: Int
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    /// A file's bytes, checked against the hash that names it; `nil` if absent or not intact.
    public func attachment(_ id: String, of noticeID: String) async throws -> (entry: AttachmentEntry, content: Data)? {
        try await store.pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM notice_attachment WHERE id = ? AND notice_id = ?", arguments: [id, noticeID]),
                let content = Data(base64Encoded: row["content"] as String), NoticeAttachment.id(of: content) == id
            else { return nil }
            return (
                AttachmentEntry(id: id, fileName: row["file_name"], mediaType: row["media_type"], size: row["size"]), content
            )
        }
    }
}
