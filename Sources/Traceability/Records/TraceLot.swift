public import StoreInterface

/// A lot (批次) of farm produce: what a trace code names. Master data of the village that made it,
/// merged field by field, read by every station so that a code scanned anywhere in the county is
/// found; what happened to it is in its ``TraceEvent``s.
///
/// The quantity is in grams, so that 0.5 公斤 needs no fraction.
///
/// ```swift
/// let lot = try await TraceRecorder(replica: station).register(entry, by: "operator-1")
/// lot.traceCode   // "(01)06901234567892(10)2605A1", upper-cased and trimmed
/// ```
public struct TraceLot: Codable, Sendable, Equatable {
    public let id: String
    /// The village whose station registered it.
    public let villageCode: String
    /// The lot's outbound code (追溯码), passed to the next link of the chain.
    public let traceCode: String
    public let productName: String
    /// The prices catalogue's variety, when the product is one.
    public let varietyCode: String
    public let quantityG: Int64
    public let producerName: String
    public let producerKind: PartyKind
    public let producerPhone: String
    /// The producer's unified social credit code, for an organisation.
    public let producerCreditCode: String
    /// Where it grew (产地): a group, a plot or a field's name within the village.
    public let origin: String
    public let createdAt: String

    /// Read column by column, as a lookup reads a lot and all its sources.
    public init(row: some StoredRow) {
        id = row.text("id")
        villageCode = row.text("village_code")
        traceCode = row.text("trace_code")
        productName = row.text("product_name")
        varietyCode = row.text("variety_code")
        quantityG = row.integer("quantity_g")
        producerName = row.text("producer_name")
        producerKind = PartyKind(rawValue: row.text("producer_kind")) ?? .person
        producerPhone = row.text("producer_phone")
        producerCreditCode = row.text("producer_credit_code")
        origin = row.text("origin")
        createdAt = row.text("created_at")
    }
}
