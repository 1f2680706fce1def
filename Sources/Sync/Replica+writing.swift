public import StoreInterface

extension Replica {
    /// Runs `body` in one write transaction of the replica's store: what it writes through
    /// ``write(_:to:id:fields:)`` commits with its change log entries, or nothing does.
    @discardableResult
    public func writing<Answer: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer {
        try await store.writing(body)
    }

    /// The same, blocking the calling thread: for a program as it starts, before it serves.
    @discardableResult
    public func writing<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer {
        try store.writingNow(body)
    }

    /// Starts a new epoch of the log of a county store brought back from a backup
    /// (``startLogEpoch(_:)``), in a transaction of its own.
    public static func startLogEpoch(in store: some TransactionStore) async throws {
        try await store.writing { transaction in try startLogEpoch(transaction) }
    }
}
