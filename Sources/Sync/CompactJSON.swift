/// JSON written by hand for what sync stores and signs: a change's fields and bases (keys
/// sorted), and a document's rows. Nothing but what `JSONDecoder` and SQLite's JSON functions read
/// back as the same values. Capture writes it on every change, where Foundation's encoder was the
/// largest single cost.
///
/// ```swift
/// CompactJSON.encode(["avg_fen": .integer(312), "unit": .text("元/公斤")])   // {"avg_fen":312,"unit":"元/公斤"}
/// CompactJSON.encode(rows: [["01010301", 260], ["01040101", 200]])       // [["01010301",260],["01040101",200]]
/// ```
public enum CompactJSON {
    public static func encode(_ fields: [String: SyncValue]) -> String {
        object(fields, sortedKeys: nil, render)
    }

    /// The same, with the keys already sorted by the caller.
    static func encode(_ fields: [String: SyncValue], sortedKeys: [String]?) -> String {
        object(fields, sortedKeys: sortedKeys, render)
    }

    /// Origins as an array, sorted, or nil for no list: how a store takes a division's stations'
    /// origins in one argument.
    public static func encode(origins: Set<String>?) -> String? {
        origins.map { "[" + $0.sorted().map { render(.text($0)) }.joined(separator: ",") + "]" }
    }

    /// Rows of values as an array of arrays: how a document (a price bulletin) carries its rows.
    public static func encode(rows: [[SyncValue]]) -> String {
        var result = "["
        result.reserveCapacity(rows.count * 64)
        for (index, row) in rows.enumerated() {
            result += index == 0 ? "[" : ",["
            for (column, value) in row.enumerated() {
                if column > 0 { result += "," }
                result += render(value)
            }
            result += "]"
        }
        return result + "]"
    }

    static func render(_ value: SyncValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let number): String(number)
        case .real(let number): number.isFinite ? "\(number)" : "null"
        case .text(let text): quoted(text)
        }
    }

    static func encode(_ bases: [String: HybridTimestamp]) -> String {
        bases.isEmpty ? "{}" : object(bases, sortedKeys: nil) { String($0.rawValue) }
    }

    private static func object<Value>(_ members: [String: Value], sortedKeys: [String]?, _ render: (Value) -> String) -> String {
        var result = "{"
        result.reserveCapacity(members.count * 24)
        for (index, key) in (sortedKeys ?? members.keys.sorted()).enumerated() {
            if index > 0 { result += "," }
            appendQuoted(key, to: &result)
            result += ":"
            result += render(members[key]!)
        }
        return result + "}"
    }

    static func quoted(_ text: String) -> String {
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    /// Text that needs no escape, the usual case, is appended whole; otherwise runs of plain bytes
    /// are copied between the escapes.
    private static func appendQuoted(_ text: String, to result: inout String) {
        result += "\""
        let utf8 = text.utf8
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where needsEscape(byte) { return false }
            return true
        }
        if plain ?? !utf8.contains(where: needsEscape) {
            result += text
            return result += "\""
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + utf8.count / 8)
        for byte in utf8 {
            guard needsEscape(byte) else {
                bytes.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            default:
                let hex = String(byte, radix: 16)
                bytes += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
        }
        result += String(decoding: bytes, as: UTF8.self)
        result += "\""
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20
    }
}
