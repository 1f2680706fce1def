import Foundation

/// Rows a transaction holds back to insert together: inserts into the same columns whose answer
/// nobody reads (the log's changes, a push's new facts) gathered into one multi-row
/// `INSERT`, sent before the next statement that reads or answers, before a savepoint ends and at
/// commit. Each statement is a round trip to the server, and a push of a thousand changes would
/// otherwise wait for thousands of them behind the write lock.
///
/// ```swift
/// var ahead = PostgresRowsAhead(table: "sync_change", columns: ["origin", "sequence"], onConflict: "")
/// ahead.append(["S-1", 1])
/// ahead.append(["S-1", 2])
/// let (sql, arguments) = ahead.statement   // INSERT INTO "sync_change" (…) VALUES ($1, $2), ($3, $4)
/// ```
struct PostgresRowsAhead {
    /// The most rows one statement carries: a statement's arguments are counted in 16 bits, and a
    /// statement of some thousand rows already pays for its round trip many times over.
    static let rowLimit = 1_000
    static let argumentLimit = 30_000

    let table: String
    let columns: [String]
    /// What follows the rows: an `ON CONFLICT` clause, or nothing.
    let onConflict: String
    private(set) var arguments: [any PostgresArgument] = []
    private(set) var rows = 0

    init(table: String, columns: [String], onConflict: String) {
        self.table = table
        self.columns = columns
        self.onConflict = onConflict
    }

    /// Whether these are the rows held for a table's columns.
    func isFor(table: String, columns: [String], onConflict: String) -> Bool {
        self.table == table && self.columns == columns && self.onConflict == onConflict
    }

    /// Whether the statement carries as many rows as it may.
    var isFull: Bool { rows >= Self.rowLimit || arguments.count + columns.count > Self.argumentLimit }

    mutating func append(_ values: [any PostgresArgument]) {
        precondition(values.count == columns.count, "a row of \(values.count) values for \(columns.count) columns")
        arguments += values
        rows += 1
    }

    /// The one statement that inserts every row held.
    var statement: (sql: String, arguments: [any PostgresArgument]) {
        let names = columns.map(\.quotedIdentifier).joined(separator: ", ")
        var sql = "INSERT INTO \(table.quotedIdentifier) (\(names)) VALUES "
        sql.reserveCapacity(sql.utf8.count + arguments.count * 8 + onConflict.utf8.count + 1)
        var number = 0
        for row in 0..<rows {
            sql += row == 0 ? "(" : ", ("
            for column in 0..<columns.count {
                number += 1
                sql += column == 0 ? "$" : ", $"
                sql += String(number)
            }
            sql += ")"
        }
        sql += " "
        sql += onConflict
        return (sql, arguments)
    }
}

extension String {
    /// The name as a quoted identifier: a collection's table and fields come from its declaration,
    /// and are quoted all the same.
    public var quotedIdentifier: String { "\"" + replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
