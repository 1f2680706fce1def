import Foundation
import TestSupport
import Testing

/// Releases side by side, their programs built from the commit the fixture names: a station of the
/// previous release, speaking the previous sync protocol, enrolls with this release's hub and keeps
/// syncing both ways (its price reaches the county, the county's notices reach it, the county lists
/// it under its version), against a county of one process and a hub of two on one PostgreSQL
/// database; and a station of this release upgraded before its county syncs with a county of the
/// previous release, speaking its protocol to it.
@Suite(.timeLimit(.minutes(40))) struct PreviousReleaseTests {
    let folder = try! TemporaryFolder()

    @Test(.serialized, arguments: HubLayout.allCases)
    func aStationOfThePreviousReleaseKeepsSyncingBothWays(layout: HubLayout) async throws {
        let kiosk = try await PreviousRelease.kiosk()
        let status = try await layout.withCounty(in: folder) { county, port in
            let station = folder.file("previous-\(layout)")
            let (enrollment, _) = try await county.newStation()
            try await ProgramProcess.succeed(kiosk, ["enroll", "--data-dir", station, "--server", "http://127.0.0.1:\(port)"] + enrollment)
            try await StationPrices.addOperator(dataDir: station, kiosk: kiosk)
            try await ProgramProcess.succeed(kiosk, ["sync", "--data-dir", station])  // the catalogue
            let serve = try ProgramProcess(kiosk, ["serve", "--port", "0", "--data-dir", station])
            let stationPort = try await serve.listeningPort()

            let price = try #require(try await StationPrices.record(stationPort, avg: 410))
            try await county.publishNotices(2, prefix: "PREV")
            let round = try await ProgramProcess.succeed(kiosk, ["sync", "--data-dir", station])
            #expect(round.contains("pushed 1,"), "\(round)")
            #expect(try await StationPrices.recorded(port).contains(price))
            let notices = try await CountyUnderTest.noticeIDs(at: "http://127.0.0.1:\(stationPort)")
            #expect(notices.isSuperset(of: ["PREV-1", "PREV-2"]), "\(notices)")

            // A station of this release beside it: the county counts one of each.
            try await county.station(in: folder.file("current-\(layout)"), through: "http://127.0.0.1:\(port)")
            let byProtocol = try await ProgramProcess.succeed("syncserver", ["station", "list", "--by-protocol"] + county.storage)
            #expect(byProtocol.contains("protocol 1\t1 stations") && byProtocol.contains("protocol 2\t1 stations"), "\(byProtocol)")
            serve.signal(SIGTERM)
            #expect(await serve.exitStatus() == 0)
        }
        #expect(status == 0)
    }

    @Test func aStationOfThisReleaseKeepsSyncingWithACountyOfThePrevious() async throws {
        let syncserver = try await PreviousRelease.syncserver()
        let county = folder.file("previous-county")
        let (divisions, catalogue, notices) = (folder.file("divisions.json"), folder.file("catalogue.json"), folder.file("notices.json"))
        try CountyUnderTest.divisions.write(toFile: divisions, atomically: true, encoding: .utf8)
        try StationPrices.catalogue.write(toFile: catalogue, atomically: true, encoding: .utf8)
        try CountyUnderTest.notices(2, prefix: "OLDCOUNTY").write(toFile: notices, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed(syncserver, ["divisions", "import", "--data-dir", county, divisions])
        try await ProgramProcess.succeed(syncserver, ["prices", "catalogue", "--data-dir", county, catalogue])
        let added = try await ProgramProcess.succeed(syncserver, ["station", "add", "--data-dir", county, "--village", "441422107201", "--name", "站"])
        let server = try ProgramProcess(syncserver, ["serve", "--port", "0", "--data-dir", county])
        let port = try await server.listeningPort()

        let station = folder.file("current-station")
        try await ProgramProcess.succeed(
            "kiosk", ["enroll", "--data-dir", station, "--server", "http://127.0.0.1:\(port)"] + StationPrices.enrollment(in: added))
        try await StationPrices.addOperator(dataDir: station)
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])  // the catalogue
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let stationPort = try await kiosk.listeningPort()
        let price = try #require(try await StationPrices.record(stationPort, avg: 420))
        try await ProgramProcess.succeed(syncserver, ["notices", "publish", "--data-dir", county, notices])
        let round = try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        #expect(round.contains("pushed 1,"), "\(round)")
        #expect(try await StationPrices.recorded(port).contains(price))
        #expect(try await CountyUnderTest.noticeIDs(at: "http://127.0.0.1:\(stationPort)").isSuperset(of: ["OLDCOUNTY-1", "OLDCOUNTY-2"]))
        let idle = try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])  // no idle check there: a pull
        #expect(idle.contains("pushed 0, pulled 0"), "\(idle)")
        for process in [kiosk, server] {
            process.signal(SIGTERM)
            #expect(await process.exitStatus() == 0)
        }
    }
}
