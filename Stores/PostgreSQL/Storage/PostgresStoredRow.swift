import Foundation
import PostgresNIO
public import StoreInterface

/// A row PostgreSQL answered, as a domain's record decodes itself from it (``StoredRow``), and as the
/// PostgreSQL store reads it by position.
///
/// Values are read as the SQLite store's rows hand them back: whole numbers (`bigint`, `integer`,
/// `boolean` as 0 or 1) as integers, everything else as text; a value of the other kind reads as
/// absent, never as a trap.
///
/// ```swift
/// let row = try transaction.row("SELECT id, quantity_g FROM trace_lot WHERE id = $1", "L-1")
/// let lot = try row.map(TraceLot.init(row:))
/// ```
public struct PostgresStoredRow: StoredRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    public func optionalText(_ column: String) -> String? {
        guard row.contains(column) else { return nil }
        return Self.text(row[column])
    }

    public func optionalInteger(_ column: String) -> Int64? {
        guard row.contains(column) else { return nil }
        return Self.integer(row[column])
    }

    public func isNull(_ column: String) -> Bool { !row.contains(column) || row[column].bytes == nil }

    /// A column of whole numbers or not (a time kept as seconds), or `nil` when it is null.
    public func optionalReal(_ column: String) -> Double? {
        guard row.contains(column) else { return nil }
        return Self.real(row[column])
    }

    /// A `bytea` column's bytes (empty when it is null).
    public func bytes(_ column: String) -> [UInt8] {
        guard row.contains(column), var bytes = row[column].bytes else { return [] }
        return bytes.readBytes(length: bytes.readableBytes) ?? []
    }

    /// The text of the column at a position.
    public func text(at index: Int) -> String? { Self.text(row[index]) }
    /// The integer of the column at a position.
    public func integer(at index: Int) -> Int64? { Self.integer(row[index]) }
    /// The number of the column at a position, integer or not.
    public func real(at index: Int) -> Double? { Self.real(row[index]) }
    /// Whether the column at a position is null.
    public func isNull(at index: Int) -> Bool { row[index].bytes == nil }
    public var count: Int { row.count }

    static func text(_ cell: PostgresCell) -> String? {
        guard var bytes = cell.bytes, !isNotText(cell.dataType) else { return nil }
        if cell.format == .binary, cell.dataType == .numeric { return nil }
        return bytes.readString(length: bytes.readableBytes)
    }

    static func integer(_ cell: PostgresCell) -> Int64? {
        guard var bytes = cell.bytes else { return nil }
        if cell.format == .text { return bytes.readString(length: bytes.readableBytes).flatMap { Int64($0) } }
        switch cell.dataType {
        case .int8: return bytes.readInteger(as: Int64.self)
        case .int4: return bytes.readInteger(as: Int32.self).map(Int64.init)
        case .int2: return bytes.readInteger(as: Int16.self).map(Int64.init)
        case .bool: return bytes.readInteger(as: UInt8.self).map { $0 == 0 ? 0 : 1 }
        case .numeric: return (try? cell.decode(Decimal.self)).flatMap { Int64(exactly: NSDecimalNumber(decimal: $0).doubleValue) }
        default: return nil
        }
    }

    static func real(_ cell: PostgresCell) -> Double? {
        if cell.dataType == .float8 { return try? cell.decode(Double.self) }
        if cell.dataType == .numeric { return (try? cell.decode(Decimal.self)).map { NSDecimalNumber(decimal: $0).doubleValue } }
        return integer(cell).map(Double.init)
    }

    /// Numbers and bytes, which a text read never takes for text.
    private static func isNotText(_ type: PostgresDataType) -> Bool { [.int8, .int4, .int2, .bool, .float8, .bytea].contains(type) }
}
