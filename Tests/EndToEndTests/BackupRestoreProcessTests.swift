import Foundation
import TestSupport
import Testing

/// `backup` while the programs run, and a station restored from an old backup on another machine:
/// it enrolls again, gets back what it recorded after the backup from the county, and nothing is
/// doubled at the county, not even the prices the backup held unsynced.
@Suite(.timeLimit(.minutes(30))) struct BackupRestoreProcessTests {
    let folder = try! TemporaryFolder()

    func code(_ county: String) async throws -> [String] {
        let added = try await ProgramProcess.succeed(
            "syncserver", ["station", "add", "--data-dir", county, "--village", "441422107201", "--name", "侯南村信息站"])
        return try StationPrices.enrollment(in: added)
    }

    @Test func aStationRestoredFromAnOldBackupCatchesUpWithoutDoubles() async throws {
        let county = folder.file("county")
        let catalogue = folder.file("catalogue.json")
        try StationPrices.catalogue.write(toFile: catalogue, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed("syncserver", ["prices", "catalogue", "--data-dir", county, catalogue])
        let (first, second) = (try await code(county), try await code(county))
        let server = try ProgramProcess("syncserver", ["serve", "--port", "0", "--data-dir", county])
        let countyPort = try await server.listeningPort()
        let url = "http://127.0.0.1:\(countyPort)"

        let station = folder.file("station")
        try await ProgramProcess.succeed("kiosk", ["enroll", "--data-dir", station, "--server", url] + first)
        try await StationPrices.addOperator(dataDir: station)
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])  // the catalogue
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let port = try await kiosk.listeningPort()
        let synced = try #require(try await StationPrices.record(port, avg: 210))
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        let unsynced = try #require(try await StationPrices.record(port, avg: 220))  // in the backup, not yet at the county
        let backup = folder.file("kiosk-backup.sqlite")
        let written = try await ProgramProcess.run("kiosk", ["backup", "--data-dir", station, "--to", backup])
        #expect(written.status == 0, "\(written.error)")
        let later = try #require(try await StationPrices.record(port, avg: 230))  // after the backup
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)

        // The station's disk is lost; a new one is restored from the backup and enrolled again.
        let restored = folder.file("restored")
        let restore = try await ProgramProcess.run("kiosk", ["restore", "--data-dir", restored, "--from", backup])
        #expect(restore.status == 0 && restore.output.contains("kiosk enroll"), "\(restore.output) \(restore.error)")
        let refused = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", restored])
        #expect(refused.status == 1 && refused.error.contains("not enrolled"), "\(refused.error)")
        try await ProgramProcess.succeed("kiosk", ["enroll", "--data-dir", restored, "--server", url] + second)
        let caughtUp = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", restored])
        #expect(caughtUp.status == 0, "\(caughtUp.error)")

        let again = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", restored])
        let againPort = try await again.listeningPort()
        #expect(Set(try await StationPrices.recorded(againPort)) == [synced, unsynced, later])
        let new = try #require(try await StationPrices.record(againPort, avg: 240))
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", restored])
        let atCounty = try await StationPrices.recorded(countyPort)
        #expect(atCounty.sorted() == [synced, unsynced, later, new].sorted())  // each once

        let countyBackup = folder.file("county-backup.sqlite")
        try await ProgramProcess.succeed("syncserver", ["backup", "--data-dir", county, "--to", countyBackup])
        again.signal(SIGTERM)
        server.signal(SIGTERM)
        #expect(await again.exitStatus() == 0)
        #expect(await server.exitStatus() == 0)
        let countyRestored = folder.file("county-restored")
        try await ProgramProcess.succeed("syncserver", ["restore", "--data-dir", countyRestored, "--from", countyBackup])
        let stations = try await ProgramProcess.run("syncserver", ["station", "list", "--data-dir", countyRestored])
        #expect(stations.output.split(separator: "\n").count == 2, "\(stations.output)")
        let missing = try await ProgramProcess.run("kiosk", ["restore", "--data-dir", folder.file("nowhere"), "--from", folder.file("none.sqlite")])
        #expect(missing.status == 1 && missing.error.contains("there is no backup at this path"), "\(missing.error)")
    }
}
