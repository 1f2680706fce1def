import Foundation
import TestSupport
import Testing

/// A village whose link is down for weeks syncs by USB stick (U盘同步包): `kiosk bundle export`,
/// `syncserver bundle import`, `kiosk bundle import`, with the station never reaching the county
/// after its enrollment. Against a county of one process, and a hub of two on one PostgreSQL database.
@Suite(.timeLimit(.minutes(20))) struct BundleProcessTests {
    let folder = try! TemporaryFolder()

    @Test(.serialized, arguments: HubLayout.allCases)
    func aRoundTripOnAStickCarriesEveryChangeOnceEachWay(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in
            let station = folder.file("station-\(layout)")
            let stationID = try await county.station(in: station, through: "http://127.0.0.1:\(port)")
            // The link goes down: from here on the station reaches the county only by stick.
            let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
            let kioskPort = try await kiosk.listeningPort()
            var prices: [String] = []
            for avg in [310, 320, 330] { prices.append(try #require(try await StationPrices.record(kioskPort, avg: avg))) }
            try await county.publishNotices(3, prefix: "U")
            let (outgoing, answer) = (folder.file("outgoing-\(layout).bundle"), folder.file("answer-\(layout).bundle"))

            let exported = try await ProgramProcess.succeed("kiosk", ["bundle", "export", "--data-dir", station, "--out", outgoing])
            #expect(exported.contains("3 changes"), "\(exported)")
            let imported = try await ProgramProcess.succeed(
                "syncserver", ["bundle", "import"] + county.storage + [outgoing, "--answer", answer])
            #expect(imported.contains("3 changes of station \(stationID)"), "\(imported)")
            let taken = try await ProgramProcess.succeed("kiosk", ["bundle", "import", "--data-dir", station, answer])
            #expect(taken.contains("acknowledged 3"), "\(taken)")

            #expect(try await StationPrices.recorded(port).sorted() == prices.sorted())  // each once at the county
            let notices = try await CountyUnderTest.noticeIDs(at: "http://127.0.0.1:\(kioskPort)")
            #expect(["U-1", "U-2", "U-3"].allSatisfy(notices.contains), "\(notices)")

            // Carried twice, both ways: nothing changes.
            try await ProgramProcess.succeed("syncserver", ["bundle", "import"] + county.storage + [outgoing, "--answer", answer])
            let again = try await ProgramProcess.succeed("kiosk", ["bundle", "import", "--data-dir", station, answer])
            #expect(again.contains("acknowledged 0"), "\(again)")
            #expect(try await StationPrices.recorded(port).sorted() == prices.sorted())
            let nothing = try await ProgramProcess.succeed("kiosk", ["bundle", "export", "--data-dir", station, "--out", outgoing])
            #expect(nothing.contains(" 0 changes"), "\(nothing)")

            try await refusals(county, stationID: stationID, station: station, answer: answer, outgoing: outgoing)

            // The link comes back: the round finds nothing left to push.
            let round = try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
            #expect(round.contains("pushed 0"), "\(round)")
            kiosk.signal(SIGTERM)
            #expect(await kiosk.exitStatus() == 0)
        }
        #expect(status == 0)
    }

    /// A station enrolled where the link then fails takes its scope from a snapshot on a stick
    /// (`syncserver bundle --snapshot`), and its first round over the network has nothing to pull
    /// again; carried a second time, once the station holds more, the snapshot is left and nothing changes.
    @Test(.serialized, arguments: HubLayout.allCases)
    func aNewStationTakesItsScopeFromASnapshotOnAStick(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in
            try await county.publishNotices(3, prefix: "S")
            let (enrollment, stationID) = try await county.newStation()
            let station = folder.file("new-\(layout)")
            try await county.enroll(station, enrollment, server: "http://127.0.0.1:\(port)")
            let file = folder.file("snapshot-\(layout).bundle")
            let wrote = try await ProgramProcess.succeed(
                "syncserver", ["bundle", "--station", stationID, "--snapshot", "--out", file] + county.storage)
            #expect(wrote.contains("a snapshot of its scope"), "\(wrote)")
            let taken = try await ProgramProcess.succeed("kiosk", ["bundle", "import", "--data-dir", station, file])
            #expect(!taken.contains("pulled 0,"), "\(taken)")
            let notices = try await ProgramProcess.run("/usr/bin/sqlite3", ["\(station)/kiosk.sqlite", "SELECT id FROM notice WHERE id LIKE 'S-%' ORDER BY id"])
            #expect(notices.output.split(separator: "\n") == ["S-1", "S-2", "S-3"], "\(notices.output) \(notices.error)")

            let round = try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
            #expect(round.contains("pushed 0, pulled 0") && round.contains("mended 0"), "\(round)")
            try await county.publishNotices(1, prefix: "LATER")
            try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
            let again = try await ProgramProcess.run("kiosk", ["bundle", "import", "--data-dir", station, file])
            #expect(again.status == 0 && again.output.contains("pulled 0,"), "\(again.output) \(again.error)")
            let later = try await ProgramProcess.run("/usr/bin/sqlite3", ["\(station)/kiosk.sqlite", "SELECT COUNT(*) FROM notice WHERE id LIKE 'LATER-%'"])
            #expect(later.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        }
        #expect(status == 0)
    }

    /// A changed file, a bundle taken at the wrong side, and one that would leave a gap are refused
    /// with what is wrong, and change nothing.
    func refusals(_ county: CountyUnderTest, stationID: String, station: String, answer: String, outgoing: String) async throws {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: answer))) as? [String: Any])
        json["position"] = 0
        json["createdAt"] = "2026-12-01T00:00:00Z"
        let changed = folder.file("changed.bundle")
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: changed))
        let forged = try await ProgramProcess.run("kiosk", ["bundle", "import", "--data-dir", station, changed])
        #expect(forged.status == 1 && forged.error.contains("signature is not valid"), "\(forged.error)")

        let wrongSide = try await ProgramProcess.run("kiosk", ["bundle", "import", "--data-dir", station, outgoing])
        #expect(wrongSide.status == 1 && wrongSide.error.contains("import it at the county"), "\(wrongSide.error)")

        let ahead = folder.file("ahead.bundle")
        try await ProgramProcess.succeed(
            "syncserver", ["bundle", "--station", stationID, "--after", "1000000000", "--out", ahead] + county.storage)
        let gap = try await ProgramProcess.run("kiosk", ["bundle", "import", "--data-dir", station, ahead])
        #expect(gap.status == 1 && gap.error.contains("starts after position 1000000000"), "\(gap.error)")

        let notABundle = try await ProgramProcess.run("syncserver", ["bundle", "import"] + county.storage + [changed + "-none", "--answer", ahead])
        #expect(notABundle.status == 1 && notABundle.error.contains("cannot read"), "\(notABundle.error)")
    }
}
