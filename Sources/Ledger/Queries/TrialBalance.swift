/// The trial balance (科目余额表) of a village for a span of months: each account's opening
/// balance, debits and credits in the span, and closing balance, with the totals that must agree.
///
/// Balances are signed on the debit side (positive: 借, negative: 贷); `direction` and
/// `balanceFen` say them as a bookkeeper reads them.
///
/// ```swift
/// let trial = try await LedgerQueries(store: store).trialBalance(village: code, from: "2026-01", through: "2026-12")
/// ```
public struct TrialBalance: Codable, Sendable {
    public struct Row: Codable, Sendable, Equatable {
        public let account: String
        public let name: String
        public let openingFen: Int64
        public let debitFen: Int64
        public let creditFen: Int64
        public let closingFen: Int64

        /// 借 or 贷 (or 平 when zero), and the closing balance's size.
        public var direction: String { closingFen > 0 ? "借" : closingFen < 0 ? "贷" : "平" }
    }

    public let villageCode: String
    public let from: String
    public let through: String
    public let rows: [Row]
    public let totalDebitFen: Int64
    public let totalCreditFen: Int64
    /// Opening and closing balances sum to zero, and the span's debits equal its credits.
    public let balanced: Bool
}
