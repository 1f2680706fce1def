import Foundation
import TestSupport
import Testing

/// A station of the previous release — its `kiosk` built from the commit the fixture names, speaking
/// the previous sync protocol — enrolls with this release's hub and keeps syncing both ways: its
/// price reaches the county, the county's notices reach it, and the county lists it under its
/// version. Against a county of one process, and a hub of two on one PostgreSQL database.
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
}
