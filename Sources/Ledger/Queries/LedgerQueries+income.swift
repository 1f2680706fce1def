import DomainCore
import Sync
import StoreInterface

extension LedgerQueries {
    public func incomeStatement(village: String, through month: String) async throws -> IncomeStatement {
        guard let period = LedgerPeriod(month), period.months.count == 1 else {
            throw DomainError.invalidField("through", message: "月份须为 YYYY-MM", messageEN: "through must be YYYY-MM")
        }
        return try await store.reading { transaction in
            try Self.incomeStatement(try transaction.ledger, village: village, through: month, end: period.end)
        }
    }

    static func incomeStatement(_ ledger: any LedgerTransaction, village: String, through month: String, end: String) throws
        -> IncomeStatement
    {
        let yearStart = String(month.prefix(4)) + "-01-01"
        let accounts = try accounts(ledger)
        let moved = Dictionary(
            uniqueKeysWithValues: try ledger.movements(village: village, from: yearStart, to: end, excludingClosings: true).map {
                ($0.account, $0.credit - $0.debit)  // signed on the credit side: income positive
            })
        var rows: [IncomeStatement.Row] = []
        /// Each row shown on its own side (income and expenses both positive), summed with its sign.
        func add(_ lines: [(String, Int64)], subtotal: String, from start: Int64) -> Int64 {
            var sum = start
            for (code, sign) in lines {
                let amount = sign * (moved[code] ?? 0)
                rows.append(.init(name: accounts[code]?.name ?? code, account: code, amountFen: amount))
                sum += sign * amount
            }
            rows.append(.init(name: subtotal, account: nil, amountFen: sum))
            return sum
        }
        let operating = add(IncomeStatement.operating, subtotal: "经营收益", from: 0)
        let total = add(IncomeStatement.other, subtotal: "收益总额", from: operating)
        let tax = -(moved[IncomeStatement.tax] ?? 0)
        rows.append(.init(name: accounts[IncomeStatement.tax]?.name ?? "所得税费用", account: IncomeStatement.tax, amountFen: tax))
        let net = total - tax
        rows.append(.init(name: "净收益", account: nil, amountFen: net))

        // Undistributed income (322) is a credit balance: signed on the credit side.
        let atStart = -(try ledger.balance(village: village, account: "322", subaccount: nil, before: yearStart))
        let distributions = Self.distributions(
            try ledger.lines(village: village, account: "322", subaccount: nil, from: yearStart, to: end, excludingClosings: true))
        let distributable = net + atStart
        return IncomeStatement(
            villageCode: village, through: month, rows: rows, operatingFen: operating, totalFen: total, netFen: net,
            distributions: distributions, undistributedAtStartFen: atStart, distributableFen: distributable,
            undistributedAtEndFen: distributable - distributions.reduce(0) { $0 + $1.amountFen })
    }

    /// What was distributed from undistributed income (its debits), summed by summary, first paid first.
    static func distributions(_ lines: [LedgerLineEntry]) -> [IncomeStatement.Row] {
        var order: [String] = []
        var sums: [String: (first: String, amount: Int64)] = [:]
        for line in lines where line.debitFen != 0 {
            if let held = sums[line.summary] {
                sums[line.summary] = (min(held.first, line.voucherDate), held.amount + line.debitFen)
            } else {
                order.append(line.summary)
                sums[line.summary] = (line.voucherDate, line.debitFen)
            }
        }
        return order.sorted { (sums[$0]!.first, $0) < (sums[$1]!.first, $1) }.map {
            IncomeStatement.Row(name: $0, account: "322", amountFen: sums[$0]!.amount)
        }
    }
}
