import Foundation
import StoreInterface
@testable import Sync
import Synchronization
import TestSupport
import Testing

/// A new station bootstraps from a snapshot of its scope instead of replaying the county's log
/// (every version of every record), goes on by pulls from the snapshot's position, and resumes a
/// snapshot a cut link stopped where it stopped; on a county on SQLite and on a hub's PostgreSQL.
@Suite struct SnapshotTests {
    let folder = try! TemporaryFolder()
    static let houNan = "441422107201"
    static let clock: @Sendable () -> Int64 = { 1_790_000_000_000 }

    /// The county in memory, counting the deflated bytes of snapshots and pulls, and cutting the
    /// link after as many snapshot pages as it is told.
    final class Link: SyncTransport, Sendable {
        let direct: LocalTransport
        let state = Mutex((snapshotBytes: 0, pullBytes: 0, pagesLeft: Int.max))

        init(county: Replica, station: StationPeer) { direct = LocalTransport(county: county, station: station, verifying: true) }

        func push(_ request: PushRequest) async throws -> PushReply { try await direct.push(request) }
        func pull(_ request: PullRequest) async throws -> PullReply {
            let reply = try await direct.pull(request)
            let bytes = try Deflate.compress(reply.wireJSON()).count
            state.withLock { $0.pullBytes += bytes }
            return reply
        }
        var verifiesData: Bool { true }
        func verify(_ request: VerifyRequest) async throws -> VerifyReply? { try await direct.verify(request) }
        func mend(_ request: MendRequest) async throws -> MendReply { try await direct.mend(request) }

        struct Cut: Error {}

        func snapshot(_ request: SnapshotRequest) async throws -> SnapshotReply? {
            let cut = state.withLock { state in
                state.pagesLeft -= 1
                return state.pagesLeft < 0
            }
            if cut { throw Cut() }
            guard let reply = try await direct.snapshot(request) else { return nil }
            let bytes = try Deflate.compress(reply.wireJSON()).count
            state.withLock { $0.snapshotBytes += bytes }
            return reply
        }
    }

    func publish(_ county: Replica, edits: Int) async throws {
        for round in 0...edits {
            try await county.writing { db in
                for index in 1...30 {
                    // Titles of 40 KB: the snapshot takes several pages, even of a station that
                    // reads rows as columns (its pages are four times the bytes).
                    let title = String(repeating: "稻谷价格\(round)", count: 3_000)
                    try county.write(db, to: "test.bulletin", id: "b\(index)", fields: ["title": .text(title), "price_fen": .integer(Int64(300 + round))])
                }
                try county.write(db, to: "test.notice", id: "n\(round)", fields: ["division": "4414", "title": "通知"])
            }
        }
    }

    @Test(arguments: HubStore.allCases) func aNewStationTakesASnapshotAndGoesOnByPulls(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.clock) { county in
            try await publish(county, edits: 3)
            let station = try TestCollections.replica("new", in: folder, role: .station(village: Self.houNan), wallTime: Self.clock)
            let link = Link(county: county, station: StationPeer(origin: station.origin, village: Self.houNan))
            let first = try await SyncRound(station: station, transport: link, batchSize: 100).run()
            #expect(first.fromSnapshot == 34 && first.pulled == 34 && first.mended == 0, "\(first)")
            for sql in ["SELECT id, title, price_fen FROM bulletin ORDER BY id", "SELECT id, division, title FROM notice ORDER BY id"] {
                #expect(try await Self.rows(station, sql) == Self.rows(county, sql))
            }

            // What replaying the log from the start would have carried, for another new station of the village.
            let replay = Link(county: county, station: StationPeer(origin: "st-replay", village: Self.houNan))
            var position: Int64 = 0
            var more = true
            while more {
                let reply = try await replay.pull(PullRequest(after: position, limit: 1_000))
                (position, more) = (reply.position, reply.more)
            }
            let (snapshot, log) = (link.state.withLock { $0.snapshotBytes }, replay.state.withLock { $0.pullBytes })
            #expect(snapshot * 2 < log, "snapshot \(snapshot) B, log \(log) B")

            try await county.writing { db in try county.write(db, to: "test.bulletin", id: "b7", fields: ["price_fen": 999]) }
            let next = try await SyncRound(station: station, transport: link, batchSize: 100).run()
            #expect(next.pulled == 1 && next.fromSnapshot == 0 && next.mended == 0, "\(next)")
            #expect(try await Self.rows(station, "SELECT price_fen FROM bulletin WHERE id = 'b7'") == [[.integer(999)]])
        }
    }

    @Test func aSnapshotCutByTheLinkResumesWhereItStopped() async throws {
        try await HubStore.sqlite.withCounty(in: folder, wallTime: Self.clock) { county in
            try await publish(county, edits: 0)
            let station = try TestCollections.replica("cut", in: folder, role: .station(village: Self.houNan), wallTime: Self.clock)
            let link = Link(county: county, station: StationPeer(origin: station.origin, village: Self.houNan))
            link.state.withLock { $0.pagesLeft = 1 }
            await #expect(throws: Link.Cut.self) { try await SyncRound(station: station, transport: link).run() }
            let taken = try await Self.rows(station, "SELECT COUNT(*) FROM bulletin")
            #expect(taken != [[.integer(0)]] && taken != [[.integer(30)]], "\(taken)")  // the first page, kept
            let wanted = try #require(try await station.snapshotWanted())
            #expect(wanted.cursor != nil && wanted.position != nil)

            link.state.withLock { $0.pagesLeft = .max }
            let resumed = try await SyncRound(station: station, transport: link).run()
            #expect(resumed.fromSnapshot + Self.count(taken) == 31 && resumed.mended == 0, "\(resumed)")
            #expect(try await station.snapshotWanted() == nil)
        }
    }

    static func count(_ rows: [[SyncValue]]) -> Int {
        if case .integer(let count)? = rows.first?.first { Int(count) } else { 0 }
    }

    static func rows(_ replica: Replica, _ sql: String) async throws -> [[SyncValue]] {
        try await replica.store.reading { transaction in try StoredRows.select(sql, [], transaction) }
    }
}
