import GRDB

extension LedgerQueries {
    /// A disclosure as the kiosk lists it: the latest version of each period, newest period first.
    public struct DisclosureSummary: Codable, Sendable, FetchableRecord {
        public let id: String
        public let period: String
        public let title: String
        public let publishedAt: String
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    public func disclosures(village: String) async throws -> [DisclosureSummary] {
        try await store.pool.read { db in
            try DisclosureSummary.fetchAll(
                db,
                sql: """
                    SELECT id, period, title, MAX(published_at) AS published_at FROM ledger_disclosure
                    WHERE village_code = ? GROUP BY period ORDER BY period DESC
                    """,
                arguments: [village])
        }
    }

    public func disclosure(id: String) async throws -> Disclosure? {
        try await store.pool.read { db in try Disclosure.fetchOne(db, sql: "SELECT * FROM ledger_disclosure WHERE id = ?", arguments: [id]) }
    }

    /// The chain of a village's posted vouchers, checked now.
    public func verifyChain(village: String) async throws -> VoucherChain.Report {
        try await store.pool.read { db in try VoucherChain.verify(village: village, db) }
    }

    /// Posted vouchers of a village in a month, by number.
    public func vouchers(village: String, month: String) async throws -> [Voucher] {
        try await store.pool.read { db in
            try Voucher.fetchAll(
                db, sql: "SELECT * FROM ledger_voucher WHERE village_code = ? AND period = ? ORDER BY number", arguments: [village, month])
        }
    }

    /// Drafts of a village waiting on someone, oldest first.
    public func drafts(village: String) async throws -> [VoucherDraft] {
        try await store.pool.read { db in
            try VoucherDraft.fetchAll(
                db, sql: "SELECT * FROM ledger_draft WHERE village_code = ? AND status <> 'posted' ORDER BY updated_at", arguments: [village])
        }
    }
}
