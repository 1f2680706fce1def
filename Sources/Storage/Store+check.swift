import GRDB

extension Store {
    /// What SQLite finds wrong with the store: its integrity check and foreign-key check, one line
    /// a problem; empty when the store is sound.
    ///
    /// ```swift
    /// let problems = try await store.problems()   // [] after any crash: WAL commits are atomic
    /// ```
    public func problems() async throws -> [String] {
        try await pool.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "foreign key: row \(row[1] as Int64? ?? 0) of \(row[0] as String? ?? "?") points at a missing \(row[2] as String? ?? "?")"
            }
            return integrity + keys
        }
    }
}
