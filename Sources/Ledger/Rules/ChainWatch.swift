import ChinaLocale
import Foundation
import GRDB
import Storage

/// The county's watch over every village's voucher chain: checked whenever a station's changes
/// arrive, the result kept (`ledger_chain_check`) for the console and the status endpoint.
///
/// ```swift
/// CountySyncRoutes(replica: county, registry: registry) { station in await ChainWatch(store: store).check(village: station.village) }
/// ```
public struct ChainWatch: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Verifies a village's chain now and records the result.
    @discardableResult
    public func check(village: String) async -> VoucherChain.Report? {
        try? await store.pool.write { db in
            let report = try VoucherChain.verify(village: village, db)
            try db.execute(
                sql: """
                    INSERT INTO ledger_chain_check(village_code, checked_at, entries, intact, first_broken, reason)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(village_code) DO UPDATE SET checked_at = excluded.checked_at, entries = excluded.entries,
                        intact = excluded.intact, first_broken = excluded.first_broken, reason = excluded.reason
                    """,
                arguments: [village, BeijingTime.timestamp(), report.entries, report.intact, report.firstBroken, report.reason])
            return report
        }
    }

    /// The last recorded check of each village whose chain is broken.
    public func broken() async throws -> [VoucherChain.Report] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ledger_chain_check WHERE intact = 0 ORDER BY village_code").map {
                VoucherChain.Report(
                    villageCode: $0["village_code"], entries: $0["entries"], intact: false, firstBroken: $0["first_broken"], voucher: nil,
                    reason: $0["reason"])
            }
        }
    }
}
