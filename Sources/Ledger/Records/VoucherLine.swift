/// One line of a journal voucher (记账凭证): a summary (摘要), an account with an optional
/// sub-account, and an amount in 分 on one side only.
///
/// ```swift
/// VoucherLine(summary: "收到村道维修补助", account: "102", debitFen: 5_000_000)
/// ```
public struct VoucherLine: Codable, Sendable, Equatable {
    public var summary: String
    /// A 2023 first-level account code.
    public var account: String
    /// A sub-account code under it (a household under 内部往来), or absent.
    public var subaccount: String?
    public var debitFen: Int64
    public var creditFen: Int64

    public init(summary: String, account: String, subaccount: String? = nil, debitFen: Int64 = 0, creditFen: Int64 = 0) {
        self.summary = summary
        self.account = account
        self.subaccount = subaccount
        self.debitFen = debitFen
        self.creditFen = creditFen
    }

    /// The line with its amount on the same side and of opposite sign: a red reversing line (红字).
    var reversed: VoucherLine {
        VoucherLine(summary: "冲销：" + summary, account: account, subaccount: subaccount, debitFen: -debitFen, creditFen: -creditFen)
    }
}
