import Foundation
@testable import Sync
import TestSupport
import Testing

/// The versions a hub accepts, as it states them to its stations and as a station tells its
/// operator of a coming end of its release's protocol (DESIGN §2.8).
@Suite struct ProtocolSupportTests {
    let folder = try! TemporaryFolder()

    @Test func aSettingNamesTheOldestVersionOrARaiseOnADay() {
        #expect(ProtocolSupport(setting: "1") == ProtocolSupport(oldest: 1))
        #expect(ProtocolSupport(setting: "2") == ProtocolSupport(oldest: 2))
        let raise = ProtocolSupport(setting: "2 from 2027-06-30")
        #expect(raise == ProtocolSupport(oldest: SyncProtocol.previous, raising: .init(to: 2, on: "2027-06-30")))
        for wrong in ["", "0", "3", "two", "2 from", "2 from 2027-13-01", "2 after 2027-06-30", "2 from 2027-6-30"] {
            #expect(ProtocolSupport(setting: wrong) == nil, "\(wrong)")
        }
    }

    @Test func theOldestRisesOnItsDayAndAStationBehindKnowsItsLastDayAhead() throws {
        let support = try #require(ProtocolSupport(setting: "2 from 2027-06-30"))
        #expect(support.oldest(on: "2027-06-29") == 1 && support.oldest(on: "2027-06-30") == 2)
        #expect(support.acceptedUntil(version: 1) == "2027-06-29")
        #expect(support.acceptedUntil(version: 2) == nil)
        #expect(ProtocolSupport(oldest: 2).acceptedUntil(version: 1) == "")
        #expect(ProtocolSupport.today(try Date("2026-12-31T16:30:00Z", strategy: .iso8601)) == "2027-01-01")  // Beijing's day
    }

    @Test func aPullStatesItOnTheWireAndAStationOfThisReleaseWarnsFromIt() async throws {
        let support = ProtocolSupport(oldest: 2, current: 3, raising: .init(to: 3, on: "2027-03-01"))
        let reply = PullReply(changes: [], position: 5, more: false, countyTime: 1_790_000_000_000, countyOrigin: "county", support: support)
        #expect(try PullReply(wireJSON: reply.wireJSON()) == reply)
        #expect(try JSONDecoder().decode(PullReply.self, from: reply.wireJSON()) == reply)
        #expect(try PullReply(wireJSON: reply.stating(nil).wireJSON()).support == nil)
        #expect(!String(decoding: reply.stating(nil).wireJSON(), as: UTF8.self).contains("protocol"))

        let station = try TestCollections.replica("station", in: folder, role: .station(village: "441422107201")) { 1_790_000_000_000 }
        #expect(try await station.status().upgradeBy == nil)
        try await station.accept(reply)
        #expect(try await station.status().upgradeBy == "2027-02-28")  // this release speaks 2: the raise to 3 leaves it behind
        try await station.accept(reply.stating(ProtocolSupport(oldest: 1, current: 2)))
        #expect(try await station.status().upgradeBy == nil)
    }
}
