/// The price catalogue in memory, to check and resolve many entries quickly: varieties and
/// markets by code, id or name, as a spreadsheet may give either.
///
/// ```swift
/// let catalogue = try transaction.prices.catalogue()
/// catalogue.variety(named: "玉米")?.code   // "01010301"
/// ```
public struct CatalogueIndex: Sendable {
    public let varieties: [Variety]
    public let markets: [Market]
    let varietyByCode: [String: Variety]
    let varietyByName: [String: Variety]
    let marketByID: [String: Market]
    let marketByName: [String: Market]

    public init(varieties: [Variety], markets: [Market]) {
        self.varieties = varieties
        self.markets = markets
        varietyByCode = Dictionary(varieties.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        varietyByName = Dictionary(varieties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        marketByID = Dictionary(markets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        marketByName = Dictionary(markets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func variety(_ code: String) -> Variety? { varietyByCode[code] }
    public func market(_ id: String) -> Market? { marketByID[id] }

    /// A variety by its code or its exact name.
    public func variety(named text: String) -> Variety? { varietyByCode[text] ?? varietyByName[text] }

    /// A market by its id or its exact name.
    public func market(named text: String) -> Market? { marketByID[text] ?? marketByName[text] }
}
