import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// Prices recorded at a running station while `kiosk sync` runs beside it and is killed with
/// SIGKILL at seeded points, then the station itself killed with a write in flight: after one
/// complete sync the county holds every acknowledged price once, and exactly what the station holds.
/// Against a county of one process, and a hub of two processes on one PostgreSQL database.
@Suite(.timeLimit(.minutes(30))) struct StationWritesKillTests {
    let folder = try! TemporaryFolder()

    @Test(.serialized, arguments: HubLayout.allCases) func everyAcknowledgedPriceReachesTheCountyOnceWhateverIsKilled(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in
            try await importPrices(county)
            try await recordAndKill(county, port)
        }
        #expect(status == 0)
    }

    /// A price sheet imported beside the running county: its good row published, its bad one named.
    func importPrices(_ county: CountyUnderTest) async throws {
        let sheet = folder.file("prices.csv")
        try "日期,品种,市场,最低价,平均价,最高价,单位\n2026-11-20,玉米,M06,2.40,2.60,2.80,元/公斤\n2026-11-20,榴莲,M06,9,10,11,元/公斤\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let imported = try await ProgramProcess.run("syncserver", ["prices", "import"] + county.storage + [sheet])
        #expect(imported.status == 0 && imported.output.contains("1 rows published in 1 bulletins"), "\(imported.output)")
        #expect(imported.output.contains("line 3 [品种]: 品种“榴莲”不在品种目录中"), "\(imported.output)")
        let catalogue = folder.file("catalogue.json")  // the county's catalogue: JSON is no price table
        let broken = try await ProgramProcess.run("syncserver", ["prices", "import"] + county.storage + [catalogue])
        #expect(broken.status == 1 && broken.error.contains("nothing was imported"), "\(broken.error)")
    }

    func recordAndKill(_ county: CountyUnderTest, _ countyPort: Int) async throws {
        let station = folder.file("station")
        try await county.enroll(station, try await county.newStation().enrollment, server: "http://127.0.0.1:\(countyPort)")
        try await StationPrices.addOperator(dataDir: station)
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])

        var kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        var port = try await kiosk.listeningPort()
        var acknowledged: [String] = []
        var random = SeededRandom(seed: 20_261_121)
        for trial in 0..<6 {
            for index in 0..<8 { acknowledged += [try await StationPrices.record(port, avg: 200 + trial * 10 + index)].compactMap { $0 } }
            // Killed after the county has taken 1 to 3 of its one-change pushes: in the middle of a sync.
            let pushes = county.count(of: "/sync/v1/push")
            let sync = try ProgramProcess("kiosk", ["sync", "--data-dir", station, "--batch-size", "1"])
            for index in 0..<Int(random.next() % 3) { acknowledged += [try await StationPrices.record(port, avg: 300 + index)].compactMap { $0 } }
            let extra = Int(random.next() % 3)
            // `kiosk serve`'s own round (every minute or so) may push the prices first, in one batch,
            // leaving the command nothing to push: one push is awaited, the extra ones only a while.
            let pushed = await county.awaitLines(containing: "/sync/v1/push", total: pushes + 1)
            #expect(pushed, "trial \(trial): the county saw no push")
            _ = await county.awaitLines(containing: "/sync/v1/push", total: pushes + 1 + extra, within: 10)
            sync.signal(SIGKILL)
            _ = await sync.exitStatus()
        }
        // The station itself, killed with a price on its way in: kept or not, never half.
        let inFlight = Task { [port] in try? await StationPrices.record(port, avg: 999) }
        kiosk.signal(SIGKILL)
        _ = await kiosk.exitStatus()
        _ = await inFlight.value

        let finished = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station, "--batch-size", "7"])
        #expect(finished.status == 0, "\(finished.error)")
        let again = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station])
        #expect(again.output.contains("pushed 0, pulled 0"), "\(again.output) \(again.error)")

        kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        port = try await kiosk.listeningPort()
        let atStation = try await StationPrices.recorded(port)
        let atCounty = try await StationPrices.recorded(countyPort)
        #expect(acknowledged.count >= 48)
        #expect(Set(acknowledged).isSubset(of: Set(atCounty)))
        #expect(atCounty.count == Set(atCounty).count)  // nothing doubled
        #expect(Set(atCounty) == Set(atStation))
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
    }
}
