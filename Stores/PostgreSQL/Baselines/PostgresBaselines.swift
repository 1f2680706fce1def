public import PostgresStorage
public import Sync
import SyncPostgres

/// The benchmark's PostgreSQL side: what a hub holds, counted in its own SQL, and PostgreSQL's own
/// plain inserts of the rows the hub took, as the baseline of `bench county --postgres`.
///
/// ```swift
/// let held = try await PostgresBaselines.stationPriceCount(in: store)
/// let seconds = try await PostgresBaselines.plainInserts(rows, columns: columns, into: "price_observation", of: store)
/// ```
public enum PostgresBaselines {
    /// How many prices stations recorded the hub holds.
    public static func stationPriceCount(in store: PostgresStore) async throws -> Int {
        try await store.reading { transaction in
            Int(try transaction.postgres.integer("SELECT COUNT(*) FROM price_observation WHERE village_code <> ''") ?? 0)
        }
    }

    /// Plain `INSERT`s of the rows into a table, one statement a row and 1,000 rows a transaction.
    public static func plainInserts(_ rows: [[SyncValue]], columns: [String], into table: String, of store: PostgresStore) async throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO \"\(table)\" (\(list)) VALUES (\(marks))"
        for start in stride(from: 0, to: rows.count, by: 1_000) {
            let batch = Array(rows[start..<min(start + 1_000, rows.count)])
            try await store.writing { transaction in
                let postgres = try transaction.postgres
                for row in batch { try postgres.execute(sql, arguments: row.map { $0 as any PostgresArgument }) }
            }
        }
    }
}
