import SyncSQLite
import Foundation
import GRDB
import Sync
import Storage

extension SyncSimulation {
    /// Every property that must hold once the links have healed; an empty list when all do.
    func check() async throws -> [String] {
        var failures: [String] = []
        for (index, station) in stations.enumerated() {
            let village = Self.villages[index]
            for (name, sql) in Self.scopedQueries {
                let here = try await rows(station, sql, village)
                let there = try await rows(county, sql, village)
                if here != there { failures.append("station \(index) \(name) differs from the county's") }
            }
            let foreign = try await station.sqliteStore.pool.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT COUNT(*) FROM observation WHERE village <> ?1) + (SELECT COUNT(*) FROM contract WHERE village <> ?1)",
                    arguments: [village]) ?? 0
            }
            if foreign > 0 { failures.append("station \(index) holds \(foreign) records of other villages") }
            let held = Set(try await county.sqliteStore.pool.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM observation WHERE village = ?", arguments: [village])
            })
            if held != written[village, default: []] {
                failures.append("station \(index): county holds \(held.count) observations, \(written[village, default: []].count) were written")
            }
            let status = try await station.status()
            if status.pendingPush != 0 { failures.append("station \(index) still has \(status.pendingPush) changes to push") }
        }
        failures += try await hostileFailures()
        let expected = try await expectedConflicts()
        let recorded = Set(try await county.sqliteStore.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM sync_conflict") })
        if recorded != expected {
            failures.append("conflicts recorded \(recorded.sorted()) but concurrent edits were \(expected.sorted())")
        }
        return failures
    }

    /// Counts that show what a schedule exercised.
    func summary() async throws -> String {
        try await county.sqliteStore.pool.read { db in
            let counts = try ["observation", "contract", "bulletin", "sync_conflict", "sync_resolution", "sync_change", "sync_quarantine"].map {
                "\($0)=\(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0)"
            }
            return counts.joined(separator: " ")
        }
    }

    static let scopedQueries = [
        ("observations", "SELECT id, village, value FROM observation WHERE village = ?1 ORDER BY id"),
        ("contracts", "SELECT id, village, party, amount_fen, note FROM contract WHERE village = ?1 ORDER BY id"),
        ("bulletins", "SELECT id, title, price_fen FROM bulletin WHERE ?1 IS NOT NULL ORDER BY id"),
        ("conflicts", "SELECT * FROM sync_conflict WHERE scope = ?1 ORDER BY id"),
        ("resolutions", "SELECT * FROM sync_resolution WHERE scope = ?1 ORDER BY id"),
    ]

    func rows(_ replica: Replica, _ sql: String, _ village: String) async throws -> [[String]] {
        try await replica.sqliteStore.pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: [village]).map { row in
                row.databaseValues.map(\.description)
            }
        }
    }

    /// The concurrent review-worthy edits, found by replaying the county's log in the order the
    /// county applied it, independently of the engine's incremental bookkeeping: a station's change
    /// to a field whose writer had not seen the value the county held, with a different value.
    func expectedConflicts() async throws -> Set<String> {
        // Read into Sendable values: the async read, which holds up no thread of the concurrency pool.
        let changes = try await county.sqliteStore.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_change WHERE collection = 'test.contract' ORDER BY position").map {
                row -> (origin: String, stamp: Int64, sequence: Int64, recordID: String, fields: String, bases: String) in
                (row["origin"], row["timestamp"], row["sequence"], row["record_id"], row["fields"], row["bases"])
            }
        }
        var held: [String: (stamp: Int64, origin: String, value: String)] = [:]
        var expected = Set<String>()
        for (origin, stamp, sequence, recordID, fieldsText, basesText) in changes {
            let fields = try JSONSerialization.jsonObject(with: Data(fieldsText.utf8)) as? [String: Any] ?? [:]
            let bases = try JSONSerialization.jsonObject(with: Data(basesText.utf8)) as? [String: Int64] ?? [:]
            for (field, value) in fields {
                let key = "\(recordID)/\(field)"
                let text = "\(value)"
                if let current = held[key], origin != county.origin, ["party", "amount_fen"].contains(field),
                    bases[field] != current.stamp, current.value != text
                {
                    expected.insert("\(origin):\(sequence):\(field)")
                }
                if held[key].map({ (stamp, origin) > ($0.stamp, $0.origin) }) ?? true {
                    held[key] = (stamp, origin, text)
                }
            }
        }
        return expected
    }
}
