import Foundation
public import GRDB

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
    /// Writes of concurrent callers committed together, for a server answering many at once.
    public let groupCommit: GroupCommit

    private init(pool: DatabasePool, path: String, schema: Schema, info: StoreInfo) {
        self.pool = pool
        self.path = path
        self.schema = schema
        self.info = info
        self.groupCommit = GroupCommit(pool: pool)
    }

    /// Opens (creating if needed) the store file in a data directory and applies the schema.
    ///
    /// - Parameter role: what kind of replica a new store is, such as `kiosk` or `county`.
    public static func open(
        in directory: DataDirectory, fileName: String, role: String, schema: Schema, writerCacheMegabytes: Int = 16
    ) throws(StorageError) -> Store {
        try open(path: directory.file(fileName), role: role, schema: schema, writerCacheMegabytes: writerCacheMegabytes)
    }

    /// Opens (creating if needed) the store at a path and applies the schema.
    ///
    /// - Parameter writerCacheMegabytes: the writer's page cache. A transaction whose dirty pages
    ///   outgrow it spills them to the WAL and writes them again, so a server committing many
    ///   writes together (``GroupCommit``) wants more than a station.
    public static func open(
        path: String, role: String, schema: Schema, writerCacheMegabytes: Int = 16
    ) throws(StorageError) -> Store {
        do {
            let pool = try DatabasePool(
                path: path, configuration: configuration(writerCacheMegabytes: writerCacheMegabytes))
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

    /// The pragmas every connection gets.
    static func configuration(writerCacheMegabytes: Int) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Statement journals in memory: a statement that may fail midway inside a transaction
            // (an INSERT with a conflict clause) keeps the pages it touches in one, and once that outgrew 64 KB SQLite put it in a temporary file for
            // the rest of the connection's life, two writes a page (a county wrote 10 GB of them
            // taking 300,000 price rows).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // The writer keeps more of the indexes in memory: a bulletin's rows land all over the
            // by-variety index, and with SQLite's default 2 MB every insert went to the disk.
            // Readers keep the default, so that a station stays small.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -\(writerCacheMegabytes * 1024)") }
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
