import Foundation
import GRDB

/// A program's SQLite store: one `DatabasePool` in WAL mode with foreign keys on and
/// `synchronous=FULL`, migrated to the program's ``Schema`` when it opens.
///
/// `synchronous=FULL` is set on every connection, not only where money or receipts are written,
/// because a village station loses power without warning and each durable commit costs little.
///
/// ```swift
/// let store = try Store.open(in: directory, fileName: "kiosk.sqlite", schema: schema)
/// let count = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
/// ```
public final class Store: Sendable {
    /// The connection pool: many concurrent readers, one writer.
    public let pool: DatabasePool
    /// The database file.
    public let path: String
    /// The schema the store was migrated to.
    public let schema: Schema
    /// This store's identity among all replicas (复制节点), chosen once when the store is created.
    public let info: StoreInfo

    private init(pool: DatabasePool, path: String, schema: Schema, info: StoreInfo) {
        self.pool = pool
        self.path = path
        self.schema = schema
        self.info = info
    }

    /// Opens (creating if needed) the store file in a data directory and applies the schema.
    ///
    /// - Parameter role: what kind of replica a new store is, such as `kiosk` or `county`.
    public static func open(
        in directory: DataDirectory, fileName: String, role: String, schema: Schema
    ) throws(StorageError) -> Store {
        try open(path: directory.file(fileName), role: role, schema: schema)
    }

    /// Opens (creating if needed) the store at a path and applies the schema.
    public static func open(path: String, role: String, schema: Schema) throws(StorageError) -> Store {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(functions: schema.functions))
            // GRDB sets NORMAL on the writer when it turns WAL on, after `prepareDatabase` has run;
            // the writer connection lives as long as the pool, so setting FULL once here holds.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try schema.migrator.migrate(pool)
            let info = try pool.write { db in try StoreInfo.loadOrCreate(db, role: role) }
            guard info.role == role else {
                throw StorageError.storeUnusable(path: path, reason: "it is a \(info.role) store, not a \(role) store")
            }
            return Store(pool: pool, path: path, schema: schema, info: info)
        } catch let error as StorageError {
            throw error
        } catch let error as DatabaseError {
            throw .storeUnusable(path: path, reason: error.message ?? error.description)
        } catch {
            throw .storeUnusable(path: path, reason: String(describing: error))
        }
    }

    /// Runs a read on the calling task rather than hopping to the pool's reader queue and back.
    ///
    /// For the short local reads a screen asks for (a price board, a search), the hop of
    /// `await pool.read` cost as much as the query on a station's two cores. Blocking the task for
    /// a millisecond or two is the cheaper choice; long reads should still `await pool.read`.
    public func readOnCallingTask<Answer>(_ body: (Database) throws -> Answer) throws -> Answer {
        try pool.read(body)
    }

    /// The pragmas every connection gets, and the SQL functions the modules' triggers call.
    static func configuration(functions: [DatabaseFunction]) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // The writer keeps more of the indexes in memory: a bulletin's rows land all over the
            // by-variety index, and with SQLite's default 2 MB every insert went to the disk.
            // Readers keep the default, so that a station stays small.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -16384") }
            for function in functions { db.add(function: function) }
        }
        return configuration
    }

    /// The migrations recorded as applied in the store, read now.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try schema.migrator.appliedIdentifiers(db) }.sorted()
    }

    /// The schema version recorded in the store: the count of applied migrations that this program knows.
    public func schemaVersion() throws -> Int {
        let known = Set(schema.migrations.map(\.identifier))
        return try appliedMigrations().filter(known.contains).count
    }
}
