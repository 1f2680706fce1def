/// The change log's JSON for a change's fields and bases, written by hand: keys sorted, nothing
/// but what `JSONDecoder` reads back as the same values. Capture writes it on every change, where
/// Foundation's encoder was the largest single cost.
///
/// ```swift
/// CompactJSON.encode(["avg_fen": .integer(312), "unit": .text("元/公斤")])   // {"avg_fen":312,"unit":"元/公斤"}
/// ```
enum CompactJSON {
    static func encode(_ fields: [String: SyncValue]) -> String {
        object(fields) { value in
            switch value {
            case .null: "null"
            case .integer(let number): String(number)
            case .real(let number): number.isFinite ? "\(number)" : "null"
            case .text(let text): quoted(text)
            }
        }
    }

    static func encode(_ bases: [String: HybridTimestamp]) -> String {
        object(bases) { String($0.rawValue) }
    }

    private static func object<Value>(_ members: [String: Value], _ render: (Value) -> String) -> String {
        var result = "{"
        result.reserveCapacity(members.count * 24)
        for (index, key) in members.keys.sorted().enumerated() {
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

    /// Text that needs no escape, the usual case, is appended whole.
    private static func appendQuoted(_ text: String, to result: inout String) {
        result += "\""
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            result += text
            return result += "\""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
    }
}
