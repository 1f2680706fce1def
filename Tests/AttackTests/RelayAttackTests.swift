import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import TestSupport
import Testing
import Synchronization

/// A relay on a plain-HTTP link rewrites what the county answers the real `kiosk`: the station
/// takes nothing from a reply the county did not sign for that very request — its acknowledged
/// changes, its position, its clock and its records stay as they were — and it pins the county's
/// key at enrollment only against the fingerprint the county printed.
@Suite(.serialized, .timeLimit(.minutes(30))) struct RelayAttackTests {
    let folder = try! TemporaryFolder()

    /// A county with its sample data, a relay in front of it, and 侯南村's station enrolled through
    /// the relay (honest then), synced once, with one price recorded and not yet pushed: its id.
    func stationBehindRelay() async throws -> (CountyUnderTest, RewritingRelay, station: String, price: String) {
        let county = try await CountyUnderTest.sample(in: folder)
        let relay = try await RewritingRelay.start(forwardingTo: county.port)
        let station = folder.file("station")
        try await county.station(in: station, through: relay.url)
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        relay.mode.withLock { $0 = .raiseAcknowledged }  // the background round is refused too
        let price = try #require(try await StationPrices.record(try await kiosk.listeningPort(), avg: 333))
        kiosk.signal(SIGTERM)
        _ = await kiosk.exitStatus()
        return (county, relay, station, price)
    }

    /// What the station's store says of its sync: acknowledged, pull position, epoch, county origin, offset.
    func syncState(_ station: String) throws -> [String: String] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: station + "/kiosk.sqlite", configuration: configuration).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM sync_state").map { ($0["key"], $0["value"]) })
        }
    }

    @Test(arguments: [
        RewritingRelay.Mode.raiseAcknowledged, .newEpochAndCursor, .anotherCountyOrigin, .extremeCountyTime, .injectUnsignedNotice,
    ])
    func aRewrittenReplyChangesNothingAtTheStation(_ mode: RewritingRelay.Mode) async throws {
        let (county, relay, station, price) = try await stationBehindRelay()
        let before = try syncState(station)
        relay.mode.withLock { $0 = mode }
        let round = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station])
        #expect(round.status == 1 && round.error.contains("not signed by the county"), "\(round.output) \(round.error)")
        // What the station keeps of the county's log and clock is as before; no acknowledgement beyond what it pushed.
        let after = try syncState(station)
        for key in ["pull_position", "county_epoch", "county_origin"] {
            #expect(after[key] == before[key], "\(key): \(before[key] ?? "nil") → \(after[key] ?? "nil")")
        }
        // The clock follows the county's honest replies (a push may have gone through), never a forged one.
        #expect(abs(Int64(after["clock_offset"] ?? "0") ?? .max) < 86_400_000, "clock offset \(after["clock_offset"] ?? "")")
        #expect(Int64(after["acknowledged"] ?? "0") ?? 0 <= 1_000, "acknowledged \(after["acknowledged"] ?? "")")
        // Honest again, the price the station held reaches the county, and no forged notice is held.
        relay.mode.withLock { $0 = .honest }
        let honest = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station])
        #expect(honest.status == 0, "\(honest.output) \(honest.error)")
        #expect(try await StationPrices.recorded(county.port).contains(price))
        var configuration = Configuration()
        configuration.readonly = true
        let forged = try await DatabaseQueue(path: station + "/kiosk.sqlite", configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notice WHERE id = 'FORGED'")
        }
        #expect(forged == 0)
        relay.stop()
        #expect(await county.stop() == 0)
    }

    @Test func enrollmentOverPlainHTTPPinsOnlyTheKeyWhoseFingerprintTheCountyPrinted() async throws {
        let county = try await CountyUnderTest.sample(in: folder)
        let relay = try await RewritingRelay.start(forwardingTo: county.port)
        relay.mode.withLock { $0 = .swapCountyKey }
        let (enrollment, _) = try await county.newStation()
        let swapped = try await ProgramProcess.run(
            "kiosk", ["enroll", "--data-dir", folder.file("station"), "--server", relay.url] + enrollment)
        #expect(swapped.status == 1 && swapped.error.contains("fingerprint"), "\(swapped.error)")
        let (blind, _) = try await county.newStation()
        let unpinned = try await ProgramProcess.run(
            "kiosk", ["enroll", "--data-dir", folder.file("other"), "--server", relay.url] + blind.prefix(2))
        #expect(unpinned.status != 0 && unpinned.error.contains("--county-fingerprint"), "\(unpinned.error)")
        relay.stop()
        #expect(await county.stop() == 0)
    }

    /// Whatever a store says of the county's clock — one edited by hand, or written before replies
    /// were signed — the kiosk starts and records, even with no county to set it right.
    @Test func anExtremeClockOffsetInTheStoreCrashesNoStart() async throws {
        let county = try await CountyUnderTest.sample(in: folder)
        let station = folder.file("station")
        try await county.station(in: station)
        try await DatabaseQueue(path: station + "/kiosk.sqlite").write { db in
            try db.execute(sql: "UPDATE sync_state SET value = ? WHERE key = 'clock_offset'", arguments: [String(Int64.max)])
        }
        #expect(await county.stop() == 0)
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let recorded = try await StationPrices.record(try await kiosk.listeningPort(), avg: 250)
        #expect(recorded != nil)
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
    }
}
