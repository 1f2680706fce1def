public import Foundation

/// The JSON conventions of every API and of records kept as JSON: snake_case keys, ISO 8601
/// times with their zone.
///
/// ```swift
/// let data = try JSONCoding.encoder.encode(health)
/// ```
public enum JSONCoding {
    /// The encoder every response uses.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder every request body uses.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A coding path as a client reads it: `lines[2].amount_fen`.
    public static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue)
            }
        }
        return text.isEmpty ? "body" : text
    }

    /// `areaHundredthMu` → `area_hundredth_mu`: how a Swift name is spelt in JSON and in a store's columns.
    /// Read for every column of every record a store hands back, so it works on the name's ASCII
    /// bytes, and a name with no capital (`id`, `kind`) is itself.
    public static func snakeCase(_ name: String) -> String {
        let capital: ClosedRange<UInt8> = 65...90
        guard name.utf8.contains(where: capital.contains) else { return name }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 4)
        for byte in name.utf8 {
            if capital.contains(byte) {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: "_")) }
                bytes.append(byte + 32)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
