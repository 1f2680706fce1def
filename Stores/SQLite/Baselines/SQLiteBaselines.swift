public import Foundation
import GRDB
import Ledger
import LedgerSQLite
public import Storage

/// What the benchmark reads of a SQLite store directly: counts, the county's log as it stands, and
/// the baselines that answer a question in one query.
///
/// ```swift
/// let lines = try await SQLiteBaselines.rowCount(of: "ledger_line", in: store)
/// ```
public enum SQLiteBaselines {
    /// The rows of a table.
    public static func rowCount(of table: String, in store: Store) async throws -> Int {
        try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0 }
    }

    /// The county's log: how many changes it holds, and the bytes of their fields.
    public static func logSize(in store: Store) async throws -> (changes: Int, fieldBytes: Int) {
        try await store.pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), IFNULL(SUM(length(fields)), 0) FROM sync_change")
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }

    /// The prices stations recorded in the county's store file (read without opening the store).
    public static func stationPriceCount(inFile path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM price_observation WHERE village_code != ''") ?? 0 }
    }

    /// Every change of the county's log after `position` that a station of `village` pulls: its
    /// collection and its fields as logged (JSON).
    public static func changes(after position: Int64, pulledBy village: String, in store: Store) async throws
        -> [(collection: String, fields: Data)]
    {
        try await store.pool.read { db in
            var changes: [(collection: String, fields: Data)] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT collection, fields FROM sync_change WHERE position > ? AND scope IN ('', ?) ORDER BY position",
                arguments: [position, village])
            while let row = try rows.next() { changes.append((row["collection"], Data((row["fields"] as String).utf8))) }
            return changes
        }
    }

    /// A village's trial balance as one query (``LedgerStatements/trialBalanceInOneQuery``): rows read, nothing decoded.
    public static func trialBalanceInOneQuery(village: String, in store: Store) throws -> Int {
        try store.readOnCallingTask { db in
            try Row.fetchAll(db, sql: LedgerStatements.trialBalanceInOneQuery, arguments: [village, "2026-01-01", "2027-01-01"]).count
        }
    }

    /// A village's balances as one query (``LedgerStatements/balancesInOneQuery``).
    public static func balancesInOneQuery(village: String, in store: Store) throws -> Int {
        try store.readOnCallingTask { db in
            try Row.fetchAll(db, sql: LedgerStatements.balancesInOneQuery, arguments: [village, "2027-01-01"]).count
        }
    }

    /// Notices whose title or text holds a word, by scanning (LIKE): what search would cost without its index.
    public static func noticesScanned(for word: String, in store: Store) throws -> Int {
        try store.readOnCallingTask { db in
            try Row.fetchAll(
                db, sql: "SELECT id, title FROM notice WHERE title LIKE ?1 OR body LIKE ?1 ORDER BY published_on DESC LIMIT 20",
                arguments: ["%\(word)%"]
            ).count
        }
    }

    /// The table the sync figures capture into: a price per row, nothing derived.
    public static let benchPrices = Migration(module: "bench", number: 1, name: "prices") { db in
        try db.execute(
            sql: """
                CREATE TABLE price (id TEXT PRIMARY KEY, village TEXT NOT NULL, variety TEXT NOT NULL, market TEXT NOT NULL,
                    observed_on TEXT NOT NULL, min_fen INTEGER NOT NULL, avg_fen INTEGER NOT NULL, max_fen INTEGER NOT NULL, unit TEXT NOT NULL)
                """)
    }
}
