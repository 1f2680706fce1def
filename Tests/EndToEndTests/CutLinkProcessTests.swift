import Foundation
import SlowLink
import TestSupport
import Testing

/// A station on a link that a relay cuts in the middle of exchanges, on kept-alive connections, at
/// seeded points: the real `syncserver serve` and `kiosk sync` processes through the slow-link
/// emulator. Every round the link cuts fails because it was cut — never because a request waited
/// for a body or an answer that could not come — and the next round goes on from there; in the
/// end the county holds every change of the station once, and the station every notice. Against a
/// county of one process, and a hub of two processes on one PostgreSQL behind a balancer.
@Suite(.timeLimit(.minutes(30))) struct CutLinkProcessTests {
    let folder = try! TemporaryFolder()

    /// EDGE-like, every connection cut after 2.5 to 9 KB both ways: a few exchanges each.
    static let cutting = LinkProfile(
        name: "cutting", kilobitsPerSecond: 2_000, latencyMilliseconds: 20, cutAfterBytes: 2_500...9_000, seed: 20_261_205)
    static let open = LinkProfile(name: "open", kilobitsPerSecond: 100_000, latencyMilliseconds: 0)
    static let down = LinkProfile(
        name: "down", kilobitsPerSecond: 100_000, latencyMilliseconds: 0, flapping: .init(up: 0, down: 3_600))

    /// Runs `kiosk sync` until a round completes; every failed round must have been cut.
    func syncThroughCuts(_ station: String, attempts: Int = 300) async throws -> (failed: Int, seconds: [Double]) {
        var seconds: [Double] = []
        for _ in 1...attempts {
            let started = Date()
            let round = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station, "--batch-size", "5"])
            if round.status == 0 { return (seconds.count, seconds) }
            seconds.append(Date().timeIntervalSince(started))
            #expect(round.error.contains("the link was cut"), "a round failed otherwise than by the cut: \(round.error)")
            if !round.error.contains("the link was cut") { break }
        }
        throw ProgramFailure(message: "no round completed in \(attempts) attempts")
    }

    @Test(.serialized, arguments: HubLayout.allCases) func cutsInTheMiddleOfPushesAndPullsCostTheRoundNotAWait(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in try await syncThroughACuttingRelay(county, port) }
        #expect(status == 0)
    }

    func syncThroughACuttingRelay(_ county: CountyUnderTest, _ countyPort: Int) async throws {
        let relay = try await SlowLink.start(forwardingTo: countyPort, profile: Self.open)
        let (enrollment, _) = try await county.newStation()
        let station = folder.file("station")
        try await county.enroll(station, enrollment, server: "http://127.0.0.1:\(relay.port)")
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])

        // Prices recorded at the station while its link is down, so that they are all still to push.
        relay.change(to: Self.down)
        try await StationPrices.addOperator(dataDir: station)
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let kioskPort = try await kiosk.listeningPort()
        var recorded: Set<String> = []
        for number in 0..<150 {
            recorded.insert(try #require(try await StationPrices.record(kioskPort, avg: 300 + number)))
        }
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)

        // Pushes through the cuts.
        relay.change(to: Self.cutting)
        let pushing = try await syncThroughCuts(station)
        let held = try await StationPrices.recorded(countyPort)
        #expect(held.count == recorded.count && Set(held) == recorded, "every price once: \(held.count) held of \(recorded.count)")

        // Pulls through the cuts: notices the county published from the command line meanwhile.
        try await county.publishNotices(100, prefix: "CUT")
        let cutsBefore = relay.connections.cut
        let pulling = try await syncThroughCuts(station)
        #expect(relay.connections.cut > cutsBefore)
        print("cut link: \(pushing.failed) pushing and \(pulling.failed) pulling rounds cut (\(relay.connections.cut) cuts); "
            + "failed rounds took \((pushing.seconds + pulling.seconds).map { String(format: "%.1f", $0) }.joined(separator: ", ")) s")
        #expect(pushing.failed >= 3 && pulling.failed >= 3, "the link cut too rarely to show anything")

        relay.change(to: Self.down)
        let reader = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let notices = try await CountyUnderTest.noticeIDs(at: "http://127.0.0.1:\(try await reader.listeningPort())")
        #expect(notices.filter { $0.hasPrefix("CUT-") }.count == 100)
        reader.signal(SIGTERM)
        _ = await reader.exitStatus()
        try await relay.stop()
    }
}
