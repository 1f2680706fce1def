import GRDB
public import Storage

/// The sync figures' plain-insert baselines: prices inserted as plainly as SQLite allows, one
/// prepared statement reused, each row bound from its Swift values as it is inserted.
///
/// ```swift
/// try await PlainPriceInserts.prices(rows, batch: 200, into: store)
/// ```
public enum PlainPriceInserts {
    /// A price as the capture figure writes it into its bare table.
    public struct Row: Sendable {
        public let id, village, variety, market, observedOn: String
        public let min, avg, max: Int64
        public let unit: String

        public init(
            id: String, village: String, variety: String, market: String, observedOn: String, min: Int64, avg: Int64, max: Int64,
            unit: String
        ) {
            (self.id, self.village, self.variety, self.market, self.observedOn) = (id, village, variety, market, observedOn)
            (self.min, self.avg, self.max, self.unit) = (min, avg, max, unit)
        }
    }

    /// Into the bare `price` table (``SQLiteBaselines/benchPrices``), `batch` a transaction.
    public static func prices(_ rows: [Row], batch: Int, into store: Store) async throws {
        for start in stride(from: 0, to: rows.count, by: batch) {
            let chunk = rows[start..<min(start + batch, rows.count)]
            try await store.pool.write { db in
                let insert = try db.cachedStatement(
                    sql: "INSERT INTO price(id, village, variety, market, observed_on, min_fen, avg_fen, max_fen, unit) VALUES (?,?,?,?,?,?,?,?,?)")
                for row in chunk {
                    try insert.execute(
                        arguments: [row.id, row.village, row.variety, row.market, row.observedOn, row.min, row.avg, row.max, row.unit])
                }
            }
        }
    }

    /// A county bulletin's price, for the bulletin figure's baseline.
    public struct BulletinRow: Sendable {
        public let variety, market, observedOn: String
        public let min, avg, max: Int64
        public let unit: String

        public init(variety: String, market: String, observedOn: String, min: Int64, avg: Int64, max: Int64, unit: String) {
            (self.variety, self.market, self.observedOn, self.min, self.avg, self.max, self.unit) =
                (variety, market, observedOn, min, avg, max, unit)
        }
    }

    /// Into `price_observation`, with its indexes, `batch` a transaction.
    public static func bulletinRows(_ rows: [BulletinRow], batch: Int, into store: Store) async throws {
        for (number, start) in stride(from: 0, to: rows.count, by: batch).enumerated() {
            let chunk = rows[start..<min(start + batch, rows.count)]
            try await store.pool.write { db in
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT INTO price_observation(id, source, variety_code, market_id, region_code, observed_on,
                            min_fen, avg_fen, max_fen, unit, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)
                        """)
                for (index, row) in chunk.enumerated() {
                    try insert.execute(
                        arguments: [
                            "p\(number)-\(index)", "县农业农村局", row.variety, row.market, "441422", row.observedOn,
                            row.min, row.avg, row.max, row.unit, "2026-11-20T15:00:00+08:00",
                        ])
                }
            }
        }
    }
}
