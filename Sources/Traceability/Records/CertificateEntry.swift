/// A compliance certificate (合格证) to issue for a lot; the product, quantity, producer and
/// origin are the lot's. The issue date defaults to today in Beijing.
///
/// ```swift
/// let entry = CertificateEntry(lotID: lot.id, testKind: .selfTest, testPassed: true)
/// ```
public struct CertificateEntry: Codable, Sendable, Equatable {
    public var lotID: String
    public var issuedOn: String?
    public var testKind: TestKind?
    public var testPassed: Bool?

    enum CodingKeys: String, CodingKey {
        case issuedOn, testKind, testPassed
        case lotID = "lotId"
    }

    public init(lotID: String, issuedOn: String? = nil, testKind: TestKind? = nil, testPassed: Bool? = nil) {
        self.lotID = lotID
        self.issuedOn = issuedOn
        self.testKind = testKind
        self.testPassed = testPassed
    }
}
