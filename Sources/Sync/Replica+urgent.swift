import Foundation
import GRDB
import Storage

extension Replica {
    /// How many urgent changes a pull reply carries ahead of its batch.
    static let urgentAhead = 20

    /// Whether a change belongs to the urgent lane: a county record whose collection's urgent
    /// field is set.
    func isUrgent(_ change: Change) -> Bool {
        guard let field = collections[change.collection]?.urgentField, case .integer(let value) = change.fields[field] else {
            return false
        }
        return value != 0
    }

    // MARK: At the county

    /// Answers a station's pull: first records which urgent changes it now holds (those it names,
    /// and those its position covers), then the next batch with urgent changes beyond it ahead.
    public func serve(_ request: PullRequest, for station: StationPeer) async throws -> PullReply {
        // Most pulls have nothing to record: a read says so, and spares the county a write.
        let unrecorded = try await store.pool.read { db in
            try Bool.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT EXISTS (
                            SELECT 1 FROM sync_change c WHERE c.urgent = 1 AND c.position <= ? AND c.scope IN ('', ?)
                            AND NOT EXISTS (SELECT 1 FROM sync_urgent_receipt r
                                WHERE r.origin = c.origin AND r.sequence = c.sequence AND r.station = ?))
                        """),
                arguments: [request.after, station.village, station.origin]) ?? false
        }
        guard unrecorded || !request.heldUrgent.isEmpty else {
            return try await changes(after: request.after, for: station, limit: request.limit)
        }
        try await store.pool.write { db in
            let now = Date().formatted(.iso8601)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO sync_urgent_receipt(station, origin, sequence, received_at)
                    SELECT ?, origin, sequence, ? FROM sync_change
                    WHERE urgent = 1 AND position <= ? AND scope IN ('', ?)
                    """,
                arguments: [station.origin, now, request.after, station.village])
            for sequence in request.heldUrgent.prefix(Self.urgentAhead * 2) {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO sync_urgent_receipt(station, origin, sequence, received_at)
                        SELECT ?, origin, sequence, ? FROM sync_change WHERE origin = ? AND sequence = ? AND urgent = 1
                        """,
                    arguments: [station.origin, now, origin, sequence])
            }
        }
        return try await changes(after: request.after, for: station, limit: request.limit)
    }

    /// A station holding an urgent record, and since when the county knows it.
    public struct UrgentReceipt: Sendable, Equatable, Codable {
        public let station: String
        public let receivedAt: String
    }

    /// The stations (by origin) known to hold the latest urgent change of a record.
    public func urgentReceipts(collection: String, recordID: String) async throws -> [UrgentReceipt] {
        try await store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.station, MIN(r.received_at) AS received_at FROM sync_urgent_receipt r
                    JOIN sync_change c ON c.origin = r.origin AND c.sequence = r.sequence
                    WHERE c.collection = ? AND c.record_id = ? AND c.urgent = 1
                    GROUP BY r.station ORDER BY r.station
                    """,
                arguments: [collection, recordID]
            ).map { UrgentReceipt(station: $0["station"], receivedAt: $0["received_at"]) }
        }
    }

    // MARK: At a station

    /// The urgent changes received ahead of the pull position, to name in the next pull.
    public func heldUrgent() async throws -> [Int64] {
        try await store.pool.read { db in
            (try Self.state(db, "urgent_held") ?? "").split(separator: ",").compactMap { Int64($0) }
        }
    }
}
