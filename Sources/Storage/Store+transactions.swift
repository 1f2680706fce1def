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

    public func writingTogether<Answer: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> Answer)
        async throws -> Answer
    {
        try await groupCommit.write { db in try body(db) }
    }

    public var replicaID: String { info.replicaID }

    @discardableResult
    public func writingNow<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer {
        try pool.write { db in try body(db) }
    }
}

/// A SQLite row, as a domain's record decodes itself from it. A value of another type than asked
/// (an integer where text is read, or a hand-edited store) reads as absent, never as a trap: GRDB's
/// subscripts stop the program there, so its throwing reads are used, on their fast path.
extension Row: StoredRow {
    public func optionalText(_ column: String) -> String? { try? decode(String?.self, forColumn: column) }
    public func optionalInteger(_ column: String) -> Int64? { try? decode(Int64?.self, forColumn: column) }
    public func isNull(_ column: String) -> Bool { (self[column] as (any DatabaseValueConvertible)?) == nil }
}

extension Row {
    /// Each row of a statement made into a value as it is stepped, without copying the row: a
    /// lookup that reads dozens of events or a year of prices pays for no copies.
    public static func mapped<Value>(
        _ statement: Statement, arguments: StatementArguments = StatementArguments(), _ transform: (Row) throws -> Value
    ) throws -> [Value] {
        var values: [Value] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() { values.append(try transform(row)) }
        return values
    }

    /// The first row of a statement made into a value, without copying it.
    public static func mappedFirst<Value>(
        _ statement: Statement, arguments: StatementArguments = StatementArguments(), _ transform: (Row) throws -> Value
    ) throws -> Value? {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        return try rows.next().map(transform)
    }
}
