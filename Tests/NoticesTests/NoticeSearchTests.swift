import ChinaLocale
import Notices
import NoticesSQLite
import Sync
import Testing
import TestSupport

@Suite struct NoticeSearchTests {
    func withWorld(_ hub: HubStore, _ body: (NoticeWorld) async throws -> Void) async throws {
        try await NoticeWorld.with(hub) { world in try await body(try await published(world)) }
    }

    func published(_ world: NoticeWorld) async throws -> NoticeWorld {
        try await NoticePublisher(replica: world.county).publish([
            NoticeWorld.notice("S1", "关于发放2026年耕地地力保护补贴的通知"),
            NoticeWorld.notice("S2", "关于做好小麦赤霉病防治工作的通知", category: "农业生产"),
            NoticeWorld.notice("S3", "大埔县农机购置补贴实施方案", body: "补贴对象为从事农业生产的个人和组织。"),
            NoticeWorld.notice("S4", "关于防御台风“海葵”的紧急通知", category: "灾害预警", urgent: true),
            NoticeWorld.notice("S5", "水稻病虫害绿色防控指导意见", body: "稻麦轮作区注意防治。", category: "农业生产"),
        ])
        return world
    }

    @Test(arguments: HubStore.allCases) func shortAndLongChineseQueriesFindTheirNotices(hub: HubStore) async throws {
        try await withWorld(hub) { (world: NoticeWorld) async throws in
            let queries = world.queries
            #expect(try await queries.search("麦").map(\.id) == ["S2", "S5"])  // title before body
            #expect(Set(try await queries.search("补贴").map(\.id)) == ["S1", "S3"])
            #expect(try await queries.search("耕地地力保护补贴").map(\.id) == ["S1"])
            #expect(try await queries.search("耕地补贴").map(\.id) == ["S1"])  // two words run together, apart in the title
            #expect(try await queries.search("台风 紧急").map(\.id) == ["S4"])
            #expect(try await queries.search("榴莲").isEmpty)
            #expect(try await queries.search("  ").isEmpty)
        }
    }

    @Test(arguments: HubStore.allCases) func pinyinAndInitialsFindTitles(hub: HubStore) async throws {
        try await withWorld(hub) { (world: NoticeWorld) async throws in
            let queries = world.queries
            #expect(try await queries.search("gengdi").map(\.id) == ["S1"])
            #expect(try await queries.search("gdbt").map(\.id) == ["S1"])  // 耕地 … 补贴
            #expect(try await queries.search("butie").map(\.id).sorted() == ["S1", "S3"])
            #expect(try await queries.search("taifeng").map(\.id) == ["S4"])
        }
    }

    @Test(arguments: HubStore.allCases) func hitsAreHighlighted(hub: HubStore) async throws {
        try await withWorld(hub) { (world: NoticeWorld) async throws in
            let queries = world.queries
            let hit = try #require(try await queries.search("补贴").first { $0.id == "S1" })
            #expect(hit.titleParts.filter(\.hit).map(\.text) == ["补贴"])
            #expect(hit.titleParts.map(\.text).joined() == "关于发放2026年耕地地力保护补贴的通知")
            let initials = try #require(try await queries.search("gdbt").first)
            #expect(initials.titleParts.filter(\.hit).map(\.text) == ["耕地", "补贴"])
            let pinyin = try #require(try await queries.search("gengdi").first)
            #expect(pinyin.titleParts.filter(\.hit).map(\.text) == ["耕地"])
        }
    }

    @Test(arguments: HubStore.allCases) func aStationSearchesWhatItReceivedAndRefusesAForgedNotice(hub: HubStore) async throws {
        try await withWorld(hub) { (world: NoticeWorld) async throws in
            let station = try world.station()
            let peer = StationPeer(origin: station.origin, village: "441422107201")
            var reply = try await world.county.changes(after: 0, for: peer, limit: 100)
            // A relay alters one notice's title after the county signed it.
            let index = try #require(reply.changes.firstIndex { $0.recordID == "S3" })
            let original = reply.changes[index]
            var fields = original.fields
            fields["title"] = "关于暂停发放农机购置补贴的通知"
            reply = PullReply(
                changes: reply.changes.enumerated().map { offset, change in
                    offset == index
                        ? Change(
                            origin: change.origin, sequence: change.sequence, timestamp: change.timestamp,
                            collection: change.collection, recordID: change.recordID, scope: change.scope, fields: fields,
                            bases: change.bases, signature: change.signature)
                        : change
                }, position: reply.position, more: reply.more, countyTime: reply.countyTime, countyOrigin: reply.countyOrigin)
            try await station.accept(reply)
            let queries = NoticeQueries(store: station.store, today: { NoticeWorld.today })
            #expect(try await queries.notice(id: "S3") == nil)
            #expect(try await station.status().quarantined == 1)
            #expect(try await queries.search("补贴").map(\.id) == ["S1"])  // the altered S3 was refused
            #expect(try await queries.search("麦").map(\.id) == ["S2", "S5"])
        }
    }
}
