public import Ledger
public import PostgresStorage
import StoreInterface

/// A PostgreSQL transaction as the ledger's reports, registers, disclosures and chain checks read
/// it. Sums of 分 are cast back to whole numbers: PostgreSQL sums `bigint` as `numeric`.
extension PostgresTransaction {
    /// Leaves out year-end closing vouchers (those that touch 本年收益, 321), so that income and
    /// expenses are reported as earned and spent, not as carried forward.
    static let notAClosing = """
        AND voucher_id NOT IN (SELECT voucher_id FROM ledger_line WHERE village_code = $1 AND account = '321')
        """

    public func movements(village: String, from: String, to: String, excludingClosings: Bool) throws -> [LedgerMovement] {
        try rows(
            """
            SELECT account, SUM(debit_fen)::bigint AS debit, SUM(credit_fen)::bigint AS credit FROM ledger_line
            WHERE village_code = $1 AND voucher_date >= $2 AND voucher_date < $3
            \(excludingClosings ? Self.notAClosing : "")
            GROUP BY account
            """, village, from, to
        ).map { LedgerMovement(account: $0.text("account"), debit: $0.integer("debit"), credit: $0.integer("credit")) }
    }

    public func trialBalanceSums(village: String, start: String, end: String) throws
        -> [(account: String, opening: Int64, debit: Int64, credit: Int64)]
    {
        try rows(
            """
            SELECT account,
                   SUM(CASE WHEN voucher_date < $2 THEN debit_fen - credit_fen ELSE 0 END)::bigint,
                   SUM(CASE WHEN voucher_date >= $2 THEN debit_fen ELSE 0 END)::bigint,
                   SUM(CASE WHEN voucher_date >= $2 THEN credit_fen ELSE 0 END)::bigint
            FROM ledger_line WHERE village_code = $1 AND voucher_date < $3 GROUP BY account ORDER BY account
            """, village, start, end
        ).map { ($0.text(at: 0) ?? "", $0.integer(at: 1) ?? 0, $0.integer(at: 2) ?? 0, $0.integer(at: 3) ?? 0) }
    }

    public func balances(village: String, before end: String) throws -> [(account: String, subaccount: String, balance: Int64)] {
        try rows(
            """
            SELECT account, subaccount, SUM(debit_fen - credit_fen)::bigint
            FROM ledger_line WHERE village_code = $1 AND voucher_date < $2 GROUP BY account, subaccount ORDER BY account, subaccount
            """, village, end
        ).map { ($0.text(at: 0) ?? "", $0.text(at: 1) ?? "", $0.integer(at: 2) ?? 0) }
    }

    public func balance(village: String, account: String, subaccount: String?, before date: String) throws -> Int64 {
        try integer(
            """
            SELECT COALESCE(SUM(debit_fen - credit_fen), 0)::bigint FROM ledger_line
            WHERE village_code = $1 AND account = $2 AND voucher_date < $3 AND ($4::text IS NULL OR subaccount = $4)
            """, village, account, date, subaccount) ?? 0
    }

    public func lines(village: String, account: String?, subaccount: String?, from: String, to: String, excludingClosings: Bool) throws
        -> [LedgerLineEntry]
    {
        try rows(
            """
            SELECT voucher_date, period, number, account, summary, debit_fen, credit_fen FROM ledger_line
            WHERE village_code = $1 AND voucher_date >= $2 AND voucher_date < $3
                AND ($4::text IS NULL OR account = $4) AND ($5::text IS NULL OR subaccount = $5)
            \(excludingClosings ? Self.notAClosing : "")
            ORDER BY voucher_date, period, number, line_no
            """, village, from, to, account, subaccount
        ).map {
            LedgerLineEntry(
                voucherDate: $0.text("voucher_date"), period: $0.text("period"), number: Int($0.integer("number")),
                account: $0.text("account"), summary: $0.text("summary"), debitFen: $0.integer("debit_fen"),
                creditFen: $0.integer("credit_fen"))
        }
    }

    public func householdBalances(village: String, before end: String) throws -> [HouseholdBalance] {
        try rows(
            """
            SELECT s.code, MIN(s.name) AS name, COALESCE(SUM(l.debit_fen - l.credit_fen), 0)::bigint AS balance
            FROM ledger_subaccount s
            LEFT JOIN ledger_line l ON l.village_code = s.village_code AND l.subaccount = s.code AND l.voucher_date < $2
            WHERE s.village_code = $1 AND s.account = '113'
            GROUP BY s.code ORDER BY s.code
            """, village, end
        ).map { HouseholdBalance(code: $0.text("code"), name: $0.text("name"), balanceFen: $0.integer("balance")) }
    }

    public func auditEntries(village: String, limit: Int) throws -> [AuditEntry] {
        try rows(
            """
            SELECT id, village_code, action, subject, actor, role, at, note FROM ledger_audit WHERE village_code = $1
            ORDER BY at DESC, id LIMIT $2
            """, village, limit
        ).map(AuditEntry.init(row:))
    }

    public func assets(village: String) throws -> [FixedAsset] {
        try rows("SELECT * FROM ledger_asset WHERE village_code = $1 ORDER BY number", village).map(FixedAsset.init(row:))
    }

    public func resources(village: String) throws -> [LandParcel] {
        try rows("SELECT * FROM ledger_resource WHERE village_code = $1 ORDER BY parcel_code", village).map(LandParcel.init(row:))
    }

    public func contracts(village: String) throws -> [LandContract] {
        try rows("SELECT * FROM ledger_contract WHERE village_code = $1 ORDER BY code", village).map(LandContract.init(row:))
    }

    public func contract(id: String) throws -> LandContract? {
        try row("SELECT * FROM ledger_contract WHERE id = $1", id).map(LandContract.init(row:))
    }

    public func payment(id: String) throws -> ContractPayment? {
        try row("SELECT * FROM ledger_payment WHERE id = $1", id).map(ContractPayment.init(row:))
    }

    public func paymentsReceived(contract id: String) throws -> Int64 {
        try integer("SELECT COALESCE(SUM(amount_fen), 0)::bigint FROM ledger_payment WHERE contract_id = $1", id) ?? 0
    }

    public func asset(id: String) throws -> FixedAsset? {
        try row("SELECT * FROM ledger_asset WHERE id = $1", id).map(FixedAsset.init(row:))
    }

    public func resource(id: String) throws -> LandParcel? {
        try row("SELECT * FROM ledger_resource WHERE id = $1", id).map(LandParcel.init(row:))
    }

    public func disclosure(id: String) throws -> Disclosure? {
        try row("SELECT * FROM ledger_disclosure WHERE id = $1", id).map(Disclosure.init(row:))
    }

    public func disclosureSummaries(village: String) throws -> [LedgerQueries.DisclosureSummary] {
        try rows(
            "SELECT id, period, title, published_at FROM ledger_disclosure WHERE village_code = $1 ORDER BY period DESC, published_at DESC",
            village
        ).map {
            LedgerQueries.DisclosureSummary(
                id: $0.text("id"), period: $0.text("period"), title: $0.text("title"), publishedAt: $0.text("published_at"))
        }
    }

    public func disclosureCount(village: String, period: String) throws -> Int {
        Int(try integer("SELECT COUNT(*) FROM ledger_disclosure WHERE village_code = $1 AND period = $2", village, period) ?? 0)
    }

    public func sealedDisclosures(village: String) throws -> [(disclosure: StoredDisclosure, contentHash: String, seal: String)] {
        try rows(
            """
            SELECT d.id, d.period, d.title, d.content, s.content_hash, s.seal FROM ledger_disclosure d
            JOIN ledger_disclosure_seal s ON s.id = d.id WHERE d.village_code = $1 ORDER BY d.id
            """, village
        ).map { (Self.storedDisclosure($0), $0.text("content_hash"), $0.text("seal")) }
    }

    public func unsealedDisclosures(village: String) throws -> [StoredDisclosure] {
        try rows(
            """
            SELECT d.id, d.period, d.title, d.content FROM ledger_disclosure d
            WHERE d.village_code = $1 AND NOT EXISTS (SELECT 1 FROM ledger_disclosure_seal s WHERE s.id = d.id) ORDER BY d.id
            """, village
        ).map(Self.storedDisclosure)
    }

    private static func storedDisclosure(_ row: PostgresStoredRow) -> StoredDisclosure {
        StoredDisclosure(id: row.text("id"), period: row.text("period"), title: row.text("title"), content: row.text("content"))
    }

    public func chainSeal(village: String) throws -> (index: Int64, hash: String, seal: String)? {
        try row("SELECT chain_index, hash, seal FROM ledger_chain_seal WHERE id = $1", village)
            .map { ($0.integer("chain_index"), $0.text("hash"), $0.text("seal")) }
    }

    public func recordChainCheck(_ report: VoucherChain.Report, at: String) throws {
        try execute(
            """
            INSERT INTO ledger_chain_check(village_code, checked_at, entries, intact, first_broken, reason)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (village_code) DO UPDATE SET checked_at = excluded.checked_at, entries = excluded.entries,
                intact = excluded.intact, first_broken = excluded.first_broken, reason = excluded.reason
            """, report.villageCode, at, report.entries, report.intact, report.firstBroken, report.reason)
    }

    public func lastWholeCheck(village: String) throws -> (index: Int, hash: String)? {
        try row(
            """
            SELECT c.entries, v.hash FROM ledger_chain_check c
            JOIN ledger_voucher v ON v.village_code = c.village_code AND v.chain_index = c.entries
            WHERE c.village_code = $1 AND c.intact <> 0
            """, village
        ).map { (Int($0.integer("entries")), $0.text("hash")) }
    }

    public func brokenChecks() throws -> [VoucherChain.Report] {
        try rows("SELECT * FROM ledger_chain_check WHERE intact = 0 ORDER BY village_code").map {
            VoucherChain.Report(
                villageCode: $0.text("village_code"), entries: Int($0.integer("entries")), intact: false,
                firstBroken: $0.optionalInteger("first_broken").map(Int.init), voucher: nil, reason: $0.text("reason"))
        }
    }

    public func stationChain(station: String) throws -> StationChainReport? {
        try row("SELECT chain_index, hash, highest_index, problem FROM ledger_station_chain WHERE station = $1", station).map {
            StationChainReport(
                station: station, index: $0.integer("chain_index"), hash: $0.text("hash"), highestIndex: $0.integer("highest_index"),
                problem: $0.optionalText("problem"))
        }
    }

    public func recordStationChain(_ report: StationChainReport, village: String, at: String) throws {
        try execute(
            """
            INSERT INTO ledger_station_chain(station, village_code, chain_index, hash, highest_index, problem, reported_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (station) DO UPDATE SET chain_index = excluded.chain_index, hash = excluded.hash,
                highest_index = excluded.highest_index, problem = excluded.problem, reported_at = excluded.reported_at
            """, report.station, village, report.index, report.hash, report.highestIndex, report.problem, at)
    }
}
