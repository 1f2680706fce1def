import ChinaLocale
import DemoData
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceRuntime
import TestSupport
import Testing
import WebAPI
import NIOFoundationCompat
import Villages
import Access

/// Logging in and out over either program's API, the lockout after wrong secrets, and the name an
/// act keeps: always the logged-in person's.
@Suite struct SessionTests {
    func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    func login(_ client: some TestClientProtocol, _ login: String, _ secret: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"login": "\#(login)", "secret": "\#(secret)"}"#))
    }

    @Test func aSessionNamesItsPersonInACookieOrABearerTokenUntilLogout() async throws {
        let folder = try TemporaryFolder()
        let kiosk = try await ProgramUnderTest.assembleKiosk(in: folder)
        try await StaffAccounts.add(to: kiosk, program: .kiosk)
        try await kiosk.application(logger: Logger(label: "test")).test(.router) { client in
            let opened = try await login(client, StaffAccounts.login(of: .operator), StaffAccounts.secret(.kiosk))
            #expect(opened.status == .created)
            let token = try #require(json(opened)["token"] as? String)
            let cookie = try #require(opened.headers[.setCookie])
            #expect(cookie.hasPrefix("session=\(token)") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(json(opened)["idle_timeout_seconds"] as? Int == 120)

            let byCookie = try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: "lang=zh; session=\(token)"])
            #expect(byCookie.status == .ok && json(byCookie)["name"] as? String == "测试信息员")
            #expect(json(byCookie)["roles"] as? [String] == ["operator"] && json(byCookie)["token"] == nil)

            let out = try await client.execute(uri: "/api/v1/session", method: .delete, headers: .bearer(token))
            #expect(out.status == .noContent && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/api/v1/session", method: .get, headers: .bearer(token))
            #expect(after.status == .unauthorized && json(after)["error"] as? String == "login_required")
        }
    }

    @Test(arguments: ProgramUnderTest.hubs)
    func fiveWrongSecretsInARowLockTheAccountAndAnUnknownLoginIsAnsweredTheSame(program: ProgramUnderTest) async throws {
        let folder = try TemporaryFolder()
        try await program.withAssembly(in: folder) { county in
            try await StaffAccounts.add(to: county, program: program)
            let admin = StaffAccounts.login(of: .admin)
            try await county.application(logger: Logger(label: "test")).test(.router) { client in
                let unknown = try await login(client, "nobody", "whatever-it-is")
                for attempt in 1...4 {
                    let wrong = try await login(client, admin, "wrong-password-\(attempt)")
                    #expect(wrong.status == .unauthorized && json(wrong)["error"] as? String == "bad_credentials")
                    #expect(String(buffer: wrong.body) == String(buffer: unknown.body))  // nothing says the login exists
                }
                let fifth = try await login(client, admin, "wrong-password-5")
                #expect(fifth.status == .tooManyRequests && json(fifth)["error"] as? String == "account_locked")
                #expect((json(fifth)["message"] as? String)?.contains("15 分钟") == true)
                let right = try await login(client, admin, StaffAccounts.secret(program))
                #expect(right.status == .tooManyRequests, "a locked account refuses even the right password")
                let other = try await login(client, StaffAccounts.login(of: .reviewer), StaffAccounts.secret(program))
                #expect(other.status == .created, "the lock is the account's, not the address's")
            }
            #expect(try await county.logins.accounts.accounts().first { $0.login == admin }?.lockedUntil != nil)
        }
    }

    @Test(arguments: ProgramUnderTest.hubs)
    func anActKeepsTheLoggedInNameAndEachRoleDoesOnlyItsPart(program: ProgramUnderTest) async throws {
        let folder = try TemporaryFolder()
        try await program.withAssembly(in: folder) { county in
            try await StaffAccounts.add(to: county, program: program)
            let village = SampleCounty.stationVillage.code
            try await county.application(logger: Logger(label: "test")).test(.router) { client in
                let bookkeeper = try await StaffAccounts.login(client, .bookkeeper, program: program)
                let reviewer = try await StaffAccounts.login(client, .reviewer, program: program)
                func draft(actor: String) -> ByteBuffer {
                    ByteBuffer(
                        string: """
                            {"village_code": "\(village)", "actor": \(actor), "entry": {"voucher_date": "\(BeijingDay.today().text)",
                             "attachments": 1, "lines": [
                               {"summary": "收到会议室租金", "account": "101", "debit_fen": 50000, "credit_fen": 0},
                               {"summary": "收到会议室租金", "account": "501", "debit_fen": 0, "credit_fen": 50000}]}}
                            """)
                }
                let impostor = try await client.execute(
                    uri: "/api/v1/ledger/drafts", method: .post, headers: .bearer(bookkeeper),
                    body: draft(actor: #"{"role": "preparer", "name": "王会计"}"#))
                #expect(impostor.status == .forbidden && json(impostor)["error"] as? String == "not_yourself")
                #expect(json(impostor)["field"] as? String == "actor.name")

                let prepared = try await client.execute(
                    uri: "/api/v1/ledger/drafts", method: .post, headers: .bearer(bookkeeper), body: draft(actor: #"{"role": "preparer"}"#))
                #expect(prepared.status == .created, "\(String(buffer: prepared.body))")
                #expect(json(prepared)["preparer"] as? String == "测试报账员")
                let id = try #require(json(prepared)["id"] as? String)
                let submitted = try await client.execute(
                    uri: "/api/v1/ledger/drafts/\(id)/submit", method: .post, headers: .bearer(bookkeeper),
                    body: ByteBuffer(string: #"{"actor": {"role": "preparer"}}"#))
                #expect(submitted.status == .ok, "\(String(buffer: submitted.body))")

                let review = ByteBuffer(string: #"{"approve": true, "actor": {"role": "reviewer"}}"#)
                let selfReview = try await client.execute(
                    uri: "/api/v1/ledger/drafts/\(id)/review", method: .post, headers: .bearer(bookkeeper), body: review)
                #expect(selfReview.status == .forbidden && json(selfReview)["error"] as? String == "forbidden")
                let reviewed = try await client.execute(
                    uri: "/api/v1/ledger/drafts/\(id)/review", method: .post, headers: .bearer(reviewer), body: review)
                #expect(reviewed.status == .ok && json(reviewed)["reviewer"] as? String == "测试审核员", "\(String(buffer: reviewed.body))")
            }
        }
    }
}
