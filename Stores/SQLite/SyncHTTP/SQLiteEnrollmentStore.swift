import GRDB
public import Foundation
public import Storage
public import Sync
public import SyncHTTP

/// A station's enrollment in its SQLite store (`sync_enrollment` of ``SyncHTTPSchema``, one row).
///
/// ```swift
/// let enrollment = try await StationEnrollment.load(from: SQLiteEnrollmentStore(store))
/// ```
public struct SQLiteEnrollmentStore: EnrollmentStore {
    let store: Store

    public init(_ store: Store) {
        self.store = store
    }

    public func enrollment() async throws -> StoredEnrollment? {
        try await store.pool.read { [store] db in
            try Row.fetchOne(db, sql: "SELECT * FROM sync_enrollment WHERE id = 1").map { row in
                StoredEnrollment(
                    serverURL: row["server_url"], stationID: row["station_id"], village: row["village"],
                    privateKey: row["private_key"], countyPublicKey: row["county_public_key"], countyOrigin: row["county_origin"],
                    origin: row["origin"] ?? store.info.replicaID, checkKey: row["check_key"])
            }
        }
    }

    public func keep(_ enrollment: StoredEnrollment) async throws {
        try await store.pool.write { db in
            let current = try StoreInfo.currentReplicaID(db)
            if current != enrollment.origin {
                _ = try Replica.handOver(db, from: current, to: enrollment.origin)
                try StoreInfo.setReplicaID(db, enrollment.origin)
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO sync_enrollment(id, server_url, station_id, village, private_key,
                        county_public_key, county_origin, counter, origin) VALUES (1, ?, ?, ?, ?, ?, ?, 0, ?)
                    """,
                arguments: [
                    enrollment.serverURL, enrollment.stationID, enrollment.village, enrollment.privateKey,
                    enrollment.countyPublicKey, enrollment.countyOrigin, enrollment.origin,
                ])
        }
    }

    public func keepCheckKey(_ key: Data?) async throws {
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE sync_enrollment SET check_key = ? WHERE id = 1", arguments: [key])
        }
    }

    public func nextCounter() async throws -> Int64 {
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE sync_enrollment SET counter = counter + 1 WHERE id = 1")
            return try Int64.fetchOne(db, sql: "SELECT counter FROM sync_enrollment WHERE id = 1") ?? 1
        }
    }
}

extension StationEnrollment {
    /// The enrollment stored in a station's SQLite store, if it has one.
    public static func load(from store: Store) async throws -> StationEnrollment? {
        try await load(from: SQLiteEnrollmentStore(store))
    }

    /// Enrolls a station whose store is SQLite (``enroll(store:server:code:fingerprint:)``).
    public static func enroll(store: Store, server: URL, code: String, fingerprint: String? = nil) async throws
        -> StationEnrollment
    {
        try await enroll(store: SQLiteEnrollmentStore(store), server: server, code: code, fingerprint: fingerprint)
    }
}

extension StationLink {
    /// The link of a station whose store is SQLite.
    public convenience init(
        store: Store, collections: [SyncCollection], reporters: [@Sendable (Replica) async throws -> [String: String]] = []
    ) {
        self.init(store: store, enrollments: SQLiteEnrollmentStore(store), collections: collections, reporters: reporters)
    }
}
