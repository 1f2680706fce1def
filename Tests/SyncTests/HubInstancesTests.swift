import Foundation
import Sync
import Synchronization
import TestSupport
import Testing

/// Several `syncserver` processes on one PostgreSQL database, as a hub of a city or a province runs
/// them: here two county replicas over two stores of their own on one database (two pools of
/// connections), either of which answers any push or pull. (A county on SQLite is one process: its
/// writers queue for the file's lock, and a second process would wait on it past its busy timeout.)
@Suite struct HubInstancesTests {
    let folder = try! TemporaryFolder(inMemory: true)
    static let villages = ["441422107201", "441422113203", "441422101205"]
    static let wallTime: @Sendable () -> Int64 = { 1_790_000_000_000 }

    /// Two stations in each of three villages push and pull at once, each exchange through either
    /// instance at random (seeded), while the county publishes from both: positions are handed out
    /// by commits that interleave, and pulls page the log in small batches between them. Every
    /// station then holds every change of its scope, and no pull sent it one change twice.
    @Test func pullsRacingPushesOnTwoInstancesNeitherMissNorDoubleAChange() async throws {
        let (rounds, perRound, bulletins) = (6, 10, 30)
        try await HubStore.postgres.withHandles(
            2, role: "county", sqlite: { throw HubStore.NotOnSQLite() }, postgres: TestCollections.postgresSchema
        ) { stores in
            let instances = try stores.map { try TestCollections.county(on: $0, wallTime: Self.wallTime) }
            var stations: [(replica: Replica, village: String)] = []
            for (index, village) in Self.villages.enumerated() {
                for second in 0..<2 {
                    let replica = try TestCollections.replica("s\(index)-\(second)", in: folder, role: .station(village: village), wallTime: Self.wallTime)
                    stations.append((replica, village))
                }
            }
            let pulled = PulledChanges()

            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, (station, village)) in stations.enumerated() {
                    let transport = EitherInstance(instances, station: StationPeer(origin: station.origin, village: village), seed: UInt64(index + 1), pulled: pulled)
                    group.addTask {
                        for round in 0..<rounds {
                            try await station.writing { db in
                                for item in 0..<perRound {
                                    try station.write(
                                        db, to: "test.observation", id: "\(station.origin)-\(round)-\(item)",
                                        fields: ["village": .text(village), "value": .integer(Int64(item))])
                                }
                            }
                            _ = try await SyncRound(station: station, transport: transport, batchSize: 7).run()
                        }
                    }
                }
                group.addTask {
                    for number in 0..<bulletins {
                        let county = instances[number % 2]
                        try await county.writing { db in
                            try county.write(db, to: "test.bulletin", id: "b\(number)", fields: ["title": .text("第\(number)期"), "price_fen": .integer(Int64(number))])
                        }
                    }
                }
                try await group.waitForAll()
            }
            for (index, (station, village)) in stations.enumerated() {  // once more, now that everything is in
                let transport = EitherInstance(instances, station: StationPeer(origin: station.origin, village: village), seed: UInt64(index + 100), pulled: pulled)
                _ = try await SyncRound(station: station, transport: transport, batchSize: 7).run()
            }

            let county = instances[0].origin
            #expect(instances[1].origin == county)
            #expect(try await instances[1].loggedCount() == Int64(stations.count * rounds * perRound + bulletins))
            for (station, village) in stations {
                let neighbour = try #require(stations.first { $0.village == village && $0.replica.origin != station.origin }).replica
                let expected = Set((1...(rounds * perRound)).map { "\(neighbour.origin)/\($0)" } + (1...bulletins).map { "\(county)/\($0)" })
                let received = pulled.changes(of: station.origin)
                #expect(received.count == Set(received).count, "a change pulled twice by \(station.origin)")
                let missed = expected.subtracting(received), strange = Set(received).subtracting(expected)
                #expect(missed.isEmpty, "\(missed.count) changes missed by \(station.origin), such as \(missed.sorted().prefix(3))")
                #expect(strange.isEmpty, "\(strange.count) changes of another scope sent to \(station.origin)")
                #expect(try await station.held(TestCollections.bulletin, among: (0..<bulletins).map { "b\($0)" }).count == bulletins)
            }
        }
    }
}

/// The changes each station was sent by its pulls, in the order they came.
final class PulledChanges: Sendable {
    private let byStation = Mutex<[String: [String]]>([:])

    func record(_ reply: PullReply, for station: String) {
        byStation.withLock { $0[station, default: []] += reply.changes.map { "\($0.origin)/\($0.sequence)" } }
    }

    func changes(of station: String) -> [String] { byStation.withLock { $0[station] ?? [] } }
}

/// A station's link to a hub of two instances: each call goes to one of them, chosen at random
/// (seeded), as a load balancer without affinity sends it; what the pulls bring is recorded.
final class EitherInstance: SyncTransport {
    let instances: [Replica]
    let station: StationPeer
    let choices: Mutex<SeededRandom>
    let pulled: PulledChanges

    init(_ instances: [Replica], station: StationPeer, seed: UInt64, pulled: PulledChanges) {
        self.instances = instances
        self.station = station
        self.choices = Mutex(SeededRandom(seed: seed))
        self.pulled = pulled
    }

    private var next: LocalTransport {
        LocalTransport(county: instances[Int(choices.withLock { $0.next() } % UInt64(instances.count))], station: station)
    }

    func push(_ request: PushRequest) async throws -> PushReply { try await next.push(request) }

    func pull(_ request: PullRequest) async throws -> PullReply {
        let reply = try await next.pull(request)
        pulled.record(reply, for: station.origin)
        return reply
    }
}
