public import Sync

/// Where the divisions are kept: what the villages module reads and writes, in its own words.
/// The SQLite store (`VillagesSQLite`) implements it; nothing above it sees a table.
///
/// ```swift
/// let directory = VillageDirectory(store: SQLiteVillageStore(store))
/// ```
public protocol VillageStore: Sendable {
    /// Writes every record of the divisions through the county's replica, in one transaction.
    func publish(_ divisions: Divisions, through replica: Replica) async throws
    /// The county this store serves, if divisions have arrived.
    func county() async throws -> County?
    /// Every village, ordered by code (so by township).
    func villages() async throws -> [VillageEntry]
    /// One village by its 12-digit code, or `nil`.
    func village(code: String) async throws -> VillageEntry?
}
