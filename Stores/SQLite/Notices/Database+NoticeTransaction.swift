import ChinaLocale
public import GRDB
public import Notices
public import Sync

/// A SQLite transaction as the notices module reads and derives in it: relations in
/// `notice_relation`, and `notice_search`, the FTS5 index of Han unigrams, bigrams and title
/// pinyin (``ChineseSearchTerms``), whose rowid is the notice's `seq`.
extension Database: NoticeTransaction {
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
