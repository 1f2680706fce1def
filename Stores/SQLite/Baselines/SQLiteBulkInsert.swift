import SyncSQLite
import GRDB
public import Storage
public import Sync
public import StoreInterface

/// Rows inserted straight into a table of a SQLite store, one prepared statement reused: how the
/// benchmark fills a store with years of data in seconds, and its plain-insert baselines.
///
/// ```swift
/// let insert = SQLiteBulkInsert(table: "notice", columns: ["id", "title"])
/// try await insert.insert([[.text("N-1"), .text("耕地地力保护补贴")]], into: store) { row, transaction in
///     try NoticesArrivals.notice.derive(from: ArrivedRecord(id: "N-1", fields: [:]), transaction)
/// }
/// ```
public struct SQLiteBulkInsert: Sendable {
    public let table: String
    public let columns: [String]

    public init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    var statement: String {
        let quoted = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(table.quotedDatabaseIdentifier)(\(quoted)) VALUES (\(placeholders))"
    }

    /// Inserts the rows in one transaction, each followed by `after` (its index, the transaction):
    /// what a domain derives as the row arrives, when the figure needs it.
    public func insert(
        _ rows: [[SyncValue]], into store: Store, after: (@Sendable (Int, any StoreTransaction) throws -> Void)? = nil
    ) async throws {
        let sql = statement
        try await store.pool.write { db in
            let insert = try db.cachedStatement(sql: sql)
            for (index, row) in rows.enumerated() {
                try insert.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                try after?(index, db)
            }
        }
    }

    /// Rows laid out as the statement binds them, before a clock starts: a baseline times the
    /// inserts alone.
    public struct PreparedRows: @unchecked Sendable {
        let arguments: [StatementArguments]
    }

    public func prepare(_ rows: [[SyncValue]]) -> PreparedRows {
        PreparedRows(arguments: rows.map { StatementArguments($0.map(\.databaseValue)) })
    }

    /// Inserts prepared rows in one transaction.
    public func insert(_ rows: PreparedRows, into store: Store) async throws {
        let sql = statement
        try await store.pool.write { db in
            let insert = try db.cachedStatement(sql: sql)
            for arguments in rows.arguments { try insert.execute(arguments: arguments) }
        }
    }

    /// Runs `body` in one write transaction of the store, in which it inserts rows of several tables
    /// (``Session/insert(_:into:)``) and derives what they carry.
    public static func session(in store: Store, _ body: @escaping @Sendable (Session) throws -> Void) async throws {
        try await store.pool.write { db in try body(Session(db: db)) }
    }

    /// A write transaction of bulk inserts.
    public struct Session {
        let db: Database

        /// The transaction, for what a domain derives from a row (its arrival hook).
        public var transaction: any StoreTransaction { db }

        public func insert(_ row: [SyncValue], into table: SQLiteBulkInsert) throws {
            try db.cachedStatement(sql: table.statement).execute(arguments: StatementArguments(row.map(\.databaseValue)))
        }
    }
}
