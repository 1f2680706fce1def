import Foundation
import Storage
import StoreInterface
@testable import Sync
import TestSupport
import Testing

/// The hub compacts superseded versions below a floor, so its log stops growing with every edit of
/// the same record; a station whose position is below the floor takes a snapshot and ends with the
/// county's data, one of the previous protocol replays what is left and ends with the same values,
/// and what is evidence (a collection that keeps its history, urgent changes, each origin's last
/// change) stays. On a county on SQLite and on a hub's PostgreSQL.
@Suite struct LogCompactionTests {
    let folder = try! TemporaryFolder()
    static let houNan = "441422107201"
    static let clock: @Sendable () -> Int64 = { 1_790_000_000_000 }

    /// 30 bulletins written whole, but in round 3 their prices alone; a notice.
    func publish(_ county: Replica, round: Int) async throws {
        try await county.writing { db in
            for index in 1...30 {
                let fields: [String: SyncValue] =
                    round != 3
                    ? ["title": .text("稻谷价格 \(round)"), "price_fen": .integer(Int64(300 + round))] : ["price_fen": .integer(Int64(300 + round))]
                try county.write(db, to: "test.bulletin", id: "b\(index)", fields: fields)
            }
            try county.write(db, to: "test.notice", id: "n\(round)", fields: ["division": "4414", "title": .text("通知 \(round)")])
        }
    }

    @Test(arguments: HubStore.allCases) func supersededVersionsGoAndAStationBelowTheFloorTakesASnapshot(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.clock) { county in
            try await publish(county, round: 0)
            let away = try TestCollections.replica("away", in: folder, role: .station(village: Self.houNan), wallTime: Self.clock)
            let awayLink = LocalTransport(county: county, station: StationPeer(origin: away.origin, village: Self.houNan), verifying: true)
            let older = try TestCollections.replica("older", in: folder, role: .station(village: Self.houNan), wallTime: Self.clock)
            let olderLink = LocalTransport(county: county, station: StationPeer(origin: older.origin, village: Self.houNan))
            try await away.writing { db in
                try away.write(db, to: "test.contract", id: "c1", fields: ["village": .text(Self.houNan), "party": "李四", "amount_fen": 1_000])
            }
            _ = try await SyncRound(station: away, transport: awayLink).run()
            _ = try await SyncRound(station: older, transport: olderLink).run()
            for round in 1...3 { try await publish(county, round: round) }
            let before = try await Self.logCount(county)
            #expect(before == 1 + 4 * 31)

            let done = try await county.compactLog(keepingDays: 0)
            // Rounds 0 and 1 of each bulletin are superseded; round 2 still holds the title, round 3
            // the price; every notice, the station's contract and the county's last change stay.
            #expect(done.removed == 60 && done.left == before - 60, "\(done)")
            #expect(try await Self.logCount(county) == before - 60)
            #expect(try await county.logProblems().isEmpty)
            #expect(try await county.compactLog(keepingDays: 0).removed == 0)

            let awayRound = try await SyncRound(station: away, transport: awayLink).run()
            #expect(awayRound.fromSnapshot > 0 && awayRound.mended == 0, "\(awayRound)")
            let olderRound = try await SyncRound(station: older, transport: olderLink).run()
            #expect(olderRound.fromSnapshot == 0 && olderRound.pulled == 30 * 2 + 3, "\(olderRound)")
            let fresh = try TestCollections.replica("fresh", in: folder, role: .station(village: Self.houNan), wallTime: Self.clock)
            let freshLink = LocalTransport(county: county, station: StationPeer(origin: fresh.origin, village: Self.houNan), verifying: true)
            #expect(try await SyncRound(station: fresh, transport: freshLink).run().fromSnapshot > 0)
            for sql in [
                "SELECT id, title, price_fen FROM bulletin ORDER BY id", "SELECT id, division, title FROM notice ORDER BY id",
                "SELECT id, party, amount_fen FROM contract ORDER BY id",
            ] {
                let held = try await Self.rows(county, sql)
                for station in [away, older, fresh] { #expect(try await Self.rows(station, sql) == held, "\(sql)") }
            }

            // The county numbers its next change after its last, and the station below the floor is
            // now above it and pulls as any other.
            try await publish(county, round: 4)
            #expect(try await county.logProblems().isEmpty)
            let next = try await SyncRound(station: away, transport: awayLink).run()
            #expect(next.fromSnapshot == 0 && next.pulled == 31, "\(next)")
        }
    }

    @Test func historyKeptAsEvidenceAndUrgentChangesStay() async throws {
        let kept = SyncCollection(
            name: "test.bulletin", table: "bulletin", fields: ["title", "price_fen"], scope: .countyWide, policy: .countyAuthoritative,
            keepsHistory: true)
        let store = try Store.open(path: folder.file("evidence.sqlite"), role: "county", schema: TestCollections.schema)
        let county = try Replica(
            store: store, role: .county, collections: [kept, TestCollections.notice], signature: ChangeSignature(signingKey: TestCollections.countyKey),
            wallTime: Self.clock)
        for round in 0...2 {
            try await county.writing { db in
                try county.write(db, to: "test.bulletin", id: "b1", fields: ["title": .text("稻谷 \(round)"), "price_fen": .integer(Int64(round))])
                try county.write(db, to: "test.notice", id: "n1", fields: ["division": "", "title": .text("通知 \(round)")])
            }
        }
        let done = try await county.compactLog(keepingDays: 0)
        #expect(done.removed == 2 && done.left == 4, "\(done)")  // the notice's first two versions alone
    }

    @Test func theFloorIsWhereTheLogStoodTheDaysKeptAgo() async throws {
        try await HubStore.sqlite.withCounty(in: folder, wallTime: Self.clock) { county in
            let start = Date(timeIntervalSince1970: 1_790_000_000)
            try await publish(county, round: 0)
            try await publish(county, round: 1)
            // The first compaction marks where the log stands; nothing is old enough to go.
            #expect(try await county.compactLog(keepingDays: 30, now: start) == Replica.Compaction(floor: 0, removed: 0, left: 62))
            try await publish(county, round: 2)
            let marked = try await county.compactLog(keepingDays: 30, now: start.addingTimeInterval(10 * 86_400))
            #expect(marked.floor == 0 && marked.removed == 0)
            try await publish(county, round: 4)
            // A month on, the floor is the first mark's position: rounds 0 and 1 go, superseded by the
            // rounds after; round 2, superseded by round 4, is above the floor and stays.
            let month = try await county.compactLog(keepingDays: 30, now: start.addingTimeInterval(31 * 86_400))
            #expect(month == Replica.Compaction(floor: 62, removed: 60, left: 4 * 31 - 60))
            #expect(try await county.logFloor() == 62)
            // Ten days later the floor is the second mark's, and round 2 goes too.
            let later = try await county.compactLog(keepingDays: 30, now: start.addingTimeInterval(41 * 86_400))
            #expect(later.floor == 93 && later.removed == 30, "\(later)")
        }
    }

    static func logCount(_ replica: Replica) async throws -> Int {
        let rows = try await rows(replica, "SELECT COUNT(*) FROM sync_change")
        if case .integer(let count)? = rows.first?.first { return Int(count) }
        return -1
    }

    static func rows(_ replica: Replica, _ sql: String) async throws -> [[SyncValue]] {
        try await replica.store.reading { transaction in try StoredRows.select(sql, [], transaction) }
    }
}
