public import Sync
public import StoreInterface

/// Reads a store's divisions (the county, its townships and villages), and publishes them at the county.
///
/// Divisions are county-authoritative: the county publishes them through its sync replica, which
/// signs them, and every station receives them by sync.
///
/// ```swift
/// try await VillageDirectory(store: countyStore).publish(divisions, through: countyReplica)
/// let villages = try await VillageDirectory(store: stationStore).villages()
/// ```
public struct VillageDirectory: Sendable {
    let store: any TransactionStore

    public init(store: any TransactionStore) {
        self.store = store
    }

    /// Validates the divisions, then writes every record through the county's replica, in one
    /// transaction; a record already published with the same values is written again harmlessly.
    public func publish(_ divisions: Divisions, through replica: Replica) async throws {
        try DivisionRules.validate(divisions)
        try await replica.writing { transaction in
            let county = divisions.county
            try replica.write(transaction, record: county, id: county.code, to: VillagesCollections.county)
            for township in divisions.townships {
                try replica.write(transaction, record: township, id: township.code, to: VillagesCollections.township)
            }
            for village in divisions.villages {
                try replica.write(transaction, record: village, id: village.code, to: VillagesCollections.village)
            }
        }
    }

    /// The county this store serves, if divisions have arrived.
    public func county() async throws -> County? {
        try await store.reading { try $0.villages.county() }
    }

    /// Every village, ordered by code (so by township).
    public func villages() async throws -> [VillageEntry] {
        try await store.reading { try $0.villages.villages() }
    }

    /// One village by its 12-digit code, or `nil`.
    public func village(code: String) async throws -> VillageEntry? {
        try await store.reading { try $0.villages.village(code: code) }
    }
}
