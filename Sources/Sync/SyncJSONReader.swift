/// A strict reader of the JSON the sync wire and the change log carry, written by hand because
/// decoding pushes through `Codable` was most of what the county spent on a push (a change's
/// fields are a dictionary of loosely typed values, which `JSONDecoder` finds by trial and error).
///
/// It reads RFC 8259 JSON: objects, arrays, strings with every escape, numbers, `true`, `false`
/// and `null`. Text must be valid UTF-8. What it does not expect it names, with the byte offset.
///
/// ```swift
/// var reader = SyncJSONReader(Data(#"{"avg_fen":312,"unit":"元/公斤"}"#.utf8))
/// let fields = try reader.fields()        // ["avg_fen": .integer(312), "unit": .text("元/公斤")]
/// try reader.end()
/// ```
public struct SyncJSONReader {
    let bytes: [UInt8]
    var index = 0

    public init(_ bytes: some Collection<UInt8>) { self.bytes = Array(bytes) }

    /// What the reader did not expect, and where.
    public struct Malformed: Error, CustomStringConvertible, Equatable {
        public let offset: Int
        public let expected: String
        public var description: String { "malformed JSON at byte \(offset): expected \(expected)" }
    }

    public func malformed(_ expected: String) -> Malformed { Malformed(offset: index, expected: expected) }

    // MARK: Structure

    /// Calls `member` with each key of an object; `member` must read the key's value.
    public mutating func members(_ member: (inout SyncJSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "an object")
        if try peek() == UInt8(ascii: "}") { return index += 1 }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"), "':' after a key")
            try member(&self, key)
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw malformed("',' or '}' in an object")
            }
        }
    }

    /// Calls `element` for each element of an array; `element` must read it.
    public mutating func elements(_ element: (inout SyncJSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["), "an array")
        if try peek() == UInt8(ascii: "]") { return index += 1 }
        while true {
            try element(&self)
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return
            default: throw malformed("',' or ']' in an array")
            }
        }
    }

    /// Checks that nothing but white space follows.
    public mutating func end() throws {
        skipSpace()
        guard index == bytes.count else { throw malformed("the end of the document") }
    }

    // MARK: Values

    /// A change's fields: an object of nulls, numbers and strings.
    public mutating func fields() throws -> [String: SyncValue] {
        var fields: [String: SyncValue] = [:]
        try members { reader, key in fields[key] = try reader.value() }
        return fields
    }

    /// A field's value: `null`, a whole number that fits 64 bits, any other number, or text — a
    /// document's rows sent as columns (``RowsAsColumns``) read back as the text they stand for.
    public mutating func value() throws -> SyncValue {
        try peek() == UInt8(ascii: "{") ? .text(try RowsAsColumns.rowsText(reading: &self)) : try scalar()
    }

    /// `null`, a whole number that fits 64 bits, any other number, or a string: a value of a
    /// document's rows, which holds nothing deeper.
    mutating func scalar() throws -> SyncValue {
        switch try peek() {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let (whole, text) = try number()
            if let whole { return .integer(whole) }
            guard let real = Double(text) else { throw malformed("a number") }
            return .real(real)
        }
    }

    public mutating func integer() throws -> Int64 {
        guard let whole = try number().whole else { throw malformed("a whole number") }
        return whole
    }

    public mutating func bool() throws -> Bool {
        if try peek() == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// Whether the next value is `null`, which is then read.
    public mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Skips one value of any kind, nested at most 64 deep: deeper input would take the stack of
    /// a server thread, whose frames this recursion spends.
    public mutating func skip(depth: Int = 0) throws {
        guard depth < 64 else { throw malformed("values nested at most 64 deep") }
        switch try peek() {
        case UInt8(ascii: "{"): try members { reader, _ in try reader.skip(depth: depth + 1) }
        case UInt8(ascii: "["): try elements { try $0.skip(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    // MARK: Tokens

    public mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return try text(bytes[start..<index])
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw malformed("no control character inside a string") }
            index += 1
        }
        throw malformed("the end of a string")
    }

    /// The rest of a string that has escapes, from its first byte.
    mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return try text(utf8[...])
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8 += Array(String(try unicodeScalar()).utf8)
                default: throw malformed("a known escape after '\\'")
                }
            default:
                if byte < 0x20 { throw malformed("no control character inside a string") }
                utf8.append(byte)
            }
        }
        throw malformed("the end of a string")
    }

    /// The scalar of a `\u` escape, joining a surrogate pair.
    mutating func unicodeScalar() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw malformed("the second half of a surrogate pair")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw malformed("a low surrogate") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw malformed("a scalar, not a lone surrogate") }
        return scalar
    }

    mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw malformed("four hex digits after \\u") }
        index += 4
        return value
    }

    func text(_ utf8: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw malformed("valid UTF-8") }
        return text
    }

    /// A number: its value if it is whole and fits 64 bits, and its text.
    mutating func number() throws -> (whole: Int64?, text: Substring) {
        skipSpace()
        let start = index
        var whole = true
        scan: while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): break
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"): whole = false
            default: break scan
            }
            index += 1
        }
        let text = Substring(decoding: bytes[start..<index], as: UTF8.self)
        if whole, let value = Int64(text) { return (value, text) }
        guard !text.isEmpty, Double(text) != nil else {
            index = start
            throw malformed("a value")
        }
        return (nil, text)
    }

    mutating func literal(_ word: StaticString) throws {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            word.withUTF8Buffer({ $0.elementsEqual(bytes[index..<index + count]) })
        else { throw malformed("\(word)") }
        index += count
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard try next() == byte else {
            index -= 1
            throw malformed(what)
        }
    }

    /// The next byte that is not white space, consumed.
    mutating func next() throws -> UInt8 {
        let byte = try peek()
        index += 1
        return byte
    }

    /// The next byte that is not white space, left in place.
    mutating func peek() throws -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw malformed("more input") }
        return bytes[index]
    }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }
}
