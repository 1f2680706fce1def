import Foundation
@testable import Sync
import TestSupport
import Testing

/// A push is taken in one transaction: its records read together before its changes are taken,
/// its new facts and its log rows held back and written a statement a table (on PostgreSQL). What
/// each change comes to is still its own.
@Suite struct PushBatchTests {
    let folder = try! TemporaryFolder(inMemory: true)
    static let houNan = "441422107201"
    static let beiTang = "441422113203"
    static let wallTime: @Sendable () -> Int64 = { 1_790_000_000_000 }

    static func fact(_ station: StationPeer, _ sequence: Int64, id: String, value: Int64?) -> Change {
        var fields: [String: SyncValue] = ["village": .text(station.village)]
        if let value { fields["value"] = .integer(value) }
        return Change(
            origin: station.origin, sequence: sequence, timestamp: HybridTimestamp(wallMilliseconds: 1_789_999_000_000, counter: sequence),
            collection: TestCollections.observation.name, recordID: id, scope: station.village, fields: fields)
    }

    /// A push of ten facts: one its table refuses among the rows written with it, one a fact the
    /// push itself wrote before, one another village's. The refused one and the other village's are
    /// quarantined alone; every other change is logged once, in the push's order, and a fact is
    /// held once with its first value.
    @Test(arguments: HubStore.allCases) func aRowRefusedAmongRowsWrittenTogetherIsQuarantinedAlone(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.wallTime) { county in
            let houNan = StationPeer(origin: "s-hounan", village: Self.houNan)
            let beiTang = StationPeer(origin: "s-beitang", village: Self.beiTang)
            _ = try await county.receive(PushRequest(changes: [Self.fact(beiTang, 1, id: "o-bt", value: 1)]), from: beiTang)

            var changes = (1...10).map { Self.fact(houNan, Int64($0), id: "o\($0)", value: Int64($0)) }
            changes[5] = Self.fact(houNan, 6, id: "o6", value: nil)  // no value: its table's NOT NULL refuses it
            changes[7] = Self.fact(houNan, 8, id: "o3", value: 99)  // a fact this push wrote already
            changes[8] = Self.fact(houNan, 9, id: "o-bt", value: 5)  // 北塘村's
            let reply = try await county.receive(PushRequest(changes: changes), from: houNan)

            #expect(reply.acknowledged == 10)
            #expect(reply.quarantined.map(\.sequence) == [6, 9])
            #expect(reply.quarantined.first?.reason.contains("failed in the store") == true)
            #expect(reply.quarantined.last?.reason.contains("belongs to \(Self.beiTang)") == true)
            let ids = (1...10).map { "o\($0)" } + ["o-bt"]
            #expect(try await county.held(TestCollections.observation, among: ids) == ["o1", "o2", "o3", "o4", "o5", "o7", "o10", "o-bt"])

            let neighbour = StationPeer(origin: "s-hounan-2", village: Self.houNan)
            let pulled = try await county.changes(after: 0, for: neighbour, limit: 100).changes.filter { $0.origin == houNan.origin }
            #expect(pulled.map(\.sequence) == [1, 2, 3, 4, 5, 7, 8, 10])
            #expect(pulled.first { $0.sequence == 8 }?.fields["value"] == .integer(99))  // logged as sent, not held again
            #expect(try await county.value("value", of: "o3", in: TestCollections.observation) == .integer(3))
        }
    }

    /// The records a push reads together are those it names, and what it wrote before is held: a
    /// second push naming the first one's facts writes none of them again.
    @Test(arguments: HubStore.allCases) func aFactHeldBeforeThePushIsNotWrittenAgain(hub: HubStore) async throws {
        try await hub.withCounty(in: folder, wallTime: Self.wallTime) { county in
            let houNan = StationPeer(origin: "s-hounan", village: Self.houNan)
            let first = (1...3).map { Self.fact(houNan, Int64($0), id: "o\($0)", value: Int64($0)) }
            _ = try await county.receive(PushRequest(changes: first), from: houNan)
            let again = (4...6).map { Self.fact(houNan, Int64($0), id: "o\($0 - 3)", value: 50) } + [Self.fact(houNan, 7, id: "o7", value: 7)]
            let reply = try await county.receive(PushRequest(changes: again), from: houNan)
            #expect(reply.acknowledged == 7 && reply.quarantined.isEmpty)
            #expect(try await county.value("value", of: "o1", in: TestCollections.observation) == .integer(1))
            #expect(try await county.held(TestCollections.observation, among: ["o1", "o2", "o3", "o7"]).count == 4)
            #expect(try await county.loggedCount() == 7)
        }
    }
}
