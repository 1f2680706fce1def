import Access
import DemoData
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOFoundationCompat
import ServiceRuntime
import Sync
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

    /// A price a station of the village recorded, as its push carries it.
    static func price(from station: StationPeer) -> Change {
        let fields: [String: SyncValue] = [
            "village_code": .text(station.village), "source": "信息站", "variety_code": "01010301", "market_id": "M06",
            "region_code": "441422", "observed_on": "2026-11-20", "min_fen": 240, "avg_fen": 260, "max_fen": 280,
            "unit": "元/公斤", "spec": "", "origin": "", "volume_kg": .null, "corrects": .null, "flags": "",
            "recorded_by": "李站长", "recorded_at": "2026-11-20T09:00:00+08:00",
        ]
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return Change(
            origin: station.origin, sequence: 1, timestamp: HybridTimestamp(wallMilliseconds: now - 60_000, counter: 0),
            collection: "prices.observation", recordID: "price-\(station.village)", scope: station.village, fields: fields)
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

            for (number, village) in [Self.houNan, Self.beiTang].enumerated() {
                let station = StationPeer(origin: "station-\(number)", village: village)
                _ = try await county.replica.receive(PushRequest(changes: [Self.price(from: station)]), from: station)
            }

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
                let recorded = { (json: [String: Any]) in
                    Set((json["observations"] as? [[String: Any]] ?? []).compactMap { $0["village_code"] as? String })
                }
                #expect(recorded(try await get(client, "/api/v1/prices/observations", hubAdmin).json) == [Self.houNan, Self.beiTang])
                #expect(recorded(try await get(client, "/api/v1/prices/observations", xihe).json) == [Self.beiTang])

                // What every station of the hub receives is not one division's to publish.
                let notice = try await client.execute(
                    uri: "/api/v1/notices", method: .post, headers: .bearer(xihe), body: ByteBuffer(string: "[]")
                ) { $0.status }
                #expect(notice == .forbidden)
                // Public, as at the kiosk: the village's disclosures (村务公开).
                #expect(try await get(client, "/api/v1/ledger/disclosures?village=\(Self.houNan)", xihe).status == .ok)
            }
        }
    }
}
