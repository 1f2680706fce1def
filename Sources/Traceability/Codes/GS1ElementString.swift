/// GS1 element strings (GS1 General Specifications §3): application identifiers and their
/// values, written with parentheses for people, or run together with FNC1 (sent as ASCII GS,
/// 0x1D) after each variable-length value, as a scanner types a GS1-128 or DataMatrix symbol.
///
/// ```swift
/// GS1ElementString.parse("(01)09521234543213(10)ABC")   // [("01", "09521234543213"), ("10", "ABC")]
/// GS1ElementString.parse("]C10109521234543213")         // [("01", "09521234543213")]
/// ```
public enum GS1ElementString {
    static let groupSeparator: Character = "\u{1D}"

    /// An application identifier this product reads: its name and the length of its value.
    struct Identifier {
        let name: String
        let lengths: ClosedRange<Int>
        let numeric: Bool
    }

    /// The identifiers REFERENCE §3 names; 310n carries its decimal places in n.
    static func identifier(_ ai: String) -> Identifier? {
        switch ai {
        case "00": Identifier(name: "sscc", lengths: 18...18, numeric: true)
        case "01": Identifier(name: "gtin", lengths: 14...14, numeric: true)
        case "10": Identifier(name: "lot", lengths: 1...20, numeric: false)
        case "11": Identifier(name: "production_date", lengths: 6...6, numeric: true)
        case "13": Identifier(name: "pack_date", lengths: 6...6, numeric: true)
        case "15": Identifier(name: "best_before", lengths: 6...6, numeric: true)
        case "17": Identifier(name: "expiry", lengths: 6...6, numeric: true)
        case "21": Identifier(name: "serial", lengths: 1...20, numeric: false)
        case "422": Identifier(name: "origin_country", lengths: 3...3, numeric: true)
        case "7007": Identifier(name: "harvest_date", lengths: 6...12, numeric: true)
        case "3100", "3101", "3102", "3103", "3104", "3105":
            Identifier(name: "net_kg_\(ai.last!)", lengths: 6...6, numeric: true)
        default: nil
        }
    }

    /// Symbology identifiers a scanner may send before the data (GS1-128, DataMatrix, QR).
    static let symbologyPrefixes = ["]C1", "]D2", "]Q3", "]E0", "]J1"]

    /// The (identifier, value) pairs of an element string, or `nil` if it is not one.
    public static func parse(_ text: String) -> [(String, String)]? {
        if text.hasPrefix("(") { return parseBracketed(text) }
        var body = Substring(text)
        var marked = false
        if let prefix = symbologyPrefixes.first(where: { text.hasPrefix($0) }) {
            body = body.dropFirst(prefix.count)
            marked = true
        }
        if body.first == groupSeparator {
            body = body.dropFirst()
            marked = true
        }
        // Without a mark, only digits that begin with an SSCC or GTIN are read as an element string,
        // so that national formats of plain digits are not mistaken for one.
        guard marked || body.hasPrefix("01") || body.hasPrefix("00") else { return nil }
        return parseConcatenated(body)
    }

    private static func parseBracketed(_ text: String) -> [(String, String)]? {
        var pairs: [(String, String)] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return nil }
            let ai = String(rest[rest.index(after: rest.startIndex)..<close])
            let afterClose = rest.index(after: close)
            let end = rest[afterClose...].firstIndex(of: "(") ?? rest.endIndex
            let value = String(rest[afterClose..<end])
            guard let identifier = identifier(ai), accepts(value, identifier) else { return nil }
            pairs.append((ai, value))
            rest = rest[end...]
        }
        return pairs.isEmpty ? nil : pairs
    }

    private static func parseConcatenated(_ text: Substring) -> [(String, String)]? {
        var pairs: [(String, String)] = []
        var rest = text
        while !rest.isEmpty {
            guard let (ai, identifier) = [2, 3, 4].lazy.compactMap({ length -> (String, Identifier)? in
                let ai = String(rest.prefix(length))
                return ai.count == length ? identifier(ai).map { (ai, $0) } : nil
            }).first else { return nil }
            rest = rest.dropFirst(ai.count)
            let value: Substring
            if identifier.lengths.count == 1 {
                value = rest.prefix(identifier.lengths.upperBound)
                rest = rest.dropFirst(value.count)
            } else {
                value = rest.prefix { $0 != groupSeparator }.prefix(identifier.lengths.upperBound)
                rest = rest.dropFirst(value.count)
            }
            if rest.first == groupSeparator { rest = rest.dropFirst() }
            guard accepts(String(value), identifier) else { return nil }
            pairs.append((ai, String(value)))
        }
        return pairs.isEmpty ? nil : pairs
    }

    private static func accepts(_ value: String, _ identifier: Identifier) -> Bool {
        identifier.lengths.contains(value.count)
            && value.allSatisfy { $0.isASCII && (identifier.numeric ? $0.isNumber : $0 != groupSeparator) }
    }
}
