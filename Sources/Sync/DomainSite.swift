public import StoreInterface

/// Where a domain's routes run: the program's store, which side of the hub it is, and its replica
/// (at a station, `nil` until it enrolls). The one notion of side every domain reads, so that what a
/// side may do is decided the same way in every module.
///
/// ```swift
/// let site = DomainSite.station(store: store) { try await link.replica() }
/// PriceRoutes(site).addRoutes(to: router.group("api/v1"))   // offers POST prices/observations
/// DomainSite.county(store: store, replica: county).side      // .county
/// ```
public struct DomainSite: Sendable {
    /// The side of the hub a program is.
    public enum Side: Sendable, Hashable {
        /// A village's station: it records the village's own facts.
        case station
        /// The county's hub: it publishes, reviews and posts.
        case county
    }

    public let store: any TransactionStore
    public let side: Side
    /// The program's replica, when it has one.
    public let replica: @Sendable () async throws -> Replica?

    public init(store: any TransactionStore, side: Side, replica: @escaping @Sendable () async throws -> Replica?) {
        self.store = store
        self.side = side
        self.replica = replica
    }

    /// A station, whose replica exists once it is enrolled.
    public static func station(store: any TransactionStore, replica: @escaping @Sendable () async throws -> Replica?) -> DomainSite {
        DomainSite(store: store, side: .station, replica: replica)
    }

    /// The county's hub and its replica.
    public static func county(store: any TransactionStore, replica: Replica) -> DomainSite {
        DomainSite(store: store, side: .county) { replica }
    }
}
