/// Lots mixed or split (混批/分批): the input lots end, and each output lot is registered with
/// its own code and quantity. Outputs weigh no more than the inputs together.
///
/// ```swift
/// let mixed = TransformationEntry(inputs: [a.id, b.id], outputs: [LotEntry(productName: "苹果", …)],
///                                 occurredAt: "2026-06-03T10:00:00+08:00")
/// ```
public struct TransformationEntry: Codable, Sendable, Equatable {
    public var inputs: [String]
    public var outputs: [LotEntry]
    public var occurredAt: String
    public var bizLocation: String?
    public var note: String?

    public init(inputs: [String], outputs: [LotEntry], occurredAt: String, bizLocation: String? = nil, note: String? = nil) {
        self.inputs = inputs
        self.outputs = outputs
        self.occurredAt = occurredAt
        self.bizLocation = bizLocation
        self.note = note
    }
}
