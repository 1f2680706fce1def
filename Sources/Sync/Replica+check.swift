import GRDB
import Storage

extension Replica {
    /// What is wrong with the sync log: this replica's own changes must run 1, 2, 3… without a gap
    /// or a double, and no origin may be marked received beyond what was logged from it (the
    /// county's log keeps everything it applied).
    ///
    /// ```swift
    /// let problems = try await replica.logProblems()
    /// ```
    public func logProblems() async throws -> [String] {
        try await store.pool.read { [origin, role] db in
            var problems: [String] = []
            let own = try Row.fetchOne(
                db, sql: "SELECT COUNT(*), COUNT(DISTINCT sequence), IFNULL(MAX(sequence), 0) FROM sync_change WHERE origin = ?",
                arguments: [origin])!
            let (count, distinct, last): (Int64, Int64, Int64) = (own[0], own[1], own[2])
            if count != last || distinct != count {
                problems.append("own changes: \(count) logged, \(distinct) distinct, the last numbered \(last)")
            }
            guard role == .county else { return problems }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT r.origin, r.sequence,
                        (SELECT IFNULL(MAX(sequence), 0) FROM sync_change WHERE origin = r.origin) AS logged,
                        (SELECT IFNULL(MAX(sequence), 0) FROM sync_quarantine WHERE origin = r.origin) AS held
                    FROM sync_received r
                    """)
            where (row["sequence"] as Int64) > max(row["logged"] as Int64, row["held"] as Int64) {
                problems.append("origin \(row["origin"] as String): received through \(row["sequence"] as Int64), logged through \(row["logged"] as Int64)")
            }
            return problems
        }
    }
}
