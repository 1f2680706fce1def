import Crypto
import Foundation
@testable import Sync
import TestSupport
import Testing

@Suite struct ReplicaTests {
    let folder = try! TemporaryFolder()
    static let houNan = "441422107201"
    static let beiTang = "441422113203"

    func world() throws -> (county: Replica, station: Replica, link: InMemoryLink) {
        let county = try TestCollections.replica("county", in: folder, role: .county) { 1_790_000_000_000 }
        let station = try TestCollections.replica("station", in: folder, role: .station(village: Self.houNan)) {
            1_790_000_000_000
        }
        let peer = StationPeer(origin: station.origin, village: Self.houNan)
        return (county, station, InMemoryLink(county: county, station: peer))
    }

    /// A county on the hub's store and a station of 侯南村 on SQLite, for the length of `body`.
    func withWorld(_ hub: HubStore, _ body: (Replica, Replica, InMemoryLink) async throws -> Void) async throws {
        try await hub.withCounty(in: folder, wallTime: { 1_790_000_000_000 }) { county in
            let station = try TestCollections.replica("station", in: folder, role: .station(village: Self.houNan)) {
                1_790_000_000_000
            }
            try await body(county, station, InMemoryLink(county: county, station: StationPeer(origin: station.origin, village: Self.houNan)))
        }
    }

    @Test func captureCommitsOrVanishesWithItsData() async throws {
        let (_, station, _) = try world()
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await station.writing { db in
                try station.write(db, to: "test.observation", id: "o1", fields: ["village": "441422107201", "value": 5])
                throw Abort()
            }
        }
        #expect(try await station.held(TestCollections.observation, among: ["o1"]).isEmpty)
        #expect(try await station.loggedCount() == 0)
        let change = try await station.writing { db in
            try station.write(db, to: "test.observation", id: "o1", fields: ["village": "441422107201", "value": 5])
        }
        #expect(change?.sequence == 1)
        let again = try await station.writing { db in
            try station.write(db, to: "test.observation", id: "o1", fields: ["village": "441422107201", "value": 6])
        }
        #expect(again == nil)  // an append-only fact is inserted once
        #expect(try await station.loggedCount() == 1)
        #expect(try await station.value("value", of: "o1", in: TestCollections.observation) == 5)
    }

    @Test func aStationWritesOnlyItsVillagesRecordsAndNeverTheCountys() async throws {
        let (_, station, _) = try world()
        await #expect(throws: SyncError.self) {
            try await station.writing { db in
                try station.write(db, to: "test.bulletin", id: "b1", fields: ["title": "稻谷"])
            }
        }
        await #expect(throws: SyncError.notWritableHere("test.observation record belongs to \(Self.beiTang)")) {
            try await station.writing { db in
                try station.write(db, to: "test.observation", id: "o1", fields: ["village": .text(Self.beiTang), "value": 1])
            }
        }
    }

    @Test(arguments: HubStore.allCases) func recordsTravelBothWaysOnceEvenWhenBatchesRepeat(hub: HubStore) async throws {
        try await withWorld(hub) { county, station, link in
            try await station.writing { db in
                for index in 1...5 {
                    try station.write(db, to: "test.observation", id: "o\(index)", fields: ["village": .text(Self.houNan), "value": .integer(Int64(index))])
                }
            }
            try await county.writing { db in
                try county.write(db, to: "test.bulletin", id: "b1", fields: ["title": "稻谷", "price_fen": 312])
                try county.write(db, to: "test.contract", id: "c-other", fields: ["village": .text(Self.beiTang), "party": "李四"])
            }
            var repeating = link
            repeating.fault = { _ in .repeated }
            let report = try await SyncRound(station: station, transport: repeating, batchSize: 2).run()
            #expect(report.pushed == 5)
            #expect(try await county.held(TestCollections.observation, among: ["o1", "o2", "o3", "o4", "o5"]).count == 5)
            #expect(try await station.held(TestCollections.bulletin, among: ["b1"]) == ["b1"])
            #expect(try await station.held(TestCollections.contract, among: ["c-other"]).isEmpty)  // another village's
            let idle = try await SyncRound(station: station, transport: link).run()
            #expect(idle.exchanges == 1 && idle.pushed == 0 && idle.pulled == 0)
            #expect(try await station.status().pendingPush == 0)
        }
    }

    @Test func aPendingPushCarriesTheLogsTextAsTheChangesItHolds() async throws {
        let (_, station, _) = try world()
        try await station.writing { db in
            for index in 1...3 {
                try station.write(
                    db, to: "test.observation", id: "o\(index)", fields: ["village": .text(Self.houNan), "value": .integer(Int64(index))])
            }
        }
        let pending = try await station.pendingPush(limit: 2)
        let changes = try await station.pendingChanges(limit: 2)
        #expect(pending.sequences == [1, 2])
        #expect(try PushRequest(wireJSON: pending.wireJSON) == PushRequest(changes: changes))
        // The same bytes as encoding the decoded changes: the log's text is what the wire carries.
        #expect(pending.wireJSON == PushRequest(changes: changes).wireJSON())
        #expect(try await station.pendingPush(limit: 10).sequences == [1, 2, 3])
    }

    @Test(arguments: HubStore.allCases) func aLostReplyCostsOnlyTheBatchInFlight(hub: HubStore) async throws {
        try await withWorld(hub) { county, station, link in
            try await station.writing { db in
                for index in 1...4 {
                    try station.write(db, to: "test.observation", id: "o\(index)", fields: ["village": .text(Self.houNan), "value": 1])
                }
            }
            var cut = link
            cut.fault = { _ in .replyLost }
            await #expect(throws: InMemoryLink.Cut.self) { try await SyncRound(station: station, transport: cut, batchSize: 2).run() }
            #expect(try await station.status().pendingPush == 4)  // the county applied 2, the station does not know
            let report = try await SyncRound(station: station, transport: link, batchSize: 2).run()
            #expect(report.pushed == 4)
            #expect(try await county.held(TestCollections.observation, among: ["o1", "o2", "o3", "o4"]).count == 4)
            #expect(try await county.loggedCount() == 4)
        }
    }

    @Test(arguments: HubStore.allCases) func aFarFutureChangeIsQuarantinedAndStampedAgain(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: { 1_790_000_000_000 }) { county in
            let tenYears: Int64 = 10 * 365 * 86_400_000
            let station = try TestCollections.replica("station", in: folder, role: .station(village: Self.houNan)) {
                1_790_000_000_000 + tenYears
            }
            let link = InMemoryLink(county: county, station: StationPeer(origin: station.origin, village: Self.houNan))
            try await station.writing { db in
                try station.write(db, to: "test.observation", id: "early", fields: ["village": .text(Self.houNan), "value": 1])
            }
            let first = try await SyncRound(station: station, transport: link).run()
            #expect(first.quarantined == 1)
            #expect(try await county.status().quarantined == 1)
            #expect(try await station.status().quarantined == 1)  // the operator sees it too
            #expect(abs(try await station.status().clockOffsetMilliseconds + tenYears) < 1000)
            try await station.writing { db in
                try station.write(db, to: "test.observation", id: "later", fields: ["village": .text(Self.houNan), "value": 2])
            }
            _ = try await SyncRound(station: station, transport: link).run()
            // The refused change came back stamped by the corrected clock: its data is not lost, and no
            // stamp the county holds is in the future.
            #expect(try await county.held(TestCollections.observation, among: ["early", "later"]) == ["early", "later"])
            #expect(try await county.latestStamp().wallMilliseconds <= 1_790_000_000_000 + 1000)
            #expect(try await county.status().quarantined == 1)
        }
    }

    @Test(arguments: HubStore.allCases) func aConcurrentReviewWorthyEditYieldsOneConflictThatBothSidesResolve(hub: HubStore) async throws {
        try await withWorld(hub) { county, station, link in
            try await county.writing { db in
                try county.write(
                    db, to: "test.contract", id: "c1",
                    fields: ["village": .text(Self.houNan), "party": "张三", "amount_fen": 100_000, "note": "鱼塘"])
            }
            _ = try await SyncRound(station: station, transport: link).run()
            try await county.writing { db in
                try county.write(db, to: "test.contract", id: "c1", fields: ["amount_fen": 120_000, "note": "县里改"])
            }
            try await station.writing { db in
                try station.write(db, to: "test.contract", id: "c1", fields: ["amount_fen": 110_000, "note": "村里改"])
            }
            var repeating = link
            repeating.fault = { _ in .repeated }
            _ = try await SyncRound(station: station, transport: repeating).run()
            let conflicts = try await county.openConflicts()
            #expect(conflicts.count == 1)  // amount_fen is review-worthy; note is not
            let conflict = try #require(conflicts.first)
            #expect(conflict.field == "amount_fen")
            #expect(Set([conflict.keptValue, conflict.otherValue]) == [120_000, 110_000])
            #expect(try await station.openConflicts() == conflicts)
            let amounts = try await [county, station].asyncMap { replica in
                try await replica.value("amount_fen", of: "c1", in: TestCollections.contract)
            }
            #expect(amounts[0] == amounts[1])

            try await station.resolve(conflictID: conflict.id, choosing: 110_000, by: "报账员 刘", holding: ["operator"])
            _ = try await SyncRound(station: station, transport: link).run()
            #expect(try await county.openConflicts().isEmpty)
            #expect(try await station.openConflicts().isEmpty)
            #expect(try await county.value("amount_fen", of: "c1", in: TestCollections.contract) == 110_000)
            #expect(try await county.openConflicts().isEmpty)  // the resolution raised no new conflict
        }
    }

    @Test(arguments: HubStore.allCases) func aStationRefusesCountyOwnedRecordsThatAreNotTheCountysOrAltered(hub: HubStore) async throws {
        try await withWorld(hub) { county, station, link in
            try await county.writing { db in
                try county.write(db, to: "test.bulletin", id: "b1", fields: ["title": "稻谷", "price_fen": 312])
            }
            let genuine = try await county.changes(after: 0, for: link.station, limit: 10)
            let signed = try #require(genuine.changes.first)
            let altered = Change(
                origin: signed.origin, sequence: 2, timestamp: signed.timestamp, collection: signed.collection,
                recordID: "b2", scope: "", fields: ["title": "稻谷", "price_fen": 1], signature: signed.signature)
            let strangersKey = ChangeSignature(signingKey: Curve25519.Signing.PrivateKey())
            let forged = try strangersKey.sign(
                Change(
                    origin: signed.origin, sequence: 3, timestamp: signed.timestamp, collection: "test.bulletin",
                    recordID: "b3", scope: "", fields: ["title": "假价格"]))
            let unsigned = Change(
                origin: "someone-else", sequence: 1, timestamp: signed.timestamp, collection: "test.bulletin",
                recordID: "b4", scope: "", fields: ["title": "假价格"])
            try await station.accept(
                PullReply(
                    changes: [signed, altered, forged, unsigned], position: 9, more: false,
                    countyTime: 1_790_000_000_000, countyOrigin: county.origin))
            #expect(try await station.held(TestCollections.bulletin, among: ["b1", "b2", "b3", "b4"]) == ["b1"])
            #expect(try await station.status().quarantined == 3)
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

@Suite struct CompactJSONTests {
    @Test func readsBackAsTheSameValues() throws {
        let fields: [String: SyncValue] = [
            "name": "侯南村 \"新\"\n\\ \u{1}", "amount_fen": 120_000, "ratio": .real(0.25), "note": nil, "negative": -5,
        ]
        let text = CompactJSON.encode(fields)
        #expect(try JSONDecoder().decode([String: SyncValue].self, from: Data(text.utf8)) == fields)
        #expect(CompactJSON.encode(["b": 2, "a": 1]) == #"{"a":1,"b":2}"#)
        let bases = ["x": HybridTimestamp(rawValue: 42)]
        #expect(try JSONDecoder().decode([String: HybridTimestamp].self, from: Data(CompactJSON.encode(bases).utf8)) == bases)
    }
}
