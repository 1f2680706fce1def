import ChinaLocale
import DomainCore
import GRDB
import Sync
import Storage

extension LedgerQueries {
    /// An account's (or a sub-account's) journal from the first day of `from` to the end of `through`.
    public func journal(village: String, account: String, subaccount: String? = nil, from: String, through: String) async throws -> Journal {
        guard let start = LedgerPeriod(from), let end = LedgerPeriod(through), start.first < end.end else {
            throw DomainError.invalidField("from", message: "期间须为 YYYY-MM，且起不晚于止", messageEN: "from and through must be YYYY-MM, from first")
        }
        return try await store.pool.read { db in
            let filter = "AND (?4 IS NULL OR subaccount = ?4)"
            let opening = try Int64.fetchOne(
                db,
                sql: "SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM ledger_line WHERE village_code = ?1 AND account = ?2 AND voucher_date < ?3 \(filter)",
                arguments: [village, account, start.first, subaccount])!
            var balance = opening
            let entries = try Row.fetchAll(
                db,
                sql: """
                    SELECT voucher_date, period, number, summary, debit_fen, credit_fen FROM ledger_line
                    WHERE village_code = ?1 AND account = ?2 AND voucher_date >= ?3 AND voucher_date < ?5 \(filter)
                    ORDER BY voucher_date, period, number, line_no
                    """,
                arguments: [village, account, start.first, subaccount, end.end]
            ).map { row in
                balance += row["debit_fen"] - (row["credit_fen"] as Int64)
                return Journal.Entry(
                    voucherDate: row["voucher_date"], period: row["period"], number: row["number"], summary: row["summary"],
                    debitFen: row["debit_fen"], creditFen: row["credit_fen"], balanceFen: balance)
            }
            return Journal(
                villageCode: village, account: account, subaccount: subaccount, openingFen: opening, entries: entries, closingFen: balance)
        }
    }

    /// Every household's balance under 内部往来 at the end of a month (or now).
    public func households(village: String, at month: String? = nil) async throws -> [HouseholdBalance] {
        let end = try month.map { text in
            guard let period = LedgerPeriod(text) else {
                throw DomainError.invalidField("month", message: "月份须为 YYYY-MM", messageEN: "month must be YYYY-MM")
            }
            return period.end
        } ?? "9999-12-31"
        return try await store.pool.read { db in
            try Row.fetchAll(
                db,
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
    }

    /// The audit trail of a village, newest first, with conflicts of its books resolved in the sync
    /// layer (timed by the change that carried the resolution, where this side logs it).
    public func auditTrail(village: String, limit: Int = 200) async throws -> [AuditEntry] {
        let recorded = try await store.pool.read { db in
            try AuditEntry.fetchAll(
                db,
                sql: """
                    SELECT id, village_code, action, subject, actor, role, at, note FROM ledger_audit WHERE village_code = ?1
                    ORDER BY at DESC LIMIT ?2
                    """,
                arguments: [village, limit])
        }
        let resolved = try await ConflictLog.resolved(in: store, scope: village, collectionsPrefixed: "ledger.", limit: limit).map {
            AuditEntry(
                id: $0.id, villageCode: $0.scope, action: "resolved_conflict", subject: "\($0.collection) \($0.recordID) \($0.field)",
                actor: $0.resolvedBy, role: "resolver", at: $0.resolvedAt.map { BeijingTime.timestamp($0) } ?? "", note: $0.chosenValue)
        }
        return Array((recorded + resolved).sorted { $0.at > $1.at }.prefix(limit))
    }
}
