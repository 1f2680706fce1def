import Logging
import PostgresNIO
public import StoreInterface

/// An open transaction of a ``PostgresStore``, on one connection of its pool: what each domain's
/// PostgreSQL side adopts its `<Domain>Transaction` protocol on, as the SQLite store's `Database`
/// does. Its statements run one after another on a thread of the store's own, never on the event
/// loop or Swift's cooperative threads, so that the domains' synchronous reads and writes stay
/// synchronous above it.
///
/// ```swift
/// let count = try transaction.integer("SELECT COUNT(*) FROM sync_change WHERE origin = $1", origin) ?? 0
/// ```
public final class PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger
    private var whenEnded: [@Sendable () -> Void] = []
    private var savepoints = 0
    /// Rows held back to be inserted a statement a table (``insertAhead(into:columns:_:onConflict:)``).
    private var ahead: [PostgresRowsAhead] = []

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs a statement; the number of rows it wrote (or read).
    @discardableResult
    public func execute(_ sql: String, _ arguments: any PostgresArgument...) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    /// Runs a statement with its arguments as a list.
    @discardableResult
    public func execute(_ sql: String, arguments: [any PostgresArgument]) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    /// The rows a statement answers.
    public func rows(_ sql: String, _ arguments: any PostgresArgument...) throws -> [PostgresStoredRow] {
        try run(sql, arguments).rows.map(PostgresStoredRow.init)
    }

    /// The rows a statement answers, its arguments as a list.
    public func rows(_ sql: String, arguments: [any PostgresArgument]) throws -> [PostgresStoredRow] {
        try run(sql, arguments).rows.map(PostgresStoredRow.init)
    }

    /// The first row a statement answers.
    public func row(_ sql: String, _ arguments: any PostgresArgument...) throws -> PostgresStoredRow? {
        try run(sql, arguments).rows.first.map(PostgresStoredRow.init)
    }

    /// The first column of the first row, as an integer (a count, a position, an `EXISTS`).
    public func integer(_ sql: String, _ arguments: any PostgresArgument...) throws -> Int64? {
        try run(sql, arguments).rows.first.flatMap { PostgresStoredRow($0).integer(at: 0) }
    }

    /// The first column of the first row, as text.
    public func text(_ sql: String, _ arguments: any PostgresArgument...) throws -> String? {
        try run(sql, arguments).rows.first.flatMap { PostgresStoredRow($0).text(at: 0) }
    }

    /// Whether a statement (an `EXISTS`, a count) answers a value other than 0.
    public func isTrue(_ sql: String, _ arguments: any PostgresArgument...) throws -> Bool {
        try run(sql, arguments).rows.first.flatMap { PostgresStoredRow($0).integer(at: 0) }.map { $0 != 0 } ?? false
    }

    /// Inserts a row whose answer nobody reads: held back and sent with the other rows held for the
    /// same columns as one statement, before the transaction's next other statement (so every read
    /// sees it), before a savepoint ends, and at commit. A row its table refuses fails that later
    /// statement, inside the same savepoint.
    ///
    /// The rows of each table keep their order (the log's positions follow it), and the tables are
    /// written in the order they were first written to: rows held back must not depend on rows of
    /// another table held back with them (a foreign key, a trigger that reads).
    public func insertAhead(into table: String, columns: [String], _ values: [any PostgresArgument], onConflict: String = "") throws {
        if let index = ahead.firstIndex(where: { $0.isFor(table: table, columns: columns, onConflict: onConflict) }) {
            guard ahead[index].isFull else {
                ahead[index].append(values)
                return
            }
            try sendRowsAhead()
        }
        var rows = PostgresRowsAhead(table: table, columns: columns, onConflict: onConflict)
        rows.append(values)
        ahead.append(rows)
    }

    /// Forgets the rows held back: the transaction rolls back.
    func discardRowsAhead() { ahead = [] }

    /// Sends the rows held back, if any.
    public func sendRowsAhead() throws {
        let held = ahead
        ahead = []
        for rows in held {
            let (sql, arguments) = rows.statement
            _ = try send(sql, arguments)
        }
    }

    func run(_ sql: String, _ arguments: [any PostgresArgument]) throws -> PostgresQueryResult {
        try sendRowsAhead()
        return try send(sql, arguments)
    }

    private func send(_ sql: String, _ arguments: [any PostgresArgument]) throws -> PostgresQueryResult {
        let query = PostgresQuery(unsafeSQL: sql, binds: PostgresBindings(arguments: arguments))
        return try connection.query(query, logger: logger).wait()
    }

    /// Runs `body` in a savepoint: what it wrote is undone if it throws, and the transaction goes
    /// on (PostgreSQL refuses every later statement of a transaction one failed in, unless it
    /// rolls back to a savepoint taken before).
    @discardableResult
    public func withSavepoint<Answer>(_ body: () throws -> Answer) throws -> Answer {
        savepoints += 1
        let name = "s\(savepoints)"
        defer { savepoints -= 1 }
        try execute("SAVEPOINT \(name)")
        do {
            let answer = try body()
            try execute("RELEASE SAVEPOINT \(name)")
            return answer
        } catch {
            ahead = []  // written inside the savepoint: undone with it
            try execute("ROLLBACK TO SAVEPOINT \(name)")
            try execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
    }

    /// Runs `body` once the transaction ends, committed or rolled back.
    public func whenTransactionEnds(_ body: @escaping @Sendable () -> Void) {
        whenEnded.append(body)
    }

    func ended() {
        let bodies = whenEnded
        whenEnded = []
        for body in bodies { body() }
    }

    /// The server's account of an error a statement caused by what it was given (a constraint, a
    /// value its column cannot hold, a name that is no column: SQLSTATE classes 22, 23 and 42),
    /// or `nil` when it is the store's own (a lost connection, a full disk, a cancelled query).
    public static func faultOfTheStatement(_ error: any Error) -> String? {
        guard let error = error as? PSQLError, error.code == .server, let info = error.serverInfo,
            let state = info[.sqlState], ["22", "23", "42"].contains(String(state.prefix(2)))
        else { return nil }
        return [info[.message], info[.detail]].compactMap { $0 }.joined(separator: ": ")
    }

    /// An error in words, the server's own message where it sent one.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo, let message = info[.message] {
            return [info[.sqlState].map { "SQLSTATE \($0)" }, message, info[.detail]].compactMap { $0 }.joined(separator: ": ")
        }
        return "\(error.code)"
    }
}

extension StoreTransaction {
    /// The transaction as the PostgreSQL store's own targets speak in it.
    public var postgres: PostgresTransaction {
        get throws { try self.as(PostgresTransaction.self) }
    }
}
