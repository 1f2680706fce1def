import Foundation
import StoreInterface
@testable import Sync
import TestSupport
import Testing

/// One hub for a division tree: what is published for the hub's whole area, a province, a city, a
/// county or a township reaches every station beneath it and no other.
@Suite struct DivisionScopeTests {
    let folder = try! TemporaryFolder(inMemory: true)
    static let wallTime: @Sendable () -> Int64 = { 1_790_000_000_000 }
    /// 侯南村 of 大埔县 (441422), and a village of 丰顺县 (441423), a county of the same city (梅州, 4414).
    static let houNan = "441422107201"
    static let fengShun = "441423100201"

    @Test func theScopesReachingAVillageAreItsDivisionsAndItself() {
        let scopes = DivisionScopes(village: Self.houNan)
        #expect(scopes.all == ["", "44", "4414", "441422", "441422107", "441422107201"])
        #expect(scopes.list == scopes.all)
        #expect(!scopes.contains("441423") && !scopes.contains("4") && !scopes.contains("441422107202"))
        #expect(DivisionScopes(village: "4414").list == ["", "44", "4414", "4414", "4414", "4414"])
    }

    @Test(arguments: HubStore.allCases) func whatADivisionPublishesReachesTheStationsBeneathItAndNoOther(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.wallTime) { county in
            let published = ["", "44", "45", "4414", "441422", "441423", "441422107", "441422113"]
            try await county.writing { db in
                for division in published {
                    try county.write(db, to: TestCollections.notice.name, id: "n-\(division)", fields: ["division": .text(division), "title": "通知"])
                }
            }
            let ids = published.map { "n-\($0)" }
            for (village, expected) in [
                (Self.houNan, ["", "44", "4414", "441422", "441422107"]), (Self.fengShun, ["", "44", "4414", "441423"]),
            ] {
                let station = try TestCollections.replica("station-\(village)", in: folder, role: .station(village: village), wallTime: Self.wallTime)
                let link = InMemoryLink(county: county, station: StationPeer(origin: station.origin, village: village))
                let report = try await SyncRound(station: station, transport: link, batchSize: 3).run()
                #expect(report.quarantined == 0)
                #expect(try await station.held(TestCollections.notice, among: ids) == expected.map { "n-\($0)" })
                // The division travels as the change's scope, and each replica writes it into its column.
                let divisions = try await station.store.reading { try StoredRows.select("SELECT division FROM notice ORDER BY id", [], $0) }
                #expect(divisions.map { $0[0] } == expected.map { .text($0) })
                // A station publishes for no division, its own included.
                await #expect(throws: SyncError.self) {
                    try await station.writing { db in
                        try station.write(db, to: TestCollections.notice.name, id: "mine", fields: ["division": .text(village), "title": "假"])
                    }
                }
            }
        }
    }

    /// A station's push of a division's record is refused, whatever division it names.
    @Test(arguments: HubStore.allCases) func aStationsPushOfADivisionsRecordIsQuarantined(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.wallTime) { county in
            let station = StationPeer(origin: "s-hounan", village: Self.houNan)
            let forged = Change(
                origin: station.origin, sequence: 1, timestamp: HybridTimestamp(wallMilliseconds: 1_789_999_000_000, counter: 0),
                collection: TestCollections.notice.name, recordID: "forged", scope: Self.houNan,
                fields: ["division": .text(Self.houNan), "title": "假通知"])
            let reply = try await county.receive(PushRequest(changes: [forged]), from: station)
            #expect(reply.acknowledged == 1 && reply.quarantined.count == 1)
            #expect(try await county.held(TestCollections.notice, among: ["forged"]).isEmpty)
        }
    }

    /// A record stays in the division it was published for, and a division is named by its code.
    @Test(arguments: HubStore.allCases) func aRecordKeepsItsDivisionAndADivisionIsACode(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.wallTime) { county in
            try await county.writing { db in
                try county.write(db, to: TestCollections.notice.name, id: "n", fields: ["division": "4414", "title": "通知"])
                // An edit that does not name the division keeps it.
                try county.write(db, to: TestCollections.notice.name, id: "n", fields: ["title": "更正"])
            }
            for division: SyncValue in ["441422", "", "4", "44a4", 4414] {
                await #expect(throws: SyncError.self, "division \(division)") {
                    try await county.writing { db in
                        try county.write(db, to: TestCollections.notice.name, id: ["", "441422"].contains(division) ? "n" : "m", fields: ["division": division, "title": "改"])
                    }
                }
            }
            let log = try await county.store.reading { try StoredRows.select("SELECT division FROM notice WHERE id = 'n'", [], $0) }
            #expect(log.map { $0[0] } == ["4414"])
        }
    }
}
