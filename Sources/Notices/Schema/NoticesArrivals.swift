import ChinaLocale
import GRDB
public import Sync

/// What the notices module derives as a notice is written (``RecordArrival``): its relations laid
/// out in `notice_relation`, and its row of `notice_search`, the full-text index of Han unigrams,
/// bigrams and title pinyin (``ChineseSearchTerms``), whose rowid is the notice's `seq`.
///
/// ```swift
/// NoticesCollections.notice.arrival    // NoticesArrivals.notice
/// ```
public enum NoticesArrivals {
    public static let notice: RecordArrival = RecordArrival { record, db in
        if let relations = record.text("relations") {
            try relate(noticeID: record.id, relations: relations, db)
        }
        if record.carries(anyOf: ["title", "summary", "body"]) {
            try index(noticeID: record.id, db)
        }
    }

    /// The notice's relations, in place of those it had.
    private static func relate(noticeID: String, relations: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM notice_relation WHERE notice_id = ?").execute(arguments: [noticeID])
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO notice_relation(notice_id, kind, target_id) VALUES (?, ?, ?)")
        var reader = SyncJSONReader(Array(relations.utf8))
        do {
            try reader.elements { reader in
                var kind: String?
                var target: String?
                try reader.members { reader, key in
                    switch key {
                    case "kind": kind = try reader.string()
                    case "target": target = try reader.string()
                    default: try reader.skip()
                    }
                }
                guard let kind, let target else { throw reader.malformed("a relation with a kind and a target") }
                try insert.execute(arguments: [noticeID, kind, target])
            }
        } catch let malformed as SyncJSONReader.Malformed {
            throw UnderivableRecord(collection: NoticesCollections.notice.name, reason: "relations are not JSON relations: \(malformed)")
        }
    }

    /// The notice's search row, made again from its text as it now stands.
    private static func index(noticeID: String, _ db: Database) throws {
        guard let notice = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, title, summary, body FROM notice WHERE id = ?"), arguments: [noticeID])
        else { return }
        let seq: Int64 = notice[0]
        let title: String = notice[1]
        let text = "\(notice[2] as String) \(notice[3] as String)"
        try db.cachedStatement(sql: "DELETE FROM notice_search WHERE rowid = ?").execute(arguments: [seq])
        try db.cachedStatement(
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
