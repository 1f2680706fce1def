import StoreInterface
public import GRDB
public import Ledger

/// A SQLite transaction as the ledger's reports, registers, disclosures and chain checks read it.
extension Database {
    public func movements(village: String, from: String, to: String, excludingClosings: Bool) throws -> [LedgerMovement] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT account, SUM(debit_fen) AS debit, SUM(credit_fen) AS credit FROM ledger_line
                WHERE village_code = ?1 AND voucher_date >= ?2 AND voucher_date < ?3
                \(excludingClosings ? LedgerStatements.notAClosing : "")
                GROUP BY account
                """,
            arguments: [village, from, to]
        ).map { LedgerMovement(account: $0["account"], debit: $0["debit"], credit: $0["credit"]) }
    }

    public func trialBalanceSums(village: String, start: String, end: String) throws
        -> [(account: String, opening: Int64, debit: Int64, credit: Int64)]
    {
        try Row.fetchAll(cachedStatement(sql: LedgerStatements.trialBalanceInOneQuery), arguments: [village, start, end]).map {
            ($0[0], $0[1], $0[2], $0[3])
        }
    }

    public func balances(village: String, before end: String) throws -> [(account: String, subaccount: String, balance: Int64)] {
        try Row.fetchAll(cachedStatement(sql: LedgerStatements.balancesInOneQuery), arguments: [village, end]).map {
            ($0[0], $0[1] ?? "", $0[2])
        }
    }

    public func balance(village: String, account: String, subaccount: String?, before date: String) throws -> Int64 {
        try Int64.fetchOne(
            self,
            sql: """
                SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM ledger_line
                WHERE village_code = ?1 AND account = ?2 AND voucher_date < ?3 AND (?4 IS NULL OR subaccount = ?4)
                """,
            arguments: [village, account, date, subaccount]) ?? 0
    }

    public func lines(village: String, account: String?, subaccount: String?, from: String, to: String, excludingClosings: Bool) throws
        -> [LedgerLineEntry]
    {
        try Row.fetchAll(
            self,
            sql: """
                SELECT voucher_date, period, number, account, summary, debit_fen, credit_fen FROM ledger_line
                WHERE village_code = ?1 AND voucher_date >= ?2 AND voucher_date < ?3
                    AND (?4 IS NULL OR account = ?4) AND (?5 IS NULL OR subaccount = ?5)
                \(excludingClosings ? LedgerStatements.notAClosing : "")
                ORDER BY voucher_date, period, number, line_no
                """,
            arguments: [village, from, to, account, subaccount]
        ).map {
            LedgerLineEntry(
                voucherDate: $0["voucher_date"], period: $0["period"], number: $0["number"], account: $0["account"],
                summary: $0["summary"], debitFen: $0["debit_fen"], creditFen: $0["credit_fen"])
        }
    }

    public func householdBalances(village: String, before end: String) throws -> [HouseholdBalance] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT s.code, s.name, COALESCE(SUM(l.debit_fen - l.credit_fen), 0) AS balance
                FROM ledger_subaccount s
                LEFT JOIN ledger_line l ON l.village_code = s.village_code AND l.subaccount = s.code AND l.voucher_date < ?2
                WHERE s.village_code = ?1 AND s.account = '113'
                GROUP BY s.code ORDER BY s.code
                """,
            arguments: [village, end]
        ).map { HouseholdBalance(code: $0["code"], name: $0["name"], balanceFen: $0["balance"]) }
    }

    public func auditEntries(village: String, limit: Int) throws -> [AuditEntry] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT id, village_code, action, subject, actor, role, at, note FROM ledger_audit WHERE village_code = ?1
                ORDER BY at DESC LIMIT ?2
                """,
            arguments: [village, limit]
        ).map(AuditEntry.init(row:))
    }

    public func assets(village: String) throws -> [FixedAsset] {
        try Row.fetchAll(self, sql: "SELECT * FROM ledger_asset WHERE village_code = ? ORDER BY number", arguments: [village])
            .map(FixedAsset.init(row:))
    }

    public func resources(village: String) throws -> [LandParcel] {
        try Row.fetchAll(self, sql: "SELECT * FROM ledger_resource WHERE village_code = ? ORDER BY parcel_code", arguments: [village])
            .map(LandParcel.init(row:))
    }

    public func contracts(village: String) throws -> [LandContract] {
        try Row.fetchAll(self, sql: "SELECT * FROM ledger_contract WHERE village_code = ? ORDER BY code", arguments: [village])
            .map(LandContract.init(row:))
    }

    public func contract(id: String) throws -> LandContract? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_contract WHERE id = ?", arguments: [id]).map(LandContract.init(row:))
    }

    public func payment(id: String) throws -> ContractPayment? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_payment WHERE id = ?", arguments: [id]).map(ContractPayment.init(row:))
    }

    public func paymentsReceived(contract id: String) throws -> Int64 {
        try Int64.fetchOne(self, sql: "SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_payment WHERE contract_id = ?", arguments: [id]) ?? 0
    }

    public func asset(id: String) throws -> FixedAsset? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_asset WHERE id = ?", arguments: [id]).map(FixedAsset.init(row:))
    }

    public func resource(id: String) throws -> LandParcel? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_resource WHERE id = ?", arguments: [id]).map(LandParcel.init(row:))
    }

    public func disclosure(id: String) throws -> Disclosure? {
        try Row.fetchOne(self, sql: "SELECT * FROM ledger_disclosure WHERE id = ?", arguments: [id]).map(Disclosure.init(row:))
    }

    public func disclosureSummaries(village: String) throws -> [LedgerQueries.DisclosureSummary] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT id, period, title, published_at FROM ledger_disclosure
                WHERE village_code = ? ORDER BY period DESC, published_at DESC
                """,
            arguments: [village]
        ).map { LedgerQueries.DisclosureSummary(id: $0["id"], period: $0["period"], title: $0["title"], publishedAt: $0["published_at"]) }
    }

    public func disclosureCount(village: String, period: String) throws -> Int {
        try Int.fetchOne(
            self, sql: "SELECT COUNT(*) FROM ledger_disclosure WHERE village_code = ? AND period = ?", arguments: [village, period]) ?? 0
    }

    public func sealedDisclosures(village: String) throws -> [(disclosure: StoredDisclosure, contentHash: String, seal: String)] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT d.id, d.period, d.title, d.content, s.content_hash, s.seal FROM ledger_disclosure d
                JOIN ledger_disclosure_seal s ON s.id = d.id WHERE d.village_code = ?
                """,
            arguments: [village]
        ).map { (Self.storedDisclosure($0), $0["content_hash"], $0["seal"]) }
    }

    public func unsealedDisclosures(village: String) throws -> [StoredDisclosure] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT d.id, d.period, d.title, d.content FROM ledger_disclosure d
                WHERE d.village_code = ? AND NOT EXISTS (SELECT 1 FROM ledger_disclosure_seal s WHERE s.id = d.id)
                """,
            arguments: [village]
        ).map(Self.storedDisclosure)
    }

    private static func storedDisclosure(_ row: Row) -> StoredDisclosure {
        StoredDisclosure(id: row["id"], period: row["period"], title: row["title"], content: row["content"])
    }

    public func chainSeal(village: String) throws -> (index: Int64, hash: String, seal: String)? {
        try Row.fetchOne(
            cachedStatement(sql: "SELECT chain_index, hash, seal FROM ledger_chain_seal WHERE id = ?"), arguments: [village]
        ).map { ($0["chain_index"], $0["hash"], $0["seal"]) }
    }

    public func recordChainCheck(_ report: VoucherChain.Report, at: String) throws {
        try execute(
            sql: """
                INSERT INTO ledger_chain_check(village_code, checked_at, entries, intact, first_broken, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(village_code) DO UPDATE SET checked_at = excluded.checked_at, entries = excluded.entries,
                    intact = excluded.intact, first_broken = excluded.first_broken, reason = excluded.reason
                """,
            arguments: [report.villageCode, at, report.entries, report.intact, report.firstBroken, report.reason])
    }

    public func lastWholeCheck(village: String) throws -> (index: Int, hash: String)? {
        try Row.fetchOne(
            self,
            sql: """
                SELECT c.entries, v.hash FROM ledger_chain_check c
                JOIN ledger_voucher v ON v.village_code = c.village_code AND v.chain_index = c.entries
                WHERE c.village_code = ? AND c.intact
                """,
            arguments: [village]
        ).map { ($0["entries"], $0["hash"]) }
    }

    public func brokenChecks() throws -> [VoucherChain.Report] {
        try Row.fetchAll(self, sql: "SELECT * FROM ledger_chain_check WHERE intact = 0 ORDER BY village_code").map {
            VoucherChain.Report(
                villageCode: $0["village_code"], entries: $0["entries"], intact: false, firstBroken: $0["first_broken"], voucher: nil,
                reason: $0["reason"])
        }
    }

    public func stationChain(station: String) throws -> StationChainReport? {
        try Row.fetchOne(
            self, sql: "SELECT chain_index, hash, highest_index, problem FROM ledger_station_chain WHERE station = ?", arguments: [station]
        ).map {
            StationChainReport(
                station: station, index: $0["chain_index"], hash: $0["hash"], highestIndex: $0["highest_index"], problem: $0["problem"])
        }
    }

    public func recordStationChain(_ report: StationChainReport, village: String, at: String) throws {
        try execute(
            sql: """
                INSERT INTO ledger_station_chain(station, village_code, chain_index, hash, highest_index, problem, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(station) DO UPDATE SET chain_index = excluded.chain_index, hash = excluded.hash,
                    highest_index = excluded.highest_index, problem = excluded.problem, reported_at = excluded.reported_at
                """,
            arguments: [report.station, village, report.index, report.hash, report.highestIndex, report.problem, at])
    }
}
