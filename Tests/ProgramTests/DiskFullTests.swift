import ChinaLocale
import DemoData
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import KioskService
import Logging
import TestSupport
import Testing
import Storage
import NIOFoundationCompat
import WebAPI
import Villages
import ServiceRuntime
import Prices

/// A station whose disk fills up answers a clear 507 and keeps its store whole: every price it
/// said it kept is there, and once there is room again it records prices as before.
@Suite struct DiskFullTests {
    let folder = try! TemporaryFolder()

    func record(_ client: some TestClientProtocol, avg: Int, token: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        let (variety, market) = (SamplePrices.catalogue.varieties[0].code, SamplePrices.catalogue.markets[0].id)
        let body = """
            {"price": {"variety_code": "\(variety)", "market_id": "\(market)", "observed_on": "\(BeijingDay.today().text)",
             "min_fen": \(avg - 10), "avg_fen": \(avg), "max_fen": \(avg + 10), "unit": "元/公斤",
             "origin": "\(String(repeating: "侯南村", count: 60))"}}
            """
        return try await client.execute(
            uri: "/api/v1/prices/observations", method: .post, headers: .bearer(token),
            body: ByteBuffer(string: body)
        ) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    @Test func aFullDiskIsAnswered507AndTheStoreStaysWhole() async throws {
        let kiosk = try await ProgramUnderTest.assembleKiosk(in: folder)
        let count = "SELECT COUNT(*) FROM price_observation WHERE village_code <> ''"
        try await kiosk.store.pool.write { db in  // enrolled as the demo's station, so that it records prices
            try db.execute(
                sql: """
                    INSERT INTO sync_enrollment(id, server_url, station_id, village, private_key, county_public_key, county_origin)
                    VALUES (1, 'http://127.0.0.1:9', 'st-demo', ?, ?, ?, 'county')
                    """,
                arguments: [SampleCounty.stationVillage.code, Data(repeating: 7, count: 32), Data(repeating: 9, count: 32)])
        }
        try await StaffAccounts.add(to: kiosk, program: .kiosk)
        let token = try await kiosk.application(logger: Logger(label: "test")).test(.router) { client in
            try await StaffAccounts.login(client, .operator, program: .kiosk)
        }
        try await kiosk.store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")  // the disk has two pages left
        }
        try await kiosk.application(logger: Logger(label: "test")).test(.router) { client in
            var kept = 0
            var full: [String: Any]?
            for attempt in 0..<300 where full == nil {
                let (status, json) = try await record(client, avg: 300 + attempt, token: token)
                if status == .created { kept += 1 } else if status.code == 507 { full = json }
            }
            let answer = try #require(full, "the disk never filled")
            #expect(answer["error"] as? String == "storage_full")
            #expect((answer["message"] as? String)?.contains("存储空间已满") == true)
            let (integrity, held) = try await kiosk.store.pool.read { db in
                (try String.fetchOne(db, sql: "PRAGMA integrity_check"), try Int.fetchOne(db, sql: count))
            }
            #expect(integrity == "ok")
            #expect(held == kept)

            try await kiosk.store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
            #expect(try await record(client, avg: 999, token: token).0 == .created)
        }
    }
}
