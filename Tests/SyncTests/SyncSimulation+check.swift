import Foundation
import StoreInterface
import Sync
import TestSupport

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
            let foreign = try await rows(
                station, "SELECT (SELECT COUNT(*) FROM observation WHERE village <> $1) + (SELECT COUNT(*) FROM contract WHERE village <> $1)",
                village)
            if foreign != [[.integer(0)]] { failures.append("station \(index) holds \(foreign) records of other villages") }
            let held = Set(try await rows(county, "SELECT id FROM observation WHERE village = $1", village).map(Self.text))
            if held != written[village, default: []] {
                failures.append("station \(index): county holds \(held.count) observations, \(written[village, default: []].count) were written")
            }
            let status = try await station.status()
            if status.pendingPush != 0 { failures.append("station \(index) still has \(status.pendingPush) changes to push") }
        }
        failures += try await hostileFailures()
        // Verification found what the scoped queries above would: a mend here is a divergence the
        // protocol let through, or a verification that mistakes equal data for different.
        if mended > 0 { failures.append("the stations' verifications mended \(mended) records, though no store was damaged") }
        let expected = try await expectedConflicts()
        let recorded = Set(try await rows(county, "SELECT id FROM sync_conflict").map(Self.text))
        if recorded != expected {
            failures.append("conflicts recorded \(recorded.sorted()) but concurrent edits were \(expected.sorted())")
        }
        return failures
    }

    /// Counts that show what a schedule exercised.
    func summary() async throws -> String {
        var counts: [String] = []
        for table in ["observation", "contract", "bulletin", "sync_conflict", "sync_resolution", "sync_change", "sync_quarantine"] {
            counts.append("\(table)=\(Self.text(try await rows(county, "SELECT COUNT(*) FROM \(table)").first ?? []))")
        }
        counts.append("snapshots=\(fromSnapshots)")
        return counts.joined(separator: " ")
    }

    /// What a station and the county must hold alike of the station's scope, in SQL both stores read.
    static let scopedQueries = [
        ("observations", "SELECT id, village, value FROM observation WHERE village = $1 ORDER BY id"),
        ("contracts", "SELECT id, village, party, amount_fen, note FROM contract WHERE village = $1 ORDER BY id"),
        ("bulletins", "SELECT id, title, price_fen FROM bulletin WHERE id <> $1 ORDER BY id"),
        ("conflicts", "SELECT * FROM sync_conflict WHERE scope = $1 ORDER BY id"),
        ("resolutions", "SELECT * FROM sync_resolution WHERE scope = $1 ORDER BY id"),
    ]

    /// The rows a query answers in a replica's store, whichever store it is.
    func rows(_ replica: Replica, _ sql: String, _ arguments: String...) async throws -> [[SyncValue]] {
        let arguments = arguments.map(SyncValue.text)
        return try await replica.store.reading { transaction in try StoredRows.select(sql, arguments, transaction) }
    }

    /// A one-column row's value as text.
    static func text(_ row: [SyncValue]) -> String {
        switch row.first {
        case .text(let text)?: text
        case .integer(let number)?: String(number)
        default: ""
        }
    }

    /// The county's contract changes, each with its position first.
    static let contractChanges =
        "SELECT position, origin, timestamp, sequence, record_id, fields, bases FROM sync_change WHERE collection = 'test.contract'"

    /// The concurrent review-worthy edits, found by replaying the county's log in the order the
    /// county applied it, independently of the engine's incremental bookkeeping: a station's change
    /// to a field whose writer had not seen the value the county held, with a different value.
    func expectedConflicts() async throws -> Set<String> {
        // Read into Sendable values: the async read, which holds up no thread of the concurrency pool.
        // With what compactions removed, as the log held it before each.
        var logged = contractChanges
        for row in try await rows(county, "\(Self.contractChanges) ORDER BY position") {
            if case .integer(let position)? = row.first { logged[position] = row }
        }
        let changes = logged.sorted { $0.key < $1.key }.map { _, row -> (origin: String, stamp: Int64, sequence: Int64, recordID: String, fields: String, bases: String) in
            let values = row.dropFirst().map { Self.text([$0]) }
            return (values[0], Int64(values[1]) ?? 0, Int64(values[2]) ?? 0, values[3], values[4], values[5])
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
