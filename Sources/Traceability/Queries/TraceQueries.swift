public import GRDB
public import Storage

/// The traceability module's reads, all from local data: a code looked up, a lot's lineage, the
/// village's recent lots.
///
/// `placeName` names a village from its code (the villages module knows divisions); without it
/// the code itself is shown.
///
/// ```swift
/// let queries = TraceQueries(store: store, placeName: SQLiteVillageStore.placeName)
/// let answer = try queries.lookup("(01)06901234567892(10)A1")
/// ```
public struct TraceQueries: Sendable {
    let store: Store
    let placeName: @Sendable (Database, String) throws -> String?

    public init(store: Store, placeName: @escaping @Sendable (Database, String) throws -> String? = { _, _ in nil }) {
        self.store = store
        self.placeName = placeName
    }

    static func lot(_ db: Database, id: String) throws -> TraceLot? {
        try TraceLot.fetchOne(db.cachedStatement(sql: Statements.lotByID), arguments: [id])
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
        try await store.pool.read { db in
            let lots = try TraceLot.fetchAll(
                db,
                sql: """
                    SELECT * FROM trace_lot WHERE ?1 IS NULL OR village_code = ?1
                    ORDER BY created_at DESC, id LIMIT ?2
                    """,
                arguments: [village, limit])
            return try lots.map { lot in
                let lineage = try TraceLineage.events(db, lineageOf: lot.id)
                return LotSummary(
                    lot: lot, events: lineage.filter { $0.lotID == lot.id }.count,
                    certificates: try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM trace_certificate WHERE lot_id = ?", arguments: [lot.id]) ?? 0,
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
        try await store.pool.read { db in
            guard try Self.lot(db, id: lotID) != nil else { return nil }
            return try TraceLineage.lots(db, from: lotID, direction: direction).compactMap { step in
                try Self.lot(db, id: step.lotID).map {
                    LineageLot(
                        lotID: $0.id, depth: step.depth, traceCode: $0.traceCode, productName: $0.productName,
                        villageCode: $0.villageCode)
                }
            }
        }
    }
}
