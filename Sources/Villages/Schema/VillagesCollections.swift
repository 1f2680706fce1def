public import Sync

/// What the villages module hands to the sync layer: divisions are county-authoritative and
/// county-wide, so every station receives them and only the county writes them.
///
/// ```swift
/// let replica = try Replica(store: store, role: .county, collections: VillagesCollections.all)
/// ```
public enum VillagesCollections {
    public static let county = SyncCollection(
        name: "villages.county", table: "county", idColumn: "code", fields: ["name", "city", "province"],
        scope: .countyWide, policy: .countyAuthoritative)
    public static let township = SyncCollection(
        name: "villages.township", table: "township", idColumn: "code", fields: ["county_code", "name"],
        scope: .countyWide, policy: .countyAuthoritative)
    public static let village = SyncCollection(
        name: "villages.village", table: "village", idColumn: "code",
        fields: ["township_code", "name", "households", "population"],
        scope: .countyWide, policy: .countyAuthoritative)

    /// In the order records must arrive: a village refers to its township, a township to its county.
    public static let all = [county, township, village]
}
