public import GRDB
public import Sync
import Storage

extension LedgerQueries {
    /// A disclosure as the kiosk lists it: the latest version of each period, newest period first.
    public struct DisclosureSummary: Codable, Sendable, FetchableRecord {
        public let id: String
        public let period: String
        public let title: String
        public let publishedAt: String
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    /// The latest version of each period's disclosure; at a station (`sealedBy` the county's key),
    /// only those whose content is as the county sealed it.
    public func disclosures(village: String, sealedBy key: ChangeSignature? = nil) async throws -> [DisclosureSummary] {
        try await store.pool.read { db in
            let sealed = try key.map { try LedgerSeal.sealedDisclosures(village: village, db, key: $0) }
            let all = try DisclosureSummary.fetchAll(
                db,
                sql: """
                    SELECT id, period, title, published_at FROM ledger_disclosure
                    WHERE village_code = ? ORDER BY period DESC, published_at DESC
                    """,
                arguments: [village])
            var periods: Set<String> = []
            return all.filter { summary in
                guard sealed?.contains(summary.id) ?? true else { return false }
                return periods.insert(summary.period).inserted
            }
        }
    }

    /// A disclosure; at a station (`sealedBy` the county's key), only under the county's seal.
    public func disclosure(id: String, sealedBy key: ChangeSignature? = nil) async throws -> Disclosure? {
        try await store.pool.read { db in
            guard let disclosure = try Disclosure.fetchOne(db, sql: "SELECT * FROM ledger_disclosure WHERE id = ?", arguments: [id]) else {
                return nil
            }
            if let key, !(try LedgerSeal.sealedDisclosures(village: disclosure.villageCode, db, key: key).contains(id)) { return nil }
            return disclosure
        }
    }

    /// The chain of a village's posted vouchers, checked now; at a station (`sealedBy` the county's
    /// key), against the county's seal too.
    public func verifyChain(village: String, sealedBy key: ChangeSignature? = nil) async throws -> VoucherChain.Report {
        try await store.pool.read { db in try VoucherChain.verify(village: village, db, sealedBy: key) }
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

    /// A village's vouchers waiting for the county: submitted ones to review, reviewed ones to post.
    public struct WaitingDrafts: Codable, Sendable, Equatable, FetchableRecord {
        public let villageCode: String
        public let submitted: Int
        public let reviewed: Int
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    }

    /// Every village with vouchers waiting, the most waiting first: where a reviewer starts.
    public func waitingDrafts() async throws -> [WaitingDrafts] {
        try await store.pool.read { db in
            try WaitingDrafts.fetchAll(
                db,
                sql: """
                    SELECT village_code, SUM(status = 'submitted') AS submitted, SUM(status = 'reviewed') AS reviewed
                    FROM ledger_draft WHERE status IN ('submitted', 'reviewed')
                    GROUP BY village_code ORDER BY COUNT(*) DESC, village_code
                    """)
        }
    }
}
