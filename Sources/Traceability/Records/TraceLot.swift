import StoreInterface
public import Sync

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
public struct TraceLot: SyncRecord, Sendable, Equatable {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, traceCode, productName, varietyCode, quantityG, producerName, producerKind, producerPhone
        case producerCreditCode, origin, createdAt
    }
}
