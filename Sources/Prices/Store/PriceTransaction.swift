public import ChinaLocale
public import Sync
public import StoreInterface

/// What the prices module reads and writes in a transaction of its store: the catalogue, prices,
/// the day sums the board and histories read, and what is derived as bulletins and prices arrive.
/// Each store's transaction adopts it (`PricesSQLite` for SQLite); queries, rules and publishing
/// are Swift over it.
///
/// ```swift
/// let board = try store.readingNow { transaction in try transaction.prices.board(of: "2026-11-20", comparedWith: nil) }
/// ```
public protocol PriceTransaction: StoreTransaction {
    /// The varieties and markets, to check and resolve entries.
    func catalogue() throws -> CatalogueIndex
    /// Every variety with its category, by code.
    func varietyMatches() throws -> [PriceQueries.VarietyMatch]
    func categories() throws -> [PriceCategory]
    func varietyName(_ code: String) throws -> String?

    func price(id: String) throws -> PriceObservation?
    /// The village that recorded a price (`""` for a county bulletin's), or `nil` if it is not held.
    func villageOfPrice(_ id: String) throws -> String?
    /// The county's price in force for a day, variety, market and spec, if any.
    func publishedPrice(on day: BeijingDay, variety: String, market: String, spec: String) throws -> PriceObservation?
    /// The prices stations recorded, newest first.
    /// The prices stations recorded, newest first, of the villages whose codes begin with `division` (`""`: all).
    func recentlyRecorded(within division: String, limit: Int) throws -> [PriceObservation]
    /// How many bulletins are held for a day, or in all.
    func bulletinCount(on day: BeijingDay?) throws -> Int
    /// Every counting price from 28 days before `first` through `last`, optionally of one variety
    /// and market, into a history oldest first (``PriceHistory``).
    func history(from first: BeijingDay, through last: BeijingDay, variety: String?, market: String?) throws -> PriceHistory

    /// The newest day with counting prices on or before a day, of one variety or of any.
    func latestDay(onOrBefore day: BeijingDay, variety: String?) throws -> String?
    /// The board of a day from its sums, with each variety's trusted average on `comparedWith`.
    func board(of day: String, comparedWith: String?) throws -> [PriceQueries.BoardRow]
    /// A variety's trusted prices day by day, at one market or all together.
    func series(_ variety: String, market: String?, from first: BeijingDay, through last: BeijingDay) throws -> [PriceQueries.Point]
    /// A variety's trusted average on a day at the markets of one region (a county's 6-digit code),
    /// and how many markets it is of; `nil` when none of them has a trusted price that day.
    func averageAtMarkets(inRegion region: String, variety: String, on day: String) throws -> (avgFen: Int64, markets: Int)?
    /// The newest price within the days at every market, dearest first.
    func newestAtEachMarket(variety: String, from first: BeijingDay, through last: BeijingDay) throws -> [PriceQueries.MarketPrice]

    /// Derived as records arrive (``PricesArrivals``): a bulletin's rows laid out as prices and
    /// counted; prices added to their days' sums unless a correction of one is held;
    /// a price marked superseded; a corrected price superseded and its day counted again.
    func layOutBulletin(_ bulletinID: String) throws
    /// Adds prices to their days' sums, each unless a correction of it is held; the ids of those.
    func addToDaySums(_ prices: [ArrivedRecord]) throws -> [String]
    func markSuperseded(_ priceID: String) throws
    func supersedeCorrected(_ priceID: String) throws
}

extension StoreTransaction {
    /// The transaction as the prices module reads and writes in it.
    public var prices: any PriceTransaction {
        get throws { try self.as((any PriceTransaction).self) }
    }
}
