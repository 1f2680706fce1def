import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// A county server and two stations as real processes on loopback: enrolled with one-time codes,
/// synced by command and in the background, a station killed and restarted.
@Suite(.timeLimit(.minutes(30))) struct SyncProcessTests {
    let folder = try! TemporaryFolder()

    static let divisions = CountyUnderTest.divisions

    func code(for village: String, county: String) async throws -> [String] {
        let added = try await ProgramProcess.succeed("syncserver", ["station", "add", "--data-dir", county, "--village", village, "--name", "站"])
        return try StationPrices.enrollment(in: added)
    }

    @Test func stationsEnrollSyncAndSurviveAKill() async throws {
        let county = folder.file("county")
        let file = folder.file("divisions.json")
        try Self.divisions.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try await ProgramProcess.run("syncserver", ["divisions", "import", "--data-dir", county, file])
        #expect(imported.status == 0, "\(imported.error)")
        let houNan = try await code(for: "441422107201", county: county)
        let beiTang = try await code(for: "441422113203", county: county)

        let server = try ProgramProcess("syncserver", ["serve", "--port", "0", "--data-dir", county])
        let url = "http://127.0.0.1:\(try await server.listeningPort())"

        let first = folder.file("station-1")
        try await ProgramProcess.succeed("kiosk", ["enroll", "--data-dir", first, "--server", url] + houNan)
        let reused = try await ProgramProcess.run("kiosk", ["enroll", "--data-dir", folder.file("thief"), "--server", url] + houNan)
        #expect(reused.status == 1 && reused.error.contains("enrollment_refused"))
        let synced = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", first])  // 5 divisions and the 75 accounts of both charts
        #expect(synced.status == 0 && synced.output.contains("pulled 80"), "\(synced.output) \(synced.error)")
        let again = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", first])
        #expect(again.output.contains("pushed 0, pulled 0") && again.output.contains("in 1 exchanges"))

        let second = folder.file("station-2")
        try await ProgramProcess.succeed("kiosk", ["enroll", "--data-dir", second, "--server", url] + beiTang)
        var kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", second])
        #expect(await kiosk.line(containing: "sync: pushed 0, pulled 80") != nil, "\(kiosk.standardOutput)")
        kiosk.signal(SIGKILL)
        _ = await kiosk.exitStatus()
        kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", second])
        let port = try await kiosk.listeningPort()
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/api/v1/villages")!)
        #expect(String(decoding: data, as: UTF8.self).contains("北塘村"))
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)

        let list = try await ProgramProcess.run("syncserver", ["station", "list", "--data-dir", county])
        #expect(list.output.split(separator: "\n").filter { $0.contains("enrolled") }.count == 2)
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)
    }
}
