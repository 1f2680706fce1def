import Sync
public import StoreInterface

/// The ledger module's reads: the reports of REFERENCE §4, journals, sub-ledgers, registers,
/// disclosures and the audit trail, all from local data. Every report sums `ledger_line`, where
/// ``LedgerArrivals`` lays out each posted voucher's lines.
///
/// ```swift
/// let books = LedgerQueries(store: store)   // any TransactionStore
/// let trial = try await books.trialBalance(village: "441422107201", from: "2026-01", through: "2026-03")
/// trial.balanced   // Σ debits = Σ credits, at the opening, in the period and at the close
/// ```
public struct LedgerQueries: Sendable {
    let store: any TransactionStore

    public init(store: any TransactionStore) { self.store = store }

    /// The accounts of the current chart, by code.
    static func accounts(_ ledger: any LedgerTransaction) throws -> [String: LedgerAccount] {
        let accounts = try ledger.accounts(chart: ChartOfAccounts.current)
        return Dictionary(accounts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
