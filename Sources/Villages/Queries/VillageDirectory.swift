import GRDB
import Storage
import WebAPI

/// Reads and replaces a store's divisions: the county, its townships and villages.
///
/// Divisions are county-authoritative, so they are replaced as a whole, never edited piecemeal.
///
/// ```swift
/// let directory = VillageDirectory(store: store)
/// try await directory.replace(with: divisions)
/// let villages = try await directory.villages()
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

    /// Validates the divisions, then replaces the stored ones in one transaction.
    public func replace(with divisions: Divisions) async throws {
        try DivisionRules.validate(divisions)
        try await store.pool.write { db in
            try County.deleteAll(db)
            try divisions.county.insert(db)
            for township in divisions.townships { try township.insert(db) }
            for village in divisions.villages { try village.insert(db) }
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

    private static let entrySQL = """
        SELECT v.code, v.name, v.households, v.population,
               t.code AS township_code, t.name AS township_name, c.name AS county_name
        FROM village v JOIN township t ON t.code = v.township_code JOIN county c ON c.code = t.county_code
        """
}

extension VillageDirectory.VillageEntry: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}
