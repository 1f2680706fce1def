public import StoreInterface

/// What the villages module reads in a transaction of its store. Each store's transaction adopts
/// it (`VillagesSQLite` for SQLite); divisions are written through the county's replica.
///
/// ```swift
/// let villages = try await store.reading { transaction in try transaction.villages.villages() }
/// ```
public protocol VillageTransaction: StoreTransaction {
    /// The county this store serves, if divisions have arrived.
    func county() throws -> County?
    /// Every village, ordered by code (so by township).
    func villages() throws -> [VillageEntry]
    /// One village by its 12-digit code, or `nil`.
    func village(code: String) throws -> VillageEntry?
    /// A village as people name it, township first (`城关镇东山村`); `nil` for a code not held.
    func placeName(code: String) throws -> String?
}

extension StoreTransaction {
    /// The transaction as the villages module reads in it.
    public var villages: any VillageTransaction {
        get throws { try self.as((any VillageTransaction).self) }
    }
}
