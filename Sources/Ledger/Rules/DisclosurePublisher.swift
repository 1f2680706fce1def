import ChinaLocale
public import Foundation
public import Sync
import DomainCore

/// Publishes a village's financial disclosure (村务公开) for a closed month or quarter: a snapshot
/// of its income and expenses entry by entry, its assets, debts and contracts, with personal
/// names masked. Publishing again makes a new version; the kiosk shows the latest.
///
/// ```swift
/// let disclosure = try await DisclosurePublisher(replica: county).publish("2026-Q1", village: code, by: supervisor)
/// ```
public struct DisclosurePublisher: Sendable {
    let replica: Replica
    let now: @Sendable () -> Date

    public init(replica: Replica, now: @escaping @Sendable () -> Date = { Date() }) {
        self.replica = replica
        self.now = now
    }

    public func publish(_ periodText: String, village: String, villageName: String? = nil, by actor: LedgerActor) async throws -> Disclosure {
        try LedgerRoles.require(actor, .supervisor, .poster)
        guard let period = LedgerPeriod(periodText) else {
            throw DomainError.invalidField("period", message: "期间须为 YYYY-MM 或 YYYY-Qn", messageEN: "period must be YYYY-MM or YYYY-Qn")
        }
        if let own = replica.village, own != village {
            throw DomainError.invalidField("village_code", message: "只能公开本村账目", messageEN: "a station discloses its own village only")
        }
        return try await replica.writing { transaction in
            let ledger = try transaction.ledger
            for month in period.months where try !ledger.isClosed(month, village: village) {
                throw DomainError.invalidField("period", message: "\(month) 尚未结账，结账后才能公开", messageEN: "\(month) must be closed before it is disclosed")
            }
            let content = try Self.content(ledger, village: village, period: period, today: BeijingDay(now()))
            let version = try ledger.disclosureCount(village: village, period: period.text) + 1
            let id = "\(village):\(period.text):\(version)"
            let title = "\(villageName ?? village) \(period.label) 财务公开" + (version > 1 ? "（第 \(version) 版）" : "")
            let disclosure = Disclosure(
                id: id, villageCode: village, period: period.text, title: title, publishedBy: actor.name,
                publishedAt: BeijingTime.timestamp(now()), content: content)
            try replica.write(ledger, record: disclosure, id: id, to: LedgerCollections.disclosure)
            try LedgerAudit.record("published", subject: id, by: actor, village: village, at: now(), replica: replica, ledger)
            return try ledger.disclosure(id: id)!
        }
    }

    static let incomeAccounts: Set<String> = ["501", "502", "503", "504"]
    static let expenseAccounts: Set<String> = ["511", "512", "513", "514", "515", "521"]

    static func content(_ ledger: any LedgerTransaction, village: String, period: LedgerPeriod, today: BeijingDay) throws -> DisclosureContent {
        let accounts = try LedgerQueries.accounts(ledger)
        let people = try ledger.personNames(village: village)
        let lines = try ledger.lines(
            village: village, account: nil, subaccount: nil, from: period.first, to: period.end, excludingClosings: true)
        func item(_ line: LedgerLineEntry, _ amount: Int64) -> DisclosureContent.Item {
            DisclosureContent.Item(
                voucherDate: line.voucherDate, voucher: "\(line.period) 第\(line.number)号", account: line.account,
                accountName: accounts[line.account]?.name ?? line.account, summary: PersonalDataMask.names(people, in: line.summary),
                amountFen: amount)
        }
        let income = lines.filter { incomeAccounts.contains($0.account) }.map { item($0, $0.creditFen - $0.debitFen) }
        let expenses = lines.filter { expenseAccounts.contains($0.account) }.map { item($0, $0.debitFen - $0.creditFen) }
        let month = period.months.last!
        let sheet = try LedgerQueries.balanceSheet(ledger, village: village, month: month, end: period.end)
        let cash = sheet.assets.filter { $0.account == "101" || $0.account == "102" }.reduce(0) { $0 + $1.amountFen }
        let assets = try ledger.assets(village: village).map {
            DisclosureContent.Asset(name: $0.name, originalFen: $0.originalFen, netFen: $0.originalFen - Depreciation.accumulated($0, through: month), useStatus: $0.useStatus)
        }
        let contracts = try LedgerQueries.contracts(ledger, village: village, on: today).map {
            DisclosureContent.Contract(
                code: $0.contract.code, subject: $0.contract.subject,
                partyB: $0.contract.partyBKind == "person" ? PersonalDataMask.name($0.contract.partyB) : $0.contract.partyB,
                amountFen: $0.contract.amountFen, receivedFen: $0.receivedFen, nextDueOn: $0.nextDueOn, overdueFen: $0.overdueFen)
        }
        return DisclosureContent(
            periodLabel: period.label, income: income, expenses: expenses, incomeFen: income.reduce(0) { $0 + $1.amountFen },
            expensesFen: expenses.reduce(0) { $0 + $1.amountFen }, cashAndBankFen: cash, assets: assets,
            debts: sheet.liabilities.map { DisclosureContent.Debt(name: $0.name, amountFen: $0.amountFen) }, contracts: contracts)
    }
}
