import SyncSQLite
import Foundation
import GRDB
import Storage
@testable import Sync
import TestSupport
import Testing

/// A county brought back from a backup starts a new epoch of its log; its stations, whose
/// positions count in the lost one, pull the log again and miss nothing it publishes next.
@Suite struct CountyRestoreTests {
    let folder = try! TemporaryFolder()
    static let houNan = "441422107201"

    func publish(_ county: Replica, _ id: String) async throws {
        try await county.writing { db in try county.write(db, to: "test.bulletin", id: id, fields: ["title": "稻谷", "price_fen": 312]) }
    }

    @Test func stationsOfARestoredCountyPullItsLogAgainAndMissNothing() async throws {
        let clock: @Sendable () -> Int64 = { 1_790_000_000_000 }
        let county = try TestCollections.replica("county", in: folder, role: .county, wallTime: clock)
        let station = try TestCollections.replica("station", in: folder, role: .station(village: Self.houNan), wallTime: clock)
        let peer = StationPeer(origin: station.origin, village: Self.houNan)
        try await publish(county, "b1")
        _ = try await SyncRound(station: station, transport: LocalTransport(county: county, station: peer)).run()
        let backup = folder.file("county-backup.sqlite")
        try county.sqliteStore.backup(to: backup)
        for id in ["b2", "b3", "b4"] { try await publish(county, id) }
        _ = try await SyncRound(station: station, transport: LocalTransport(county: county, station: peer)).run()

        // The county's disk is lost; it comes back from the backup, which knew only b1.
        let path = folder.file("county-restored.sqlite")
        try await Store.restore(from: backup, to: path, role: "county", schema: TestCollections.schema) { store in
            try await store.writing { transaction in try Replica.startLogEpoch(transaction) }
        }
        let restored = try Replica(
            store: Store.open(path: path, role: "county", schema: TestCollections.schema), role: .county,
            collections: TestCollections.all, signature: ChangeSignature(signingKey: TestCollections.countyKey), wallTime: clock)
        try await publish(restored, "b5")  // at a position the station already passed in the old log
        let report = try await SyncRound(station: station, transport: LocalTransport(county: restored, station: peer)).run()
        #expect(report.pulled >= 2)
        let published = ["b1", "b2", "b3", "b4", "b5"]
        #expect(try await station.held(TestCollections.bulletin, among: published) == published)
        let idle = try await SyncRound(station: station, transport: LocalTransport(county: restored, station: peer)).run()
        #expect(idle.pulled == 0 && idle.exchanges == 1)
    }
}
