import SyncSQLite
public import GRDB
public import Ledger
public import Sync
public import StoreInterface
public import Storage

/// A SQLite transaction as the ledger module reads and writes in it (the tables of
/// ``LedgerSchema``): the chart, vouchers and their chain, drafts.
extension Database: LedgerTransaction {
    public func accounts(chart: String) throws -> [LedgerAccount] {
        try Row.fetchAll(self, sql: "SELECT * FROM ledger_account WHERE chart = ?", arguments: [chart]).map(LedgerAccount.init(row:))
    }

    public func accountExists(id: String) throws -> Bool {
        try String.fetchOne(self, sql: "SELECT code FROM ledger_account WHERE id = ?", arguments: [id]) != nil
    }

    public func poster(of village: String) throws -> String? {
        try String.fetchOne(cachedStatement(sql: "SELECT poster FROM ledger_posting WHERE id = ?"), arguments: [village])
    }

    public func isClosed(_ month: String, village: String) throws -> Bool {
        try Bool.fetchOne(
            self, sql: "SELECT EXISTS(SELECT 1 FROM ledger_close WHERE village_code = ? AND period = ?)", arguments: [village, month]) ?? false
    }

    public func subaccount(id: String) throws -> SubAccount? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_subaccount WHERE id = ?", arguments: [id]).map(SubAccount.init(row:))
    }

    public func parentAccount(ofSubaccount code: String, village: String) throws -> String? {
        try String.fetchOne(
            self, sql: "SELECT account FROM ledger_subaccount WHERE village_code = ? AND code = ?", arguments: [village, code])
    }

    public func personNames(village: String) throws -> [String] {
        try String.fetchAll(self, sql: "SELECT name FROM ledger_subaccount WHERE village_code = ? AND household = 1", arguments: [village])
            + String.fetchAll(
                self, sql: "SELECT party_b FROM ledger_contract WHERE village_code = ? AND party_b_kind = 'person'", arguments: [village])
    }

    public func voucher(id: String) throws -> Voucher? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_voucher WHERE id = ?", arguments: [id]).map(Voucher.init(row:))
    }

    public func vouchers(village: String, period: String) throws -> [Voucher] {
        try Row.fetchAll(
            self, sql: "SELECT * FROM ledger_voucher WHERE village_code = ? AND period = ? ORDER BY number", arguments: [village, period]
        ).map(Voucher.init(row:))
    }

    public func isReversed(_ voucherID: String) throws -> Bool {
        try Bool.fetchOne(self, sql: "SELECT EXISTS(SELECT 1 FROM ledger_voucher WHERE reverses = ?)", arguments: [voucherID]) ?? false
    }

    public func nextVoucherNumber(village: String, period: String) throws -> Int {
        try Int.fetchOne(
            self, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM ledger_voucher WHERE village_code = ? AND period = ?",
            arguments: [village, period]) ?? 1
    }

    public func chainHead(village: String) throws -> (index: Int, hash: String)? {
        try Row.fetchOne(
            self, sql: "SELECT chain_index, hash FROM ledger_voucher WHERE village_code = ? ORDER BY chain_index DESC LIMIT 1",
            arguments: [village]
        ).map { ($0["chain_index"], $0["hash"]) }
    }

    public func chainHash(village: String, index: Int64) throws -> String? {
        try String.fetchOne(
            self, sql: "SELECT hash FROM ledger_voucher WHERE village_code = ? AND chain_index = ?", arguments: [village, index])
    }

    public func walkChain(village: String, after index: Int, _ visit: (any StoredRow) throws -> Bool) throws {
        let rows = try Row.fetchCursor(
            self, sql: "SELECT * FROM ledger_voucher WHERE village_code = ? AND chain_index > ? ORDER BY chain_index, id",
            arguments: [village, index])
        while let row = try rows.next() {
            guard try visit(row) else { return }
        }
    }

    public func lineTotals(ofVoucher id: String) throws -> (count: Int, debit: Double, credit: Double) {
        // SQLite's TOTAL sums as reals: amounts edited into the store cannot overflow them.
        guard
            let row = try Row.fetchOne(
                self, sql: "SELECT COUNT(*), TOTAL(debit_fen), TOTAL(credit_fen) FROM ledger_line WHERE voucher_id = ?", arguments: [id])
        else { return (0, 0, 0) }
        return (row[0], row[1], row[2])
    }

    public func layOutLines(ofVoucher id: String, voucher: [String: SyncValue], lines: [[String: SyncValue]]) throws {
        let insert = try cachedStatement(
            sql: """
                INSERT OR IGNORE INTO ledger_line(voucher_id, line_no, village_code, period, voucher_date, number, account,
                    subaccount, summary, debit_fen, credit_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let head = ["village_code", "period", "voucher_date", "number"].map { (voucher[$0] ?? .null).databaseValue }
        for (number, line) in lines.enumerated() {
            let subaccount: SyncValue = line["subaccount"].flatMap { $0 == .null ? nil : $0 } ?? .text("")
            let values: [SyncValue] = [
                line["account"] ?? .null, subaccount, line["summary"] ?? .null, line["debit_fen"] ?? .null, line["credit_fen"] ?? .null,
            ]
            try insert.execute(arguments: StatementArguments([id.databaseValue, number.databaseValue] + head + values.map(\.databaseValue)))
        }
    }

    public func draft(id: String) throws -> VoucherDraft? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_draft WHERE id = ?", arguments: [id]).map(VoucherDraft.init(row:))
    }

    public func openDrafts(village: String) throws -> [VoucherDraft] {
        try Row.fetchAll(
            self, sql: "SELECT * FROM ledger_draft WHERE village_code = ? AND status <> 'posted' ORDER BY updated_at", arguments: [village]
        ).map(VoucherDraft.init(row:))
    }

    public func waitingDrafts() throws -> [LedgerQueries.WaitingDrafts] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT village_code, SUM(status = 'submitted') AS submitted, SUM(status = 'reviewed') AS reviewed
                FROM ledger_draft WHERE status IN ('submitted', 'reviewed')
                GROUP BY village_code ORDER BY COUNT(*) DESC, village_code
                """
        ).map { LedgerQueries.WaitingDrafts(villageCode: $0["village_code"], submitted: $0["submitted"], reviewed: $0["reviewed"]) }
    }

    public func waitingDraftCount(village: String, from: String, to: String) throws -> Int {
        try Int.fetchOne(
            self,
            sql: """
                SELECT COUNT(*) FROM ledger_draft WHERE village_code = ? AND status IN ('submitted', 'reviewed')
                AND voucher_date >= ? AND voucher_date < ?
                """,
            arguments: [village, from, to]) ?? 0
    }
}
