import Foundation
public import PostgresStorage
public import Sync

/// A field's value bound to a statement: text of no stated type, read by its column.
extension SyncValue: PostgresArgument {
    public var postgresText: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): "\(value)"
        case .text(let value): value
        }
    }
}

extension SyncValue {
    /// The value of a row's column at a position: a whole number, a real, text or null.
    public init(_ row: PostgresStoredRow, at index: Int) {
        if row.isNull(at: index) {
            self = .null
        } else if let integer = row.integer(at: index) {
            self = .integer(integer)
        } else if let text = row.text(at: index) {
            self = .text(text)
        } else {
            self = row.real(at: index).map(SyncValue.real) ?? .null
        }
    }
}
