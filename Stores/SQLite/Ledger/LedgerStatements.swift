/// The SQL of the ledger's reports, public so that the benchmark runs the very same sums as one query.
public enum LedgerStatements {
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
