/// A lot as an operator registers it. Without a trace code the station makes one (16 digits:
/// township and village, the date, a serial and a check digit), short enough to type.
///
/// ```swift
/// let entry = LotEntry(productName: "富士苹果", quantityG: 500_000, producerName: "张建国", producerKind: .person)
/// ```
public struct LotEntry: Codable, Sendable, Equatable {
    public var traceCode: String?
    public var productName: String
    public var varietyCode: String?
    public var quantityG: Int64
    public var producerName: String
    public var producerKind: PartyKind
    public var producerPhone: String?
    public var producerCreditCode: String?
    public var origin: String?

    public init(
        traceCode: String? = nil, productName: String, varietyCode: String? = nil, quantityG: Int64,
        producerName: String, producerKind: PartyKind, producerPhone: String? = nil,
        producerCreditCode: String? = nil, origin: String? = nil
    ) {
        self.traceCode = traceCode
        self.productName = productName
        self.varietyCode = varietyCode
        self.quantityG = quantityG
        self.producerName = producerName
        self.producerKind = producerKind
        self.producerPhone = producerPhone
        self.producerCreditCode = producerCreditCode
        self.origin = origin
    }
}
