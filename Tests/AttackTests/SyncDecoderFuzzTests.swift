import SyncSQLite
import DemoData
import Foundation
import GRDB
import KioskService
import ServiceRuntime
import Storage
import Sync
import SyncHTTP
import SyncServerService
import TestSupport
import Testing

/// Real batches of every domain — the county's log as a station pulls it, and the same records
/// pushed back as a station's — with their field names, value kinds, numbers, ids, scopes,
/// sequences and stamps mutated, seeded: the county receives each mutated push and a station
/// accepts each mutated pull without a crash, each ends applied, quarantined or refused by name,
/// and both stores stay whole: with the county on SQLite, and on PostgreSQL.
@Suite(.timeLimit(.minutes(30))) struct SyncDecoderFuzzTests {
    static let houNan = "441422107201"
    let folder = try! TemporaryFolder(inMemory: true)

    /// A county with the demo's data on `countyStore`, and a station of 侯南村 known to it, in this process.
    func world(_ settings: ServiceSettings, _ countyStore: ProgramStore) async throws -> (county: Replica, station: Replica, peer: StationPeer) {
        let county = try SyncServerProgram.assemble(settings: settings, store: countyStore, webRoot: nil)
        try await DemoSeeder.seedCounty(county.replica, priceDays: 2, bookMonths: 2)
        let stationStore = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: folder.file("station"))
        let station = try Replica(
            store: stationStore, role: .station(village: Self.houNan), collections: KioskProgram.collections,
            signature: county.replica.signature?.verifier, countyOrigin: county.replica.origin)
        return (county.replica, station, StationPeer(origin: station.origin, village: Self.houNan))
    }

    @Test(arguments: HubStore.allCases) func mutatedPushesAndPullsCrashNothingAndLeaveBothStoresWhole(hub: HubStore) async throws {
        try await hub.withProgramStore(SyncServerProgram.self, in: folder.file("county")) { settings, store in
            try await fuzz(try await world(settings, store), countyOnSQLite: hub == .sqlite)
        }
    }

    func fuzz(_ world: (county: Replica, station: Replica, peer: StationPeer), countyOnSQLite: Bool) async throws {
        let (county, station, peer) = world
        let log = try await county.changes(after: 0, for: peer, limit: 1_000).changes
        #expect(log.count > 100)
        var random = SeededRandom(seed: 20_261_205)
        var sequence: Int64 = 0
        var outcomes = (applied: 0, quarantined: 0, refused: 0)
        for round in 0..<1_500 {
            var batch: [Change] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let mutated = Self.mutated(log.randomElement(using: &random)!, &random)
                if round % 2 == 0 {
                    sequence += 1
                    batch.append(Self.relabel(mutated, origin: peer.origin, sequence: sequence, &random))
                } else {
                    batch.append(mutated)
                }
            }
            do {
                // Through the wire's own writer and reader, as the bytes would travel.
                batch = try PushRequest(wireJSON: PushRequest(changes: batch).wireJSON()).changes
                if round % 2 == 0 {
                    let reply = try await county.receive(PushRequest(changes: batch), from: peer)
                    outcomes.quarantined += reply.quarantined.count
                    outcomes.applied += batch.count - reply.quarantined.count
                    sequence = max(reply.acknowledged, sequence - Int64(batch.count))  // a gap is sent again from the acknowledgement
                } else {
                    try await station.accept(
                        PullReply(changes: batch, position: Int64(round), more: false, countyTime: 1_795_000_000_000, countyOrigin: county.origin))
                    outcomes.applied += batch.count
                }
            } catch is SyncError {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.quarantined > 500, "\(outcomes)")
        for replica in [county, station] {
            #expect(try await replica.logProblems() == [])
            if replica === county && !countyOnSQLite { continue }  // PostgreSQL's pages are pg_amcheck's
            let damage = try await replica.sqliteStore.pool.read { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
            }
            #expect(damage.0 == ["ok"] && damage.1 == 0)
        }
        // And the county still answers an honest station.
        #expect(try await county.changes(after: 0, for: peer, limit: 10).changes.count == 10)
    }

    static let names = ["village_code", "amount_fen", "lines", "trace_code", "kind", "retracts", "corrects", "status", "x", "", "村"]
    static let numbers: [Int64] = [.max, .min, -1, 0, 1 << 53, 999_999_999_999_999]

    /// One change with one of its parts mutated.
    static func mutated(_ change: Change, _ random: inout SeededRandom) -> Change {
        var fields = change.fields
        var (collection, recordID, scope) = (change.collection, change.recordID, change.scope)
        var timestamp = change.timestamp
        let field = fields.keys.sorted().randomElement(using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0:  // a field renamed
            if let field, let value = fields.removeValue(forKey: field) { fields[names.randomElement(using: &random)! + (Bool.random(using: &random) ? "" : "_")] = value }
        case 1:  // a value of another kind
            if let field {
                fields[field] = [.text("12"), .integer(7), .real(1e308), .null, .text(String(repeating: "长", count: 5_000))]
                    .randomElement(using: &random)!
            }
        case 2:  // a number at an extreme
            if let field { fields[field] = .integer(numbers.randomElement(using: &random)!) }
        case 3:  // a field dropped, or one added
            if let field, Bool.random(using: &random) { fields[field] = nil } else { fields["unknown"] = .integer(1) }
        case 4: collection = ["ledger.voucher", "trace.lot", "prices.observation", "sync.conflict", "nope", ""].randomElement(using: &random)!
        case 5: recordID = ["", String(repeating: "r", count: 10_000), "441422107201:113001", "../x"].randomElement(using: &random)!
        case 6: scope = ["", "441422113203", "garbage", String(repeating: "9", count: 500)].randomElement(using: &random)!
        case 7: timestamp = HybridTimestamp(rawValue: numbers.randomElement(using: &random)!)
        case 8:  // a NUL character in a text, an id or a name, which no store's text may hold
            switch (field, Int.random(in: 0..<3, using: &random)) {
            case (let field?, 0): if case .text(let text) = fields[field] { fields[field] = .text(text + "\u{0}") }
            case (let field?, 1): fields["\(field)\u{0}"] = fields.removeValue(forKey: field)
            default: recordID += "\u{0}"
            }
        default: if let field, case .text(let text) = fields[field] { fields[field] = .text(String(text.reversed())) }
        }
        return Change(
            origin: change.origin, sequence: change.sequence, timestamp: timestamp, collection: collection, recordID: recordID,
            scope: scope, fields: fields, bases: change.bases, signature: change.signature)
    }

    /// A county change pushed back as a station's own: its origin and sequence, sometimes one out of order.
    static func relabel(_ change: Change, origin: String, sequence: Int64, _ random: inout SeededRandom) -> Change {
        let numbered = Int.random(in: 0..<20, using: &random) == 0 ? numbers.randomElement(using: &random)! : sequence
        return Change(
            origin: origin, sequence: numbered, timestamp: change.timestamp, collection: change.collection, recordID: change.recordID,
            scope: change.scope, fields: change.fields, bases: change.bases, signature: nil)
    }
}
