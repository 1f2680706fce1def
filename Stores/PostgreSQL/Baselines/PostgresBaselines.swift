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

    /// Plain `INSERT`s of the rows into a table, 1,000 rows a statement and a transaction.
    public static func plainInserts(_ rows: [[SyncValue]], columns: [String], into table: String, of store: PostgresStore) async throws {
        for start in stride(from: 0, to: rows.count, by: 1_000) {
            let batch = Array(rows[start..<min(start + 1_000, rows.count)])
            try await store.writing { transaction in
                let postgres = try transaction.postgres
                for row in batch { try postgres.insertAhead(into: table, columns: columns, row.map { $0 as any PostgresArgument }) }
            }
        }
    }
}
