import ChinaLocale
import DomainCore
import Sync
import StoreInterface

extension LedgerQueries {
    /// An account's (or a sub-account's) journal from the first day of `from` to the end of `through`.
    public func journal(village: String, account: String, subaccount: String? = nil, from: String, through: String) async throws -> Journal {
        guard let start = LedgerPeriod(from), let end = LedgerPeriod(through), start.first < end.end else {
            throw DomainError.invalidField("from", message: "期间须为 YYYY-MM，且起不晚于止", messageEN: "from and through must be YYYY-MM, from first")
        }
        return try await store.reading { transaction in
            let ledger = try transaction.ledger
            let opening = try ledger.balance(village: village, account: account, subaccount: subaccount, before: start.first)
            var balance = opening
            let entries = try ledger.lines(
                village: village, account: account, subaccount: subaccount, from: start.first, to: end.end, excludingClosings: false
            ).map { line in
                balance += line.debitFen - line.creditFen
                return Journal.Entry(
                    voucherDate: line.voucherDate, period: line.period, number: line.number, summary: line.summary,
                    debitFen: line.debitFen, creditFen: line.creditFen, balanceFen: balance)
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
        return try await store.reading { try $0.ledger.householdBalances(village: village, before: end) }
    }

    /// The audit trail of a village, newest first, with conflicts of its books resolved in the sync
    /// layer (timed by the change that carried the resolution, where this side logs it).
    public func auditTrail(village: String, limit: Int = 200) async throws -> [AuditEntry] {
        let recorded = try await store.reading { try $0.ledger.auditEntries(village: village, limit: limit) }
        let resolved = try await ConflictLog.resolved(in: store, scope: village, collectionsPrefixed: "ledger.", limit: limit).map {
            AuditEntry(
                id: $0.id, villageCode: $0.scope, action: "resolved_conflict", subject: "\($0.collection) \($0.recordID) \($0.field)",
                actor: $0.resolvedBy, role: "resolver", at: $0.resolvedAt.map { BeijingTime.timestamp($0) } ?? "", note: $0.chosenValue)
        }
        return Array((recorded + resolved).sorted { $0.at > $1.at }.prefix(limit))
    }
}
