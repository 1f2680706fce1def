public import ChinaLocale
import Foundation
public import Sync
public import StoreInterface

/// The county's side of prices: publishes the catalogue and the bulletins, through the county's
/// replica, which signs them for every station.
///
/// ```swift
/// let publisher = PricePublisher(replica: countyReplica)
/// try await publisher.publish(catalogue)
/// let report = try await publisher.importSheet(data, source: "县农业农村局")
/// ```
public struct PricePublisher: Sendable {
    let replica: Replica
    let today: @Sendable () -> BeijingDay

    public init(replica: Replica, today: @escaping @Sendable () -> BeijingDay = { BeijingDay.today() }) {
        self.replica = replica
        self.today = today
    }

    /// Publishes categories, varieties and markets in one transaction; unchanged records cost nothing.
    public func publish(_ catalogue: PriceCatalogue) async throws {
        try CatalogueRules.validate(catalogue)
        try await replica.writing { [replica] transaction in
            for category in catalogue.categories {
                try replica.write(transaction, record: category, id: category.code, to: PricesCollections.category)
            }
            for variety in catalogue.varieties {
                try replica.write(transaction, record: variety, id: variety.code, to: PricesCollections.variety)
            }
            for market in catalogue.markets {
                try replica.write(transaction, record: market, id: market.id, to: PricesCollections.market)
            }
        }
    }

    /// Publishes a bulletin as it is, flags included, in the caller's transaction.
    public func publish(_ bulletin: PriceBulletin, _ transaction: any StoreTransaction) throws {
        try replica.write(transaction, to: PricesCollections.bulletin.name, id: bulletin.id, fields: bulletin.fields(publishedAt: Date()))
    }

    /// Publishes checked prices as one bulletin per day, for a division (`""`: the hub's whole
    /// area), in the caller's transaction. Flags are set against the prices already held and those
    /// before them in the same call.
    public func publish(
        _ prices: [CheckedPrice], source: String, division: String = "", _ transaction: any StoreTransaction
    ) throws -> [PriceBulletin] {
        guard let first = prices.map(\.day).min(), let last = prices.map(\.day).max() else { return [] }
        let held = try transaction.prices
        var check = SuspectPriceCheck(history: try held.history(from: first, through: last, variety: nil, market: nil))
        var bulletins: [PriceBulletin] = []
        for (day, group) in Dictionary(grouping: prices, by: \.day).sorted(by: { $0.key < $1.key }) {
            let flagged = group.map { price in
                var price = price
                price.flags = check.flags(for: price)
                return price
            }
            let serial = try held.bulletinCount(on: day)
            let bulletin = PriceBulletin(id: "PB-\(day.text)-\(serial + 1)", day: day, source: source, prices: flagged, division: division)
            try publish(bulletin, transaction)
            bulletins.append(bulletin)
        }
        return bulletins
    }
}
