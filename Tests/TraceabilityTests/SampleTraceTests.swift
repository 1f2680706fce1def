import SyncSQLite
import ChinaLocale
import DemoData
import StoreInterface
import Testing
import Traceability
import TraceabilitySQLite
import Storage
import TestSupport
import Sync

@Suite struct SampleTraceTests {
    @Test(arguments: HubStore.allCases) func theDemosCodesShowEachKindOfAnswer(hub: HubStore) async throws {
        try await TraceWorld.with(hub) { world in
            try await SampleTrace.seed(through: world.county, today: BeijingDay("2026-11-20")!)
            try await SampleTrace.seed(through: world.county, today: BeijingDay("2026-11-20")!)  // twice: the same data
            let queries = TraceQueries(store: world.county.store)
            let answers = try SampleTrace.codesToTry.map { try queries.lookup($0.0) }

            #expect(answers[0].found?.badge == "合格")
            #expect(answers[0].found?.sources == 3)  // the mixed lot and the two farmers' lots
            #expect(answers[0].found?.timeline.map(\.stage).contains("市场") == true)
            #expect(answers[1].found?.badge == "不合格")
            #expect(answers[1].found?.warnings.first?.kind == .safetyInterval)
            #expect(answers[2].found?.badge == "已召回")
            #expect(answers[2].found?.producer.name == "大埔县飞天茶业有限公司")
            #expect(answers[3].verdict == .mistyped)
            let lots = try await world.county.store.reading { transaction in try transaction.trace.recentLots(village: nil, limit: 100) }
            #expect(lots.count == 7)
        }
    }
}
