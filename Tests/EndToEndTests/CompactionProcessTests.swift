import Foundation
import TestSupport
import Testing

/// The county compacts the versions its notices' edits superseded (`syncserver log compact`); a
/// station that was away, its position now below the floor, takes its scope as a snapshot at its
/// next sync and holds each notice as last published; a bundle for it carries a snapshot too.
/// Against a county of one process, and a hub of two on one PostgreSQL database.
@Suite(.timeLimit(.minutes(20))) struct CompactionProcessTests {
    let folder = try! TemporaryFolder()

    @Test(.serialized, arguments: HubLayout.allCases)
    func aStationAwayWhileTheLogWasCompactedTakesASnapshot(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in
            let station = folder.file("station-\(layout)")
            let stationID = try await county.station(in: station, through: "http://127.0.0.1:\(port)")
            let sync = { try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station]) }
            try await county.publishNotices(2, prefix: "K")
            _ = try await sync()
            let store = "\(station)/kiosk.sqlite"
            let away = try await RepairProcessTests.query(store, "SELECT value FROM sync_state WHERE key = 'pull_position'")

            // Each notice published three times over, as a county corrects a notice twice.
            for edition in 1...3 {
                let file = folder.file("edition-\(layout)-\(edition).json")
                let notices = CountyUnderTest.notices(2, prefix: "K").replacingOccurrences(of: "\"body\": \"", with: "\"body\": \"第\(edition)版：")
                try notices.write(toFile: file, atomically: true, encoding: .utf8)
                try await ProgramProcess.succeed("syncserver", ["notices", "publish"] + county.storage + [file])
            }
            let compacted = try await ProgramProcess.succeed("syncserver", ["log", "compact", "--keep-days", "0"] + county.storage)
            // An edition changes the body alone: the first two of each notice are superseded, and the
            // first publication stays, the only change to set the notice's other fields.
            #expect(compacted.contains("removed 4 superseded changes"), "\(compacted)")

            let bundle = folder.file("bundle-\(layout).syncbundle")
            let written = try await ProgramProcess.succeed(
                "syncserver", ["bundle", "write", "--station", stationID, "--after", away, "--out", bundle] + county.storage)
            #expect(written.contains("a snapshot of its scope"), "\(written)")

            let back = try await sync()
            #expect(back.contains("from a snapshot") && back.contains("mended 0"), "\(back)")
            let bodies = try await RepairProcessTests.query(store, "SELECT substr(body, 1, 4) FROM notice WHERE id LIKE 'K-%' ORDER BY id")
            #expect(bodies == "第3版：\n第3版：", "\(bodies)")
            let next = try await sync()
            #expect(!next.contains("from a snapshot") && next.contains("in 1 exchanges"), "\(next)")
        }
        #expect(status == 0)
    }
}
