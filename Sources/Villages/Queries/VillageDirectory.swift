public import Sync

/// Reads a store's divisions (the county, its townships and villages), and publishes them at the county.
///
/// Divisions are county-authoritative: the county publishes them through its sync replica, which
/// signs them, and every station receives them by sync.
///
/// ```swift
/// try await VillageDirectory(store: countyVillages).publish(divisions, through: countyReplica)
/// let villages = try await VillageDirectory(store: stationVillages).villages()
/// ```
public struct VillageDirectory: Sendable {
    let store: any VillageStore

    public init(store: any VillageStore) {
        self.store = store
    }

    /// Validates the divisions, then writes every record through the county's replica, in one
    /// transaction; a record already published with the same values is written again harmlessly.
    public func publish(_ divisions: Divisions, through replica: Replica) async throws {
        try DivisionRules.validate(divisions)
        try await store.publish(divisions, through: replica)
    }

    /// The county this store serves, if divisions have arrived.
    public func county() async throws -> County? {
        try await store.county()
    }

    /// Every village, ordered by code (so by township).
    public func villages() async throws -> [VillageEntry] {
        try await store.villages()
    }

    /// One village by its 12-digit code, or `nil`.
    public func village(code: String) async throws -> VillageEntry? {
        try await store.village(code: code)
    }

    /// A village as people name it, township first (`城关镇东山村`); `nil` for a code not held.
    /// Other modules show a village's name through it.
    public func placeName(code: String) async throws -> String? {
        try await store.village(code: code).map { $0.townshipName + $0.name }
    }
}
