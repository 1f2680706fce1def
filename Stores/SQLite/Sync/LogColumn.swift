import GRDB
import Sync

/// The columns of the log (`sync_change`) a change is read from, in the order they are selected:
/// rows are read by index, because by name each row's columns were searched for every value.
///
/// ```swift
/// let rows = try Row.fetchAll(db, sql: "SELECT \(LogColumn.selectList) FROM sync_change")
/// let change = LoggedChange(row: rows[0])
/// ```
enum LogColumn: Int, CaseIterable {
    case origin, sequence, timestamp, collection, recordID, scope, fields, bases, signature, position

    var name: String { self == .recordID ? "record_id" : "\(self)" }

    /// The select list, in the columns' order.
    static let selectList = allCases.map(\.name).joined(separator: ", ")
}

extension Row {
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: LogColumn) -> Value {
        self[column.rawValue]
    }

    subscript<Value: DatabaseValueConvertible>(_ column: LogColumn) -> Value {
        self[column.rawValue]
    }
}

extension LoggedChange {
    /// A change as a row of ``LogColumn/selectList`` holds it.
    init(row: Row) {
        self.init(
            origin: row[.origin], sequence: row[.sequence], timestamp: row[.timestamp], collection: row[.collection],
            recordID: row[.recordID], scope: row[.scope], fields: row[.fields], bases: row[.bases], signature: row[.signature],
            position: row[.position])
    }
}
