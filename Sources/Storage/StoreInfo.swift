public import Foundation
public import GRDB

/// Facts about a store that never change after it is created: which replica it is and what for.
///
/// The replica id is the origin every change written here will carry when it travels to another
/// side, so it is chosen once, at random, and kept with the data it names.
///
/// ```swift
/// print(store.info.replicaID, store.info.role)   // "5F0C…", "kiosk"
/// ```
public struct StoreInfo: Sendable, Equatable, Codable {
    /// Globally unique id of this replica.
    public let replicaID: String
    /// What the store serves: `kiosk` at a station, `county` at the county server.
    public let role: String
    /// When the store was created.
    public let createdAt: Date

    static let migrations = [
        Migration(module: "storage", number: 1, name: "store-info") { db in
            try db.create(table: "store_info") { table in
                table.column("key", .text).primaryKey()
                table.column("value", .text).notNull()
            }
        }
    ]

    static func loadOrCreate(_ db: Database, role: String) throws -> StoreInfo {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM store_info")
        var values = [String: String]()
        for row in rows { values[row["key"]] = row["value"] }
        if let id = values["replica_id"], let storedRole = values["role"],
            let created = values["created_at"].flatMap(Self.parse)
        {
            return StoreInfo(replicaID: id, role: storedRole, createdAt: created)
        }
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))  // as stored: whole seconds
        let info = StoreInfo(replicaID: UUID().uuidString, role: role, createdAt: now)
        for (key, value) in [
            ("replica_id", info.replicaID), ("role", role), ("created_at", Self.format(info.createdAt)),
        ] {
            try db.execute(sql: "INSERT OR REPLACE INTO store_info(key, value) VALUES (?, ?)", arguments: [key, value])
        }
        return info
    }

    /// Gives the store a new replica id, in the caller's transaction; the new id.
    ///
    /// For a store brought back from a backup: changes made under the old id after the backup
    /// exist elsewhere, and new ones must not take their sequence numbers.
    /// The replica id as the store holds it now (another process may have changed it since this
    /// one opened the store).
    public static func currentReplicaID(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'replica_id'") ?? ""
    }

    /// Sets the store's replica id to one chosen elsewhere (a station's origin, which its county chooses).
    public static func setReplicaID(_ db: Database, _ id: String) throws {
        try db.execute(sql: "UPDATE store_info SET value = ? WHERE key = 'replica_id'", arguments: [id])
    }

    public static func renewReplicaID(_ db: Database) throws -> String {
        let id = UUID().uuidString
        try db.execute(sql: "UPDATE store_info SET value = ? WHERE key = 'replica_id'", arguments: [id])
        return id
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
