import Foundation
import TestSupport
import Testing

/// Two hundred SIGKILLs at seeded random points: of `kiosk sync` in the middle of its pushes and
/// pulls, of the county server in the middle of a push, and of the station with a price on its
/// way in. Afterwards both stores pass `check` (SQLite's integrity, foreign keys, the sync log),
/// and after one complete sync the county holds every acknowledged price once.
@Suite(.timeLimit(.minutes(30))) struct KillTrialsTests {
    let folder = try! TemporaryFolder()

    func serve(_ program: String, _ port: Int, _ data: String) async throws -> (ProgramProcess, Int) {
        let process = try ProgramProcess(program, ["serve", "--port", "\(port)", "--data-dir", data, "--log-level", "notice"])
        return (process, try await process.listeningPort())
    }

    @Test func twoHundredKillsLeaveBothStoresConsistentAndNothingLostOrDoubled() async throws {
        let (county, station) = (folder.file("county"), folder.file("station"))
        let catalogue = folder.file("catalogue.json")
        try StationPrices.catalogue.write(toFile: catalogue, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed("syncserver", ["prices", "catalogue", "--data-dir", county, catalogue])
        let added = try await ProgramProcess.run("syncserver", ["station", "add", "--data-dir", county, "--village", "441422107201", "--name", "站"])
        let enrollment = try StationPrices.enrollment(in: added.output)
        let countyPort = try StationPrices.freePort()  // fixed, so that the station finds the county again after a kill
        var (server, _) = try await serve("syncserver", countyPort, county)
        let url = "http://127.0.0.1:\(countyPort)"
        try await ProgramProcess.succeed("kiosk", ["enroll", "--data-dir", station, "--server", url] + enrollment)
        try await StationPrices.addOperator(dataDir: station)
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        var (kiosk, port) = try await serve("kiosk", 0, station)

        var acknowledged: [String] = []
        var random = SeededRandom(seed: 20_261_122)
        for trial in 0..<200 {
            if trial % 2 == 0 {  // the API lists 200 at most: about 150 prices in all
                acknowledged += [try await StationPrices.record(port, avg: 200 + trial)].compactMap { $0 }
            }
            let sync = try ProgramProcess("kiosk", ["sync", "--data-dir", station, "--batch-size", "1"])
            // The kill point: a seeded moment in the first 80 ms of the sync.
            try await Task.sleep(for: .milliseconds(Int.random(in: 0..<80, using: &random)))
            switch trial % 4 {
            case 2:
                server.signal(SIGKILL)
                _ = await server.exitStatus()
                (server, _) = try await serve("syncserver", countyPort, county)
            case 3:
                let inFlight = Task { [port] in try? await StationPrices.record(port, avg: 900 + trial) }
                kiosk.signal(SIGKILL)
                _ = await kiosk.exitStatus()
                if let id = await inFlight.value { acknowledged.append(id) }
                (kiosk, port) = try await serve("kiosk", 0, station)
            default:
                sync.signal(SIGKILL)
            }
            _ = await sync.exitStatus()
        }

        let finished = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station])
        #expect(finished.status == 0, "\(finished.error)")
        let again = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station])
        #expect(again.output.contains("pushed 0, pulled 0"), "\(again.output) \(again.error)")
        let atStation = try await StationPrices.recorded(port)
        let atCounty = try await StationPrices.recorded(countyPort)
        #expect(acknowledged.count >= 100)
        #expect(Set(acknowledged).isSubset(of: Set(atCounty)))
        #expect(atCounty.count == Set(atCounty).count)  // nothing doubled
        #expect(Set(atCounty) == Set(atStation))
        for (program, data) in [("kiosk", station), ("syncserver", county)] {
            let check = try await ProgramProcess.run(program, ["check", "--data-dir", data])
            #expect(check.status == 0 && check.output.contains("一致性检查通过"), "\(program): \(check.error)")
        }
        kiosk.signal(SIGTERM)
        server.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
        #expect(await server.exitStatus() == 0)
    }
}
