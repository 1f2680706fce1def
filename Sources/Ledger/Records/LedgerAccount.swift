import StoreInterface
public import Sync

/// A first-level account (一级科目) of a chart of accounts (会计科目表), as versioned data: the 2023
/// chart of 农村集体经济组织会计制度 (财会〔2023〕14号) and the 2004 chart older books were kept in,
/// each 2004 account naming the 2023 account it reads as.
///
/// ```swift
/// let cash = ChartOfAccounts.chart2023.first { $0.code == "101" }!
/// cash.normalBalance   // .debit
/// ```
public struct LedgerAccount: SyncRecord, Sendable, Equatable {
    /// `{chart}:{code}`, such as `2023:101`.
    public let id: String
    public let chart: String
    public let code: String
    public let name: String
    public let normalBalance: NormalBalance
    public let accountClass: AccountClass
    /// For an account of an older chart, the 2023 account it maps to.
    public let mapsTo: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, chart, code, name, normalBalance, accountClass, mapsTo
    }

    public init(chart: String, code: String, name: String, normalBalance: NormalBalance, accountClass: AccountClass, mapsTo: String? = nil) {
        self.id = "\(chart):\(code)"
        self.chart = chart
        self.code = code
        self.name = name
        self.normalBalance = normalBalance
        self.accountClass = accountClass
        self.mapsTo = mapsTo
    }
}

/// The side on which an account's balance normally stands (余额方向).
public enum NormalBalance: String, Codable, Sendable {
    case debit, credit
}

/// The class of an account (科目类别), which report it lands in.
public enum AccountClass: String, Codable, Sendable {
    case asset, liability, equity, cost, income, expense

    public var label: String {
        switch self {
        case .asset: "资产类"
        case .liability: "负债类"
        case .equity: "所有者权益类"
        case .cost: "成本类"
        case .income: "损益类（收入）"
        case .expense: "损益类（支出）"
        }
    }
}
