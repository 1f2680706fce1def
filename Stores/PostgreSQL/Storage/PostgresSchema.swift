import Foundation

/// The ordered migrations a PostgreSQL store runs when a program opens it: the store's own first,
/// then each module's, as a program lists them.
///
/// Several processes of one hub may start at once on an empty database: the migrations run under
/// an advisory lock, so that one process migrates and the others find it done.
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, PricesPostgresSchema.migrations])
/// ```
public struct PostgresSchema: Sendable {
    public let migrations: [PostgresMigration]

    public init(modules: [[PostgresMigration]]) {
        migrations = PostgresStoreInfo.migrations + modules.flatMap { $0 }
        var next: [String: Int] = [:]
        for migration in migrations {
            let expected = next[migration.module, default: 1]
            precondition(migration.number == expected, "migration \(migration.identifier) should be number \(expected) of module \(migration.module)")
            next[migration.module] = expected + 1
        }
    }

    /// The key of the advisory lock the migrations run under.
    static let migrationLock: Int64 = 0x5649_4C4C_4147_4502

    /// Applies the migrations not yet recorded, and reads or makes the store's identity.
    func migrate(_ transaction: PostgresTransaction, role: String, address: PostgresAddress) throws -> PostgresStoreInfo {
        try transaction.execute("BEGIN")
        do {
            try Self.checkCollation(transaction, address: address)
            try transaction.execute("SELECT pg_advisory_xact_lock($1)", Self.migrationLock)
            try transaction.execute(
                "CREATE TABLE IF NOT EXISTS store_migration (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = Set(try transaction.rows("SELECT identifier FROM store_migration").compactMap { $0.text(at: 0) })
            for migration in migrations where !applied.contains(migration.identifier) {
                try transaction.executeScript(migration.sql)
                try transaction.execute("INSERT INTO store_migration(identifier) VALUES ($1)", migration.identifier)
            }
            let info = try PostgresStoreInfo.loadOrCreate(transaction, role: role)
            guard info.role == role else {
                throw PostgresStoreError.wrongRole(address: address.description, holds: info.role, expected: role)
            }
            try transaction.execute("COMMIT")
            return info
        } catch {
            _ = try? transaction.execute("ROLLBACK")
            throw error
        }
    }
}

extension PostgresSchema {
    /// The collations that order text by its code points, as SQLite orders it: the console's lists,
    /// a station's pages and the ranges a store reads by id come out the same on both stores.
    static let byteOrder: Set<String> = ["C", "POSIX", "C.UTF-8", "C.utf8"]

    /// Refuses a database whose text sorts by a language's rules, naming how to make one that does not.
    static func checkCollation(_ transaction: PostgresTransaction, address: PostgresAddress) throws {
        let collation = try transaction.text("SELECT datcollate FROM pg_database WHERE datname = current_database()") ?? ""
        guard byteOrder.contains(collation) else {
            throw PostgresStoreError.unusable(
                address: address.description,
                reason: "it sorts text by \(collation), not by code point; make it with "
                    + "createdb --template=template0 --encoding=UTF8 --locale=C \(address.database)")
        }
    }
}

/// Facts about a PostgreSQL store that never change after it is created: which replica it is and
/// what for (the SQLite store's `StoreInfo`).
public struct PostgresStoreInfo: Sendable, Equatable {
    public let replicaID: String
    public let role: String

    static let migrations = [
        PostgresMigration(
            module: "storage", number: 1, name: "store-info", sql: "CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    ]

    static func loadOrCreate(_ transaction: PostgresTransaction, role: String) throws -> PostgresStoreInfo {
        var values = [String: String]()
        for row in try transaction.rows("SELECT key, value FROM store_info") {
            if let key = row.text(at: 0), let value = row.text(at: 1) { values[key] = value }
        }
        if let id = values["replica_id"], let stored = values["role"] { return PostgresStoreInfo(replicaID: id, role: stored) }
        let info = PostgresStoreInfo(replicaID: UUID().uuidString, role: role)
        let created = Date().formatted(.iso8601)
        for (key, value) in [("replica_id", info.replicaID), ("role", role), ("created_at", created)] {
            try transaction.execute("INSERT INTO store_info(key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", key, value)
        }
        return info
    }
}
