import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// An urgent notice and its scanned document published with the county's commands beside its
/// running servers, found by a station's search, shown on its screen, and the receipt and showing
/// seen at the county: a county of one process, and a hub of two processes on one PostgreSQL.
@Suite(.timeLimit(.minutes(30))) struct UrgentNoticeProcessTests {
    let folder = try! TemporaryFolder()

    static let notices = """
        [{"id": "T-2026-05", "issuer": "大埔县三防指挥部", "document_number": "埔三防[2026]5号",
          "title": "关于防御台风“海葵”的紧急通知", "category": "灾害预警", "signed_on": "2026-09-01",
          "published_on": "2026-09-01", "effective_on": "2026-09-01", "body": "请各村立即转移危险区域群众。", "urgent": true}]
        """

    func get(_ url: String, token: String? = nil) async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    @Test(.serialized, arguments: HubLayout.allCases) func anUrgentNoticeIsReceivedShownAndReportedToTheCounty(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in try await publishReceiveAndReport(county, port) }
        #expect(status == 0)
    }

    func publishReceiveAndReport(_ county: CountyUnderTest, _ countyPort: Int) async throws {
        let file = folder.file("notices.json")
        try Self.notices.write(toFile: file, atomically: true, encoding: .utf8)
        let published = try await ProgramProcess.run("syncserver", ["notices", "publish"] + county.storage + [file])
        #expect(published.status == 0 && published.output.contains("1 urgent"), "\(published.error)")
        let scan = folder.file("埔三防〔2026〕5号.pdf")
        try Data("%PDF-1.4 scan".utf8).write(to: URL(fileURLWithPath: scan))
        let attached = try await ProgramProcess.run("syncserver", ["notices", "attach"] + county.storage + ["--notice", "T-2026-05", scan])
        #expect(attached.status == 0, "\(attached.error)")
        let fileID = try #require(attached.output.split(separator: " ").first { $0.hasPrefix("sha256-") }.map { String($0.dropLast()) })

        let countyURL = "http://127.0.0.1:\(countyPort)"
        let enrollment = try await county.newStation().enrollment
        let admin = try #require(
            try await StationPrices.token(countyPort, renew: true, login: StationPrices.adminLogin, secret: StationPrices.adminPassword))
        let station = folder.file("station")
        try await county.enroll(station, enrollment, server: countyURL)
        let missing = try await get("\(countyURL)/api/v1/notices/T-2026-05/receipts", token: admin)
        #expect(String(decoding: missing.0, as: UTF8.self).contains("\"missing\":[\"st-"))
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])

        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let kioskURL = "http://127.0.0.1:\(try await kiosk.listeningPort())"
        let search = try await get("\(kioskURL)/api/v1/notices/search?q=taifeng")
        #expect(String(decoding: search.0, as: UTF8.self).contains("T-2026-05"))
        let pdf = try await get("\(kioskURL)/api/v1/notices/T-2026-05/attachments/\(fileID)")
        #expect(pdf.1 == 200 && pdf.0 == Data("%PDF-1.4 scan".utf8))
        var shown = URLRequest(url: URL(string: "\(kioskURL)/api/v1/notices/T-2026-05/shown")!)
        shown.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: shown)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])

        let receipts = String(decoding: try await get("\(countyURL)/api/v1/notices/T-2026-05/receipts", token: admin).0, as: UTF8.self)
        #expect(receipts.contains("\"missing\":[]"), "\(receipts)")
        #expect(receipts.contains("\"first_shown_at\":\"20"), "\(receipts)")
    }
}
