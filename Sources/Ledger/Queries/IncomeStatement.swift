/// The income and distribution statement (收益及收益分配表) of a village for a year up to a month,
/// in the rows of REFERENCE §4:
///
///     经营收益 = 经营收入 − 经营支出 − 税金及附加 − 管理费用 + 投资收益
///     收益总额 = 经营收益 + 补助收入 + 其他收入 − 公益支出 − 其他支出
///     净收益   = 收益总额 − 所得税费用
///     可分配收益 = 净收益 + 年初未分配收益;  年末未分配收益 = 可分配收益 − 本年分配
///
/// Year-end closing vouchers (those touching 本年收益, 321) are left out of the income rows, which
/// report what was earned and spent. Distributions are the year's debits to 收益分配 (322) other
/// than closings, by summary.
///
/// ```swift
/// let statement = try await LedgerQueries(store: store).incomeStatement(village: code, year: "2026", through: "2026-12")
/// statement.netFen
/// ```
public struct IncomeStatement: Codable, Sendable {
    public struct Row: Codable, Sendable, Equatable {
        public let name: String
        public let account: String?
        public let amountFen: Int64
    }

    public let villageCode: String
    public let through: String
    public let rows: [Row]
    public let operatingFen: Int64
    public let totalFen: Int64
    public let netFen: Int64
    public let distributions: [Row]
    public let undistributedAtStartFen: Int64
    public let distributableFen: Int64
    public let undistributedAtEndFen: Int64

    /// The signs of the income rows: what adds to the collective's income and what takes from it.
    static let operating: [(String, Int64)] = [("501", 1), ("511", -1), ("512", -1), ("513", -1), ("502", 1)]
    static let other: [(String, Int64)] = [("503", 1), ("504", 1), ("514", -1), ("515", -1)]
    static let tax = "521"
}
