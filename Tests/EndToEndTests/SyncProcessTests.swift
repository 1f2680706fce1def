import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// A county and two stations as real processes on loopback: enrolled with one-time codes, synced
/// by command and in the background, a station killed and restarted — against a county of one
/// process, and against a hub of two processes on one PostgreSQL database.
@Suite(.timeLimit(.minutes(30))) struct SyncProcessTests {
    let folder = try! TemporaryFolder()

    /// What a new station first pulls: 5 divisions, the 75 accounts of both charts, and the price
    /// catalogue's 3 categories, variety and market.
    static let firstPull = 85

    @Test(.serialized, arguments: HubLayout.allCases) func stationsEnrollSyncAndSurviveAKill(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in try await enrollSyncAndKill(county, "http://127.0.0.1:\(port)") }
        #expect(status == 0)
    }

    func enrollSyncAndKill(_ county: CountyUnderTest, _ url: String) async throws {
        let houNan = try await county.newStation(village: "441422107201").enrollment
        let beiTang = try await county.newStation(village: "441422113203").enrollment

        let first = folder.file("station-1")
        try await county.enroll(first, houNan, server: url)
        let reused = try await ProgramProcess.run("kiosk", ["enroll", "--data-dir", folder.file("thief"), "--server", url] + houNan)
        #expect(reused.status == 1 && reused.error.contains("enrollment_refused"))
        let synced = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", first])
        #expect(synced.status == 0 && synced.output.contains("pulled \(Self.firstPull)"), "\(synced.output) \(synced.error)")
        let again = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", first])
        #expect(again.output.contains("pushed 0, pulled 0") && again.output.contains("in 1 exchanges"))

        let second = folder.file("station-2")
        try await county.enroll(second, beiTang, server: url)
        var kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", second])
        #expect(await kiosk.line(containing: "sync: pushed 0, pulled \(Self.firstPull)") != nil, "\(kiosk.standardOutput)")
        kiosk.signal(SIGKILL)
        _ = await kiosk.exitStatus()
        kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", second])
        let port = try await kiosk.listeningPort()
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/api/v1/villages")!)
        #expect(String(decoding: data, as: UTF8.self).contains("北塘村"))
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)

        let list = try await ProgramProcess.run("syncserver", ["station", "list"] + county.storage)
        #expect(list.output.split(separator: "\n").filter { $0.contains("enrolled") }.count == 2)
    }
}
