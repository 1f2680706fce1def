import Foundation
import TestSupport
import Testing

/// `backup` while the programs run, and a station restored from an old backup on another machine:
/// it enrolls again, gets back what it recorded after the backup from the county, and nothing is
/// doubled at the county, not even the prices the backup held unsynced. Against a county of one
/// process, and a hub of two processes on one PostgreSQL database.
@Suite(.timeLimit(.minutes(30))) struct BackupRestoreProcessTests {
    let folder = try! TemporaryFolder()

    @Test(.serialized, arguments: HubLayout.allCases) func aStationRestoredFromAnOldBackupCatchesUpWithoutDoubles(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in
            try await restoreAStation(county, port)
            // A hub on PostgreSQL is backed up by PostgreSQL's own tools (`HubProcessesTests`).
            if layout == .county { try await backUpAndRestore(county) }
        }
        #expect(status == 0)
    }

    func restoreAStation(_ county: CountyUnderTest, _ countyPort: Int) async throws {
        let url = "http://127.0.0.1:\(countyPort)"
        let (first, second) = (try await county.newStation().enrollment, try await county.newStation().enrollment)
        let station = folder.file("station")
        try await county.enroll(station, first, server: url)
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
        try await county.enroll(restored, second, server: url)
        let caughtUp = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", restored])
        #expect(caughtUp.status == 0, "\(caughtUp.error)")

        let again = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", restored])
        let againPort = try await again.listeningPort()
        #expect(Set(try await StationPrices.recorded(againPort)) == [synced, unsynced, later])
        let new = try #require(try await StationPrices.record(againPort, avg: 240))
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", restored])
        let atCounty = try await StationPrices.recorded(countyPort)
        #expect(atCounty.sorted() == [synced, unsynced, later, new].sorted())  // each once
        again.signal(SIGTERM)
        #expect(await again.exitStatus() == 0)

        let missing = try await ProgramProcess.run("kiosk", ["restore", "--data-dir", folder.file("nowhere"), "--from", folder.file("none.sqlite")])
        #expect(missing.status == 1 && missing.error.contains("there is no backup at this path"), "\(missing.error)")
    }

    /// The county's SQLite store backed up while it serves, and restored elsewhere with its stations.
    func backUpAndRestore(_ county: CountyUnderTest) async throws {
        let countyBackup = folder.file("county-backup.sqlite")
        try await ProgramProcess.succeed("syncserver", ["backup"] + county.storage + ["--to", countyBackup])
        let countyRestored = folder.file("county-restored")
        try await ProgramProcess.succeed("syncserver", ["restore", "--data-dir", countyRestored, "--from", countyBackup])
        let stations = try await ProgramProcess.run("syncserver", ["station", "list", "--data-dir", countyRestored])
        #expect(stations.output.split(separator: "\n").count == 2, "\(stations.output)")
    }
}
