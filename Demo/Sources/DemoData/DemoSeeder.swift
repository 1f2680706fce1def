import Storage
import Villages

/// Fills a county store and a station store with the demo's sample data.
///
/// Each domain adds its own sample data here as it lands. Seeding replaces county-authoritative
/// data as a whole, so running it twice leaves the same stores.
///
/// ```swift
/// try await DemoSeeder.seedCounty(countyStore)
/// try await DemoSeeder.seedStation(stationStore)
/// ```
public enum DemoSeeder {
    /// The county server's data: the divisions it is authoritative for.
    public static func seedCounty(_ store: Store) async throws {
        try await VillageDirectory(store: store).replace(with: SampleCounty.divisions)
    }

    /// The station's data. Until stations sync, the station receives the county's divisions here.
    public static func seedStation(_ store: Store) async throws {
        try await VillageDirectory(store: store).replace(with: SampleCounty.divisions)
    }
}
