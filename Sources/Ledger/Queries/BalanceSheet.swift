/// The balance sheet (资产负债表) of a village at a month's end: assets on one side, debts and the
/// collective's equity on the other. 内部往来 is split by household: a debit balance is a
/// receivable, a credit balance a payable. Income and expenses not yet carried into 本年收益 at
/// the year's end appear as its own line, so the two sides agree at any month.
///
/// ```swift
/// let sheet = try await LedgerQueries(store: store).balanceSheet(village: code, at: "2026-06")
/// sheet.balanced   // 资产合计 = 负债和所有者权益合计
/// ```
public struct BalanceSheet: Codable, Sendable {
    public struct Line: Codable, Sendable, Equatable {
        public let account: String
        public let name: String
        public let amountFen: Int64

        struct Key: Hashable { let account, name: String }
        var key: Key { Key(account: account, name: name) }
    }

    public let villageCode: String
    public let month: String
    public let assets: [Line]
    public let liabilities: [Line]
    public let equity: [Line]

    public let totalAssetsFen: Int64
    public let totalLiabilitiesFen: Int64
    public let totalEquityFen: Int64
    /// 资产合计 = 负债合计 + 所有者权益合计.
    public let balanced: Bool

    init(villageCode: String, month: String, assets: [Line], liabilities: [Line], equity: [Line]) {
        (self.villageCode, self.month, self.assets, self.liabilities, self.equity) = (villageCode, month, assets, liabilities, equity)
        totalAssetsFen = assets.reduce(0) { $0 + $1.amountFen }
        totalLiabilitiesFen = liabilities.reduce(0) { $0 + $1.amountFen }
        totalEquityFen = equity.reduce(0) { $0 + $1.amountFen }
        balanced = totalAssetsFen == totalLiabilitiesFen + totalEquityFen
    }

    /// One line an account: households' receivables summed into one 内部往来 line, and so on.
    static func merged(_ lines: [Line]) -> [Line] {
        var sums: [Line.Key: Int64] = [:]
        for line in lines { sums[line.key, default: 0] += line.amountFen }
        return sums.keys.sorted { ($0.account, $0.name) < ($1.account, $1.name) }.map {
            Line(account: $0.account, name: $0.name, amountFen: sums[$0]!)
        }
    }
}
