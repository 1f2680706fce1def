import DomainCore

/// A trace code (追溯码) as scanned or typed, kept as an opaque string and read by the
/// recognisers of REFERENCE §3 in order: GS1 Digital Link, GS1 element string, bare GTIN or SSCC,
/// a code built on a credit code, the national formats for veterinary drugs, pesticides and seeds.
///
/// The text is trimmed and ASCII upper-cased, so that a code typed in lower case finds the same
/// record. Records are found by ``lookupKey``: GS1 codes by their identifiers, however written.
///
/// ```swift
/// let code = try TraceCode("https://id.example.cn/01/09521234543213/10/a1")
/// code.lookupKey   // "01 09521234543213 10 A1"
/// ```
public struct TraceCode: Sendable, Hashable {
    /// The code as stored: trimmed, ASCII upper-cased.
    public let text: String
    public let reading: CodeReading

    public static let maximumLength = 128

    /// - Throws: ``DomainError`` naming `field` when the code is empty or longer than 128 characters.
    public init(_ raw: String, field: String = "code") throws {
        let trimmed = raw.trimmingASCIISpaces()
        guard !trimmed.isEmpty else {
            throw DomainError.invalidField(field, message: "追溯码不能为空", messageEN: "\(field) must not be empty")
        }
        guard trimmed.count <= Self.maximumLength else {
            throw DomainError.invalidField(
                field, message: "追溯码最长 128 个字符", messageEN: "\(field) must be at most 128 characters")
        }
        self.text = String(trimmed.map { $0.isASCII ? Character($0.uppercased()) : $0 })
        self.reading = Self.read(text)
    }

    /// The key a record is found by: GS1 identifiers in a fixed order, else the code itself.
    public var lookupKey: String {
        switch reading.kind {
        case .gs1DigitalLink, .gs1ElementString, .gtin, .sscc:
            ["sscc", "gtin", "lot", "serial"].compactMap { name in
                reading.value(of: name).map { "\(Self.identifierOf[name]!) \($0)" }
            }.joined(separator: " ")
        default: text
        }
    }

    static let identifierOf = ["sscc": "00", "gtin": "01", "lot": "10", "serial": "21"]

    static func read(_ text: String) -> CodeReading {
        if let pairs = GS1DigitalLink.parse(text) { return gs1(pairs, kind: .gs1DigitalLink) }
        if let pairs = GS1ElementString.parse(text) { return gs1(pairs, kind: .gs1ElementString) }
        let digits = text.allSatisfy { $0.isASCII && $0.isNumber }
        if digits, [8, 12, 13, 14].contains(text.count) { return checked(text, as: .gtin, name: "gtin") }
        if digits, text.count == 18 {
            // Eighteen digits are an SSCC or a credit code of digits only; whichever checks is meant.
            if !GS1CheckDigit.isValid(text), let credit = creditCodeReading(text), credit.mistyped == nil { return credit }
            return checked(text, as: .sscc, name: "sscc")
        }
        if let reading = creditCodeReading(text) { return reading }
        return NationalCodeFormats.read(text) ?? CodeReading(.opaque)
    }

    private static func gs1(_ pairs: [(String, String)], kind: CodeReading.Kind) -> CodeReading {
        let named = pairs.map { (GS1ElementString.identifier($0.0)?.name ?? $0.0, $0.1) }
        for (name, value) in named where name == "gtin" || name == "sscc" {
            guard !GS1CheckDigit.isValid(value) else { continue }
            // The check digit ends the GTIN or SSCC, not the code: a lot or a date may follow it.
            let place = name == "gtin" ? "商品条码（01）的第 \(value.count) 位" : "物流码（00）的第 \(value.count) 位"
            return mistyped(value, as: name == "gtin" ? .gtin : .sscc, place: named.count == 1 ? "最后一位" : place)
        }
        return CodeReading(kind, named)
    }

    private static func checked(_ digits: String, as kind: CodeReading.Kind, name: String) -> CodeReading {
        guard GS1CheckDigit.isValid(digits) else { return mistyped(digits, as: kind) }
        let padded = kind == .gtin ? String(repeating: "0", count: 14 - digits.count) + digits : digits
        return CodeReading(kind, [(name, padded)])
    }

    private static func mistyped(_ digits: String, as kind: CodeReading.Kind, place: String = "最后一位") -> CodeReading {
        let expected = GS1CheckDigit.expected(forBody: digits.dropLast()).map(String.init) ?? "?"
        return .mistyped(kind, expected: expected, found: String(digits.last!), place: place)
    }

    /// A credit code alone, or followed by the producer's own serial.
    private static func creditCodeReading(_ text: String) -> CodeReading? {
        let head = text.prefix(18)
        guard CreditCode.isShaped(head) else { return nil }
        let expected = CreditCode.expectedCheck(forBody: head.prefix(17))!
        guard expected == head.last else {
            // Only a bare 18 characters is surely a mistyped credit code; a longer code may be anything.
            return text.count == 18 ? .mistyped(.creditCode, expected: String(expected), found: String(head.last!)) : nil
        }
        var parts = [("credit_code", String(head)), ("organisation", CreditCode.organisation(of: head.prefix(2)))]
        if text.count > 18 { parts.append(("serial", String(text.dropFirst(18)))) }
        return CodeReading(.creditCode, parts)
    }
}

extension String {
    /// Without the spaces, tabs and line ends a scanner or a person adds around a code. Control
    /// characters such as GS (0x1D) are kept: they separate a GS1 element string's values.
    func trimmingASCIISpaces() -> Substring {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        var slice = Substring(self)
        while let first = slice.first, space(first) { slice.removeFirst() }
        while let last = slice.last, space(last) { slice.removeLast() }
        return slice
    }
}
