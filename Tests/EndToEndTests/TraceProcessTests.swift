import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// A lot registered over HTTP at one village's running station, with a harvest and a
/// certificate, synced by the real programs, and looked up by its code at another village's
/// station and at the county, with the farmer's name masked: against a county of one process, and
/// against a hub of two processes on one PostgreSQL database.
@Suite(.timeLimit(.minutes(30))) struct TraceProcessTests {
    let folder = try! TemporaryFolder()

    func send(_ method: String, _ url: String, _ body: String? = nil, token: String? = nil) async throws -> (String, Int) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (String(decoding: data, as: UTF8.self), (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    func enrolledStation(_ village: String, county: CountyUnderTest, at countyURL: String) async throws -> String {
        let (enrollment, _) = try await county.newStation(village: village)
        let station = folder.file("station-\(village)")
        try await county.enroll(station, enrollment, server: countyURL)
        try await StationPrices.addOperator(dataDir: station)
        return station
    }

    @Test(.serialized, arguments: HubLayout.allCases) func aLotRegisteredAtOneStationIsLookedUpAtAnotherAndAtTheCounty(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in try await registerAndLookUp(county, "http://127.0.0.1:\(port)") }
        #expect(status == 0)
    }

    func registerAndLookUp(_ county: CountyUnderTest, _ countyURL: String) async throws {
        let houNan = try await enrolledStation("441422107201", county: county, at: countyURL)
        let beiTang = try await enrolledStation("441422113203", county: county, at: countyURL)

        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", houNan])
        let kioskPort = try await kiosk.listeningPort()
        let kioskURL = "http://127.0.0.1:\(kioskPort)"
        let token = try #require(try await StationPrices.token(kioskPort, renew: true))
        let (lot, registered) = try await send("POST", "\(kioskURL)/api/v1/trace/lots", """
            {"entry": {"trace_code": "(01)06901234567892(10)E2E1", "product_name": "大埔蜜柚", "quantity_g": 800000,
             "producer_name": "张建国", "producer_kind": "person", "producer_phone": "13812345678"}}
            """, token: token)
        #expect(registered == 201, "\(lot)")
        let lotID = try #require((try JSONSerialization.jsonObject(with: Data(lot.utf8)) as? [String: Any])?["id"] as? String)
        let (harvestAnswer, harvested) = try await send("POST", "\(kioskURL)/api/v1/trace/events", """
            {"entry": {"lot_id": "\(lotID)", "kind": "harvesting", "occurred_at": "2026-11-01T07:00:00+08:00"}}
            """, token: token)
        #expect(harvested == 201, "\(harvestAnswer)")
        let (certificate, issued) = try await send("POST", "\(kioskURL)/api/v1/trace/certificates", """
            {"entry": {"lot_id": "\(lotID)", "test_kind": "self", "test_passed": true}}
            """, token: token)
        #expect(issued == 201, "\(certificate)")
        let (refused, status) = try await send("POST", "\(kioskURL)/api/v1/trace/events", """
            {"entry": {"lot_id": "\(lotID)", "kind": "pesticide", "occurred_at": "2026-11-01T07:00:00+08:00"}}
            """, token: token)
        #expect(status == 422 && refused.contains("\"field\":\"input_name\""), "\(refused)")
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)

        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", houNan])
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", beiTang])
        let other = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", beiTang])
        let otherURL = "http://127.0.0.1:\(try await other.listeningPort())"
        for base in [otherURL, countyURL] {
            let link = "https://id.example.cn/01/6901234567892/10/e2e1".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let (answer, found) = try await send("GET", "\(base)/api/v1/trace/lookup?code=\(link)")
            #expect(found == 200)
            #expect(answer.contains("\"headline\":\"查到\""), "\(answer)")
            #expect(answer.contains("\"badge\":\"合格\""), "\(answer)")
            #expect(answer.contains("\"name\":\"张**\"") && !answer.contains("张建国"), "\(answer)")
        }
        other.signal(SIGTERM)
        #expect(await other.exitStatus() == 0)
    }
}
