/// The SQL the board and history answers run, public so that the benchmark runs the very same
/// statements on bare SQLite as its baseline.
public enum PriceStatements {
    public static let latestDay = "SELECT MAX(observed_on) FROM price_daily WHERE observed_on <= ?"

    public static let latestDayOfVariety = """
        SELECT MAX(observed_on) FROM price_daily WHERE variety_code = ? AND observed_on <= ?
        """

    /// The board of day ?1, with each variety's trusted average on day ?2 (a week before) to
    /// compare with. Trusted prices make the figures; a variety with only suspect prices shows those.
    public static let board = """
        SELECT d.variety_code, v.name, v.category_code, d.markets, d.suspect,
            COALESCE(d.trusted_min, d.all_min) AS min_fen,
            CAST(ROUND(CASE WHEN d.markets > d.suspect THEN d.trusted_sum * 1.0 / (d.markets - d.suspect)
                ELSE d.all_sum * 1.0 / d.markets END) AS INTEGER) AS avg_fen,
            COALESCE(d.trusted_max, d.all_max) AS max_fen,
            CAST(ROUND(w.trusted_sum * 1.0 / (w.markets - w.suspect)) AS INTEGER) AS week_before_avg_fen
        FROM price_daily d
        LEFT JOIN price_variety v ON v.code = d.variety_code
        LEFT JOIN price_daily w ON w.observed_on = ?2 AND w.variety_code = d.variety_code AND w.markets > w.suspect
        WHERE d.observed_on = ?1
        ORDER BY d.variety_code
        """

    public static let varietyName = "SELECT name FROM price_variety WHERE code = ?"

    /// A variety's trusted prices day by day, all markets together.
    public static let series = """
        SELECT observed_on AS day, trusted_min AS min_fen,
            CAST(ROUND(trusted_sum * 1.0 / (markets - suspect)) AS INTEGER) AS avg_fen,
            trusted_max AS max_fen, markets - suspect AS markets
        FROM price_daily
        WHERE variety_code = ? AND observed_on BETWEEN ? AND ? AND markets > suspect
        ORDER BY observed_on
        """

    /// A variety's trusted prices day by day at one market.
    public static let marketSeries = """
        SELECT observed_on AS day, MIN(min_fen) AS min_fen, CAST(ROUND(AVG(avg_fen)) AS INTEGER) AS avg_fen,
            MAX(max_fen) AS max_fen, COUNT(*) AS markets
        FROM price_observation
        WHERE variety_code = ? AND observed_on BETWEEN ? AND ? AND superseded = 0 AND flags = '' AND market_id = ?
        GROUP BY observed_on ORDER BY observed_on
        """
}
