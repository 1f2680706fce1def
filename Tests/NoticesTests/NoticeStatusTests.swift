import DomainCore
import ChinaLocale
import Notices
import NoticesSQLite
import Testing
import WebAPI
import TestSupport

@Suite struct NoticeStatusTests {
    /// Every path of the derivation, on 2026-11-20.
    @Test(arguments: HubStore.allCases) func statusIsDerivedFromDatesAndRelationsOnEveryPath(hub: HubStore) async throws {
        try await NoticeWorld.with(hub) { world in
            try await NoticePublisher(replica: world.county).publish([
                NoticeWorld.notice("N1", "在行的通知"),
                NoticeWorld.notice("N2", "明年生效的通知", effective: "2027-01-01"),
                NoticeWorld.notice("N3", "已过期的通知", expires: "2026-06-30"),
                NoticeWorld.notice("N4", "被修改的通知"),
                NoticeWorld.notice("N5", "修改N4的通知", relations: [.init(kind: .amends, target: "N4")]),
                NoticeWorld.notice("N6", "被废止的通知"),
                NoticeWorld.notice("N7", "废止N6的通知", relations: [.init(kind: .repeals, target: "N6")]),
                NoticeWorld.notice("N8", "被替代的通知", expires: "2026-03-01"),
                NoticeWorld.notice("N9", "替代N8的通知", relations: [.init(kind: .supersedes, target: "N8")]),
                NoticeWorld.notice("N10", "将被修改的通知"),
                NoticeWorld.notice("N11", "明年修改N10", effective: "2027-01-01", relations: [.init(kind: .amends, target: "N10")]),
                NoticeWorld.notice("N12", "解读N1", relations: [.init(kind: .interprets, target: "N1")]),
            ])
            let expected: [String: NoticeStatus] = [
                "N1": .inForce, "N2": .notYetEffective, "N3": .expired, "N4": .amended, "N5": .inForce, "N6": .repealed,
                "N7": .inForce, "N8": .repealed,  // superseded before it would have lapsed: repealed wins
                "N10": .inForce,  // the amendment is not in effect yet
                "N11": .notYetEffective, "N12": .inForce,
            ]
            for (id, status) in expected {
                #expect(try await world.queries.notice(id: id)?.status == status, "\(id)")
            }
            let repealed = try #require(try await world.queries.notice(id: "N6"))
            #expect(repealed.actedOnBy.map(\.id) == ["N7"])  // linked from the notice that replaced it
            #expect(try await world.queries.notice(id: "N7")?.acts.map(\.kind) == [.repeals])

            let listed = Set(try await world.queries.list(limit: 100).map(\.id))
            #expect(listed == ["N1", "N2", "N4", "N5", "N7", "N9", "N10", "N11", "N12"])
            #expect(Set(try await world.queries.list(all: true, limit: 100).map(\.id)).count == 12)
        }
    }

    @Test func documentNumbersAreNormalisedAndRulesNameTheirField() async throws {
        #expect(DocumentNumber.normalized("埔农[2026]31号") == "埔农〔2026〕31号")
        #expect(DocumentNumber.normalized("埔农【2026】31号") == "埔农〔2026〕31号")
        #expect(DocumentNumber.normalized("粤农农（2025）7号") == "粤农农〔2025〕7号")
        #expect(DocumentNumber.isWellFormed("埔农〔2026〕31号"))
        #expect(!DocumentNumber.isWellFormed("〔2026〕31号"))

        let world = try NoticeWorld()
        func field(_ change: (inout Notice) -> Void) async -> String? {
            var notice = NoticeWorld.notice("N1", "标题")
            change(&notice)
            do {
                try await NoticePublisher(replica: world.county).publish([notice])
                return nil
            } catch let error as DomainError {
                return error.field
            } catch {
                return "unexpected \(error)"
            }
        }
        #expect(await field { $0.title = " " } == "title")
        #expect(await field { $0.effectiveOn = "2026-02-30" } == "effective_on")
        #expect(await field { $0.expiresOn = "2025-01-01" } == "expires_on")
        #expect(await field { $0.publishedOn = "2025-01-01" } == "published_on")
        #expect(await field { $0.documentNumber = "埔农31号" } == "document_number")
        #expect(await field { $0.relations = [.init(kind: .amends, target: "N404")] } == "relations[0].target")
        #expect(await field { _ in } == nil)
        #expect(try await world.queries.notice(id: "N1")?.notice.documentNumber == "埔农〔2026〕1号")
    }
}
