/// A notice's status (效力状态), derived from its dates and the notices that act on it, never typed
/// by hand. One derivation, in SQL, serves lists, search and a single notice alike.
///
/// In order: 尚未生效 before its effective day; 已废止 once a notice superseding or repealing it is in
/// effect; 失效 after its expiry day; 已修改 once an amending notice is in effect; else 现行有效.
///
/// ```swift
/// let notices = try await NoticeQueries(store: store).list()   // each with its status
/// ```
public enum NoticeStatus: String, Codable, Sendable, CaseIterable {
    case notYetEffective = "尚未生效"
    case inForce = "现行有效"
    case amended = "已修改"
    case repealed = "已废止"
    case expired = "失效"

    /// The statuses a list shows unless asked for all: what is or will be in force.
    public static let listedByDefault: [NoticeStatus] = [.inForce, .amended, .notYetEffective]

    /// The status of the notice row `n`, for the day bound to `?` (`:today` as the only parameter).
    static let sql = """
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
}
