/// A journal of one account or sub-account (日记账/明细账) over a span: the cash journal (101),
/// the bank journal (102), or one household's sub-ledger under 内部往来 (113), each entry with the
/// balance after it, signed on the debit side.
///
/// ```swift
/// let cash = try await LedgerQueries(store: store).journal(village: code, account: "101", from: "2026-01", through: "2026-03")
/// cash.entries.last?.balanceFen == cash.closingFen   // true
/// ```
public struct Journal: Codable, Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public let voucherDate: String
        public let period: String
        public let number: Int
        public let summary: String
        public let debitFen: Int64
        public let creditFen: Int64
        public let balanceFen: Int64
    }

    public let villageCode: String
    public let account: String
    public let subaccount: String?
    public let openingFen: Int64
    public let entries: [Entry]
    public let closingFen: Int64
}

/// What the collective and a household owe each other (内部往来 by household): a debit balance is
/// the household's debt (应收), a credit balance the collective's (应付).
public struct HouseholdBalance: Codable, Sendable, Equatable {
    public let code: String
    public let name: String
    public let balanceFen: Int64
    public var kind: String { balanceFen > 0 ? "应收" : balanceFen < 0 ? "应付" : "结清" }

    enum CodingKeys: String, CodingKey { case code, name, balanceFen, kind }

    public init(code: String, name: String, balanceFen: Int64) {
        (self.code, self.name, self.balanceFen) = (code, name, balanceFen)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(String.self, forKey: .code), name: try container.decode(String.self, forKey: .name),
            balanceFen: try container.decode(Int64.self, forKey: .balanceFen))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(balanceFen, forKey: .balanceFen)
        try container.encode(kind, forKey: .kind)
    }
}
