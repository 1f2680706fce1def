import DomainCore
import Foundation

/// Encodes an `Encodable` record into the fields the sync layer stores, the mirror of
/// ``StoredRowDecoder``: each coding key becomes the column of its snake_case name; text, integers
/// and flags (0 or 1) are kept as they are, an absent optional as null, a value of a closed set as its
/// raw text, and a nested value (a voucher's lines, a lot's inputs) as JSON text in the API's
/// canonical form (`JSONCoding.encoder`: keys sorted), the form a voucher's hash is taken of.
///
/// ```swift
/// let fields = try SyncFieldEncoder.fields(of: payment)   // ["amount_fen": 120_000, "note": "", ...]
/// ```
public enum SyncFieldEncoder {
    public static func fields(of record: some Encodable) throws -> [String: SyncValue] {
        let row = FieldRow(json: JSONCoding.encoder)
        try record.encode(to: RowEncoder(row: row))
        return row.fields
    }
}

/// The fields written so far; a class, as the encoder's containers are values that share it.
private final class FieldRow {
    let json: JSONEncoder
    var fields: [String: SyncValue] = [:]

    init(json: JSONEncoder) { self.json = json }
}

private struct RowEncoder: Encoder {
    let row: FieldRow
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Columns<Key>(row: row))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a record is encoded as a row of columns, not as a list")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a record is encoded as a row of columns, not as one value")
    }
}

private struct Columns<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let row: FieldRow
    var codingPath: [any CodingKey] { [] }

    func column(_ key: Key) -> String { JSONCoding.snakeCase(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { row.fields[column(key)] = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { row.fields[column(key)] = .integer(value ? 1 : 0) }
    mutating func encode(_ value: String, forKey key: Key) throws { row.fields[column(key)] = .text(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { row.fields[column(key)] = .integer(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { row.fields[column(key)] = .integer(Int64(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { row.fields[column(key)] = .real(value) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        switch value {
        case let text as String: try encode(text, forKey: key)
        case let number as Int64: try encode(number, forKey: key)
        case let number as Int: try encode(number, forKey: key)
        case let flag as Bool: try encode(flag, forKey: key)
        case let number as Double: try encode(number, forKey: key)
        case let closed as any RawRepresentable<String>: try encode(closed.rawValue, forKey: key)
        default: row.fields[column(key)] = .text(String(decoding: try row.json.encode(value), as: UTF8.self))
        }
    }

    // An absent optional is a null column, not a missing one: a record's every field is written.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        preconditionFailure("a column holds one value; encode \(column(key)) as a nested Encodable value")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("a column holds one value; encode \(column(key)) as a nested Encodable value")
    }

    mutating func superEncoder() -> any Encoder { RowEncoder(row: row) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { RowEncoder(row: row) }
}
