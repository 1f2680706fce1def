public import GRDB
public import Storage
public import Sync
public import Villages

/// The divisions in a SQLite store: the tables of ``VillagesSchema``, written through the county's
/// replica so that every record is logged, signed and synced.
///
/// ```swift
/// let directory = VillageDirectory(store: SQLiteVillageStore(store))
/// ```
public struct SQLiteVillageStore: VillageStore {
    let store: Store

    public init(_ store: Store) {
        self.store = store
    }

    public func publish(_ divisions: Divisions, through replica: Replica) async throws {
        try await store.pool.write { db in
            let county = divisions.county
            try replica.write(
                db, to: VillagesCollections.county.name, id: county.code,
                fields: ["name": .text(county.name), "city": .text(county.city), "province": .text(county.province)])
            for township in divisions.townships {
                try replica.write(
                    db, to: VillagesCollections.township.name, id: township.code,
                    fields: ["county_code": .text(township.countyCode), "name": .text(township.name)])
            }
            for village in divisions.villages {
                try replica.write(
                    db, to: VillagesCollections.village.name, id: village.code,
                    fields: [
                        "township_code": .text(village.townshipCode), "name": .text(village.name),
                        "households": .integer(Int64(village.households)),
                        "population": .integer(Int64(village.population)),
                    ])
            }
        }
    }

    public func county() async throws -> County? {
        try await store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT code, name, city, province FROM county LIMIT 1").map {
                County(code: $0["code"], name: $0["name"], city: $0["city"], province: $0["province"])
            }
        }
    }

    public func villages() async throws -> [VillageEntry] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: Self.entrySQL + " ORDER BY v.code").map(Self.entry)
        }
    }

    public func village(code: String) async throws -> VillageEntry? {
        try await store.pool.read { db in
            try Row.fetchOne(db, sql: Self.entrySQL + " WHERE v.code = ?", arguments: [code]).map(Self.entry)
        }
    }

    /// A village as people name it, township first (`城关镇东山村`), read in the caller's
    /// transaction; `nil` for a code not held. The traceability module's SQLite reads name a lot's
    /// village through it.
    @Sendable public static func placeName(_ db: Database, code: String) throws -> String? {
        try String.fetchOne(
            db,
            sql: "SELECT t.name || v.name FROM village v JOIN township t ON t.code = v.township_code WHERE v.code = ?",
            arguments: [code])
    }

    private static let entrySQL = """
        SELECT v.code, v.name, v.households, v.population,
               t.code AS township_code, t.name AS township_name, c.name AS county_name
        FROM village v JOIN township t ON t.code = v.township_code JOIN county c ON c.code = t.county_code
        """

    private static func entry(_ row: Row) -> VillageEntry {
        VillageEntry(
            code: row["code"], name: row["name"], townshipCode: row["township_code"], townshipName: row["township_name"],
            countyName: row["county_name"], households: row["households"], population: row["population"])
    }
}

extension VillageDirectory {
    /// The directory of a SQLite store's divisions.
    public init(store: Store) {
        self.init(store: SQLiteVillageStore(store))
    }
}
