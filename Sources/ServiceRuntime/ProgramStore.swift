public import PostgresStorage
public import Storage
public import StoreInterface

/// A program's store as the programs hold it: the SQLite file in its data directory, or a hub's
/// PostgreSQL database (`--database`), which several processes of one hub share.
///
/// ```swift
/// let store = try await ServiceLauncher.openStore(SyncServerProgram.self, settings: settings)
/// let county = try Replica(store: store.transactions, role: .county, collections: collections)
/// ```
public enum ProgramStore: Sendable {
    case sqlite(Store)
    case postgres(PostgresStore)

    /// The store as the domains and the engine read and write it.
    public var transactions: any TransactionStore {
        switch self {
        case .sqlite(let store): store
        case .postgres(let store): store
        }
    }

    /// The store as its health is reported.
    public var health: any StoreHealth {
        switch self {
        case .sqlite(let store): store
        case .postgres(let store): store
        }
    }

    /// Where the store is, for logs: a file's path, or a database's address without its password.
    public var location: String {
        switch self {
        case .sqlite(let store): store.path
        case .postgres(let store): store.address.description
        }
    }

    /// Closes a PostgreSQL store's connections (a SQLite store closes with its last reference).
    public func close() async {
        if case .postgres(let store) = self { await store.close() }
    }
}

/// What `GET /healthz` reports of a store: that it can be read, its schema and its identity.
public protocol StoreHealth: Sendable {
    /// The count of this program's migrations the store has applied; throws if it cannot be read.
    func schemaVersion() throws -> Int
    /// The identifier of the program's last migration.
    var latestMigration: String? { get }
    var replicaID: String { get }
    var role: String { get }
}

extension Store: StoreHealth {
    public var latestMigration: String? { schema.migrations.last?.identifier }
    public var role: String { info.role }
}

extension PostgresStore: StoreHealth {
    public var latestMigration: String? { schema.migrations.last?.identifier }
    public var role: String { info.role }
}
