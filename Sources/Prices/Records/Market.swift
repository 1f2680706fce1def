import StoreInterface
public import Sync

/// A place prices are observed: a wholesale market (批发市场), a town market (集贸市场) or a
/// collection point (收购点), in a GB/T 2260 region.
///
/// ```swift
/// let market = Market(id: "M01", name: "梅州农产品批发市场", regionCode: "441402", kind: .wholesale)
/// ```
public struct Market: SyncRecord, Sendable, Equatable {
    public let id: String
    public let name: String
    /// The 6-digit GB/T 2260 code of its county or district.
    public let regionCode: String
    public let kind: Kind

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, regionCode, kind
    }

    public init(id: String, name: String, regionCode: String, kind: Kind) {
        self.id = id
        self.name = name
        self.regionCode = regionCode
        self.kind = kind
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case wholesale = "批发市场"
        case townMarket = "集贸市场"
        case collectionPoint = "收购点"
    }
}
