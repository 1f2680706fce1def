public import GRDB
public import PostgresStorage
public import StoreInterface
public import Sync
import SyncPostgres
import SyncSQLite

/// Rows written straight into a store's table, as a hand (or another version) would, below the
/// engine: for the arrival suites, which then derive from them and compare with an oracle.
///
/// ```swift
/// try StoredRows.insert(into: "trace_lot", ["id": "L1", "village_code": "441422107201"], transaction)
/// ```
public enum StoredRows {
    /// Inserts one row of the values named, in either store's own SQL.
    public static func insert(into table: String, _ values: [String: SyncValue], _ transaction: any StoreTransaction) throws {
        let names = values.keys.sorted()
        let columns = names.joined(separator: ", ")
        if let db = transaction as? Database {
            try db.execute(
                sql: "INSERT INTO \(table)(\(columns)) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                arguments: StatementArguments(names.map { values[$0]!.databaseValue }))
        } else {
            try transaction.postgres.execute(
                "INSERT INTO \(table)(\(columns)) VALUES (\((1...names.count).map { "$\($0)" }.joined(separator: ", ")))",
                arguments: names.map { values[$0]! as any PostgresArgument })
        }
    }

    /// The rows a query written alike for both stores answers (its arguments as `$1`, `$2`, …, which
    /// SQLite reads as well), each value as the sync engine holds values: so that a county's rows on
    /// PostgreSQL compare with a station's on SQLite.
    public static func select(_ sql: String, _ arguments: [SyncValue] = [], _ transaction: any StoreTransaction) throws -> [[SyncValue]] {
        if let db = transaction as? Database {
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue))).map { row in
                row.databaseValues.map(SyncValue.init)
            }
        }
        return try transaction.postgres.rows(sql, arguments: arguments.map { $0 as any PostgresArgument }).map { row in
            (0..<row.count).map { SyncValue(row, at: $0) }
        }
    }

    /// Runs a statement written alike for both stores (a hostile hand's `UPDATE` or `DELETE`).
    public static func execute(_ sql: String, _ transaction: any StoreTransaction) throws {
        if let db = transaction as? Database { try db.execute(sql: sql) } else { try transaction.postgres.execute(sql) }
    }
}
