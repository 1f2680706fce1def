import NIOPosix
public import StoreInterface

/// The PostgreSQL store's transactions, as the engine and the domains run them.
extension PostgresStore {
    /// What a transaction may do: read one state, write under the write lock, or write apart from it.
    enum Access {
        case read, write, apart

        var begin: String {
            switch self {
            case .read: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
            case .write, .apart: "BEGIN"
            }
        }
    }

    public func reading<Answer: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer {
        try await onStoreThread(.read, body)
    }

    public func readingNow<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer {
        try run(.read, body)
    }

    @discardableResult
    public func writing<Answer: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer {
        try await onStoreThread(.write, body)
    }

    @discardableResult
    public func writingNow<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer {
        try run(.write, body)
    }

    /// Runs `body` in a write transaction that does not take the write lock: for rows the change log
    /// does not order and no read-then-write of the engine depends on (a rate limit's bucket, counted
    /// on every request), which must not queue behind the pushes. Its statements must hold alone,
    /// each one a whole read-and-write (`INSERT … ON CONFLICT DO UPDATE … RETURNING`).
    public func writingApart<Answer: Sendable>(_ body: @Sendable (PostgresTransaction) throws -> Answer) async throws -> Answer {
        try await onStoreThread(.apart) { transaction in try body(try transaction.postgres) }
    }

    /// Runs `body` in a transaction on one of the store's threads. The thread pool may hold the
    /// work it ran a moment after answering, so the work holds `body` only through a box that is
    /// emptied before `body` stops being borrowed.
    private func onStoreThread<Answer: Sendable>(
        _ access: Access, _ body: @Sendable (any StoreTransaction) throws -> Answer
    ) async throws -> Answer {
        try await withoutActuallyEscaping(body) { body in
            let borrowed = Borrowed(body)
            defer { borrowed.body = nil }
            return try await threads.runIfActive { [self] in
                guard let body = borrowed.body else { throw CancellationError() }
                return try run(access, body)
            }
        }
    }

    /// Runs `body` in a transaction on a connection of the pool, on the calling thread: committed
    /// when it returns, rolled back when it throws. A connection whose rollback fails is closed.
    func run<Answer>(_ access: Access, _ body: (any StoreTransaction) throws -> Answer) throws -> Answer {
        let connection = try connections.take()
        var healthy = true
        defer { connections.giveBack(connection, healthy: healthy) }
        let transaction = PostgresTransaction(connection: connection, logger: logger)
        defer { transaction.ended() }
        do {
            try transaction.execute(access.begin)
            if access == .write { try transaction.execute("SELECT pg_advisory_xact_lock($1)", Self.writeLock) }
            let answer = try body(transaction)
            try transaction.execute("COMMIT")
            return answer
        } catch {
            transaction.discardRowsAhead()
            do { try transaction.execute("ROLLBACK") } catch { healthy = false }
            throw error
        }
    }
}

/// A transaction's body lent to a thread of the store for the length of one call.
private final class Borrowed<Answer>: @unchecked Sendable {  // set before the work is queued, emptied after it answered
    var body: (@Sendable (any StoreTransaction) throws -> Answer)?

    init(_ body: @escaping @Sendable (any StoreTransaction) throws -> Answer) { self.body = body }
}

extension PostgresStore {
    /// The migrations the database records as applied, read now.
    public func appliedMigrations() throws -> [String] {
        try readingNow { transaction in
            try transaction.postgres.rows("SELECT identifier FROM store_migration ORDER BY identifier").compactMap { $0.text(at: 0) }
        }
    }

    /// The count of this schema's migrations the database has applied.
    public func schemaVersion() throws -> Int {
        let known = Set(schema.migrations.map(\.identifier))
        return try appliedMigrations().filter(known.contains).count
    }
}
