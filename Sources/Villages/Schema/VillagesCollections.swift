public import Sync

/// What the villages module hands to the sync layer: divisions are county-authoritative and
/// county-wide, so every station receives them and only the county writes them.
///
/// ```swift
/// let replica = try Replica(store: store, role: .county, collections: VillagesCollections.all)
/// ```
public enum VillagesCollections {
    public static let county = SyncCollection(
        name: "villages.county", table: "county", columns: County.CodingKeys.self, idColumn: "code", scope: .countyWide,
        policy: .countyAuthoritative)
    public static let township = SyncCollection(
        name: "villages.township", table: "township", columns: Township.CodingKeys.self, idColumn: "code",
        scope: .countyWide, policy: .countyAuthoritative)
    public static let village = SyncCollection(
        name: "villages.village", table: "village", columns: Village.CodingKeys.self, idColumn: "code",
        scope: .countyWide, policy: .countyAuthoritative)

    /// In the order records must arrive: a village refers to its township, a township to its county.
    public static let all = [county, township, village]
}
