import Foundation
import GRDB
public import PostgresStorage
public import Storage
import StoreInterface

/// Moves a county's SQLite store into a hub's empty PostgreSQL database (`syncserver migrate --to`):
/// every row of every table both stores keep, in one transaction of the database, with the log's
/// positions, the county's replica id and its log's epoch as they were. Its stations then go on
/// pulling from their positions, pushing under their origins and signing with their keys, without
/// enrolling again. What only one store keeps (SQLite's full-text index, its own bookkeeping) is not
/// copied; what the domains derive from rows (the notices' search terms) the caller derives again.
///
/// ```swift
/// let copied = try await SQLiteToPostgres.copy(from: sqliteStore, to: postgresStore)
/// print(copied.rows, copied.tables)
/// ```
public enum SQLiteToPostgres {
    /// What was copied.
    public struct Copied: Sendable {
        public var tables = 0
        public var rows = 0
        /// SQLite tables the hub does not keep, left behind.
        public var skipped: [String] = []
    }

    /// Why the move was refused, before anything was written.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Copies every table the two stores share, or nothing.
    public static func copy(from source: Store, to target: PostgresStore) async throws -> Copied {
        let tables = try await source.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name")
        }
        return try await target.writing { transaction in
            let postgres = try transaction.postgres
            guard try postgres.integer("SELECT COUNT(*) FROM sync_change") == 0 else {
                throw Refusal(description: "the database \(target.address) already holds a hub's log; migrate into an empty one")
            }
            var copied = Copied()
            for table in tables {
                let columns = try targetColumns(of: table, postgres)
                guard !columns.isEmpty else {
                    copied.skipped.append(table)
                    continue
                }
                copied.rows += try copyRows(of: table, columns: columns, from: source, to: postgres)
                copied.tables += 1
            }
            try restartIdentities(postgres)
            return copied
        }
    }

    /// The hub's columns of a table (none when it keeps no such table), with whether each is an identity.
    static func targetColumns(of table: String, _ postgres: PostgresTransaction) throws -> [(name: String, identity: Bool)] {
        try postgres.rows(
            """
            SELECT column_name, is_identity FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, table
        ).map { ($0.text("column_name"), $0.text("is_identity") == "YES") }
    }

    /// The rows of one table, many to a statement; a row already there (the hub's own first
    /// records, such as its identity) takes the copied values.
    static func copyRows(
        of table: String, columns: [(name: String, identity: Bool)], from source: Store, to postgres: PostgresTransaction
    ) throws -> Int {
        let names = try source.pool.read { db in try db.columns(in: table).map(\.name) }
        let shared = columns.filter { names.contains($0.name) }
        guard !shared.isEmpty else { return 0 }
        let list = shared.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let overriding = shared.contains(where: \.identity) ? " OVERRIDING SYSTEM VALUE" : ""
        let conflict = try onConflict(table, shared, postgres)
        let perStatement = max(1, min(500, 60_000 / shared.count))
        var count = 0
        try source.pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(shared.map { "\"\($0.name)\"" }.joined(separator: ", ")) FROM \"\(table)\"")
            var batch: [[any PostgresArgument]] = []
            func flush() throws {
                guard !batch.isEmpty else { return }
                var number = 0
                let tuples = batch.map { row in
                    "(" + row.map { _ in number += 1; return "$\(number)" }.joined(separator: ", ") + ")"
                }
                try postgres.execute(
                    "INSERT INTO \"\(table)\" (\(list))\(overriding) VALUES \(tuples.joined(separator: ", "))\(conflict)",
                    arguments: batch.flatMap { $0 })
                count += batch.count
                batch = []
            }
            while let row = try rows.next() {
                batch.append(row.databaseValues.map(argument))
                if batch.count == perStatement { try flush() }
            }
            try flush()
        }
        return count
    }

    /// A copied row takes the place of the hub's own (its identity, its log's first epoch).
    static func onConflict(_ table: String, _ shared: [(name: String, identity: Bool)], _ postgres: PostgresTransaction) throws
        -> String
    {
        let keys = try primaryKey(of: table, postgres)
        guard !keys.isEmpty else { return "" }
        let target = " ON CONFLICT (" + keys.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        let updated = shared.filter { !keys.contains($0.name) && !$0.identity }.map { "\"\($0.name)\" = excluded.\"\($0.name)\"" }
        return updated.isEmpty ? target + " DO NOTHING" : target + " DO UPDATE SET " + updated.joined(separator: ", ")
    }

    static func primaryKey(of table: String, _ postgres: PostgresTransaction) throws -> [String] {
        try postgres.rows(
            """
            SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = $1::regclass AND i.indisprimary
            """, "\"\(table)\""
        ).map { $0.text("attname") }
    }

    /// A SQLite value as the hub's statement takes it: blobs as `bytea`, the rest as text.
    static func argument(_ value: DatabaseValue) -> any PostgresArgument {
        switch value.storage {
        case .null: PostgresNull()
        case .int64(let number): number
        case .double(let number): number
        case .string(let text): text
        case .blob(let data): data
        }
    }

    /// Identity columns (the log's position, a notice's number) go on from the highest copied.
    static func restartIdentities(_ postgres: PostgresTransaction) throws {
        for identity in try postgres.rows(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES'
            """)
        {
            let (table, column) = (identity.text("table_name"), identity.text("column_name"))
            let highest = try postgres.integer("SELECT COALESCE(MAX(\"\(column)\"), 0) FROM \"\(table)\"") ?? 0
            try postgres.execute(
                "SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)", "\"\(table)\"", column, max(highest, 1), highest > 0)
        }
    }
}
