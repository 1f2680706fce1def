/// What a trace code was recognised as: its kind and the parts read from it.
///
/// A code no recogniser knows is `opaque`, never "invalid": it may still be a code some producer
/// printed, and is looked up as it stands. A code shaped like a GTIN, SSCC or credit code whose
/// check character is wrong is reported as `mistyped`, with the character expected.
///
/// ```swift
/// let reading = TraceCode("(01)09521234543213(10)A1").reading
/// reading.kind                       // .gs1ElementString
/// reading.value(of: "gtin")          // "09521234543213"
/// ```
public struct CodeReading: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case gs1DigitalLink = "gs1_digital_link"
        case gs1ElementString = "gs1_element_string"
        case gtin
        case sscc
        case creditCode = "credit_code"
        case veterinaryDrug = "veterinary_drug"
        case pesticideLabel = "pesticide_label"
        case seedLabel = "seed_label"
        case opaque
    }

    /// One part read from a code, such as `gtin`, `lot`, `expiry` or `organisation`.
    public struct Part: Sendable, Hashable, Codable {
        public let name: String
        public let value: String
    }

    /// A check character that does not match the rest of the code: most likely a typing slip.
    public struct Mistyped: Sendable, Hashable, Codable {
        /// What the code looks like (`gtin`, `sscc`, `credit_code`).
        public let shape: Kind
        public let expected: String
        public let found: String
        /// Where the check character stands, in words a villager reads: 最后一位 of a bare code, or
        /// 商品条码（01）的第 14 位 when the code goes on with a lot or a date after it.
        public let place: String
    }

    public let kind: Kind
    public let parts: [Part]
    public let mistyped: Mistyped?

    init(_ kind: Kind, _ parts: [(String, String)] = [], mistyped: Mistyped? = nil) {
        self.kind = kind
        self.parts = parts.map { Part(name: $0.0, value: $0.1) }
        self.mistyped = mistyped
    }

    static func mistyped(_ shape: Kind, expected: String, found: String, place: String = "最后一位") -> CodeReading {
        CodeReading(.opaque, mistyped: Mistyped(shape: shape, expected: expected, found: found, place: place))
    }

    /// The value of a named part, if the code has it.
    public func value(of name: String) -> String? {
        parts.first { $0.name == name }?.value
    }
}
