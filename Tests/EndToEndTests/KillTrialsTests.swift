import Foundation
import TestSupport
import Testing

/// Two hundred SIGKILLs at seeded random points: of `kiosk sync` in the middle of its pushes and
/// pulls, of a county server in the middle of a push, and of the station with a price on its way
/// in. Afterwards both stores pass `check` (the stores' integrity, foreign keys, the sync log), and
/// after one complete sync the county holds every acknowledged price once. Against a county of one
/// process, and a hub of two processes on one PostgreSQL whose processes are killed in turn.
@Suite(.timeLimit(.minutes(30))) struct KillTrialsTests {
    let folder = try! TemporaryFolder()

    func serveStation(_ data: String) async throws -> (ProgramProcess, Int) {
        let process = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", data, "--log-level", "notice"])
        return (process, try await process.listeningPort())
    }

    @Test(.serialized, arguments: HubLayout.allCases) func twoHundredKillsLeaveBothStoresConsistentAndNothingLostOrDoubled(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in try await killTwoHundredTimes(&county, port) }
        #expect(status == 0)
    }

    func killTwoHundredTimes(_ county: inout CountyUnderTest, _ countyPort: Int) async throws {
        let station = folder.file("station")
        try await county.enroll(station, try await county.newStation().enrollment, server: "http://127.0.0.1:\(countyPort)")
        try await StationPrices.addOperator(dataDir: station)
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        var (kiosk, port) = try await serveStation(station)

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
                try await county.restart((trial / 4) % (1 + county.others.count))
            case 3:
                let inFlight = Task { [port] in try? await StationPrices.record(port, avg: 900 + trial) }
                kiosk.signal(SIGKILL)
                _ = await kiosk.exitStatus()
                if let id = await inFlight.value { acknowledged.append(id) }
                (kiosk, port) = try await serveStation(station)
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
        for (program, storage) in [("kiosk", ["--data-dir", station]), ("syncserver", county.storage)] {
            let check = try await ProgramProcess.run(program, ["check"] + storage)
            #expect(check.status == 0 && check.output.contains("一致性检查通过"), "\(program): \(check.error)")
        }
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
    }
}
