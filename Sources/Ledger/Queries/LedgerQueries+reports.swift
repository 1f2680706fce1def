import GRDB
import WebAPI

extension LedgerQueries {
    /// The trial balance from the first day of `from` up to the end of `through` (months, `YYYY-MM`).
    public func trialBalance(village: String, from: String, through: String) async throws -> TrialBalance {
        guard let start = LedgerPeriod(from), let end = LedgerPeriod(through), start.first < end.end else {
            throw APIError.invalidField("from", message: "期间须为 YYYY-MM，且起不晚于止", messageEN: "from and through must be YYYY-MM, from first")
        }
        return try await store.pool.read { db in try Self.trialBalance(db, village: village, start: start.first, end: end.end, from: from, through: through) }
    }

    static func trialBalance(_ db: Database, village: String, start: String, end: String, from: String, through: String) throws -> TrialBalance {
        let accounts = try accounts(db)
        let opening = Dictionary(uniqueKeysWithValues: try movements(db, village: village, from: nil, to: start).map { ($0.account, $0.debit - $0.credit) })
        let span = Dictionary(uniqueKeysWithValues: try movements(db, village: village, from: start, to: end).map { ($0.account, $0) })
        let codes = Set(opening.keys).union(span.keys).sorted()
        let rows = codes.map { code in
            let open = opening[code] ?? 0
            let moved = span[code]
            return TrialBalance.Row(
                account: code, name: accounts[code]?.name ?? code, openingFen: open, debitFen: moved?.debit ?? 0,
                creditFen: moved?.credit ?? 0, closingFen: open + (moved?.debit ?? 0) - (moved?.credit ?? 0))
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
            throw APIError.invalidField("month", message: "月份须为 YYYY-MM", messageEN: "month must be YYYY-MM")
        }
        return try await store.pool.read { db in try Self.balanceSheet(db, village: village, month: month, end: period.end) }
    }

    static func balanceSheet(_ db: Database, village: String, month: String, end: String) throws -> BalanceSheet {
        let accounts = try accounts(db)
        var assets: [BalanceSheet.Line] = [], liabilities: [BalanceSheet.Line] = [], equity: [BalanceSheet.Line] = []
        var unclosed: Int64 = 0
        for movement in try movements(db, village: village, from: nil, to: end, bySubaccount: true) {
            let balance = movement.debit - movement.credit
            guard let account = accounts[movement.account], balance != 0 else { continue }
            let name = account.name
            switch account.accountClass {
            case .income, .expense: unclosed -= balance
            case .asset where movement.account == "113" && balance < 0:  // a household the collective owes
                liabilities.append(.init(account: "113", name: "内部往来（应付）", amountFen: -balance))
            case .asset, .cost: assets.append(.init(account: movement.account, name: name, amountFen: balance))
            case .liability: liabilities.append(.init(account: movement.account, name: name, amountFen: -balance))
            case .equity: equity.append(.init(account: movement.account, name: name, amountFen: -balance))
            }
        }
        if unclosed != 0 { equity.append(.init(account: "321", name: "本年收益（未结转）", amountFen: unclosed)) }
        return BalanceSheet(
            villageCode: village, month: month, assets: BalanceSheet.merged(assets), liabilities: BalanceSheet.merged(liabilities),
            equity: BalanceSheet.merged(equity))
    }
}
