import Access
import Crypto
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
            // Changes the enrolled stations push that the county quarantines (a field it does not know):
            // 北塘村's one, then 侯南村's 201, more than a list shows, which hide none of 北塘村's from its township.
            var origins: [String: String] = [:]
            for (village, count) in [(Self.beiTang, 1), (Self.houNan, 201)] {
                let code = try await county.registry.add(village: village, name: "已注册 \(village)").code
                let enrolled = try await county.registry.enroll(code: code, publicKey: Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)
                let station = StationPeer(origin: try #require(enrolled.origin), village: village)
                let price = Self.price(from: station)
                let changes = (1...Int64(count)).map { sequence in
                    Change(
                        origin: price.origin, sequence: sequence, timestamp: price.timestamp, collection: price.collection,
                        recordID: "\(price.recordID)-\(sequence)", scope: price.scope, fields: price.fields.merging(["unknown_field": "x"]) { $1 })
                }
                let reply = try await county.replica.receive(PushRequest(changes: changes), from: station)
                #expect(reply.quarantined.count == count)
                origins[village] = station.origin
            }
            let quarantinedOrigins = origins

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

                // The quarantine, and the status's count of it, of the division's stations only.
                let quarantined = { (json: [String: Any]) in
                    Set((json["quarantined"] as? [[String: Any]] ?? []).compactMap { $0["origin"] as? String })
                }
                let hubList = try await get(client, "/api/v1/sync/quarantine", hubAdmin).json["quarantined"] as? [Any]
                #expect(hubList?.count == 200)  // the newest 200
                #expect(quarantined(try await get(client, "/api/v1/sync/quarantine", xihe).json) == [quarantinedOrigins[Self.beiTang]!])
                #expect(try await get(client, "/api/v1/sync/status", hubAdmin).json["quarantined"] as? Int == 202)
                #expect(try await get(client, "/api/v1/sync/status", xihe).json["quarantined"] as? Int == 1)
                let counted = (try await get(client, "/api/v1/sync/stations", hubAdmin).json["stations"] as? [[String: Any]] ?? [])
                    .filter { $0["origin"] as? String != nil }.compactMap { $0["quarantined"] as? Int }.sorted()
                #expect(counted == [1, 201], "each enrolled station's own count, from one statement")
                // Public, as at the kiosk: the village's disclosures (村务公开).
                #expect(try await get(client, "/api/v1/ledger/disclosures?village=\(Self.houNan)", xihe).status == .ok)
            }
        }
    }

    /// A division's staff publish notices and price bulletins for their division (or one beneath
    /// it), which reach its stations alone; the hub's own staff for any division or the whole hub.
    @Test(arguments: HubStore.allCases) func aDivisionsStaffPublishForTheirDivisionAndItsStationsAloneReceiveIt(hub: HubStore) async throws {
        try await withCounty(hub) { county in
            let accounts = county.logins.accounts
            try await accounts.save(Account(login: "hub-admin", name: "王科长", roles: [.admin]), secret: Self.secret)
            try await accounts.save(Account(login: "xihe-admin", name: "西河镇管理员", roles: [.admin], division: "441422113"), secret: Self.secret)
            try await county.application(logger: .init(label: "test")).test(.router) { client in
                let (hubAdmin, xihe) = (try await login(client, "hub-admin"), try await login(client, "xihe-admin"))
                let post = { (uri: String, token: String, body: String) in
                    try await client.execute(uri: uri, method: .post, headers: .bearer(token), body: ByteBuffer(string: body)) {
                        ($0.status, (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any]) ?? [:])
                    }
                }
                let notice = { (id: String, division: String?) in
                    #"[{"id": "\#(id)", "issuer": "镇政府", "title": "通知 \#(id)", "category": "补贴政策", "signed_on": "2026-11-20", "#
                        + #""published_on": "2026-11-20", "effective_on": "2026-11-20", "body": "正文""#
                        + (division.map { #", "division": "\#($0)""# } ?? "") + "}]"
                }
                #expect(try await post("/api/v1/notices", xihe, notice("N-XIHE", nil)).0 == .created)
                let above = try await post("/api/v1/notices", xihe, notice("N-CITY", "4414"))
                #expect(above.0 == .forbidden && above.1["error"] as? String == "outside_division", "\(above.1)")
                #expect(try await post("/api/v1/notices", hubAdmin, notice("N-CITY", "4414")).0 == .created)
                let odd = try await post("/api/v1/notices", hubAdmin, notice("N-ODD", "4414221"))
                #expect(odd.0 == .unprocessableContent && odd.1["field"] as? String == "division", "\(odd.1)")

                let sheet = "日期,品种,市场,最低价,平均价,最高价,单位\n2026-11-20,01010301,M06,2.40,2.60,2.80,元/公斤\n"
                #expect(try await post("/api/v1/prices/imports?division=441422107", xihe, sheet).0 == .forbidden)
                let imported = try await post("/api/v1/prices/imports", xihe, sheet)
                #expect(imported.0 == .created, "\(imported.1)")
                let bulletins = try #require(imported.1["bulletins"] as? [String])

                // What each station pulls: the hub-wide and city notices reach both; the township's, its own.
                for (village, expected) in [(Self.houNan, false), (Self.beiTang, true)] {
                    let station = StationPeer(origin: "station-\(village)", village: village)
                    var ids: Set<String> = []
                    var position: Int64 = 0
                    for _ in 0..<100 {
                        let reply = try await county.replica.serve(PullRequest(after: position, limit: 500), for: station)
                        ids.formUnion(reply.changes.map(\.recordID))
                        position = reply.position
                        if !reply.more { break }
                    }
                    #expect(ids.contains("N-CITY"))
                    #expect(ids.contains("N-XIHE") == expected, "\(village)")
                    #expect(bulletins.allSatisfy { ids.contains($0) == expected }, "\(village)")
                }
            }
        }
    }
}
