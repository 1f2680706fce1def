import Foundation
import StoreInterface
@testable import Sync
import Synchronization
import TestSupport
import Testing

/// A station proves its data against the hub's (DESIGN §2.9): rows deleted, changed and added by
/// hand in its store are found and mended with only those records sent, on a county on SQLite and
/// on a hub's PostgreSQL; a station cannot verify or mend another village's bucket.
@Suite struct ReconciliationTests {
    let folder = try! TemporaryFolder()
    static let (houNan, beiTang) = ("441422107201", "441422113203")
    static let clock: @Sendable () -> Int64 = { 1_790_000_000_000 }

    /// The county reached in memory, counting what verification and mending carry.
    final class CountingLink: SyncTransport, Sendable {
        let direct: LocalTransport
        let counts = Mutex((verifies: 0, mends: 0, ids: [String]()))

        init(county: Replica, station: StationPeer) { direct = LocalTransport(county: county, station: station, verifying: true) }

        func push(_ request: PushRequest) async throws -> PushReply { try await direct.push(request) }
        func pull(_ request: PullRequest) async throws -> PullReply { try await direct.pull(request) }
        var verifiesData: Bool { true }

        func verify(_ request: VerifyRequest) async throws -> VerifyReply? {
            counts.withLock { $0.verifies += 1 }
            return try await direct.verify(request)
        }

        func mend(_ request: MendRequest) async throws -> MendReply {
            counts.withLock {
                $0.mends += 1
                $0.ids += request.ids
            }
            return try await direct.mend(request)
        }
    }

    @Test(arguments: HubStore.allCases) func rowsChangedByHandAreMendedAndNothingElseIsSent(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.clock) { county in
            let station = try TestCollections.replica("station", in: folder, role: .station(village: Self.houNan), wallTime: Self.clock)
            let link = CountingLink(county: county, station: StationPeer(origin: station.origin, village: Self.houNan))
            try await county.writing { db in
                for index in 1...300 {
                    try county.write(db, to: "test.bulletin", id: "b\(index)", fields: ["title": "稻谷", "price_fen": .integer(Int64(index))])
                }
            }
            try await station.writing { db in
                for index in 1...1_000 {
                    try station.write(db, to: "test.observation", id: "o\(index)", fields: ["village": .text(Self.houNan), "value": .integer(Int64(index))])
                }
            }
            let first = try await SyncRound(station: station, transport: link, batchSize: 1_000).run()
            #expect(first.pushed == 1_000 && first.pulled == 300 && first.mended == 0)
            #expect(link.counts.withLock { $0.mends } == 0)

            // By hand, around the engine: a bulletin deleted, a price changed, one added, a bulletin forged.
            try await station.store.writing { transaction in
                let log = try transaction.changeLog
                try log.deleteRecord(in: TestCollections.bulletin, id: "b17")
                try StoredRows.execute("UPDATE observation SET value = 5 WHERE id = 'o500'", transaction)
                try StoredRows.insert(into: "observation", ["id": "by-hand", "village": .text(Self.houNan), "value": 3], transaction)
                try StoredRows.insert(into: "bulletin", ["id": "forged", "title": "假", "price_fen": 1], transaction)
            }
            let verifiesBefore = link.counts.withLock { $0.verifies }
            let mending = try await SyncRound(station: station, transport: link, batchSize: 1_000).run()
            #expect(mending.pushed == 0 && mending.pulled == 0 && mending.mended == 4)
            #expect(link.counts.withLock { $0.ids }.sorted() == ["b17", "by-hand", "forged", "o500"])
            let rounds = link.counts.withLock { $0.verifies } - verifiesBefore
            #expect(rounds >= 2 && rounds <= 4, "found in \(rounds) exchanges")  // the buckets, then their ranges
            for sql in ["SELECT id, title, price_fen FROM bulletin ORDER BY id", "SELECT id, village, value FROM observation ORDER BY id"] {
                #expect(try await Self.rows(station, sql) == Self.rows(county, sql))
            }

            // Proved: the next round does not ask again, and nothing is mended.
            let settled = try await SyncRound(station: station, transport: link, batchSize: 1_000).run()
            #expect(settled.mended == 0 && link.counts.withLock { $0.verifies } == verifiesBefore + rounds)
        }
    }

    @Test(arguments: HubStore.allCases) func aStationCannotVerifyOrMendAnotherVillagesBucket(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.clock) { county in
            try await county.writing { db in
                try county.write(db, to: "test.observation", id: "theirs", fields: ["village": .text(Self.beiTang), "value": 9])
            }
            let peer = StationPeer(origin: "st-houNan", village: Self.houNan)
            let theirs = DataBucket(collection: "test.observation", scope: Self.beiTang)
            let reply = try await county.verify(
                VerifyRequest(position: 1_000_000, ranges: [RangeSum(range: VerifyRange(bucket: theirs), sum: BucketSum())]), for: peer)
            #expect(reply.verdicts.map(\.kind) == [.stale])
            await #expect(throws: SyncError.self) { try await county.mend(MendRequest(bucket: theirs, ids: ["theirs"]), for: peer) }
            // Its own bucket, asked of a record of another village, answers nothing of it.
            let own = try await county.mend(MendRequest(bucket: DataBucket(collection: "test.observation", scope: Self.houNan), ids: ["theirs"]), for: peer)
            #expect(own.records.isEmpty)
        }
    }

    @Test func digestsReadTheSameValueAlikeWhateverTheColumnsType() {
        let integer = RecordDigest.of(id: "r", values: [.integer(5), .text("a")], in: "c")
        #expect(integer == RecordDigest.of(id: "r", values: [.real(5), .text("a")], in: "c"))
        #expect(integer == RecordDigest.of(id: "r", values: [.text("5"), .text("a")], in: "c"))
        #expect(integer != RecordDigest.of(id: "r", values: [.integer(6), .text("a")], in: "c"))
        #expect(integer != RecordDigest.of(id: "r", values: [.null, .text("a")], in: "c"))
        #expect(integer != RecordDigest.of(id: "s", values: [.integer(5), .text("a")], in: "c"))
        let range = VerifyRange(bucket: DataBucket(collection: "c", scope: ""), bits: 8, prefix: 0xAB)
        #expect(range.contains(0xAB00_0000_0000_0001) && !range.contains(0xAC00_0000_0000_0000))
        #expect(range.parts[3].contains(0xAB30_0000_0000_0000) && range.part(of: 0xAB30_0000_0000_0000) == 3)
    }

    static func rows(_ replica: Replica, _ sql: String) async throws -> [[SyncValue]] {
        try await replica.store.reading { transaction in try StoredRows.select(sql, [], transaction) }
    }
}
