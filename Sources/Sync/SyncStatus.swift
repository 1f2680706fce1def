public import Foundation
import GRDB
import Storage

/// What a replica can say of its sync at any time (DESIGN §2.7).
///
/// ```swift
/// let status = try await replica.status()
/// print(status.pendingPush, status.openConflicts, status.clockOffsetMilliseconds)
/// ```
public struct SyncStatus: Sendable, Codable, Equatable {
    /// When the last round completed, if one has.
    public let lastSuccess: Date?
    /// Own changes the county has not acknowledged (always 0 at the county).
    public let pendingPush: Int64
    /// Changes held in quarantine, with their reasons, here.
    public let quarantined: Int
    /// Conflicts not yet resolved.
    public let openConflicts: Int
    /// County time minus this device's time, as last learnt.
    public let clockOffsetMilliseconds: Int64
}

extension Replica {
    public func status() async throws -> SyncStatus {
        try await store.pool.read { db in
            SyncStatus(
                lastSuccess: try Self.state(db, "last_success").flatMap { try? Date($0, strategy: .iso8601) },
                pendingPush: try pendingCount(db),
                quarantined: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_quarantine") ?? 0,
                openConflicts: try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM sync_conflict c
                        WHERE NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
                        """) ?? 0,
                clockOffsetMilliseconds: clock.offsetMilliseconds)
        }
    }

    /// Own changes the county has not acknowledged (always 0 at the county).
    public func pendingCount() async throws -> Int64 {
        try await store.pool.read { db in try pendingCount(db) }
    }

    func pendingCount(_ db: Database) throws -> Int64 {
        guard role != .county else { return 0 }
        let acknowledged = try Self.acknowledged(db)
        return max(0, try received(from: origin, db) - acknowledged)
    }

    /// How far a station's sync has come: the last of its changes the county acknowledged and the
    /// position of the county's log it applied. A round the link cut that moved either made
    /// progress: the link works, and the next round goes on from there.
    public func progress() async throws -> [Int64] {
        try await store.pool.read { db in
            [try Self.acknowledged(db), try Self.state(db, "pull_position").flatMap { Int64($0) } ?? 0]
        }
    }

    func recordSuccess() async throws {
        try await store.pool.write { db in
            try Self.setState(db, "last_success", Date().formatted(.iso8601))
        }
    }
}

/// A change held in quarantine, and why.
public struct QuarantineEntry: Sendable, Codable, Equatable {
    public let origin: String
    public let sequence: Int64
    public let reason: String
    public let quarantinedAt: String
}

extension Replica {
    /// The changes in quarantine here, newest first.
    public func quarantined(limit: Int = 200) async throws -> [QuarantineEntry] {
        try await store.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM sync_quarantine ORDER BY quarantined_at DESC LIMIT ?", arguments: [limit]
            ).map {
                QuarantineEntry(
                    origin: $0["origin"], sequence: $0["sequence"], reason: $0["reason"],
                    quarantinedAt: $0["quarantined_at"])
            }
        }
    }
}
