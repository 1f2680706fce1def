/// Changes to a lot's master data; absent fields stay as they are. Each field merges on its own
/// at the county, so an operator's new quantity and the county's corrected origin both survive;
/// concurrent edits of the quantity or the producer are also kept for a person to review.
///
/// ```swift
/// var change = LotAmendment()
/// change.quantityG = 480_000
/// let lot = try await recorder.amend(lotID: lot.id, change, by: "operator-1")
/// ```
public struct LotAmendment: Codable, Sendable, Equatable {
    public var productName: String?
    public var quantityG: Int64?
    public var producerName: String?
    public var producerKind: PartyKind?
    public var producerPhone: String?
    public var producerCreditCode: String?
    public var origin: String?

    public init() {}
}
