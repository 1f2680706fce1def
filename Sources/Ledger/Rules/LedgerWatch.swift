import ChinaLocale
import Foundation
import GRDB
import Storage
public import Sync

/// The county's watch over every village's books, and a station's report of its own:
/// - after a push that carried vouchers, the county checks the village's chain and keeps the
///   result (`ledger_chain_check`) for the console and the status endpoint;
/// - as a station pulls, the county seals what is new of its village's books (``LedgerSeal``), so
///   the seal goes out in the same reply, and holds the chain head the station reports against its
///   own: a station whose copy was edited, or lost entries, is named on the console.
///
/// ```swift
/// let watch = LedgerWatch(replica: county)
/// CountySyncRoutes(replica: county, registry: registry, afterPush: watch.afterPush, onPull: watch.stationPulls)
/// StationLink(store: store, collections: collections, reporters: [LedgerWatch.report])
/// ```
public struct LedgerWatch: Sendable {
    let replica: Replica

    public init(replica: Replica) { self.replica = replica }

    /// The name a station's chain head is reported under.
    static let chainReport = "ledger.chain"

    /// After a station's push: its village's chain checked, if the push carried vouchers.
    public func afterPush(_ station: StationPeer, collections: Set<String>) async {
        guard collections.contains(LedgerCollections.voucher.name) else { return }
        await check(village: station.village)
    }

    /// Verifies a village's chain now and records the result: from the head the last check found
    /// whole, or from the start when the last check found it broken or there was none.
    @discardableResult
    public func check(village: String) async -> VoucherChain.Report? {
        try? await replica.store.pool.write { db in
            let report = try VoucherChain.verify(village: village, after: try Self.lastWhole(village: village, db), db)
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

    /// The head the county's last check of a village found whole, if it did.
    static func lastWhole(village: String, _ db: Database) throws -> (index: Int, hash: String)? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT c.entries, v.hash FROM ledger_chain_check c
                JOIN ledger_voucher v ON v.village_code = c.village_code AND v.chain_index = c.entries
                WHERE c.village_code = ? AND c.intact
                """,
            arguments: [village])
        return row.map { ($0["entries"], $0["hash"]) }
    }

    /// As a station pulls: seals what is new of its village's books, and answers what is wrong with
    /// the chain head it reports (`index:hash`), or `nil` when it matches the county's. Reads first,
    /// and writes only when there is something new: most pulls find nothing.
    public func stationPulls(_ station: StationPeer, reports: [String: String]) async -> String? {
        let reported = reports[Self.chainReport].flatMap(Self.head(from:))
        do {
            let (unsealed, verdict) = try await replica.store.pool.read { db in
                (try LedgerSeal.hasNew(village: station.village, db), try reported.map { try judge($0, of: station, db) })
            }
            if unsealed || verdict?.changed == true {
                try await replica.store.pool.write { db in
                    if unsealed { try LedgerSeal.sealNew(village: station.village, replica: replica, db) }
                    if let reported, let verdict, verdict.changed { try record(reported, verdict, of: station, db) }
                }
            }
            return verdict?.problem
        } catch {
            return nil
        }
    }

    /// What a station's reported head says against the county's chain, and whether that is news.
    struct Verdict {
        let problem: String?
        let highest: Int64
        let changed: Bool
    }

    func judge(_ reported: (index: Int64, hash: String), of station: StationPeer, _ db: Database) throws -> Verdict {
        let held = try Row.fetchOne(
            db, sql: "SELECT chain_index, hash, highest_index, problem FROM ledger_station_chain WHERE station = ?",
            arguments: [station.origin])
        let highest: Int64 = held?["highest_index"] ?? 0
        let countyHash = try String.fetchOne(
            db, sql: "SELECT hash FROM ledger_voucher WHERE village_code = ? AND chain_index = ?",
            arguments: [station.village, reported.index])
        let problem: String? =
            if reported.index < highest {
                "本站凭证链只到第 \(reported.index) 条，曾到第 \(highest) 条：有凭证被删除 — the station's voucher chain lost entries after \(reported.index)"
            } else if let countyHash, countyHash != reported.hash {
                "本站凭证链第 \(reported.index) 条与县里的不符：本站账簿被改动 — the station's voucher chain differs from the county's at entry \(reported.index)"
            } else { nil }
        let changed =
            held == nil || held?["chain_index"] != reported.index || held?["hash"] != reported.hash
            || held?["problem"] != problem
        return Verdict(problem: problem, highest: max(highest, reported.index), changed: changed)
    }

    func record(_ reported: (index: Int64, hash: String), _ verdict: Verdict, of station: StationPeer, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO ledger_station_chain(station, village_code, chain_index, hash, highest_index, problem, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(station) DO UPDATE SET chain_index = excluded.chain_index, hash = excluded.hash,
                    highest_index = excluded.highest_index, problem = excluded.problem, reported_at = excluded.reported_at
                """,
            arguments: [
                station.origin, station.village, reported.index, reported.hash, verdict.highest, verdict.problem,
                BeijingTime.timestamp(),
            ])
    }

    /// At a station: the head of its village's chain, as every pull reports it.
    public static func report(_ station: Replica) async throws -> [String: String] {
        guard let village = station.village else { return [:] }
        return try await station.store.pool.read { db in
            let head = try VoucherChain.head(village: village, db)
            return [chainReport: "\(head.index):\(head.hash)"]
        }
    }

    static func head(from text: String) -> (index: Int64, hash: String)? {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let index = Int64(parts[0]), index >= 0, parts[1].count <= 64 else { return nil }
        return (index, String(parts[1]))
    }

    /// The last recorded check of each village whose chain is broken.
    public func broken() async throws -> [VoucherChain.Report] {
        try await replica.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ledger_chain_check WHERE intact = 0 ORDER BY village_code").map {
                VoucherChain.Report(
                    villageCode: $0["village_code"], entries: $0["entries"], intact: false, firstBroken: $0["first_broken"], voucher: nil,
                    reason: $0["reason"])
            }
        }
    }
}
