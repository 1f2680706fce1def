public import PostgresStorage
import StoreInterface
public import Villages

/// A PostgreSQL transaction as the villages module reads in it (the tables of ``VillagesPostgresSchema``).
extension PostgresTransaction: VillageTransaction {
    public func county() throws -> County? {
        try row("SELECT * FROM county ORDER BY code LIMIT 1").map(County.init(row:))
    }

    public func villages() throws -> [VillageEntry] {
        try rows(Self.villageEntrySQL + " ORDER BY v.code").map(Self.villageEntry)
    }

    public func village(code: String) throws -> VillageEntry? {
        try row(Self.villageEntrySQL + " WHERE v.code = $1", code).map(Self.villageEntry)
    }

    public func placeName(code: String) throws -> String? {
        try text("SELECT t.name || v.name FROM village v JOIN township t ON t.code = v.township_code WHERE v.code = $1", code)
    }

    private static let villageEntrySQL = """
        SELECT v.code, v.name, v.households, v.population,
               t.code AS township_code, t.name AS township_name, c.name AS county_name
        FROM village v JOIN township t ON t.code = v.township_code JOIN county c ON c.code = t.county_code
        """

    private static func villageEntry(_ row: PostgresStoredRow) -> VillageEntry {
        VillageEntry(
            code: row.text("code"), name: row.text("name"), townshipCode: row.text("township_code"),
            townshipName: row.text("township_name"), countyName: row.text("county_name"),
            households: Int(row.integer("households")), population: Int(row.integer("population")))
    }
}
