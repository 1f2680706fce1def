/// One field's value as it travels: null, a whole number (money is integer 分), a real, or text.
///
/// ```swift
/// let fields: [String: SyncValue] = ["name": "侯南村", "amount_fen": 120_000, "note": nil]
/// ```
public enum SyncValue: Hashable, Sendable, Codable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral, CustomStringConvertible
{
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }

    /// The text, if the value is text.
    public var textValue: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// Whether two values are of the same kind: both null, whole numbers, reals or text.
    public func isSameKind(as other: SyncValue) -> Bool {
        switch (self, other) {
        case (.null, .null), (.integer, .integer), (.real, .real), (.text, .text): true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        }
    }

    /// A value, or a document's rows sent as columns (``RowsAsColumns``) as the text they stand for.
    public init(from decoder: any Decoder) throws {
        // Scalars first: nearly every value is one, and columns are tried only when it is not.
        do {
            try self.init(scalarFrom: decoder)
        } catch {
            guard let columns = try? RowsAsColumns.Columns(from: decoder) else { throw error }
            do {
                self = .text(try RowsAsColumns.rowsText(columns))
            } catch {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected \(error.expected)"))
            }
        }
    }

    /// `null`, a number or a string, and nothing deeper.
    init(scalarFrom decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .real(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    /// The value; a document's rows as columns when the encoder is told so (``RowsAsColumns/userInfoKey``).
    public func encode(to encoder: any Encoder) throws {
        if case .text(let text) = self, encoder.userInfo[RowsAsColumns.userInfoKey] as? Bool == true,
            let columns = RowsAsColumns.columns(rows: text)
        {
            return try columns.encode(to: encoder)
        }
        try encodeScalar(to: encoder)
    }

    func encodeScalar(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }
}
