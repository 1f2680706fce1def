public import GRDB
public import Storage
public import Sync

/// Reads a store's divisions (the county, its townships and villages), and publishes them at the county.
///
/// Divisions are county-authoritative: the county publishes them through its sync replica, which
/// signs them, and every station receives them by sync.
///
/// ```swift
/// try await VillageDirectory(store: countyStore).publish(divisions, through: countyReplica)
/// let villages = try await VillageDirectory(store: stationStore).villages()
/// ```
public struct VillageDirectory: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// A village with the names of its township and county, as people read it.
    public struct VillageEntry: Codable, Sendable, Equatable {
        public let code: String
        public let name: String
        public let townshipCode: String
        public let townshipName: String
        public let countyName: String
        public let households: Int
        public let population: Int

        /// The full name, such as `大埔县百侯镇侯南村`.
        public var fullName: String { countyName + townshipName + name }
    }

    /// Validates the divisions, then writes every record through the county's replica, in one
    /// transaction; a record already published with the same values is written again harmlessly.
    public func publish(_ divisions: Divisions, through replica: Replica) async throws {
        try DivisionRules.validate(divisions)
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

    /// The county this store serves, if divisions have arrived.
    public func county() async throws -> County? {
        try await store.pool.read { db in try County.fetchOne(db) }
    }

    /// Every village, ordered by code (so by township).
    public func villages() async throws -> [VillageEntry] {
        try await store.pool.read { db in try VillageEntry.fetchAll(db, sql: Self.entrySQL + " ORDER BY v.code") }
    }

    /// One village by its 12-digit code, or `nil`.
    public func village(code: String) async throws -> VillageEntry? {
        try await store.pool.read { db in
            try VillageEntry.fetchOne(db, sql: Self.entrySQL + " WHERE v.code = ?", arguments: [code])
        }
    }

    /// A village as people name it, township first (`城关镇东山村`), read in the caller's
    /// transaction; `nil` for a code not held. Other modules show a village's name through it.
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
}

extension VillageDirectory.VillageEntry: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}
