import GRDB
public import Sync

/// What the prices module derives as its records arrive (``RecordArrival``), whichever order they
/// arrive in:
/// - a bulletin's rows laid out as ``PriceObservation``s `<bulletin id>-1`, `-2`, …, so that every
///   query reads one table;
/// - a correction marks the price it corrects `superseded`, whether it arrives before or after it;
/// - each variety's day sums (`price_daily`) follow the prices that count.
///
/// ```swift
/// PricesCollections.bulletin.arrival    // PricesArrivals.bulletin
/// ```
public enum PricesArrivals {
    /// A bulletin's rows, each then arriving as a price of its own.
    public static let bulletin: RecordArrival = RecordArrival { record, db in
        guard let rows = record.text("rows") else { return }
        try layOut(bulletinID: record.id, rows: rows, db)
    }

    /// A price: marks what it corrects, or itself if a correction of it came first; counted in
    /// its day's sums unless superseded.
    public static let observation: RecordArrival = RecordArrival { record, db in
        try arrived(record, db)
    }

    static func arrived(_ record: ArrivedRecord, _ db: Database) throws {
        if try Bool.fetchOne(db.cachedStatement(sql: correctedSQL), arguments: [record.id]) ?? false {
            // Never added to the day's sums, so they need no recount.
            try db.cachedStatement(sql: "UPDATE price_observation SET superseded = 1 WHERE id = ?").execute(arguments: [record.id])
        } else {
            try db.cachedStatement(sql: dailyAddSQL).execute(arguments: [
                record.fields["observed_on"]?.databaseValue, record.fields["variety_code"]?.databaseValue,
                (record.fields["flags"] ?? .text("")).databaseValue, record.fields["avg_fen"]?.databaseValue,
                record.fields["min_fen"]?.databaseValue, record.fields["max_fen"]?.databaseValue,
            ])
        }
        if let corrected = record.text("corrects") {
            // After this price is added: the recount of the corrected price's day counts it too.
            let day = try Row.fetchOne(db.cachedStatement(sql: supersedeSQL), arguments: [corrected])
            if let day { try recount(day: day[0], variety: day[1], db) }
        }
    }

    /// Rebuilds one variety's sums of one day from the prices that count.
    static func recount(day: String, variety: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM price_daily WHERE observed_on = ? AND variety_code = ?")
            .execute(arguments: [day, variety])
        try db.cachedStatement(sql: recountSQL).execute(arguments: [day, variety])
    }

    /// Row values in ``PriceBulletin/columns`` order, after the id, bulletin, village and source.
    private static func layOut(bulletinID: String, rows: String, _ db: Database) throws {
        guard let bulletin = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT source, observed_on, published_at FROM price_bulletin WHERE id = ?"),
            arguments: [bulletinID])
        else { return }
        let source: String = bulletin[0]
        let day: String = bulletin[1]
        let publishedAt: String = bulletin[2]
        var regions: [String: String] = [:]
        let insert = try db.cachedStatement(sql: insertSQL)
        var reader = SyncJSONReader(Array(rows.utf8))
        var number = 0
        do {
            try reader.elements { reader in
                number += 1
                var values: [SyncValue] = []
                try reader.elements { values.append(try $0.value()) }
                func value(_ column: Int) -> SyncValue { column < values.count ? values[column] : .null }
                let market = value(1)
                let region = try region(of: market, cached: &regions, db)
                let id = "\(bulletinID)-\(number)"
                var fields: [String: SyncValue] = [
                    "bulletin_id": .text(bulletinID), "village_code": "", "source": .text(source),
                    "region_code": .text(region), "observed_on": .text(day), "recorded_by": "", "recorded_at": .text(publishedAt),
                ]
                for (column, name) in PriceBulletin.columns.enumerated() { fields[name] = value(column) }
                try insert.execute(arguments: StatementArguments(
                    [id.databaseValue] + insertedColumns.map { (fields[$0] ?? .null).databaseValue }))
                if db.changesCount > 0 { try arrived(ArrivedRecord(id: id, fields: fields), db) }
            }
        } catch let malformed as SyncJSONReader.Malformed {
            throw UnderivableRecord(collection: PricesCollections.bulletin.name, reason: "rows are not JSON rows: \(malformed)")
        }
    }

    private static func region(of market: SyncValue, cached regions: inout [String: String], _ db: Database) throws -> String {
        guard case .text(let id) = market else { return "" }
        if let region = regions[id] { return region }
        let region = try String.fetchOne(
            db.cachedStatement(sql: "SELECT region_code FROM price_market WHERE id = ?"), arguments: [id]) ?? ""
        regions[id] = region
        return region
    }

    private static let insertedColumns =
        ["bulletin_id", "village_code", "source", "region_code", "observed_on", "recorded_by", "recorded_at"]
        + PriceBulletin.columns

    /// A bulletin row already laid out (the bulletin written again) is kept as it is.
    private static let insertSQL = """
        INSERT OR IGNORE INTO price_observation (id, \(insertedColumns.joined(separator: ", ")))
        VALUES (?\(String(repeating: ", ?", count: insertedColumns.count)))
        """

    private static let correctedSQL = "SELECT EXISTS (SELECT 1 FROM price_observation WHERE corrects = ?)"

    private static let supersedeSQL = """
        UPDATE price_observation SET superseded = 1 WHERE id = ? AND superseded = 0 RETURNING observed_on, variety_code
        """

    /// One price added to its day's sums. "Trusted" means not flagged 待核实.
    /// Arguments: day, variety, flags, avg, min, max.
    private static let dailyAddSQL = """
        INSERT INTO price_daily VALUES (
            ?1, ?2, 1, ?3 <> '',
            CASE WHEN ?3 = '' THEN ?4 ELSE 0 END, CASE WHEN ?3 = '' THEN ?5 END, CASE WHEN ?3 = '' THEN ?6 END,
            ?4, ?5, ?6)
        ON CONFLICT DO UPDATE SET
            markets = markets + 1, suspect = suspect + excluded.suspect, trusted_sum = trusted_sum + excluded.trusted_sum,
            trusted_min = IFNULL(MIN(trusted_min, excluded.trusted_min), IFNULL(trusted_min, excluded.trusted_min)),
            trusted_max = IFNULL(MAX(trusted_max, excluded.trusted_max), IFNULL(trusted_max, excluded.trusted_max)),
            all_sum = all_sum + excluded.all_sum, all_min = MIN(all_min, excluded.all_min),
            all_max = MAX(all_max, excluded.all_max)
        """

    private static let recountSQL = """
        INSERT INTO price_daily
        SELECT observed_on, variety_code, COUNT(*), SUM(flags <> ''),
            IFNULL(SUM(CASE WHEN flags = '' THEN avg_fen END), 0),
            MIN(CASE WHEN flags = '' THEN min_fen END), MAX(CASE WHEN flags = '' THEN max_fen END),
            SUM(avg_fen), MIN(min_fen), MAX(max_fen)
        FROM price_observation
        WHERE observed_on = ? AND variety_code = ? AND superseded = 0
        GROUP BY observed_on, variety_code
        """
}
