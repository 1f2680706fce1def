import Foundation
import SQLiteBaselines
import Storage
import StoreInterface
import Sync
import Synchronization

/// What proving a station's data and mending it costs (DESIGN §2.9): a station and its county hold
/// the same million prices of the village; 1, 10 and 1,000 of the station's rows are damaged by
/// hand (deleted, changed, added, in turn); the bytes and round trips a ``Reconciliation`` takes to
/// find and mend them, beside the gzip'd CSV of the whole bucket, the least that sending it all
/// again would cost.
///
/// Bytes are the bodies as the wire carries them (the messages' JSON, deflated); each exchange
/// adds its HTTP headers and signatures, about 0.6 KB.
struct RepairBench {
    let rows: Int
    let damages: [Int]

    func run() async throws -> [Figure] {
        let sync = try SyncBench(rows: rows)
        defer { try? FileManager.default.removeItem(at: sync.folder) }
        let countyStore = try sync.store("repair-county")
        let stationStore = try sync.store("repair-station")
        try await sync.plainInserts(into: countyStore, batch: 5_000)
        try await sync.plainInserts(into: stationStore, batch: 5_000)
        let county = try Replica(store: countyStore, role: .county, collections: SyncBench.collections)
        let station = try Replica(store: stationStore, role: .station(village: PriceRow.village), collections: SyncBench.collections)
        let transport = MeteredLink(county: county, station: StationPeer(origin: station.origin, village: PriceRow.village))
        let csv = Measure.gzipBytes(PriceRow.csv(sync.rows))

        var figures: [Figure] = []
        for damaged in damages {
            try await damage(damaged, of: sync.rows, in: stationStore)
            transport.reset()
            var outcome: Reconciliation.Outcome?
            let took = try await Measure.time {
                outcome = try await Reconciliation(station: station, transport: transport).run(position: 0, sums: try await station.dataSums())
            }
            let (bytes, exchanges) = transport.totals
            guard outcome?.mended == damaged else { throw RepairBenchError(expected: damaged, mended: outcome?.mended ?? -1) }
            figures.append(
                Figure(
                    name: "repair: \(damaged.formatted()) damaged of \(rows.formatted()) rows found and mended — bytes, round trips, "
                        + "time vs the bucket sent again as gzip'd CSV",
                    value: "\(Self.kilobytes(bytes)) in \(exchanges) round trips, \(String(format: "%.1f s", Measure.seconds(took)))",
                    baseline: Self.kilobytes(csv), ratio: String(format: "%.4f×", Double(bytes) / Double(csv)),
                    goal: "only the damaged records sent"))
        }
        return figures
    }

    /// Damages `count` rows by hand: a third deleted, a third changed, a third added (one changed for 1).
    func damage(_ count: Int, of rows: [PriceRow], in store: Store) async throws {
        let changed = count == 1 ? 1 : count / 3
        let deleted = count == 1 ? 0 : count / 3
        let added = count - changed - deleted
        let chosen = stride(from: 7, to: rows.count, by: max(1, rows.count / (count + 1))).prefix(changed + deleted).map { rows[$0].id }
        let collection = SyncBench.collections[0]
        try await store.writing { transaction in
            let log = try transaction.changeLog
            for id in chosen.prefix(changed) {
                guard case .integer(let avg) = try log.recordValue("avg_fen", in: collection, id: id) else { continue }
                try log.updateRecord(
                    RecordRow(table: "price", idColumn: "id", id: id, names: ["avg_fen"], values: [.integer(avg + 1)], isWhole: false))
            }
            for id in chosen.dropFirst(changed) { try log.deleteRecord(in: collection, id: id) }
            for index in 0..<added {
                var fields = rows[index].fields
                fields["observed_on"] = "2026-12-01"
                let names = fields.keys.sorted()
                _ = try log.insertRecord(
                    RecordRow(
                        table: "price", idColumn: "id", id: "by-hand-\(count)-\(index)", names: names, values: names.map { fields[$0]! },
                        isWhole: true), replacing: false)
            }
        }
    }

    static func kilobytes(_ bytes: Int) -> String { String(format: "%.1f KB", Double(bytes) / 1024) }
}

struct RepairBenchError: Error, CustomStringConvertible {
    let expected: Int
    let mended: Int
    var description: String { "the repair mended \(mended) records of \(expected) damaged" }
}

/// The county in memory, each message counted as the wire carries it: its JSON, deflated.
final class MeteredLink: SyncTransport, Sendable {
    let direct: LocalTransport
    private let counted = Mutex((bytes: 0, exchanges: 0))

    init(county: Replica, station: StationPeer) { direct = LocalTransport(county: county, station: station, verifying: true) }

    var totals: (bytes: Int, exchanges: Int) { counted.withLock { ($0.bytes, $0.exchanges) } }
    func reset() { counted.withLock { $0 = (0, 0) } }

    private func count(_ request: some SyncWireMessage, _ reply: some SyncWireMessage) throws {
        let bytes = try Deflate.compress(request.wireJSON()).count + Deflate.compress(reply.wireJSON()).count
        counted.withLock {
            $0.bytes += bytes
            $0.exchanges += 1
        }
    }

    func push(_ request: PushRequest) async throws -> PushReply { try await direct.push(request) }
    func pull(_ request: PullRequest) async throws -> PullReply { try await direct.pull(request) }
    var verifiesData: Bool { true }

    func verify(_ request: VerifyRequest) async throws -> VerifyReply? {
        guard let reply = try await direct.verify(request) else { return nil }
        try count(request, reply)
        return reply
    }

    func mend(_ request: MendRequest) async throws -> MendReply {
        let reply = try await direct.mend(request)
        try count(request, reply)
        return reply
    }
}
