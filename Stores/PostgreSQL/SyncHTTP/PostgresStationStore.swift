public import Foundation
public import PostgresStorage
public import StoreInterface
import Sync
import SyncPostgres
public import SyncHTTP

/// The county's stations and key in a PostgreSQL hub (`sync_station`, `sync_county_key` of
/// ``SyncHTTPPostgresSchema``). Every process of the hub reads and writes the same rows, so a
/// station enrolled through one is known to all, and a request counter taken by one is never taken
/// again by another (it is read and raised under the store's write lock).
///
/// ```swift
/// let registry = StationRegistry(store: PostgresStationStore(store))
/// ```
public struct PostgresStationStore: StationStore {
    let store: PostgresStore

    public init(_ store: PostgresStore) {
        self.store = store
    }

    public func addStation(id: String, village: String, name: String, codeHash: String, codeExpiresAt: Date) async throws {
        try await store.writing { transaction in
            try transaction.postgres.execute(
                "INSERT INTO sync_station(id, village, name, code_hash, code_expires_at) VALUES ($1, $2, $3, $4, $5)", id, village,
                name, codeHash, codeExpiresAt.formatted(.iso8601))
        }
    }

    public func enroll(codeHash: String, publicKey: Data, at: Date) async throws -> StationRegistry.Station? {
        try await store.writing { transaction in
            let db = try transaction.postgres
            let now = at.formatted(.iso8601)
            guard
                let id = try db.text(
                    "SELECT id FROM sync_station WHERE code_hash = $1 AND code_expires_at > $2 AND revoked_at IS NULL", codeHash, now)
            else { return nil }
            let origin = try Self.unusedOrigin(db)
            try db.execute(
                """
                UPDATE sync_station SET public_key = $1, origin = $2, enrolled_at = $3, code_hash = NULL, code_expires_at = NULL
                WHERE id = $4
                """, publicKey, origin, now, id)
            return try Self.station(id, db)
        }
    }

    /// A new origin that no change in the log, no received mark and no station has used.
    static func unusedOrigin(_ db: PostgresTransaction) throws -> String {
        while true {
            let origin = UUID().uuidString.lowercased()
            let used =
                try db.hasSeen(origin: origin)
                || db.isTrue(
                    """
                    SELECT (EXISTS(SELECT 1 FROM sync_station WHERE origin = $1)
                        OR EXISTS(SELECT 1 FROM store_info WHERE key = 'replica_id' AND value = $1))::int
                    """, origin)
            if !used { return origin }
        }
    }

    public func revoke(stationID: String, at: Date) async throws {
        try await store.writing { transaction in
            try transaction.postgres.execute(
                "UPDATE sync_station SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", at.formatted(.iso8601), stationID)
        }
    }

    public func stations() async throws -> [StationRegistry.Station] {
        try await store.reading { transaction in
            let db = try transaction.postgres
            return try db.rows("\(Self.rowsWithCounts) ORDER BY s.village, s.id").map(Self.station(from:))
        }
    }

    public func warning(of stationID: String) async throws -> String? {
        try await store.reading { transaction in try transaction.postgres.text("SELECT warning FROM sync_station WHERE id = $1", stationID) }
    }

    public func setWarning(_ warning: String?, of stationID: String) async throws {
        try await store.writing { transaction in
            try transaction.postgres.execute(
                "UPDATE sync_station SET warning = $1 WHERE id = $2 AND warning IS DISTINCT FROM $1", warning, stationID)
        }
    }

    public func noteMended(_ count: Int, of stationID: String, at: Date) async throws {
        try await store.writing { transaction in
            try transaction.postgres.execute(
                "UPDATE sync_station SET mended = mended + $1, last_mended_at = $2 WHERE id = $3", count, at.formatted(.iso8601), stationID)
        }
    }

    public func countyKey(orKeep make: () -> Data) throws -> Data {
        try store.writingNow { transaction in
            let db = try transaction.postgres
            if let row = try db.row("SELECT private_key FROM sync_county_key WHERE id = 1") { return Data(row.bytes("private_key")) }
            let raw = make()
            try db.execute("INSERT INTO sync_county_key(id, private_key) VALUES (1, $1)", raw)
            return raw
        }
    }

    public func enrolledStation(_ stationID: String) async throws -> StoredStation? {
        try await store.reading { transaction in
            guard
                let row = try transaction.postgres.row(
                    """
                    SELECT public_key, origin, village, check_key, reported_digest FROM sync_station
                    WHERE id = $1 AND revoked_at IS NULL
                    """, stationID),
                !row.isNull("public_key"), let origin = row.optionalText("origin")
            else { return nil }
            return StoredStation(
                publicKey: Data(row.bytes("public_key")), origin: origin, village: row.text("village"),
                checkKey: row.isNull("check_key") ? nil : Data(row.bytes("check_key")),
                reportedDigest: row.isNull("reported_digest") ? nil : Data(row.bytes("reported_digest")))
        }
    }

    public func keepCheckKey(_ key: Data, of stationID: String) async throws {
        try await store.writing { transaction in
            try transaction.postgres.execute("UPDATE sync_station SET check_key = $1 WHERE id = $2", key, stationID)
        }
    }

    public func keepReportedDigest(_ digest: Data, of stationID: String) async throws {
        try await store.writing { transaction in
            try transaction.postgres.execute("UPDATE sync_station SET reported_digest = $1 WHERE id = $2", digest, stationID)
        }
    }

    /// A PostgreSQL hub writes each request alone: its writes already follow one another under the
    /// write lock, and a shared commit would hold the lock for all of them.
    public func writingGrouped<Answer: Sendable>(
        _ body: @Sendable @escaping (any StoreTransaction) throws -> Answer
    ) async throws -> Answer {
        try await store.writing(body)
    }

    static func station(_ id: String, _ db: PostgresTransaction) throws -> StationRegistry.Station? {
        try db.row("\(Self.rowsWithCounts) WHERE s.id = $1", id).map(station(from:))
    }

    /// Stations' rows with the count of each one's quarantined changes and of its village's open
    /// conflicts: one statement (one round trip) for the whole list, however many stations a hub
    /// has; each count is an index lookup of its own station's, for one station as for all.
    private static let rowsWithCounts = """
        SELECT s.*, quarantine.count AS quarantined, conflicts.count AS open_conflicts
        FROM sync_station s
        CROSS JOIN LATERAL (SELECT COUNT(*) AS count FROM sync_quarantine WHERE origin = s.origin) quarantine
        CROSS JOIN LATERAL (
            SELECT COUNT(*) AS count FROM sync_conflict c
            WHERE c.scope = s.village AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)) conflicts
        """

    private static func station(from row: PostgresStoredRow) -> StationRegistry.Station {
        StationRegistry.Station(
            id: row.text("id"), village: row.text("village"), name: row.text("name"), origin: row.optionalText("origin"),
            enrolledAt: row.optionalText("enrolled_at"), revokedAt: row.optionalText("revoked_at"),
            lastSyncAt: row.optionalText("last_sync_at"), pending: Int(row.integer("pending")), clockOffsetMs: row.integer("clock_offset_ms"),
            quarantined: Int(row.integer("quarantined")), openConflicts: Int(row.integer("open_conflicts")), warning: row.optionalText("warning"),
            protocolVersion: row.optionalInteger("protocol_version").map(Int.init), mended: Int(row.integer("mended")),
            lastMendedAt: row.optionalText("last_mended_at"))
    }
}

/// A PostgreSQL transaction as the station registry reads and writes in it.
extension PostgresTransaction: StationTransaction {
    public func counter(of stationID: String, publicKey: Data) throws -> Int64? {
        try integer("SELECT counter FROM sync_station WHERE id = $1 AND public_key = $2 AND revoked_at IS NULL", stationID, publicKey)
    }

    public func noteExchange(
        of stationID: String, counter: Int64, at: Date, pending: Int, clockOffsetMs: Int64, protocolVersion: Int
    ) throws {
        try execute(
            """
            UPDATE sync_station SET counter = $1, last_sync_at = $2, pending = $3, clock_offset_ms = $4, protocol_version = $5
            WHERE id = $6
            """, counter, at.formatted(.iso8601), pending, clockOffsetMs, protocolVersion, stationID)
    }
}

extension StationRegistry {
    /// The stations of a PostgreSQL hub.
    public init(store: PostgresStore) {
        self.init(store: PostgresStationStore(store))
    }
}
