import ChinaLocale
import Foundation
public import Sync
import StoreInterface

/// The county's watch over every village's books, and a station's report of its own:
/// - as a push that carries vouchers is taken, the county checks the village's chain from its last
///   whole entry, in the push's transaction (``LedgerArrivals``), and keeps the result
///   (`ledger_chain_check`) for the console and the status endpoint; ``check(village:)`` does the
///   same on demand (`syncserver ledger check`);
/// - as a station pulls, the county seals what is new of its village's books (``LedgerSeal``), so
///   the seal goes out in the same reply, and holds the chain head the station reports against its
///   own: a station whose copy was edited, or lost entries, is named on the console.
///
/// ```swift
/// let watch = LedgerWatch(replica: county)
/// CountySyncRoutes(replica: county, registry: registry, onPull: watch.stationPulls)
/// StationLink(store: store, collections: collections, reporters: [LedgerWatch.report])
/// ```
public struct LedgerWatch: Sendable {
    let replica: Replica

    public init(replica: Replica) { self.replica = replica }

    /// The name a station's chain head is reported under.
    static let chainReport = "ledger.chain"

    /// Verifies a village's chain now and records the result: from the head the last check found
    /// whole, or from the start when the last check found it broken or there was none.
    @discardableResult
    public func check(village: String) async -> VoucherChain.Report? {
        try? await replica.writing { transaction in try VoucherChain.checkAndRecord(village: village, try transaction.ledger) }
    }

    /// As a station pulls: seals what is new of its village's books, and answers what is wrong with
    /// the chain head it reports (`index:hash`), or `nil` when it matches the county's. Reads first,
    /// and writes only when there is something new: most pulls find nothing.
    public func stationPulls(_ station: StationPeer, reports: [String: String]) async -> String? {
        let reported = reports[Self.chainReport].flatMap(Self.head(from:))
        do {
            let (unsealed, verdict) = try await replica.store.reading { transaction in
                let ledger = try transaction.ledger
                return (try LedgerSeal.hasNew(village: station.village, ledger), try reported.map { try judge($0, of: station, ledger) })
            }
            if unsealed || verdict?.changed == true {
                try await replica.writing { [replica] transaction in
                    if unsealed { try LedgerSeal.sealNew(village: station.village, replica: replica, transaction) }
                    if let reported, let verdict, verdict.changed {
                        try transaction.ledger.recordStationChain(
                            StationChainReport(
                                station: station.origin, index: reported.index, hash: reported.hash, highestIndex: verdict.highest,
                                problem: verdict.problem),
                            village: station.village, at: BeijingTime.timestamp())
                    }
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

    func judge(_ reported: (index: Int64, hash: String), of station: StationPeer, _ ledger: any LedgerTransaction) throws -> Verdict {
        let held = try ledger.stationChain(station: station.origin)
        let highest = held?.highestIndex ?? 0
        let countyHash = try ledger.chainHash(village: station.village, index: reported.index)
        let problem: String? =
            if reported.index < highest {
                "本站凭证链只到第 \(reported.index) 条，曾到第 \(highest) 条：有凭证被删除 — the station's voucher chain lost entries after \(reported.index)"
            } else if let countyHash, countyHash != reported.hash {
                "本站凭证链第 \(reported.index) 条与县里的不符：本站账簿被改动 — the station's voucher chain differs from the county's at entry \(reported.index)"
            } else { nil }
        let changed = held == nil || held?.index != reported.index || held?.hash != reported.hash || held?.problem != problem
        return Verdict(problem: problem, highest: max(highest, reported.index), changed: changed)
    }

    public static func report(_ station: Replica) async throws -> [String: String] {
        guard let village = station.village else { return [:] }
        return try await station.store.reading { transaction in
            let head = try VoucherChain.head(village: village, try transaction.ledger)
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
        try await replica.store.reading { try $0.ledger.brokenChecks() }
    }
}
