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
            try replica.write(
                transaction, to: VillagesCollections.county.name, id: county.code,
                fields: ["name": .text(county.name), "city": .text(county.city), "province": .text(county.province)])
            for township in divisions.townships {
                try replica.write(
                    transaction, to: VillagesCollections.township.name, id: township.code,
                    fields: ["county_code": .text(township.countyCode), "name": .text(township.name)])
            }
            for village in divisions.villages {
                try replica.write(
                    transaction, to: VillagesCollections.village.name, id: village.code,
                    fields: [
                        "township_code": .text(village.townshipCode), "name": .text(village.name),
                        "households": .integer(Int64(village.households)),
                        "population": .integer(Int64(village.population)),
                    ])
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
