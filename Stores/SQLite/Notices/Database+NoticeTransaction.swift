import ChinaLocale
public import Foundation
public import GRDB
public import Notices
import Sync
public import Storage

/// A SQLite transaction as the notices module reads and writes in it (the tables of
/// ``NoticesSchema``): statuses and warnings derived in SQL for the day asked (``NoticeSQL``);
/// relations in `notice_relation`; `notice_search`, the FTS5 index of Han unigrams, bigrams and
/// title pinyin (``ChineseSearchTerms``), whose rowid is the notice's `seq`.
extension Database: NoticeTransaction {
    public func list(category: String?, statuses: [NoticeStatus], limit: Int, offset: Int, on day: NoticeDay) throws
        -> [NoticeQueries.Summary]
    {
        let shown = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try Row.fetchAll(
            self,
            sql: """
                SELECT *, \(NoticeSQL.warningSQL) AS warning FROM (
                    SELECT \(NoticeSQL.summaryColumns), n.expires_on, n.seq FROM notice n
                    WHERE :category IS NULL OR n.category = :category
                ) WHERE status IN (\(shown))
                ORDER BY warning DESC, published_on DESC, seq DESC LIMIT :limit OFFSET :offset
                """,
            arguments: NoticeSQL.arguments(day) + ["category": category, "limit": limit, "offset": offset]
        ).map(NoticeSQL.summary)
    }

    public func warnings(limit: Int, on day: NoticeDay) throws -> [NoticeQueries.Summary] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT *, 1 AS warning FROM (
                    SELECT \(NoticeSQL.summaryColumns), n.expires_on, n.seq FROM notice n WHERE n.urgent <> 0
                ) WHERE \(NoticeSQL.warningSQL)
                ORDER BY published_on DESC, seq DESC LIMIT :limit
                """,
            arguments: NoticeSQL.arguments(day) + ["limit": limit]
        ).map(NoticeSQL.summary)
    }

    public func notice(id: String, on day: NoticeDay) throws -> NoticeQueries.Detail? {
        let arguments = NoticeSQL.arguments(day) + ["id": id]
        let sql =
            "SELECT *, \(NoticeSQL.warningSQL) AS warning FROM (SELECT n.*, \(NoticeSQL.statusSQL) AS status FROM notice n WHERE n.id = :id)"
        guard let row = try Row.fetchOne(self, sql: sql, arguments: arguments), let status = NoticeStatus(rawValue: row["status"])
        else { return nil }
        let relatedSQL = "SELECT r.kind, n.id, n.title, \(NoticeSQL.statusSQL) AS status FROM notice_relation r JOIN notice n"
        return NoticeQueries.Detail(
            notice: try NoticeSQL.notice(from: row), status: status, warning: row["warning"],
            acts: try Row.fetchAll(self, sql: relatedSQL + " ON n.id = r.target_id WHERE r.notice_id = :id", arguments: arguments)
                .compactMap(NoticeSQL.related),
            actedOnBy: try Row.fetchAll(self, sql: relatedSQL + " ON n.id = r.notice_id WHERE r.target_id = :id", arguments: arguments)
                .compactMap(NoticeSQL.related),
            attachments: try Row.fetchAll(
                self, sql: "SELECT id, file_name, media_type, size FROM notice_attachment WHERE notice_id = :id ORDER BY file_name",
                arguments: arguments
            ).map(NoticeSQL.attachmentEntry))
    }

    public func attachment(_ id: String, of noticeID: String) throws -> (entry: NoticeQueries.AttachmentEntry, content: Data)? {
        guard
            let row = try Row.fetchOne(
                self, sql: "SELECT * FROM notice_attachment WHERE id = ? AND notice_id = ?", arguments: [id, noticeID]),
            let content = Data(base64Encoded: row["content"] as String)
        else { return nil }
        return (NoticeSQL.attachmentEntry(row), content)
    }

    /// Both tiers walk the FTS5 index newest first and stop at `limit`, so a word found in every
    /// notice costs no more than a rare one.
    public func search(_ text: String, limit: Int, on day: NoticeDay) throws -> [NoticeMatch] {
        guard
            let titles = ChineseSearchTerms.query(
                text, unigrams: "title_unigrams", bigrams: "title_bigrams", pinyin: "title_pinyin"),
            let anywhere = ChineseSearchTerms.query(
                text, unigrams: "{title_unigrams body_unigrams}", bigrams: "{title_bigrams body_bigrams}",
                pinyin: "title_pinyin")
        else { return [] }
        let arguments = NoticeSQL.arguments(day) + ["titles": titles, "anywhere": anywhere, "limit": limit]
        return try Row.fetchAll(cachedStatement(sql: NoticeSQL.searchSQL), arguments: arguments).map { row in
            NoticeMatch(
                id: row["id"], title: row["title"], category: row["category"], publishedOn: row["published_on"],
                urgent: row["urgent"], warning: row["warning"], status: NoticeStatus(rawValue: row["status"]) ?? .inForce,
                summary: row["summary"], body: row["body"])
        }
    }

    public func firstShown(of noticeID: String) throws -> [String: String] {
        var shown: [String: String] = [:]
        for row in try Row.fetchAll(self, sql: "SELECT village_code, shown_at FROM notice_shown WHERE notice_id = ?", arguments: [noticeID]) {
            shown[row["village_code"]] = row["shown_at"]
        }
        return shown
    }

    public func noticeIDs() throws -> Set<String> {
        Set(try String.fetchAll(self, sql: "SELECT id FROM notice"))
    }

    public func noticeExists(_ id: String) throws -> Bool {
        try Bool.fetchOne(self, sql: "SELECT EXISTS(SELECT 1 FROM notice WHERE id = ?)", arguments: [id]) == true
    }

    public func replaceRelations(of noticeID: String, with relations: [(kind: String, target: String)]) throws {
        try cachedStatement(sql: "DELETE FROM notice_relation WHERE notice_id = ?").execute(arguments: [noticeID])
        let insert = try cachedStatement(sql: "INSERT OR IGNORE INTO notice_relation(notice_id, kind, target_id) VALUES (?, ?, ?)")
        for relation in relations {
            try insert.execute(arguments: [noticeID, relation.kind, relation.target])
        }
    }

    public func reindexNotice(_ noticeID: String) throws {
        guard let notice = try Row.fetchOne(
            cachedStatement(sql: "SELECT seq, title, summary, body FROM notice WHERE id = ?"), arguments: [noticeID])
        else { return }
        let seq: Int64 = notice[0]
        let title: String = notice[1]
        let text = "\(notice[2] as String) \(notice[3] as String)"
        try cachedStatement(sql: "DELETE FROM notice_search WHERE rowid = ?").execute(arguments: [seq])
        try cachedStatement(
            sql: """
                INSERT INTO notice_search(rowid, title_unigrams, title_bigrams, body_unigrams, body_bigrams, title_pinyin)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            seq, ChineseSearchTerms.unigrams(of: title), ChineseSearchTerms.bigrams(of: title),
            ChineseSearchTerms.unigrams(of: text), ChineseSearchTerms.bigrams(of: text), ChineseSearchTerms.pinyin(of: title),
        ])
    }
}
