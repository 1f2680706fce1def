import Notices

/// The notices module's statements on PostgreSQL: a notice's status and whether it is a warning,
/// derived for the day bound to `$1` (today) and `$2` (the first effective day an urgent notice
/// without an end may have and still be a warning). The SQLite store's `NoticeSQL`.
enum NoticeStatements {
    /// The status of the notice row `n` (``NoticeStatus``).
    static let status = """
        CASE
            WHEN n.effective_on > $1 THEN '\(NoticeStatus.notYetEffective.rawValue)'
            WHEN EXISTS (
                SELECT 1 FROM notice_relation r JOIN notice later ON later.id = r.notice_id
                WHERE r.target_id = n.id AND r.kind IN ('supersedes', 'repeals') AND later.effective_on <= $1
            ) THEN '\(NoticeStatus.repealed.rawValue)'
            WHEN n.expires_on IS NOT NULL AND n.expires_on < $1 THEN '\(NoticeStatus.expired.rawValue)'
            WHEN EXISTS (
                SELECT 1 FROM notice_relation r JOIN notice later ON later.id = r.notice_id
                WHERE r.target_id = n.id AND r.kind = 'amends' AND later.effective_on <= $1
            ) THEN '\(NoticeStatus.amended.rawValue)'
            ELSE '\(NoticeStatus.inForce.rawValue)'
        END
        """

    static let summaryColumns = """
        n.id, n.title, n.category, n.issuer, n.document_number, n.published_on, n.effective_on, n.urgent,
        \(status) AS status
        """

    /// Whether a row with its `status` is a warning in force, as 0 or 1.
    static let warning = """
        (urgent <> 0 AND status IN ('\(NoticeStatus.inForce.rawValue)', '\(NoticeStatus.amended.rawValue)')
            AND (expires_on IS NOT NULL OR effective_on >= $2))::int
        """

    /// Both tiers walk the index newest first and stop at the limit (`$4`): titles that match
    /// `$3`, then texts that do.
    static let search = """
        WITH in_titles AS (
            SELECT seq, 0 AS tier FROM notice_search WHERE title_terms @@ $3::tsquery ORDER BY seq DESC LIMIT $4
        ), in_texts AS (
            SELECT seq, 1 AS tier FROM notice_search
            WHERE all_terms @@ $3::tsquery AND seq NOT IN (SELECT seq FROM in_titles)
            ORDER BY seq DESC LIMIT $4
        )
        SELECT *, \(warning) AS warning FROM (
            SELECT n.id, n.title, n.category, n.published_on, n.effective_on, n.expires_on, n.urgent, n.summary, n.body,
                \(status) AS status, found.tier, found.seq
            FROM (SELECT * FROM in_titles UNION ALL SELECT * FROM in_texts) AS found JOIN notice n ON n.seq = found.seq
        ) AS matched
        ORDER BY tier, seq DESC
        LIMIT $4
        """
}
