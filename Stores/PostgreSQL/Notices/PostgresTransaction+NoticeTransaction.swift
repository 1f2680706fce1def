import ChinaLocale
public import Foundation
public import Notices
public import PostgresStorage
import StoreInterface
import Sync

/// A PostgreSQL transaction as the notices module reads and writes in it (the tables of
/// ``NoticesPostgresSchema``): statuses and warnings derived in SQL for the day asked
/// (``NoticeStatements``), search by ``NoticeSearchTerms``. Rows become the module's values by
/// their own `Decodable` declarations.
extension PostgresTransaction: NoticeTransaction {
    public func list(category: String?, statuses: [NoticeStatus], limit: Int, offset: Int, on day: NoticeDay) throws
        -> [NoticeQueries.Summary]
    {
        let shown = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try rows(
            """
            SELECT *, \(NoticeStatements.warning) AS warning FROM (
                SELECT \(NoticeStatements.summaryColumns), n.expires_on, n.seq FROM notice n
                WHERE $3::text IS NULL OR n.category = $3
            ) AS listed WHERE status IN (\(shown))
            ORDER BY warning DESC, published_on DESC, seq DESC LIMIT $4 OFFSET $5
            """, day.today.text, day.warningSince.text, category, limit, offset
        ).map { try StoredRowDecoder.decode(NoticeQueries.Summary.self, from: $0) }
    }

    public func warnings(limit: Int, on day: NoticeDay) throws -> [NoticeQueries.Summary] {
        try rows(
            """
            SELECT *, 1 AS warning FROM (
                SELECT \(NoticeStatements.summaryColumns), n.expires_on, n.seq FROM notice n WHERE n.urgent <> 0
            ) AS urgent WHERE \(NoticeStatements.warning) = 1
            ORDER BY published_on DESC, seq DESC LIMIT $3
            """, day.today.text, day.warningSince.text, limit
        ).map { try StoredRowDecoder.decode(NoticeQueries.Summary.self, from: $0) }
    }

    public func notice(id: String, on day: NoticeDay) throws -> NoticeQueries.Detail? {
        let (today, since) = (day.today.text, day.warningSince.text)
        guard
            let row = try row(
                """
                SELECT *, \(NoticeStatements.warning) AS warning
                FROM (SELECT n.*, \(NoticeStatements.status) AS status FROM notice n WHERE n.id = $3) AS found
                """, today, since, id),
            let status = NoticeStatus(rawValue: row.text("status"))
        else { return nil }
        let related = "SELECT r.kind, n.id, n.title, \(NoticeStatements.status) AS status FROM notice_relation r JOIN notice n"
        let relatedRows = { (join: String) in
            try self.rows(related + join + " ORDER BY n.id", today, id).compactMap {
                try? StoredRowDecoder.decode(NoticeQueries.Related.self, from: $0)
            }
        }
        return NoticeQueries.Detail(
            notice: try Notice(row: row), status: status, warning: row.integer("warning") != 0,
            acts: try relatedRows(" ON n.id = r.target_id WHERE r.notice_id = $2"),
            actedOnBy: try relatedRows(" ON n.id = r.notice_id WHERE r.target_id = $2"),
            attachments: try rows("SELECT id, file_name, media_type, size FROM notice_attachment WHERE notice_id = $1 ORDER BY file_name", id)
                .map { try StoredRowDecoder.decode(NoticeQueries.AttachmentEntry.self, from: $0) })
    }

    public func attachment(_ id: String, of noticeID: String) throws -> (entry: NoticeQueries.AttachmentEntry, content: Data)? {
        guard let row = try row("SELECT * FROM notice_attachment WHERE id = $1 AND notice_id = $2", id, noticeID),
            let content = Data(base64Encoded: row.text("content"))
        else { return nil }
        return (try StoredRowDecoder.decode(NoticeQueries.AttachmentEntry.self, from: row), content)
    }

    public func search(_ text: String, limit: Int, on day: NoticeDay) throws -> [NoticeMatch] {
        guard let query = NoticeSearchTerms.query(text) else { return [] }
        return try rows(NoticeStatements.search, day.today.text, day.warningSince.text, query, limit).map { row in
            NoticeMatch(
                id: row.text("id"), title: row.text("title"), category: row.text("category"), publishedOn: row.text("published_on"),
                urgent: row.integer("urgent") != 0, warning: row.integer("warning") != 0,
                status: NoticeStatus(rawValue: row.text("status")) ?? .inForce, summary: row.text("summary"), body: row.text("body"))
        }
    }

    public func firstShown(of noticeID: String) throws -> [String: String] {
        var shown: [String: String] = [:]
        for row in try rows("SELECT village_code, shown_at FROM notice_shown WHERE notice_id = $1", noticeID) {
            shown[row.text("village_code")] = row.text("shown_at")
        }
        return shown
    }

    public func noticeIDs() throws -> Set<String> {
        Set(try rows("SELECT id FROM notice").map { $0.text("id") })
    }

    public func noticeExists(_ id: String) throws -> Bool {
        try isTrue("SELECT EXISTS(SELECT 1 FROM notice WHERE id = $1)::int", id)
    }

    public func replaceRelations(of noticeID: String, with relations: [(kind: String, target: String)]) throws {
        try execute("DELETE FROM notice_relation WHERE notice_id = $1", noticeID)
        for relation in relations {
            try execute(
                "INSERT INTO notice_relation(notice_id, kind, target_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", noticeID,
                relation.kind, relation.target)
        }
    }

    public func reindexNotice(_ noticeID: String) throws {
        guard let notice = try row("SELECT seq, title, summary, body FROM notice WHERE id = $1", noticeID) else { return }
        let title = notice.text("title")
        try execute(
            """
            INSERT INTO notice_search(seq, title_terms, all_terms) VALUES ($1, $2::tsvector, $3::tsvector)
            ON CONFLICT (seq) DO UPDATE SET title_terms = excluded.title_terms, all_terms = excluded.all_terms
            """, notice.integer("seq"), NoticeSearchTerms.vector(title: title, text: nil),
            NoticeSearchTerms.vector(title: title, text: notice.text("summary") + " " + notice.text("body")))
    }
}
