public import Logging
import NIOPosix
public import StoreInterface

/// A program's store on PostgreSQL: the county hub of a city or a province, whose several
/// `syncserver` processes share one database (issue 21). It keeps what the SQLite store keeps,
/// through the same domain protocols, each domain's SQL in its own `Stores/PostgreSQL` target.
///
/// Transactions run on threads of the store's own, one connection each:
/// - a read is `REPEATABLE READ READ ONLY`, one state of the database;
/// - a write first takes the database's write lock (an advisory lock, held to its end), so that
///   writes follow one another as on SQLite's one writer, whichever process makes them. The
///   engine's reads-then-writes (the next sequence, a merge's clocks) then hold across processes,
///   and the log's positions commit in their order: a pull that reads up to a position never
///   passes over a change committed later below it.
///
/// ```swift
/// let store = try await PostgresStore.open(try PostgresAddress("postgres://hub@db/province"),
///                                          role: "county", schema: hubSchema)
/// let quarantined = try await store.reading { transaction in try transaction.changeLog.quarantinedCount(from: nil) }
/// ```
public final class PostgresStore: TransactionStore {
    public let address: PostgresAddress
    public let schema: PostgresSchema
    public let info: PostgresStoreInfo
    let connections: PostgresConnectionPool
    let threads: NIOThreadPool
    let logger: Logger

    /// The key of the advisory lock every write transaction holds; one per database.
    static let writeLock: Int64 = 0x5649_4C4C_4147_4501  // "VILLAGE" and 1

    init(address: PostgresAddress, schema: PostgresSchema, info: PostgresStoreInfo, connections: PostgresConnectionPool,
         threads: NIOThreadPool, logger: Logger) {
        self.address = address
        self.schema = schema
        self.info = info
        self.connections = connections
        self.threads = threads
        self.logger = logger
    }

    /// Connects to the database, migrates it to the schema (one process at a time, however many
    /// start together), and reads or makes the store's identity.
    ///
    /// - Parameter connections: how many transactions run at once in this process.
    public static func open(
        _ address: PostgresAddress, role: String, schema: PostgresSchema, connections size: Int = 8,
        logger: Logger = Logger(label: "village.postgres")
    ) async throws -> PostgresStore {
        let threads = NIOThreadPool(numberOfThreads: size)
        threads.start()
        let pool = PostgresConnectionPool(address: address, size: size, logger: logger)
        do {
            let info = try await threads.runIfActive {
                let connection = try pool.take()
                defer { pool.giveBack(connection) }
                return try schema.migrate(PostgresTransaction(connection: connection, logger: logger), role: role, address: address)
            }
            return PostgresStore(address: address, schema: schema, info: info, connections: pool, threads: threads, logger: logger)
        } catch {
            await pool.close()
            try? await threads.shutdownGracefully()
            if let error = error as? PostgresStoreError { throw error }
            throw PostgresStoreError.unusable(address: address.description, reason: PostgresTransaction.describe(error))
        }
    }

    /// A store let go without ``close()`` (a command that ended) still closes its connections and
    /// stops its threads, rather than leaving them to be torn down open.
    deinit {
        connections.closeWithoutWaiting()
        threads.shutdownGracefully { _ in }
    }

    /// Closes the connections and stops the store's threads.
    public func close() async {
        await connections.close()
        try? await threads.shutdownGracefully()
    }

    public var replicaID: String { info.replicaID }
}
