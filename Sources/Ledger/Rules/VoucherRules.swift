public import ChinaLocale
import Foundation
import DomainCore

/// The rules a voucher meets before it is kept (记账凭证规则), each refusal naming the field:
/// at least two lines; each line a summary, a 2023 account, a sub-account the village has opened
/// under it (required under 内部往来), and an amount on one side only; debits equal credits and
/// are above zero; the date a real day, not after today and not in a closed month.
///
/// ```swift
/// try VoucherRules.check(entry, village: "441422107201", today: .today(), try transaction.ledger)
/// ```
public enum VoucherRules {
    /// The most lines one voucher may have.
    static let maximumLines = 200

    /// Checks an entry against the chart and the village's sub-accounts and closed months.
    ///
    /// - Parameter today: the day the voucher may not be dated after; `nil` where the day is not
    ///   this machine's to judge (a voucher a station posted, by its own clock).
    public static func check(_ entry: VoucherEntry, village: String, today: BeijingDay?, _ ledger: any LedgerTransaction) throws {
        guard let day = BeijingDay(entry.voucherDate) else {
            throw DomainError.invalidField("voucher_date", message: "日期须为 YYYY-MM-DD", messageEN: "voucher_date must be YYYY-MM-DD")
        }
        if let today, day > today {
            throw DomainError.invalidField("voucher_date", message: "凭证日期不能晚于今天", messageEN: "voucher_date must not be after today")
        }
        if try ledger.isClosed(LedgerPeriod.month(of: day), village: village) {
            throw DomainError.invalidField(
                "voucher_date", message: "\(LedgerPeriod.month(of: day)) 已结账，不能再记入", messageEN: "the month of voucher_date is closed")
        }
        guard (0...999).contains(entry.attachments) else {
            throw DomainError.invalidField("attachments", message: "附件张数须为 0–999", messageEN: "attachments must be 0 to 999")
        }
        guard (2...maximumLines).contains(entry.lines.count) else {
            throw DomainError.invalidField("lines", message: "凭证至少两行分录，至多 200 行", messageEN: "lines must hold 2 to 200 lines")
        }
        let accounts = Set(try ledger.accounts(chart: ChartOfAccounts.current).map(\.code))
        for (index, line) in entry.lines.enumerated() {
            try check(line, at: "lines[\(index)]", accounts: accounts, village: village, ledger)
        }
        let debit = entry.lines.reduce(Int64(0)) { $0 + $1.debitFen }
        let credit = entry.lines.reduce(Int64(0)) { $0 + $1.creditFen }
        guard debit == credit else {
            throw DomainError.invalidField(
                "lines", message: "借贷不平：借方 \(Fen.format(debit)) 元，贷方 \(Fen.format(credit)) 元",
                messageEN: "debits (\(debit) fen) must equal credits (\(credit) fen)")
        }
        guard debit > 0 else {
            throw DomainError.invalidField("lines", message: "凭证金额须大于 0", messageEN: "the voucher's total must be above zero")
        }
    }

    static func check(_ line: VoucherLine, at path: String, accounts: Set<String>, village: String, _ ledger: any LedgerTransaction) throws {
        let summary = line.summary.trimmingCharacters(in: .whitespaces)
        guard !summary.isEmpty, summary.count <= 60 else {
            throw DomainError.invalidField("\(path).summary", message: "每行须有摘要（60 字以内）", messageEN: "\(path).summary must be 1 to 60 characters")
        }
        guard accounts.contains(line.account) else {
            throw DomainError.invalidField("\(path).account", message: "科目 \(line.account) 不在 2023 年科目表中", messageEN: "\(path).account is not a 2023 account")
        }
        guard (line.debitFen > 0) != (line.creditFen > 0), line.debitFen >= 0, line.creditFen >= 0 else {
            throw DomainError.invalidField(
                path, message: "每行只能填借方或贷方之一，且金额大于 0", messageEN: "\(path) must have a positive debit or a positive credit, not both")
        }
        guard max(line.debitFen, line.creditFen) <= maximumLineFen else {
            throw DomainError.invalidField(path, message: "单行金额不超过 10 亿元", messageEN: "\(path) must be at most 1,000,000,000 yuan")
        }
        if let sub = line.subaccount {
            let parent = try ledger.parentAccount(ofSubaccount: sub, village: village)
            guard parent == line.account else {
                throw DomainError.invalidField(
                    "\(path).subaccount", message: "明细科目 \(sub) 不在 \(line.account) 之下", messageEN: "\(path).subaccount is not opened under \(line.account)")
            }
        } else if line.account == "113" {
            throw DomainError.invalidField(
                "\(path).subaccount", message: "内部往来须记到户", messageEN: "\(path).subaccount is required under 113 (one per household)")
        }
    }

    /// Lines as a voucher or a draft holds them, read back: `nil` if the text is not lines, or
    /// holds more than a voucher may, or an amount beyond a line's ceiling (either sign: a red
    /// reversing voucher's are negative), so that no sum of them can overflow.
    static func decodedLines(_ text: String) -> [VoucherLine]? {
        guard let lines = try? JSONCoding.decoder.decode([VoucherLine].self, from: Data(text.utf8)),
            lines.count <= maximumLines,
            lines.allSatisfy({ abs($0.debitFen) <= maximumLineFen && abs($0.creditFen) <= maximumLineFen })
        else { return nil }
        return lines
    }

    /// The most one line may carry: 10 亿元.
    static let maximumLineFen: Int64 = 100_000_000_000

    /// Lines as stored and hashed: canonical JSON, keys sorted, snake_case.
    static func encoded(_ lines: [VoucherLine]) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(lines), as: UTF8.self)
    }
}
