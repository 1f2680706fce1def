import SyncSQLite
import Foundation
import Storage
import StoreInterface
import Sync
import TestSupport

/// One seeded schedule: a county (on SQLite, or on a hub's PostgreSQL) and three stations in one process, random writes on every side,
/// sync rounds over links that lose requests, lose replies and repeat batches, stations restarted
/// from disk, station clocks off by up to ±10 years, the county's log compacted every 20 steps (two
/// stations take snapshots when behind it, the third, of protocol 1, replays what is left). Then the links heal, and ``check()`` says what
/// does not hold.
final class SyncSimulation {
    static let villages = ["441422107201", "441422113203", "441422100205"]
    static let tenYears: Int64 = 10 * 365 * 86_400_000

    let seed: UInt64
    let random: SharedRandom
    let time = VirtualTime()
    let folder: TemporaryFolder
    let county: Replica
    var stations: [Replica]
    let skews: [Int64]
    /// Every observation id whose write committed, by village: none may be lost or doubled.
    var written: [String: Set<String>] = [:]
    var nextID = 0
    /// The hostile station's last sequence, the sequences of its forged changes (each must end
    /// quarantined), and the ids of its honest observations (each must reach the county).
    var hostileSequence: Int64 = 0
    var forged: Set<Int64> = []
    var hostileHonest: Set<String> = []
    /// Records the stations' verifications mended: none, since no store is damaged by hand here.
    var mended = 0
    /// The county's contract changes as logged before each compaction, by position: the
    /// conflicts expected are found by replaying them all (``expectedConflicts()``).
    var contractChanges: [Int64: [SyncValue]] = [:]
    /// Snapshots the stations took after the county compacted its log below their positions.
    var fromSnapshots = 0

    /// A schedule whose county keeps its own SQLite file, or runs on `countyStore` (a hub's database).
    init(seed: UInt64, countyStore: (any TransactionStore)? = nil) async throws {
        self.seed = seed
        random = SharedRandom(seed: seed)
        folder = try TemporaryFolder(inMemory: true)
        let time = self.time
        county =
            if let countyStore { try TestCollections.county(on: countyStore) { time.milliseconds } }
            else { try TestCollections.replica("county", in: folder, role: .county) { time.milliseconds } }
        let random = self.random
        skews = Self.villages.map { _ in Int64(random.int(-1_000_000...1_000_000)) * Self.tenYears / 1_000_000 }
        stations = []
        for index in Self.villages.indices { stations.append(try openStation(index)) }
        for index in stations.indices { _ = try await round(index, faulty: false) }  // enrollment: first contact
    }

    func openStation(_ index: Int) throws -> Replica {
        let time = self.time
        let skew = skews[index]
        return try TestCollections.replica("station\(index)", in: folder, role: .station(village: Self.villages[index])) {
            time.milliseconds + skew
        }
    }

    func link(_ index: Int, faulty: Bool) -> InMemoryLink {
        let station = stations[index]
        var link = InMemoryLink(county: county, station: StationPeer(origin: station.origin, village: Self.villages[index]))
        // The last station is of the previous protocol: below the floor, it replays the compacted log.
        link.previousProtocol = index == Self.villages.count - 1
        if faulty {
            let random = self.random
            link.fault = { _ in
                guard random.chance(0.35) else { return .none }
                return random.pick([.requestLost, .replyLost, .repeated])
            }
        }
        return link
    }

    /// One round; a cut link ends it early, as it would on a real line.
    func round(_ index: Int, faulty: Bool) async throws -> SyncRound.Report? {
        let batch = random.int(1...6)
        do {
            let report = try await SyncRound(station: stations[index], transport: link(index, faulty: faulty), batchSize: batch).run()
            mended += report.mended
            fromSnapshots += report.fromSnapshot > 0 ? 1 : 0
            return report
        } catch is InMemoryLink.Cut {
            return nil
        }
    }

    func run(steps: Int) async throws {
        for step in 0..<steps {
            // Every 20 steps the county compacts its log up to where it stands, drawing nothing
            // from the generator: the schedule is the same, and stations behind take snapshots.
            if step % 20 == 19 { try await countyCompacts() }
            time.advance(by: Int64(random.int(1...5_000)))
            let index = random.int(0...(stations.count - 1))
            switch random.int(0...99) {
            case 0..<28: try await stationObserves(index)
            case 28..<50: try await edit(stations[index], village: Self.villages[index])
            case 50..<58: try await countyPublishes()
            case 58..<66: try await edit(county, village: random.pick(Self.villages))
            case 66..<70: try await resolveSomeConflict(random.chance(0.5) ? county : stations[index])
            case 70..<74: stations[index] = try openStation(index)  // power cut: reopen from disk
            case 74..<80: try await hostilePushes()
            default: _ = try await round(index, faulty: true)
            }
        }
    }

    func heal() async throws {
        for _ in 0..<3 {
            for index in stations.indices { _ = try await round(index, faulty: false) }
        }
    }

    // MARK: Operations

    func stationObserves(_ index: Int) async throws {
        nextID += 1
        let id = "obs-\(nextID)"
        let village = Self.villages[index]
        let station = stations[index]
        let value = Int64(nextID)
        try await station.writing { db in
            try station.write(db, to: "test.observation", id: id, fields: ["village": .text(village), "value": .integer(value)])
        }
        written[village, default: []].insert(id)
    }

    func edit(_ replica: Replica, village: String) async throws {
        let id = "contract-\(village)-\(random.int(0...2))"
        var fields: [String: SyncValue] = [:]
        for field in ["party", "amount_fen", "note"] where random.chance(0.6) {
            fields[field] =
                field == "amount_fen"
                ? .integer(Int64(random.int(1...5) * 10_000)) : .text(random.pick(["张三", "李四", "王五"]))
        }
        if fields.isEmpty { fields["note"] = "备注" }
        let edited = fields
        try await replica.writing { transaction in
            var fields = edited
            if try !transaction.changeLog.recordExists(in: TestCollections.contract, id: id) {
                fields["village"] = .text(village)
            }
            try replica.write(transaction, to: "test.contract", id: id, fields: fields)
        }
    }

    func countyPublishes() async throws {
        let id = "bulletin-\(random.int(0...3))"
        let price = Int64(random.int(100...900))
        let county = self.county
        try await county.writing { db in
            try county.write(db, to: "test.bulletin", id: id, fields: ["title": "早籼稻", "price_fen": .integer(price)])
        }
    }

    func countyCompacts() async throws {
        for row in try await rows(county, "\(Self.contractChanges) ORDER BY position") {
            if case .integer(let position)? = row.first { contractChanges[position] = row }
        }
        _ = try await county.compactLog(keepingDays: 0)
    }

    func resolveSomeConflict(_ replica: Replica) async throws {
        guard let conflict = try await replica.openConflicts().first else { return }
        let choice = random.chance(0.5) ? conflict.keptValue : conflict.otherValue
        try await replica.resolve(conflictID: conflict.id, choosing: choice, by: "simulation", holding: ["operator"])
    }
}
