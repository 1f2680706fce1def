import DomainCore
import Sync
import StoreInterface

extension LedgerQueries {
    /// The trial balance from the first day of `from` up to the end of `through` (months, `YYYY-MM`).
    public func trialBalance(village: String, from: String, through: String) async throws -> TrialBalance {
        guard let start = LedgerPeriod(from), let end = LedgerPeriod(through), start.first < end.end else {
            throw DomainError.invalidField("from", message: "期间须为 YYYY-MM，且起不晚于止", messageEN: "from and through must be YYYY-MM, from first")
        }
        return try await store.reading { transaction in
            try Self.trialBalance(try transaction.ledger, village: village, start: start.first, end: end.end, from: from, through: through)
        }
    }

    static func trialBalance(
        _ ledger: any LedgerTransaction, village: String, start: String, end: String, from: String, through: String
    ) throws -> TrialBalance {
        let accounts = try accounts(ledger)
        let rows = try ledger.trialBalanceSums(village: village, start: start, end: end).map { sums in
            let (code, opening, debit, credit) = (sums.account, sums.opening, sums.debit, sums.credit)
            return TrialBalance.Row(
                account: code, name: accounts[code]?.name ?? code, openingFen: opening, debitFen: debit, creditFen: credit,
                closingFen: opening + debit - credit)
        }
        let debit = rows.reduce(0) { $0 + $1.debitFen }
        let credit = rows.reduce(0) { $0 + $1.creditFen }
        return TrialBalance(
            villageCode: village, from: from, through: through, rows: rows, totalDebitFen: debit, totalCreditFen: credit,
            balanced: debit == credit && rows.reduce(0) { $0 + $1.openingFen } == 0 && rows.reduce(0) { $0 + $1.closingFen } == 0)
    }

    /// The balance sheet (资产负债表) at the end of a month.
    public func balanceSheet(village: String, at month: String) async throws -> BalanceSheet {
        guard let period = LedgerPeriod(month), period.months.count == 1 else {
            throw DomainError.invalidField("month", message: "月份须为 YYYY-MM", messageEN: "month must be YYYY-MM")
        }
        return try await store.reading { transaction in
            try Self.balanceSheet(try transaction.ledger, village: village, month: month, end: period.end)
        }
    }

    static func balanceSheet(_ ledger: any LedgerTransaction, village: String, month: String, end: String) throws -> BalanceSheet {
        let accounts = try accounts(ledger)
        var assets: [BalanceSheet.Line] = [], liabilities: [BalanceSheet.Line] = [], equity: [BalanceSheet.Line] = []
        var unclosed: Int64 = 0
        for row in try ledger.balances(village: village, before: end) {
            let (code, balance) = (row.account, row.balance)
            guard let account = accounts[code], balance != 0 else { continue }
            switch account.accountClass {
            case .income, .expense: unclosed -= balance
            case .asset where code == "113" && balance < 0:  // a household the collective owes
                liabilities.append(.init(account: "113", name: "内部往来（应付）", amountFen: -balance))
            case .asset, .cost: assets.append(.init(account: code, name: account.name, amountFen: balance))
            case .liability: liabilities.append(.init(account: code, name: account.name, amountFen: -balance))
            case .equity: equity.append(.init(account: code, name: account.name, amountFen: -balance))
            }
        }
        if unclosed != 0 { equity.append(.init(account: "321", name: "本年收益（未结转）", amountFen: unclosed)) }
        return BalanceSheet(
            villageCode: village, month: month, assets: BalanceSheet.merged(assets), liabilities: BalanceSheet.merged(liabilities),
            equity: BalanceSheet.merged(equity))
    }
}
