import Foundation
import GRDB
import KioskService
import ServiceRuntime
import Sync
import TestSupport
import Testing
import Storage

/// A pulled change that fails in the station's store — a lot's later field, say, of a lot the
/// station never took — stops nothing: it is quarantined alone, and the pull goes on past it.
@Suite struct PulledFailureTests {
    @Test func aPulledChangeThatFailsInTheStoreIsQuarantinedAndThePullGoesOn() async throws {
        let folder = try TemporaryFolder()
        let store = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: folder.path)
        let station = try Replica(store: store, role: .station(village: "441422107201"), collections: KioskProgram.collections)
        let stamp = HybridTimestamp(wallMilliseconds: 1_795_000_000_000, counter: 0)
        let halfALot = Change(
            origin: "another-station", sequence: 7, timestamp: stamp, collection: "trace.lot", recordID: "never-taken", scope: "",
            fields: ["quantity_g": 1_000])
        let receipt = Change(
            origin: "another-station", sequence: 8, timestamp: stamp, collection: "notices.shown", recordID: "n@441422107201",
            scope: "441422107201", fields: ["notice_id": "n", "village_code": "441422107201", "shown_at": "2026-12-01T00:00:00+08:00"])
        try await station.accept(
            PullReply(changes: [halfALot, receipt], position: 42, more: false, countyTime: 1_795_000_000_000, countyOrigin: "county"))
        #expect(try await station.pullPosition() == 42)
        let quarantined = try await station.quarantined()
        #expect(quarantined.map(\.sequence) == [7])
        #expect(quarantined.first?.reason.contains("failed in the store") == true)
        #expect(try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notice_shown") } == 1)
    }
}
