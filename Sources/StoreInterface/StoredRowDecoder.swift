import DomainCore
public import Foundation

/// Decodes a `Decodable` record from a ``StoredRow``: each coding key reads the column of its
/// snake_case name (`contractId` from `contract_id`), a nested value kept as JSON text is decoded
/// from it, and a value of a closed set from its raw text. A record's `Codable` declaration is then
/// the one place its columns are named, for every store.
///
/// ```swift
/// let asset = try StoredRowDecoder.decode(FixedAsset.self, from: row)
/// ```
public enum StoredRowDecoder {
    /// Columns kept as JSON text are read with the API's conventions (`JSONCoding.decoder`), made
    /// only for a row that has one: most rows have none, and a decoder is dear to make.
    public static func decode<Record: Decodable>(_ type: Record.Type, from row: some StoredRow) throws -> Record {
        try Record(from: RowDecoder(row: row, json: JSONColumns()))
    }
}

/// The JSON decoder of a row's nested columns, made when the first is read.
private final class JSONColumns {
    lazy var decoder = JSONCoding.decoder
}

private struct RowDecoder: Decoder {
    let row: any StoredRow
    let json: JSONColumns
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns<Key>(row: row, json: json))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a row is not a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "a row is not one value"))
    }
}

private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: any StoredRow
    let json: JSONColumns
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    func column(_ key: Key) -> String { JSONCoding.snakeCase(key.stringValue) }

    func missing(_ key: Key) -> DecodingError {
        .valueNotFound(Any.self, .init(codingPath: [key], debugDescription: "column \(column(key)) is null"))
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        row.isNull(column(key))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        guard let value = row.optionalInteger(column(key)) else { throw missing(key) }
        return value != 0
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        guard let value = row.optionalText(column(key)) else { throw missing(key) }
        return value
    }

    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        guard let value = row.optionalInteger(column(key)) else { throw missing(key) }
        return value
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { Int(try decode(Int64.self, forKey: key)) }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        switch type {
        case is String.Type: return try decode(String.self, forKey: key) as! Value
        case is Int64.Type: return try decode(Int64.self, forKey: key) as! Value
        case is Int.Type: return try decode(Int.self, forKey: key) as! Value
        case is Bool.Type: return try decode(Bool.self, forKey: key) as! Value
        default: break
        }
        guard let text = row.optionalText(column(key)) else { throw missing(key) }
        // Most lists kept are empty (an event's inputs and outputs): no JSON decoder for them.
        if text == "[]", type == [String].self { return [String]() as! Value }
        if text.first == "[" || text.first == "{" {
            return try json.decoder.decode(Value.self, from: Data(text.utf8))
        }
        return try Value(from: TextDecoder(text: text, codingPath: [key]))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [key], debugDescription: "a column is not a row"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "a column is not a list"))
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row, json: json) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row, json: json) }
}

/// One column's text, as a value of a closed set decodes itself from its raw value.
private struct TextDecoder: Decoder, SingleValueDecodingContainer {
    let text: String
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "\(text) is not a record"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "\(text) is not a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { text }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if let text = text as? Value { return text }
        throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "\(text) is text"))
    }
}
