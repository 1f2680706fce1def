/// A row as a store hands it back, read by column name: what lets a domain's record decode itself
/// once, in its own module, from whichever store holds it.
///
/// ```swift
/// init(row: some StoredRow) throws {
///     id = row.text("id")
///     quantityG = row.integer("quantity_g")
/// }
/// ```
public protocol StoredRow {
    /// A text column, or `nil` when it is null.
    func optionalText(_ column: String) -> String?
    /// An integer column, or `nil` when it is null.
    func optionalInteger(_ column: String) -> Int64?
    /// Whether a column is null (or absent), read without copying its value.
    func isNull(_ column: String) -> Bool
}

extension StoredRow {
    public func isNull(_ column: String) -> Bool { optionalText(column) == nil && optionalInteger(column) == nil }
    /// A text column; a null reads as empty text.
    public func text(_ column: String) -> String { optionalText(column) ?? "" }
    /// An integer column; a null reads as 0.
    public func integer(_ column: String) -> Int64 { optionalInteger(column) ?? 0 }
    /// A 0-or-1 column, or `nil` when it is null.
    public func optionalBool(_ column: String) -> Bool? { optionalInteger(column).map { $0 != 0 } }
    /// A value of a closed set kept as its raw text; text outside the set is the store's fault.
    public func value<Value: RawRepresentable<String>>(_ column: String, as: Value.Type) throws -> Value {
        let text = text(column)
        guard let value = Value(rawValue: text) else { throw StoredRowError(column: column, value: text) }
        return value
    }
}

/// A column holding what its record cannot be: a kind no version knows.
public struct StoredRowError: Error, CustomStringConvertible {
    public let column: String
    public let value: String

    public var description: String { "\(column) holds \(value), which no record of it may" }
}
