import GRDB
public import Storage

/// The ledger module's reads: the reports of REFERENCE §4, journals, sub-ledgers, registers,
/// disclosures and the audit trail, all from local data. Every report sums `ledger_line`, where
/// ``LedgerArrivals`` lays out each posted voucher's lines.
///
/// ```swift
/// let books = LedgerQueries(store: store)
/// let trial = try await books.trialBalance(village: "441422107201", from: "2026-01", through: "2026-03")
/// trial.balanced   // Σ debits = Σ credits, at the opening, in the period and at the close
/// ```
public struct LedgerQueries: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Sums of one account's lines, in 分.
    struct Movement: FetchableRecord {
        let account: String
        let debit: Int64
        let credit: Int64

        init(row: Row) {
            account = row["account"]
            debit = row["debit"]
            credit = row["credit"]
        }
    }

    /// Each account's sums over dates `[from, to)`, optionally without year-end closings.
    static func movements(_ db: Database, village: String, from: String, to: String, excludingClosings: Bool) throws -> [Movement] {
        try Movement.fetchAll(
            db,
            sql: """
                SELECT account, SUM(debit_fen) AS debit, SUM(credit_fen) AS credit FROM ledger_line
                WHERE village_code = ?1 AND voucher_date >= ?2 AND voucher_date < ?3
                \(excludingClosings ? Statements.notAClosing : "")
                GROUP BY account
                """,
            arguments: [village, from, to])
    }

    /// The accounts of the current chart, by code.
    static func accounts(_ db: Database) throws -> [String: LedgerAccount] {
        let accounts = try LedgerAccount.fetchAll(db, sql: "SELECT * FROM ledger_account WHERE chart = ?", arguments: [ChartOfAccounts.current])
        return Dictionary(uniqueKeysWithValues: accounts.map { ($0.code, $0) })
    }

    /// The SQL of the reports, public so that the benchmark runs the very same sums as one query.
    public enum Statements {
        /// Leaves out year-end closing vouchers (those that touch 本年收益, 321), so that income and
        /// expenses are reported as earned and spent, not as carried forward.
        static let notAClosing = """
            AND voucher_id NOT IN (SELECT voucher_id FROM ledger_line WHERE village_code = ?1 AND account = '321')
            """
        /// Every account's opening balance, movement and closing balance in one query: the baseline.
        public static let trialBalanceInOneQuery = """
            SELECT account,
                   SUM(CASE WHEN voucher_date < ?2 THEN debit_fen - credit_fen ELSE 0 END) AS opening,
                   SUM(CASE WHEN voucher_date >= ?2 THEN debit_fen ELSE 0 END) AS debit,
                   SUM(CASE WHEN voucher_date >= ?2 THEN credit_fen ELSE 0 END) AS credit
            FROM ledger_line WHERE village_code = ?1 AND voucher_date < ?3 GROUP BY account ORDER BY account
            """
        /// Every account's and sub-account's balance at a date in one query: the balance sheet's baseline.
        public static let balancesInOneQuery = """
            SELECT account, subaccount, SUM(debit_fen - credit_fen) AS balance
            FROM ledger_line WHERE village_code = ?1 AND voucher_date < ?2 GROUP BY account, subaccount ORDER BY account
            """
    }
}
