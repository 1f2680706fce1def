public import Foundation
public import GRDB
public import Storage
import Sync
import SyncSQLite
public import SyncHTTP
public import StoreInterface

/// The county's stations and key in its SQLite store (`sync_station`, `sync_county_key` of
/// ``SyncHTTPSchema``).
///
/// ```swift
/// let registry = StationRegistry(store: SQLiteStationStore(store))
/// ```
public struct SQLiteStationStore: StationStore {
    let store: Store

    public init(_ store: Store) {
        self.store = store
    }

    public func addStation(id: String, village: String, name: String, codeHash: String, codeExpiresAt: Date) async throws {
        try await store.pool.write { db in
            try db.execute(
                sql: "INSERT INTO sync_station(id, village, name, code_hash, code_expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, village, name, codeHash, codeExpiresAt.formatted(.iso8601)])
        }
    }

    public func enroll(codeHash: String, publicKey: Data, at: Date) async throws -> StationRegistry.Station? {
        try await store.pool.write { db in
            let now = at.formatted(.iso8601)
            guard
                let id = try String.fetchOne(
                    db, sql: "SELECT id FROM sync_station WHERE code_hash = ? AND code_expires_at > ? AND revoked_at IS NULL",
                    arguments: [codeHash, now])
            else { return nil }
            let origin = try Self.unusedOrigin(db)
            try db.execute(
                sql: """
                    UPDATE sync_station SET public_key = ?, origin = ?, enrolled_at = ?, code_hash = NULL,
                        code_expires_at = NULL WHERE id = ?
                    """,
                arguments: [publicKey, origin, now, id])
            return try Self.station(id, db)
        }
    }

    /// A new origin that no change in the log, no received mark and no station has used.
    static func unusedOrigin(_ db: Database) throws -> String {
        while true {
            let origin = UUID().uuidString.lowercased()
            let used =
                try db.hasSeen(origin: origin)
                || Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS(SELECT 1 FROM sync_station WHERE origin = ?1)
                            OR EXISTS(SELECT 1 FROM store_info WHERE key = 'replica_id' AND value = ?1)
                        """,
                    arguments: [origin]) ?? true
            if !used { return origin }
        }
    }

    public func revoke(stationID: String, at: Date) async throws {
        try await store.pool.write { db in
            try db.execute(
                sql: "UPDATE sync_station SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [at.formatted(.iso8601), stationID])
        }
    }

    public func stations() async throws -> [StationRegistry.Station] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.rowsWithCounts) ORDER BY s.village, s.id").map(Self.station(from:))
        }
    }

    public func warning(of stationID: String) async throws -> String? {
        try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT warning FROM sync_station WHERE id = ?", arguments: [stationID])
        }
    }

    public func setWarning(_ warning: String?, of stationID: String) async throws {
        try await store.pool.write { db in
            try db.execute(
                sql: "UPDATE sync_station SET warning = ? WHERE id = ? AND warning IS NOT ?", arguments: [warning, stationID, warning])
        }
    }

    public func noteMended(_ count: Int, of stationID: String, at: Date) async throws {
        try await store.pool.write { db in
            try db.execute(
                sql: "UPDATE sync_station SET mended = mended + ?, last_mended_at = ? WHERE id = ?",
                arguments: [count, at.formatted(.iso8601), stationID])
        }
    }

    public func countyKey(orKeep make: () -> Data) throws -> Data {
        try store.pool.write { db in
            if let raw = try Data.fetchOne(db, sql: "SELECT private_key FROM sync_county_key WHERE id = 1") { return raw }
            let raw = make()
            try db.execute(sql: "INSERT INTO sync_county_key(id, private_key) VALUES (1, ?)", arguments: [raw])
            return raw
        }
    }

    public func enrolledStation(_ stationID: String) async throws -> StoredStation? {
        try await store.pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT public_key, origin, village, check_key, reported_digest FROM sync_station
                    WHERE id = ? AND revoked_at IS NULL
                    """,
                arguments: [stationID])
            guard let row, let key = row["public_key"] as Data?, let origin = row["origin"] as String? else { return nil }
            return StoredStation(
                publicKey: key, origin: origin, village: row["village"], checkKey: row["check_key"], reportedDigest: row["reported_digest"])
        }
    }

    public func keepCheckKey(_ key: Data, of stationID: String) async throws {
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE sync_station SET check_key = ? WHERE id = ?", arguments: [key, stationID])
        }
    }

    public func keepReportedDigest(_ digest: Data, of stationID: String) async throws {
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE sync_station SET reported_digest = ? WHERE id = ?", arguments: [digest, stationID])
        }
    }

    public func writingGrouped<Answer: Sendable>(
        _ body: @Sendable @escaping (any StoreTransaction) throws -> Answer
    ) async throws -> Answer {
        try await store.groupCommit.write { db in try body(db) }
    }

    static func station(_ id: String, _ db: Database) throws -> StationRegistry.Station? {
        try Row.fetchOne(db, sql: "\(Self.rowsWithCounts) WHERE s.id = ?", arguments: [id]).map(station(from:))
    }

    /// Stations' rows with the count of each one's quarantined changes and of its village's open
    /// conflicts: one statement for the whole list, however many stations a hub has.
    private static let rowsWithCounts = """
        SELECT s.*,
            (SELECT COUNT(*) FROM sync_quarantine q WHERE q.origin = s.origin) AS quarantined,
            (SELECT COUNT(*) FROM sync_conflict c WHERE c.scope = s.village
                AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)) AS open_conflicts
        FROM sync_station s
        """

    private static func station(from row: Row) -> StationRegistry.Station {
        StationRegistry.Station(
            id: row["id"], village: row["village"], name: row["name"], origin: row["origin"],
            enrolledAt: row["enrolled_at"], revokedAt: row["revoked_at"], lastSyncAt: row["last_sync_at"],
            pending: row["pending"], clockOffsetMs: row["clock_offset_ms"], quarantined: row["quarantined"],
            openConflicts: row["open_conflicts"], warning: row["warning"], protocolVersion: row["protocol_version"],
            mended: row["mended"], lastMendedAt: row["last_mended_at"])
    }
}

/// A SQLite transaction as the station registry reads and writes in it.
extension Database: StationTransaction {
    public func counter(of stationID: String, publicKey: Data) throws -> Int64? {
        try Int64.fetchOne(
            self, sql: "SELECT counter FROM sync_station WHERE id = ? AND public_key = ? AND revoked_at IS NULL",
            arguments: [stationID, publicKey])
    }

    public func noteExchange(
        of stationID: String, counter: Int64, at: Date, pending: Int, clockOffsetMs: Int64, protocolVersion: Int
    ) throws {
        try execute(
            sql: """
                UPDATE sync_station SET counter = ?, last_sync_at = ?, pending = ?, clock_offset_ms = ?, protocol_version = ?
                WHERE id = ?
                """,
            arguments: [counter, at.formatted(.iso8601), pending, clockOffsetMs, protocolVersion, stationID])
    }
}

extension StationRegistry {
    /// The stations of a SQLite store.
    public init(store: Store) {
        self.init(store: SQLiteStationStore(store))
    }
}
