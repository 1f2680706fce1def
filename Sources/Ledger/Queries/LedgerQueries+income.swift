import GRDB
import DomainCore
import Storage

extension LedgerQueries {
    public func incomeStatement(village: String, through month: String) async throws -> IncomeStatement {
        guard let period = LedgerPeriod(month), period.months.count == 1 else {
            throw DomainError.invalidField("through", message: "月份须为 YYYY-MM", messageEN: "through must be YYYY-MM")
        }
        return try await store.pool.read { db in try Self.incomeStatement(db, village: village, through: month, end: period.end) }
    }

    static func incomeStatement(_ db: Database, village: String, through month: String, end: String) throws -> IncomeStatement {
        let yearStart = String(month.prefix(4)) + "-01-01"
        let accounts = try accounts(db)
        let moved = Dictionary(
            uniqueKeysWithValues: try movements(db, village: village, from: yearStart, to: end, excludingClosings: true).map {
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

        let atStart = try Int64.fetchOne(
            db,
            sql: "SELECT COALESCE(SUM(credit_fen - debit_fen), 0) FROM ledger_line WHERE village_code = ? AND account = '322' AND voucher_date < ?",
            arguments: [village, yearStart])!
        let distributions = try Row.fetchAll(
            db,
            sql: """
                SELECT summary, SUM(debit_fen) AS amount FROM ledger_line
                WHERE village_code = ?1 AND account = '322' AND voucher_date >= ?2 AND voucher_date < ?3 AND debit_fen <> 0
                \(Statements.notAClosing)
                GROUP BY summary ORDER BY MIN(voucher_date), summary
                """,
            arguments: [village, yearStart, end]
        ).map { IncomeStatement.Row(name: $0["summary"], account: "322", amountFen: $0["amount"]) }
        let distributable = net + atStart
        return IncomeStatement(
            villageCode: village, through: month, rows: rows, operatingFen: operating, totalFen: total, netFen: net,
            distributions: distributions, undistributedAtStartFen: atStart, distributableFen: distributable,
            undistributedAtEndFen: distributable - distributions.reduce(0) { $0 + $1.amountFen })
    }
}
