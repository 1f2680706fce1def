public import Ledger
public import PostgresStorage
public import StoreInterface
public import Sync
import SyncPostgres

/// A PostgreSQL transaction as the ledger module reads and writes in it (the tables of
/// ``LedgerPostgresSchema``): the chart, vouchers and their chain, drafts.
extension PostgresTransaction: LedgerTransaction {
    public func accounts(chart: String) throws -> [LedgerAccount] {
        try rows("SELECT * FROM ledger_account WHERE chart = $1 ORDER BY id", chart).map(LedgerAccount.init(row:))
    }

    public func accountExists(id: String) throws -> Bool {
        try text("SELECT code FROM ledger_account WHERE id = $1", id) != nil
    }

    public func poster(of village: String) throws -> String? {
        try text("SELECT poster FROM ledger_posting WHERE id = $1", village)
    }

    public func isClosed(_ month: String, village: String) throws -> Bool {
        try isTrue("SELECT EXISTS(SELECT 1 FROM ledger_close WHERE village_code = $1 AND period = $2)::int", village, month)
    }

    public func subaccount(id: String) throws -> SubAccount? {
        try row("SELECT * FROM ledger_subaccount WHERE id = $1", id).map(SubAccount.init(row:))
    }

    public func parentAccount(ofSubaccount code: String, village: String) throws -> String? {
        try text("SELECT account FROM ledger_subaccount WHERE village_code = $1 AND code = $2 ORDER BY id LIMIT 1", village, code)
    }

    public func personNames(village: String) throws -> [String] {
        try rows("SELECT name FROM ledger_subaccount WHERE village_code = $1 AND household = 1", village).map { $0.text("name") }
            + rows("SELECT party_b FROM ledger_contract WHERE village_code = $1 AND party_b_kind = 'person'", village).map {
                $0.text("party_b")
            }
    }

    public func voucher(id: String) throws -> Voucher? {
        try row("SELECT * FROM ledger_voucher WHERE id = $1", id).map(Voucher.init(row:))
    }

    public func vouchers(village: String, period: String) throws -> [Voucher] {
        try rows("SELECT * FROM ledger_voucher WHERE village_code = $1 AND period = $2 ORDER BY number", village, period)
            .map(Voucher.init(row:))
    }

    public func isReversed(_ voucherID: String) throws -> Bool {
        try isTrue("SELECT EXISTS(SELECT 1 FROM ledger_voucher WHERE reverses = $1)::int", voucherID)
    }

    public func nextVoucherNumber(village: String, period: String) throws -> Int {
        Int(try integer("SELECT COALESCE(MAX(number), 0) + 1 FROM ledger_voucher WHERE village_code = $1 AND period = $2", village, period) ?? 1)
    }

    public func chainHead(village: String) throws -> (index: Int, hash: String)? {
        try row("SELECT chain_index, hash FROM ledger_voucher WHERE village_code = $1 ORDER BY chain_index DESC LIMIT 1", village)
            .map { (Int($0.integer("chain_index")), $0.text("hash")) }
    }

    public func chainHash(village: String, index: Int64) throws -> String? {
        try text("SELECT hash FROM ledger_voucher WHERE village_code = $1 AND chain_index = $2", village, index)
    }

    public func walkChain(village: String, after index: Int, _ visit: (any StoredRow) throws -> Bool) throws {
        for row in try rows("SELECT * FROM ledger_voucher WHERE village_code = $1 AND chain_index > $2 ORDER BY chain_index, id", village, index) {
            guard try visit(row) else { return }
        }
    }

    public func lineTotals(ofVoucher id: String) throws -> (count: Int, debit: Double, credit: Double) {
        // Sums as reals, as SQLite's TOTAL: amounts edited into the store cannot overflow them.
        guard
            let row = try row(
                "SELECT COUNT(*), COALESCE(SUM(debit_fen::float8), 0), COALESCE(SUM(credit_fen::float8), 0) FROM ledger_line WHERE voucher_id = $1",
                id)
        else { return (0, 0, 0) }
        return (Int(row.integer(at: 0) ?? 0), row.real(at: 1) ?? 0, row.real(at: 2) ?? 0)
    }

    public func layOutLines(ofVoucher id: String, voucher: [String: SyncValue], lines: [[String: SyncValue]]) throws {
        let head = ["village_code", "period", "voucher_date", "number"].map { voucher[$0] ?? .null }
        for (number, line) in lines.enumerated() {
            let subaccount: SyncValue = line["subaccount"].flatMap { $0 == .null ? nil : $0 } ?? .text("")
            let values: [SyncValue] =
                [.text(id), .integer(Int64(number))] + head
                + [line["account"] ?? .null, subaccount, line["summary"] ?? .null, line["debit_fen"] ?? .null, line["credit_fen"] ?? .null]
            try execute(
                """
                INSERT INTO ledger_line(voucher_id, line_no, village_code, period, voucher_date, number, account,
                    subaccount, summary, debit_fen, credit_fen)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT DO NOTHING
                """, arguments: values.map { $0 as any PostgresArgument })
        }
    }

    public func draft(id: String) throws -> VoucherDraft? {
        try row("SELECT * FROM ledger_draft WHERE id = $1", id).map(VoucherDraft.init(row:))
    }

    public func openDrafts(village: String) throws -> [VoucherDraft] {
        try rows("SELECT * FROM ledger_draft WHERE village_code = $1 AND status <> 'posted' ORDER BY updated_at, id", village)
            .map(VoucherDraft.init(row:))
    }

    public func waitingDrafts() throws -> [LedgerQueries.WaitingDrafts] {
        try rows(
            """
            SELECT village_code, COUNT(*) FILTER (WHERE status = 'submitted') AS submitted,
                COUNT(*) FILTER (WHERE status = 'reviewed') AS reviewed
            FROM ledger_draft WHERE status IN ('submitted', 'reviewed')
            GROUP BY village_code ORDER BY COUNT(*) DESC, village_code
            """
        ).map {
            LedgerQueries.WaitingDrafts(
                villageCode: $0.text("village_code"), submitted: Int($0.integer("submitted")), reviewed: Int($0.integer("reviewed")))
        }
    }

    public func waitingDraftCount(village: String, from: String, to: String) throws -> Int {
        Int(
            try integer(
                """
                SELECT COUNT(*) FROM ledger_draft WHERE village_code = $1 AND status IN ('submitted', 'reviewed')
                AND voucher_date >= $2 AND voucher_date < $3
                """, village, from, to) ?? 0)
    }
}
