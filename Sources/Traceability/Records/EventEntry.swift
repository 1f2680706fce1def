/// An event as an operator or the county records it. Which fields it needs depends on its kind:
/// a pesticide its product, registration number, dose and safety interval; a test its kind, item
/// and result; a recall or a retraction its reason in `note`.
///
/// ```swift
/// var spray = EventEntry(lotID: lot.id, kind: .pesticide, occurredAt: "2026-05-20T08:00:00+08:00")
/// spray.inputName = "吡虫啉"; spray.registrationNumber = "PD20080001"; spray.dose = "20克/亩"
/// spray.safetyIntervalDays = 14
/// ```
public struct EventEntry: Codable, Sendable, Equatable {
    public var lotID: String
    public var kind: TraceEventKind
    public var occurredAt: String
    public var readPoint: String?
    public var bizLocation: String?
    public var disposition: String?
    public var sourceName: String?
    public var sourceKind: PartyKind?
    public var destinationName: String?
    public var destinationKind: PartyKind?
    public var quantityG: Int64?
    public var inputName: String?
    public var registrationNumber: String?
    public var dose: String?
    public var safetyIntervalDays: Int?
    public var testKind: TestKind?
    public var testItem: String?
    public var testPassed: Bool?
    public var tester: String?
    public var retracts: String?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case kind, occurredAt, readPoint, bizLocation, disposition, sourceName, sourceKind, destinationName
        case destinationKind, quantityG, inputName, registrationNumber, dose, safetyIntervalDays, testKind, testItem
        case testPassed, tester, retracts, note
        case lotID = "lotId"
    }

    public init(lotID: String, kind: TraceEventKind, occurredAt: String) {
        self.lotID = lotID
        self.kind = kind
        self.occurredAt = occurredAt
    }
}
