import GRDB
import PostgresStorage
import StoreInterface
import Sync
import SyncPostgres
import SyncSQLite

/// The prices suites' oracle: the day sums a store keeps, beside the same sums counted from scratch
/// out of the prices that count, in each store's own SQL (a test's, not the store's: it must not
/// share the statements it checks). Values are compared as text.
enum DaySumsOracle {
    struct Sums {
        let kept: [[String]]
        let counted: [[String]]
        let superseded: Set<String>
    }

    static func read(_ transaction: any StoreTransaction) throws -> Sums {
        let kept = "SELECT * FROM price_daily ORDER BY observed_on, variety_code"
        let superseded = "SELECT id FROM price_observation WHERE superseded = 1"
        if let db = transaction as? Database {
            let counted = """
                SELECT observed_on, variety_code, COUNT(*), SUM(flags <> ''), IFNULL(SUM(CASE WHEN flags = '' THEN avg_fen END), 0),
                    MIN(CASE WHEN flags = '' THEN min_fen END), MAX(CASE WHEN flags = '' THEN max_fen END),
                    SUM(avg_fen), MIN(min_fen), MAX(max_fen)
                FROM price_observation WHERE superseded = 0
                GROUP BY observed_on, variety_code ORDER BY observed_on, variety_code
                """
            let texts = { (sql: String) in try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues.map(\.description)) } }
            return Sums(kept: try texts(kept), counted: try texts(counted), superseded: Set(try String.fetchAll(db, sql: superseded)))
        }
        let db = try transaction.postgres
        let counted = """
            SELECT observed_on, variety_code, COUNT(*), SUM(CASE WHEN flags <> '' THEN 1 ELSE 0 END),
                COALESCE(SUM(CASE WHEN flags = '' THEN avg_fen END), 0),
                MIN(CASE WHEN flags = '' THEN min_fen END), MAX(CASE WHEN flags = '' THEN max_fen END),
                SUM(avg_fen), MIN(min_fen), MAX(max_fen)
            FROM price_observation WHERE superseded = 0
            GROUP BY observed_on, variety_code ORDER BY observed_on, variety_code
            """
        let texts = { (sql: String) in
            try db.rows(sql).map { row in
                (0..<row.count).map { index in
                    row.isNull(at: index) ? "NULL" : row.integer(at: index).map { "\($0)" } ?? "\"\(row.text(at: index) ?? "")\""
                }
            }
        }
        return Sums(kept: try texts(kept), counted: try texts(counted), superseded: Set(try db.rows(superseded).map { $0.text("id") }))
    }
}
