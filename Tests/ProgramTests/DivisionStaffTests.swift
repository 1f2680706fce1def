import Access
import DemoData
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOFoundationCompat
import ServiceRuntime
import SyncHTTP
import SyncServerService
import TestSupport
import Testing
import WebAPI

/// Staff of a hub answer for a division: a township's (or a county's) administrator sees and acts
/// on that division's villages only, the hub's own administrator on every one. On either store.
@Suite struct DivisionStaffTests {
    let folder = try! TemporaryFolder()
    /// 侯南村 of 百侯镇 (441422107) and 北塘村 of 西河镇 (441422113), both of 大埔县.
    static let houNan = "441422107201"
    static let beiTang = "441422113203"
    static let secret = "county-pass-2026"

    /// The county program over a new store of the kind, with the demo's data, for the length of `body`.
    func withCounty(_ hub: HubStore, _ body: (SyncServerApplication) async throws -> Void) async throws {
        try await hub.withProgramStore(SyncServerProgram.self, in: folder.file("county")) { settings, store in
            let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
            try await DemoSeeder.seedCounty(county.replica, priceDays: 2, bookMonths: 1)
            try await body(county)
        }
    }

    func login(_ client: some TestClientProtocol, _ login: String) async throws -> String {
        let body = #"{"login": "\#(login)", "secret": "\#(Self.secret)"}"#
        return try await client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        ) { response in
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            return try #require(json?["token"] as? String, "\(response.status): \(String(buffer: response.body))")
        }
    }

    func get(_ client: some TestClientProtocol, _ uri: String, _ token: String) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await client.execute(uri: uri, method: .get, headers: .bearer(token)) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
        }
    }

    @Test(arguments: HubStore.allCases) func aDivisionsStaffSeeAndActOnItsVillagesOnly(hub: HubStore) async throws {
        try await withCounty(hub) { county in
            for village in [Self.houNan, Self.beiTang] { _ = try await county.registry.add(village: village, name: "站 \(village)") }
            let accounts = county.logins.accounts
            try await accounts.save(Account(login: "hub-admin", name: "王科长", roles: [.admin, .reviewer]), secret: Self.secret)
            try await accounts.save(
                Account(login: "xihe-admin", name: "西河镇管理员", roles: [.admin, .reviewer], division: "441422113"), secret: Self.secret)
            await #expect(throws: AccountError.self) {
                try await accounts.save(Account(login: "odd", name: "某", roles: [.admin], division: "4414221"), secret: Self.secret)
            }
            #expect(try await accounts.accounts().first { $0.login == "xihe-admin" }?.division == "441422113")

            try await county.application(logger: .init(label: "test")).test(.router) { client in
                let hubAdmin = try await login(client, "hub-admin")
                let xihe = try await login(client, "xihe-admin")

                let villages = { (json: [String: Any]) in
                    Set((json["stations"] as? [[String: Any]] ?? []).compactMap { $0["village"] as? String })
                }
                #expect(villages(try await get(client, "/api/v1/sync/stations", hubAdmin).json) == [Self.houNan, Self.beiTang])
                #expect(villages(try await get(client, "/api/v1/sync/stations", xihe).json) == [Self.beiTang])

                let added = try await client.execute(
                    uri: "/api/v1/sync/stations", method: .post, headers: .bearer(xihe),
                    body: ByteBuffer(string: #"{"village": "\#(Self.houNan)", "name": "越界"}"#)
                ) { $0.status }
                #expect(added == .forbidden)

                let books = "/api/v1/ledger/vouchers?village=\(Self.houNan)&month=2026-11"
                #expect(try await get(client, books, hubAdmin).status == .ok)
                let refused = try await get(client, books, xihe)
                #expect(refused.status == .forbidden && refused.json["error"] as? String == "outside_division", "\(refused.json)")
                #expect(try await get(client, "/api/v1/ledger/reports/trial-balance?village=\(Self.houNan)&from=2026-11&through=2026-11", xihe).status == .forbidden)
                // Public, as at the kiosk: the village's disclosures (村务公开).
                #expect(try await get(client, "/api/v1/ledger/disclosures?village=\(Self.houNan)", xihe).status == .ok)
            }
        }
    }
}
