import ChinaLocale
import GRDB
import Notices
import NoticesSQLite
import Sync
import Testing
import TestSupport

@Suite struct UrgentNoticeTests {
    @Test(arguments: HubStore.allCases) func anUrgentNoticeOvertakesTheLogAndItsReceiptsReachTheCounty(hub: HubStore) async throws {
        try await NoticeWorld.with(hub) { world in
            let publisher = NoticePublisher(replica: world.county)
            try await publisher.publish((1...120).map { NoticeWorld.notice("R\($0)", "第\($0)号常规通知") })
            try await publisher.publish([
                NoticeWorld.notice("T1", "关于防御台风“海葵”的紧急通知", effective: "2026-11-19", category: "灾害预警", urgent: true)
            ])
            let houNan = try world.station()
            let peer = StationPeer(origin: houNan.origin, village: "441422107201")
            let transport = LocalTransport(county: world.county, station: peer)

            // The first small batch of a station that has everything to catch up on brings the warning.
            let first = try await transport.pull(PullRequest(after: 0, limit: 10))
            #expect(first.urgent.map(\.recordID) == ["T1"])
            #expect(first.changes.count == 10 && !first.changes.contains { $0.recordID == "T1" })
            try await houNan.accept(first)
            let queries = NoticeQueries(store: houNan.store, today: { NoticeWorld.today })
            #expect(try await queries.notice(id: "T1")?.notice.urgent == true)
            #expect(try await queries.list(limit: 1).map(\.id) == ["T1"])  // a warning in force ahead in lists

            // The next pull names it as held: the county records the receipt before the log reaches it.
            #expect(try await world.county.urgentReceipts(collection: "notices.notice", recordID: "T1").isEmpty)
            let second = try await transport.pull(PullRequest(after: first.position, limit: 10, heldUrgent: try await houNan.heldUrgent()))
            try await houNan.accept(second)
            let receipts = try await world.county.urgentReceipts(collection: "notices.notice", recordID: "T1")
            #expect(receipts.map(\.station) == [houNan.origin])

            // The screen shows it; the first showing travels to the county, once.
            #expect(try await NoticeScreenings(replica: houNan).markShown("T1"))
            try await NoticeScreenings(replica: houNan).markShown("T1")
            #expect(try await NoticeScreenings(replica: houNan).markShown("unknown") == false)
            _ = try await SyncRound(station: houNan, transport: transport, batchSize: 50).run()
            let shown = try await NoticeQueries(store: world.county.store).firstShown(of: "T1")
            #expect(Array(shown.keys) == ["441422107201"])
            #expect(try await houNan.pendingCount() == 0)
            #expect(try await queries.list(all: true, limit: 200).count == 121)
        }
    }

    @Test(arguments: HubStore.allCases) func aStationThatNeverPulledHoldsNoReceipt(hub: HubStore) async throws {
        try await NoticeWorld.with(hub) { world in
            try await NoticePublisher(replica: world.county).publish([
                NoticeWorld.notice("T1", "关于防御强降雨天气的紧急通知", category: "灾害预警", urgent: true)
            ])
            let station = try world.station()
            let transport = LocalTransport(county: world.county, station: StationPeer(origin: station.origin, village: "441422107201"))
            #expect(try await world.county.urgentReceipts(collection: "notices.notice", recordID: "T1").isEmpty)
            // One full round: the position covers the warning, and the next pull records it.
            _ = try await SyncRound(station: station, transport: transport).run()
            _ = try await SyncRound(station: station, transport: transport).run()
            #expect(try await world.county.urgentReceipts(collection: "notices.notice", recordID: "T1").map(\.station) == [station.origin])
        }
    }

    /// A warning ends: on its end day (`expires_on`), or a week after it takes effect when it was
    /// published without one, and then it no longer heads every list or shows in the band.
    @Test(arguments: HubStore.allCases) func aWarningIsInForceUntilItsEndOrForAWeekWithoutOne(hub: HubStore) async throws {
        try await NoticeWorld.with(hub) { world in  // today is 2026-11-20
            try await NoticePublisher(replica: world.county).publish([
                NoticeWorld.notice("R1", "关于做好秋冬种工作的通知", effective: "2026-11-01"),
                NoticeWorld.notice("F5", "关于加强森林防火的紧急通知", effective: "2026-05-10", category: "灾害预警", urgent: true),
                NoticeWorld.notice("W1", "关于防御强冷空气的紧急通知", effective: "2026-11-14", category: "灾害预警", urgent: true),
                NoticeWorld.notice("W2", "关于防御强冷空气的紧急通知（二）", effective: "2026-11-13", category: "灾害预警", urgent: true),
                NoticeWorld.notice(
                    "T1", "关于防御台风“海葵”的紧急通知", effective: "2026-11-01", expires: "2026-11-20", category: "灾害预警",
                    urgent: true),
                NoticeWorld.notice(
                    "T0", "关于防御台风“摩羯”的紧急通知", effective: "2026-09-01", expires: "2026-09-08", category: "灾害预警",
                    urgent: true),
            ])
            let queries = world.queries
            #expect(try await queries.warnings().map(\.id) == ["T1", "W1"])
            let listed = try await queries.list()
            #expect(Array(listed.prefix(2).map(\.id)) == ["T1", "W1"])
            #expect(listed.filter(\.warning).count == 2)
            #expect(listed.first { $0.id == "F5" }?.urgent == true)  // still an urgent notice, no longer a warning
            #expect(!listed.contains { $0.id == "T0" })  // lapsed on its end day
            #expect(try await queries.notice(id: "W1")?.warning == true)
            #expect(try await queries.notice(id: "F5")?.warning == false)
            let hits = try await queries.search("冷空气")
            #expect(Set(hits.map(\.id)) == ["W1", "W2"])
            #expect(hits.filter(\.warning).map(\.id) == ["W1"])
        }
    }
}
