import ChinaLocale
import Foundation
import GRDB
import Notices

/// The SQL of the notices module: statuses and warnings derived for the day bound, and rows read back.
enum NoticeSQL {
    /// The status of the notice row `n` (``NoticeStatus``), for the day bound to `:today`.
    static let statusSQL = """
        CASE
            WHEN n.effective_on > :today THEN '尚未生效'
            WHEN EXISTS (
                SELECT 1 FROM notice_relation r JOIN notice later ON later.id = r.notice_id
                WHERE r.target_id = n.id AND r.kind IN ('supersedes', 'repeals') AND later.effective_on <= :today
            ) THEN '已废止'
            WHEN n.expires_on IS NOT NULL AND n.expires_on < :today THEN '失效'
            WHEN EXISTS (
                SELECT 1 FROM notice_relation r JOIN notice later ON later.id = r.notice_id
                WHERE r.target_id = n.id AND r.kind = 'amends' AND later.effective_on <= :today
            ) THEN '已修改'
            ELSE '现行有效'
        END
        """

    static let summaryColumns = """
        n.id, n.title, n.category, n.issuer, n.document_number, n.published_on, n.effective_on, n.urgent,
        \(statusSQL) AS status
        """

    /// Whether the notice row `n`, with its `status`, is a warning in force
    /// (``NoticeQueries/warningDaysWithoutEnd``); binds `:warningSince`.
    static let warningSQL = """
        (urgent <> 0 AND status IN ('\(NoticeStatus.inForce.rawValue)', '\(NoticeStatus.amended.rawValue)')
            AND (expires_on IS NOT NULL OR effective_on >= :warningSince))
        """

    static func arguments(_ day: NoticeDay) -> StatementArguments {
        ["today": day.today.text, "warningSince": day.warningSince.text]
    }

    static func summary(_ row: Row) -> NoticeQueries.Summary {
        NoticeQueries.Summary(
            id: row["id"], title: row["title"], category: row["category"], issuer: row["issuer"],
            documentNumber: row["document_number"], publishedOn: row["published_on"], effectiveOn: row["effective_on"],
            urgent: row["urgent"], warning: row["warning"], status: NoticeStatus(rawValue: row["status"]) ?? .inForce)
    }

    static func related(_ row: Row) -> NoticeQueries.Related? {
        guard let kind = NoticeRelation.Kind(rawValue: row["kind"]), let status = NoticeStatus(rawValue: row["status"]) else {
            return nil
        }
        return NoticeQueries.Related(kind: kind, id: row["id"], title: row["title"], status: status)
    }

    static func attachmentEntry(_ row: Row) -> NoticeQueries.AttachmentEntry {
        NoticeQueries.AttachmentEntry(id: row["id"], fileName: row["file_name"], mediaType: row["media_type"], size: row["size"])
    }

    static func notice(from row: Row) throws -> Notice {
        Notice(
            id: row["id"], indexNumber: row["index_number"], issuer: row["issuer"], documentNumber: row["document_number"],
            title: row["title"], category: row["category"], signedOn: row["signed_on"], publishedOn: row["published_on"],
            effectiveOn: row["effective_on"], expiresOn: row["expires_on"], summary: row["summary"], body: row["body"],
            interpretation: row["interpretation"], urgent: row["urgent"],
            relations: try JSONDecoder().decode([NoticeRelation].self, from: Data((row["relations"] as String).utf8)),
            division: row["division"] ?? "")
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
