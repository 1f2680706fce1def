import ChinaLocale
import GRDB
import Storage
public import Notices

extension SQLiteNoticeStore {
    /// Both tiers walk the FTS5 index newest first (its rowid is the notice's `seq`) and stop at
    /// `limit`, so a word found in every notice costs no more than a rare one.
    public func search(_ text: String, limit: Int, on day: NoticeDay) throws -> [NoticeMatch] {
        guard
            let titles = ChineseSearchTerms.query(
                text, unigrams: "title_unigrams", bigrams: "title_bigrams", pinyin: "title_pinyin"),
            let anywhere = ChineseSearchTerms.query(
                text, unigrams: "{title_unigrams body_unigrams}", bigrams: "{title_bigrams body_bigrams}",
                pinyin: "title_pinyin")
        else { return [] }
        return try store.readOnCallingTask { db in
            let arguments = Self.arguments(day) + ["titles": titles, "anywhere": anywhere, "limit": limit]
            return try Row.fetchAll(db.cachedStatement(sql: Self.searchSQL), arguments: arguments).map { row in
                NoticeMatch(
                    id: row["id"], title: row["title"], category: row["category"], publishedOn: row["published_on"],
                    urgent: row["urgent"], warning: row["warning"], status: NoticeStatus(rawValue: row["status"]) ?? .inForce,
                    summary: row["summary"], body: row["body"])
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
                \(statusSQL) AS status, found.tier, found.rowid AS seq
            FROM (SELECT * FROM in_titles UNION ALL SELECT * FROM in_texts) AS found JOIN notice n ON n.seq = found.rowid
        )
        ORDER BY tier, seq DESC
        LIMIT :limit
        """
}
