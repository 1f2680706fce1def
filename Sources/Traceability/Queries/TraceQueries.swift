public import StoreInterface

/// The traceability module's reads, all from local data: a code looked up, a lot's lineage, the
/// village's recent lots.
///
/// `placeName` names a village from its code (the villages module knows divisions); without it
/// the code itself is shown.
///
/// ```swift
/// let queries = TraceQueries(store: store) { transaction, code in try transaction.villages.placeName(code: code) }
/// let answer = try queries.lookup("(01)06901234567892(10)A1")
/// ```
public struct TraceQueries: Sendable {
    let store: any TransactionStore
    /// Names a village in the transaction of the read that needs it.
    public typealias PlaceName = @Sendable (any StoreTransaction, String) throws -> String?
    let placeName: PlaceName

    public init(store: any TransactionStore, placeName: @escaping PlaceName = { _, _ in nil }) {
        self.store = store
        self.placeName = placeName
    }

    /// A lot with what the screen lists beside it.
    public struct LotSummary: Codable, Sendable {
        public let lot: TraceLot
        public let events: Int
        public let certificates: Int
        public let safetyViolations: Int
    }

    /// The lots registered here most recently (the operator's list), with their safety flags.
    public func recentLots(village: String?, limit: Int) async throws -> [LotSummary] {
        try await store.reading { transaction in
            let trace = try transaction.trace
            return try trace.recentLots(village: village, limit: limit).map { lot in
                let lineage = try TraceLineage.events(trace, lineageOf: lot.id)
                return LotSummary(
                    lot: lot, events: lineage.filter { $0.lotID == lot.id }.count,
                    certificates: try trace.certificateCount(ofLot: lot.id),
                    safetyViolations: SafetyIntervalCheck.violations(in: lineage).count)
            }
        }
    }

    /// A lot's lineage one way, each lot with its code and product.
    public struct LineageLot: Codable, Sendable {
        public let lotID: String
        public let depth: Int
        public let traceCode: String
        public let productName: String
        public let villageCode: String

        enum CodingKeys: String, CodingKey {
            case depth, traceCode, productName, villageCode
            case lotID = "lotId"
        }
    }

    public func lineage(of lotID: String, direction: TraceLineage.Direction) async throws -> [LineageLot]? {
        try await store.reading { transaction in
            let trace = try transaction.trace
            guard try trace.lot(id: lotID) != nil else { return nil }
            return try TraceLineage.lots(trace, from: lotID, direction: direction).compactMap { step in
                try trace.lot(id: step.lotID).map {
                    LineageLot(
                        lotID: $0.id, depth: step.depth, traceCode: $0.traceCode, productName: $0.productName,
                        villageCode: $0.villageCode)
                }
            }
        }
    }
}
