import DomainCore

/// What prices are quoted for and where: the county's categories, varieties and markets, published
/// by the county to every station.
///
/// ```swift
/// let catalogue = try JSONCoding.decoder.decode(PriceCatalogue.self, from: data)
/// try await PricePublisher(replica: county).publish(catalogue)
/// ```
public struct PriceCatalogue: Codable, Sendable, Equatable {
    public let categories: [PriceCategory]
    public let varieties: [Variety]
    public let markets: [Market]

    public init(categories: [PriceCategory], varieties: [Variety], markets: [Market]) {
        self.categories = categories
        self.varieties = varieties
        self.markets = markets
    }
}
