public import GRDB
public import StoreInterface

/// The SQLite store's transaction, as the engine hands it above the store.
extension Database: StoreTransaction {}

extension StoreTransaction {
    /// The SQLite connection of a transaction of the SQLite store: for that store's own targets.
    public var sqliteDatabase: Database {
        guard let database = self as? Database else { preconditionFailure("a \(type(of: self)) is not a SQLite transaction") }
        return database
    }
}

/// The SQLite store: reads on its readers, writes on its one writer.
extension Store: TransactionStore {
    public func reading<Answer: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer {
        try await pool.read { db in try body(db) }
    }

    public func readingNow<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer {
        try readOnCallingTask { db in try body(db) }
    }

    @discardableResult
    public func writing<Answer: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer {
        try await pool.write { db in try body(db) }
    }

    @discardableResult
    public func writingNow<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer {
        try pool.write { db in try body(db) }
    }
}

/// A SQLite row, as a domain's record decodes itself from it.
extension Row: StoredRow {
    public func optionalText(_ column: String) -> String? { self[column] }
    public func optionalInteger(_ column: String) -> Int64? { self[column] }
}
