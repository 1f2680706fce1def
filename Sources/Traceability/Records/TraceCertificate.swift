import StoreInterface
public import Sync

/// A compliance certificate (承诺达标合格证) issued for one lot, with its own code: product,
/// quantity, producer and contact, origin, issue date, the producer's promise and, optionally, a
/// self-test or laboratory result. Mixed or split produce needs a certificate of its own lot.
///
/// ```swift
/// let certificate = try await recorder.issue(CertificateEntry(lotID: lot.id, issuedOn: "2026-06-01"), by: "operator-1")
/// certificate.code   // "HG2606010427183"
/// ```
public struct TraceCertificate: SyncRecord, Sendable, Equatable {
    public let id: String
    public let code: String
    public let lotID: String
    public let villageCode: String
    public let productName: String
    public let quantityG: Int64
    public let producerName: String
    public let producerKind: PartyKind
    public let producerPhone: String
    public let origin: String
    public let issuedOn: String
    /// The promise (承诺) printed on it.
    public let promise: String
    public let testKind: TestKind?
    public let testPassed: Bool?
    public let issuedBy: String
    public let recordedAt: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, code, villageCode, productName, quantityG, producerName, producerKind, producerPhone, origin
        case issuedOn, promise, testKind, testPassed, issuedBy, recordedAt
        case lotID = "lotId"
    }

    /// The promise of the 2026 rules: no banned pesticides or veterinary drugs, no illegal
    /// additives, residues within limits, and the producer answers for it.
    public static let standardPromise =
        "我承诺对生产销售的食用农产品：不使用禁用农药兽药、停用兽药和非法添加物；常规农药兽药残留不超标；对承诺的真实性负责。"
}
