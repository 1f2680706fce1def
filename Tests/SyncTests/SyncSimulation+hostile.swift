import SyncSQLite
import Foundation
import Sync
import Storage

extension SyncSimulation {
    /// A station of a village of its own whose operator has root on it: it pushes forged and
    /// malformed changes among honest ones of its own, straight to the county, signed as itself.
    static let hostileVillage = "441422199999"
    static let hostileOrigin = "hostile-kiosk"

    /// One push of the hostile station: a few forged changes, each of one kind of attack, some with
    /// an honest observation of its own village after it.
    func hostilePushes() async throws {
        let victim = random.pick(Self.villages)
        var changes: [Change] = []
        for _ in 0..<random.int(1...3) {
            hostileSequence += 1
            changes.append(forgedChange(random.int(0...8), against: victim, sequence: hostileSequence))
            forged.insert(hostileSequence)
            if random.chance(0.5) {
                hostileSequence += 1
                nextID += 1
                let id = "hostile-obs-\(nextID)"
                changes.append(hostileChange(hostileSequence, "test.observation", id: id, ["village": .text(Self.hostileVillage), "value": 1]))
                hostileHonest.insert(id)
            }
        }
        _ = try await county.receive(
            PushRequest(changes: changes), from: StationPeer(origin: Self.hostileOrigin, village: Self.hostileVillage))
    }

    func hostileChange(
        _ sequence: Int64, _ collection: String, id: String, scope: String = hostileVillage, _ fields: [String: SyncValue],
        aheadBy milliseconds: Int64 = 0
    ) -> Change {
        Change(
            origin: Self.hostileOrigin, sequence: sequence,
            timestamp: HybridTimestamp(wallMilliseconds: time.milliseconds + milliseconds, counter: 0), collection: collection,
            recordID: id, scope: scope, fields: fields)
    }

    /// A change no honest station would send: each kind breaks another of the county's checks.
    func forgedChange(_ kind: Int, against victim: String, sequence: Int64) -> Change {
        let own = SyncValue.text(Self.hostileVillage)
        let contract = "contract-\(victim)-\(random.int(0...2))"
        return switch kind {
        case 0: hostileChange(sequence, "test.contract", id: contract, ["village": own, "party": "冒名"])  // takes over by id
        case 1: hostileChange(sequence, "test.contract", id: contract, scope: victim, ["party": "冒名"])  // writes another's scope
        case 2: hostileChange(sequence, "test.bulletin", id: "bulletin-0", scope: "", ["title": "假", "price_fen": 1])  // the county's
        case 3: hostileChange(sequence, "test.unknown", id: "x", ["village": own])
        case 4: hostileChange(sequence, "test.observation", id: "forged-\(sequence)", ["village": own, "valu": 5])  // a name wrong
        case 5: hostileChange(sequence, "test.observation", id: "forged-\(sequence)", ["village": own, "value": -5])  // breaks a rule
        case 6: hostileChange(sequence, "test.observation", id: "forged-\(sequence)", ["village": own, "value": 5], aheadBy: Self.tenYears)
        case 7: hostileChange(sequence, "test.observation", id: "forged-\(sequence)", ["village": own])  // fails in the store
        default: hostileChange(sequence, "test.contract", id: "contract-\(Self.hostileVillage)-0", ["village": .text(victim)])  // moves its own away
        }
    }

    /// What must hold of the hostile station: every forged change quarantined, nothing else of
    /// anyone's, and every honest observation of its own at the county.
    func hostileFailures() async throws -> [String] {
        let quarantined = Set(
            try await rows(county, "SELECT sequence FROM sync_quarantine WHERE origin = $1", Self.hostileOrigin).compactMap { Int64(Self.text($0)) })
        let others = Int(Self.text(try await rows(county, "SELECT COUNT(*) FROM sync_quarantine WHERE origin <> $1", Self.hostileOrigin).first ?? [])) ?? 0
        let held = Set(try await rows(county, "SELECT id FROM observation WHERE village = $1", Self.hostileVillage).map(Self.text))
        var failures: [String] = []
        if quarantined != forged {
            failures.append(
                "forged changes \(forged.subtracting(quarantined).sorted()) not quarantined; \(quarantined.subtracting(forged).sorted()) honest ones quarantined")
        }
        if others != 0 { failures.append("the county quarantined \(others) changes of honest stations") }
        if held != hostileHonest { failures.append("the hostile station's honest observations: \(held.count) held of \(hostileHonest.count)") }
        return failures
    }
}
