public import Sync

/// What the prices module hands to the sync layer.
///
/// The catalogue and the bulletins are the county's, signed: the catalogue hub-wide, a bulletin for
/// the hub's whole area or one division beneath it, as one document with one signature however many
/// rows it has. A price a station records is an
/// append-only fact of its village that travels to the county.
///
/// ```swift
/// let replica = try Replica(store: store, role: .county, collections: PricesCollections.all)
/// ```
public enum PricesCollections {
    public static let category = SyncCollection(
        name: "prices.category", table: "price_category", columns: PriceCategory.CodingKeys.self, idColumn: "code",
        scope: .countyWide, policy: .countyAuthoritative)
    public static let variety = SyncCollection(
        name: "prices.variety", table: "price_variety", columns: Variety.CodingKeys.self, idColumn: "code",
        scope: .countyWide, policy: .countyAuthoritative)
    public static let market = SyncCollection(
        name: "prices.market", table: "price_market", columns: Market.CodingKeys.self, scope: .countyWide,
        policy: .countyAuthoritative)
    public static let bulletin = SyncCollection(
        name: "prices.bulletin", table: "price_bulletin",
        fields: ["observed_on", "source", "title", "published_at", "row_count", "rows"],
        scope: .division(column: "division"), policy: .countyAuthoritative, arrival: PricesArrivals.bulletin)
    public static let observation = SyncCollection(
        name: "prices.observation", table: "price_observation", columns: PriceObservation.CodingKeys.self,
        // A bulletin's rows are derived from the bulletin where it is kept, so the link is not synced.
        unsynced: [.bulletinID],
        scope: .village(column: "village_code"), policy: .appendOnly, rules: PricesRuleBook.observation,
        arrival: PricesArrivals.observation)

    /// In the order records must arrive: a bulletin's rows name varieties and markets.
    public static let all = [category, variety, market, bulletin, observation]
}
