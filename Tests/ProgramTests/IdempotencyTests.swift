import Access
import AccessSQLite
import ChinaLocale
import DemoData
import Foundation
import Notices
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskService
import Logging
import NIOFoundationCompat
import ServiceRuntime
import Storage
import SyncServerService
import TestSupport
import Testing
import StoreInterface
import WebAPI

/// Nothing is recorded twice by a second tap or a retried request: a creating request that
/// carries an `Idempotency-Key` gets, when repeated, the first answer — at once or while the first
/// still runs — and the store holds one record. Without a key, or with another, each request acts.
@Suite struct IdempotencyTests {
    let folder = try! TemporaryFolder()

    struct Answer: Equatable {
        let status: HTTPResponse.Status
        let body: String
        let replayed: Bool
    }

    func post(_ client: some TestClientProtocol, _ uri: String, _ body: String, token: String, key: String?) async throws -> Answer {
        var headers: HTTPFields = token.isEmpty ? [.contentType: "application/json"] : .bearer(token)
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        // A repeat waits for the first on purpose: patiently, as a busy run may take long over both.
        let response = try await client.executePatiently(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        return Answer(
            status: response.status, body: String(buffer: response.body),
            replayed: response.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
    }

    static func notice(_ id: String) -> String {
        """
        [{"id": "\(id)", "index_number": "\(id)", "issuer": "大埔县农业农村局", "document_number": "埔农〔2026〕9号",
          "title": "关于秋冬种工作的通知", "category": "其他", "signed_on": "2026-11-20", "published_on": "2026-11-20",
          "effective_on": "2026-11-20", "summary": "做好秋冬种。", "body": "各村做好秋冬种。", "urgent": false, "relations": []}]
        """
    }

    /// How many of the test's notices the county holds.
    static func published(at county: SyncServerApplication) async throws -> Int {
        try await county.store.reading { transaction in
            let today = BeijingDay.today()
            return try transaction.notices.list(
                category: nil, statuses: NoticeStatus.allCases, limit: 1_000, offset: 0,
                on: NoticeDay(today: today, warningSince: today.adding(days: -365))
            ).count { $0.title == "关于秋冬种工作的通知" }
        }
    }

    /// Two processes of one hub on one store, as a balancer without affinity sends a console's two
    /// presses to each: the repeat waits for the first, in the other process, and answers as it did.
    @Test(arguments: HubStore.allCases) func aRepeatSentToAnotherProcessOfTheHubGetsTheFirstAnswer(hub: HubStore) async throws {
        try await hub.withProgramStore(SyncServerProgram.self, in: folder.file("county")) { settings, store in
            let one = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
            let otherStore = try await ServiceLauncher.openStore(SyncServerProgram.self, settings: settings)
            let other = try SyncServerProgram.assemble(settings: settings, store: otherStore, webRoot: nil)
            try await StaffAccounts.add(to: one, program: .syncserver)
            try await one.application(logger: Logger(label: "test")).test(.live) { a in
                try await other.application(logger: Logger(label: "test")).test(.live) { b in
                    let token = try await StaffAccounts.login(a, .admin, program: .syncserver)  // a session either process knows
                    for round in 1...3 {
                        async let first = post(a, "/api/v1/notices", Self.notice("P-\(round)a"), token: token, key: "press-\(round)")
                        async let second = post(b, "/api/v1/notices", Self.notice("P-\(round)b"), token: token, key: "press-\(round)")
                        let (x, y) = try await (first, second)
                        #expect(x.status == .created && y.status == .created && x.body == y.body && x.replayed != y.replayed, "\(x) \(y)")
                        #expect(try await Self.published(at: one) == round)
                    }
                }
            }
            await otherStore.close()
        }
    }

    @Test(arguments: ProgramUnderTest.hubs)
    func aPublishPressedTwiceAtTheConsolePublishesOnce(program: ProgramUnderTest) async throws {
        try await program.withCounty(in: folder) { county in
            try await StaffAccounts.add(to: county, program: program)
            let count: @Sendable () async throws -> Int = { try await Self.published(at: county) }
            try await county.application(logger: Logger(label: "test")).test(.live) { client in
                let token = try await StaffAccounts.login(client, .admin, program: program)
                // As the console sends them: each press makes its own id, the key is the screen's.
                let first = try await post(client, "/api/v1/notices", Self.notice("N-1"), token: token, key: "screen-1")
                let second = try await post(client, "/api/v1/notices", Self.notice("N-2"), token: token, key: "screen-1")
                #expect(first.status == .created && !first.replayed)
                #expect(second.status == first.status && second.body == first.body && second.replayed)
                #expect(try await count() == 1)

                // Two at once: the repeat waits for the first and answers as it did.
                async let one = post(client, "/api/v1/notices", Self.notice("N-3"), token: token, key: "screen-2")
                async let two = post(client, "/api/v1/notices", Self.notice("N-4"), token: token, key: "screen-2")
                let (a, b) = try await (one, two)
                #expect(a.status == .created && b.status == .created && a.body == b.body && a.replayed != b.replayed)
                #expect(try await count() == 2)

                // Another key, or none, acts again.
                _ = try await post(client, "/api/v1/notices", Self.notice("N-5"), token: token, key: "screen-3")
                _ = try await post(client, "/api/v1/notices", Self.notice("N-6"), token: token, key: nil)
                #expect(try await count() == 4)

                let bad = try await post(client, "/api/v1/notices", Self.notice("N-7"), token: token, key: String(repeating: "k", count: 101))
                #expect(bad.status == .unprocessableContent && bad.body.contains("Idempotency-Key"))
            }
        }
    }

    @Test(arguments: ProgramUnderTest.hubs)
    func aKeyIsKeptPerAccountAndAFailedRequestMayBeTriedAgain(program: ProgramUnderTest) async throws {
        try await program.withCounty(in: folder) { county in
            try await StaffAccounts.add(to: county, program: program)
            let stored = try await StoredAnswers(store: county.store).answer(under: "nothing")
            #expect(stored == nil)
            try await county.application(logger: Logger(label: "test")).test(.router) { client in
                let admin = try await StaffAccounts.login(client, .admin, program: program)
                let broken = Self.notice("N-8").replacingOccurrences(of: "2026-11-20\", \"published_on", with: "2026-13-40\", \"published_on")
                let refused = try await post(client, "/api/v1/notices", broken, token: admin, key: "k")
                #expect(refused.status == .unprocessableContent)
                let fixed = try await post(client, "/api/v1/notices", Self.notice("N-8"), token: admin, key: "k")
                #expect(fixed.status == .created && !fixed.replayed)  // the refusal was not kept

                // A login's answer holds a session: it is never kept, so nobody gets another's by its key.
                let body = #"{"login": "\#(StaffAccounts.login(of: .admin))", "secret": "\#(StaffAccounts.secret(program))"}"#
                let first = try await post(client, "/api/v1/session", body, token: "", key: "login-key")
                let again = try await post(client, "/api/v1/session", body, token: "", key: "login-key")
                #expect(first.status == .created || first.status == .ok)
                #expect(!again.replayed && again.body != first.body)
            }
        }
    }
}
