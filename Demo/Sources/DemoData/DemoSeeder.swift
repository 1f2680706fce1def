import Storage
import Sync
import Villages

/// Fills the county with the demo's sample data; stations receive theirs by sync.
///
/// Each domain adds its own sample data here as it lands. Publishing twice leaves the same data.
///
/// ```swift
/// try await DemoSeeder.seedCounty(countyReplica)
/// ```
public enum DemoSeeder {
    /// The county server's data: the divisions it is authoritative for.
    public static func seedCounty(_ county: Replica) async throws {
        try await VillageDirectory(store: county.store).publish(SampleCounty.divisions, through: county)
    }
}
