import GRDB

extension Replica {
    /// The columns of the log (`sync_change`) a change is read from, in the order they are
    /// selected: rows are read by index, because by name each row's columns were searched for
    /// every value.
    ///
    /// ```swift
    /// let rows = try Row.fetchAll(db, sql: "SELECT \(Replica.changeColumns) FROM sync_change")
    /// let origin: String = rows[0][.origin]
    /// ```
    enum LogColumn: Int, CaseIterable {
        case origin, sequence, timestamp, collection, recordID, scope, fields, bases, signature, position

        var name: String { self == .recordID ? "record_id" : "\(self)" }
    }

    /// The select list of ``LogColumn``, in its order.
    static let changeColumns = LogColumn.allCases.map(\.name).joined(separator: ", ")
}

extension Row {
    subscript<Value: DatabaseValueConvertible>(_ column: Replica.LogColumn) -> Value {
        self[column.rawValue]
    }

    /// GRDB's faster read, for values SQLite hands over directly (text, integers).
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: Replica.LogColumn) -> Value {
        self[column.rawValue]
    }
}
