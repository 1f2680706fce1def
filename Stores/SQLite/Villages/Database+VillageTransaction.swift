import StoreInterface
public import GRDB
import Sync
public import Villages
public import Storage

/// A SQLite transaction as the villages module reads in it (the tables of ``VillagesSchema``).
extension Database: VillageTransaction {
    public func county() throws -> County? {
        try Row.fetchOne(self, sql: "SELECT * FROM county LIMIT 1").map(County.init(row:))
    }

    public func villages() throws -> [VillageEntry] {
        try Row.fetchAll(self, sql: Self.villageEntrySQL + " ORDER BY v.code").map(Self.villageEntry)
    }

    public func village(code: String) throws -> VillageEntry? {
        try Row.fetchOne(self, sql: Self.villageEntrySQL + " WHERE v.code = ?", arguments: [code]).map(Self.villageEntry)
    }

    public func placeName(code: String) throws -> String? {
        try String.fetchOne(
            cachedStatement(sql: "SELECT t.name || v.name FROM village v JOIN township t ON t.code = v.township_code WHERE v.code = ?"),
            arguments: [code])
    }

    private static let villageEntrySQL = """
        SELECT v.code, v.name, v.households, v.population,
               t.code AS township_code, t.name AS township_name, c.name AS county_name
        FROM village v JOIN township t ON t.code = v.township_code JOIN county c ON c.code = t.county_code
        """

    private static func villageEntry(_ row: Row) -> VillageEntry {
        VillageEntry(
            code: row["code"], name: row["name"], townshipCode: row["township_code"], townshipName: row["township_name"],
            countyName: row["county_name"], households: row["households"], population: row["population"])
    }
}
